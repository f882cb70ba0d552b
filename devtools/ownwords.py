"""Find runs of eight or more words that the site shares with the consultancy's source article.

The article is where the facts come from, not the sentences: ``python -m devtools.ownwords [PATH…]``
prints each shared run with the file it is in and exits 1 when there is one. With no path it reads
what editors write (``docs/``, ``overrides/``, ``mkdocs.yml``); give it a built ``site/`` to check every
page, its head and the search index as readers and crawlers get them.
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from devtools.project import ROOT

# A copy of the consultancy's article (../shared/source/), kept with the tooling so that a clean clone,
# as CI makes, can check against it; it is test data, never published.
SOURCE = Path(__file__).parent / "source" / "mlops-article.txt"
RUN = 8  # the shortest run of words that counts as copied
TEXT_FILES = {".md", ".yml", ".yaml", ".html", ".txt", ".xml", ".json", ".js"}
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SPELLING = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": " ", "\u2014": " ", "\u00a0": " "})


def words(text: str) -> list[str]:
    """Return the words of ``text``, lower-case, with typographic quotes and dashes made plain."""
    return _WORD.findall(html.unescape(text).lower().translate(_SPELLING))


def runs(text: str, size: int = RUN) -> Iterator[tuple[str, ...]]:
    """Yield every run of ``size`` consecutive words in ``text``."""
    found = words(text)
    for start in range(len(found) - size + 1):
        yield tuple(found[start : start + size])


class _Text(HTMLParser):
    """The words a reader or a crawler gets from a page: its text and the attributes shown or indexed.

    An element's boundary ends a run of words (a heading is not read on into the paragraph after it),
    but the inline tags inside a sentence do not: bold or a link in the middle of a copied sentence
    must not hide it. Each attribute shown or indexed is a piece of text of its own.
    """

    SHOWN = {"content", "alt", "title", "aria-label", "placeholder", "value"}
    INLINE = {
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    }  # fmt: skip
    BREAK = "\x00"  # not a line break: a paragraph wrapped over several lines is still one run of words

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(" " if tag in self.INLINE else self.BREAK)
        self.attributes += [value for name, value in attrs if name in self.SHOWN and value]

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(" " if tag in self.INLINE else self.BREAK)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def chunks(self) -> list[str]:
        """Return the pieces of text fed so far in which a run of words may be found."""
        return "".join(self.parts).split(self.BREAK) + self.attributes


def _chunks(path: Path) -> Iterator[str]:
    """Yield the pieces of text in ``path`` in which a run of words may be found."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".html":
        parser = _Text()
        parser.feed(text)
        yield from parser.chunks()
    elif path.name == "search_index.json":
        for doc in json.loads(text).get("docs", []):
            yield doc.get("title", "")
            yield re.sub(r"<[^>]+>", " ", doc.get("text", ""))
    else:
        yield text


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in TEXT_FILES)
        elif path.is_file():
            yield path


def shared_runs(paths: Iterable[Path], source: Path = SOURCE) -> list[tuple[Path, str]]:
    """Return each (file, run of words) that also appears in ``source``, longest overlaps merged."""
    known = set(runs(source.read_text(encoding="utf-8")))
    found: list[tuple[Path, str]] = []
    for path in _files(paths):
        for chunk in _chunks(path):
            ws = words(chunk)
            start = 0
            while start <= len(ws) - RUN:
                if tuple(ws[start : start + RUN]) in known:
                    end = start + RUN
                    while end < len(ws) and tuple(ws[end - RUN + 1 : end + 1]) in known:
                        end += 1
                    found.append((path, " ".join(ws[start:end])))
                    start = end
                else:
                    start += 1
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [Path(a) for a in args] or [ROOT / "docs", ROOT / "overrides", ROOT / "mkdocs.yml"]
    found = shared_runs(paths, SOURCE)
    for path, run in found:
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f'{shown}: shares {len(run.split())} words with the source article: "{run}"')
    if found:
        print(f"{len(found)} run(s) of {RUN}+ words copied from {SOURCE.name}; say it in your own words.")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
