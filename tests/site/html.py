"""A small reader for built pages: elements with their attributes and text (stdlib only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Element] = field(default_factory=list)

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        def matches(e: Element) -> bool:
            for name, value in attrs.items():
                name = name.rstrip("_").replace("_", "-")
                if name == "class":
                    if value not in e.attrs.get("class", "").split():
                        return False
                elif e.attrs.get(name) != value:
                    return False
            return tag is None or e.tag == tag

        return [e for e in self.iter() if matches(e)]

    def find(self, tag: str | None = None, **attrs: str) -> Element | None:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    @property
    def all_text(self) -> str:
        return self.text + "".join(child.all_text for child in self.children)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        self.stack[-1].children.append(Element("#text", {}, data))


def parse(source: str | Path) -> Element:
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    builder = _Builder()
    builder.feed(text)
    return builder.root


def site_pages(site: Path, with_404: bool = True) -> list[Path]:
    """Return the built site's reader pages: every index.html but search's and the embed pages (a tool
    alone, for other sites to frame: no navigation, head links or icons, tested in tests/test_embed.py)."""
    found = sorted(
        p
        for p in site.rglob("index.html")
        if p.parent.name != "search" and "embed" not in p.relative_to(site).parts[:1]
    )
    return found + ([site / "404.html"] if with_404 else [])
