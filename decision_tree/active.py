"""Find what in a page of HTML runs code or escapes the style policy: the things a site must mean to have.

Inline scripts a browser would run, event-handler attributes (``onclick``), ``javascript:`` addresses,
``<style>`` elements and ``style`` attributes. The security headers allow only the inline scripts the
theme's templates hold (``deploy/csp.py``); the plugin refuses all of these in a page's own Markdown,
at the line an editor wrote them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# Script types a browser runs, so CSP governs them (https://html.spec.whatwg.org/#javascript-mime-type);
# any other type, such as application/json, is a data block that never runs.
RUNNABLE = {
    "",
    "module",
    "importmap",
    "speculationrules",
    "application/ecmascript",
    "application/javascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/javascript",
    "text/javascript1.0",
    "text/javascript1.1",
    "text/javascript1.2",
    "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5",
    "text/jscript",
    "text/livescript",
    "text/x-ecmascript",
    "text/x-javascript",
}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
# What a template's {{ expression }} may print inside one of its scripts: a base URL and the like,
# never a quote, a backslash, a tag or a line break that would let it become other code.
_FILLED = r"[^\"'`\\<>\r\n]*"
_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
_CONTROL_CHARS = re.compile(r"[\x00-\x20]+")
# Nothing active can be written without one of these: a script or style tag, an on* or style
# attribute, the end of "javascript:" (browsers drop tabs and line breaks inside an address), or
# a character reference that could spell a letter of it or its colon.
_MAYBE_ACTIVE = re.compile(r"<script|<style|\son[a-z]|style\s*=|p[\t\n\r]*t[\t\n\r]*:|&#|&colon;|&tab;|&newline;", re.I)


@dataclass(frozen=True)
class Active:
    """One thing a page holds that runs code or sets style; ``line`` and ``col`` count from 1."""

    line: int
    col: int
    kind: str  # "script", "handler", "javascript-url", "style-element" or "style-attribute"
    tag: str
    detail: str  # the script's text, or the attribute's name
    source: str  # the start tag as written

    def describe(self) -> str:
        """Return what this is and what to do instead, in one sentence."""
        return {
            "script": "an inline script the site does not mean to have: put code in a .js file",
            "handler": f"an {self.detail} attribute on <{self.tag}>: event handlers in HTML are not allowed",
            "javascript-url": f"a javascript: address on <{self.tag}>: links must lead to pages",
            "style-element": "a <style> element, which the style policy blocks: move it to a stylesheet",
            "style-attribute": f"a style attribute on <{self.tag}>, which the style policy blocks: use a class",
        }[self.kind]


def is_javascript_url(value: str) -> bool:
    """Return whether an attribute value is a javascript: address as a browser reads it."""
    return _CONTROL_CHARS.sub("", value).lower().startswith("javascript:")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Active] = []
        self.script: tuple[int, int, str, list[str]] | None = None  # position, start tag, text so far

    def _add(self, kind: str, tag: str, detail: str) -> None:
        line, col = self.getpos()
        self.found.append(Active(line, col + 1, kind, tag, detail, self.get_starttag_text() or ""))

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script" and "src" not in values and (values.get("type") or "").strip().lower() in RUNNABLE:
            line, col = self.getpos()
            self.script = (line, col + 1, self.get_starttag_text() or "", [])
        if tag == "style":
            self._add("style-element", tag, "")
        for name, value in attrs:
            if name == "style":
                self._add("style-attribute", tag, name)
            elif name.startswith("on"):
                self._add("handler", tag, name)
            elif name in URL_ATTRS and is_javascript_url(value or ""):
                self._add("javascript-url", tag, name)

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self.script is not None:
            self.script[3].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            line, col, source, text = self.script
            self.found.append(Active(line, col, "script", "script", "".join(text), source))
            self.script = None


def scan(html: str) -> list[Active]:
    """Return every active thing in a page, in order (line endings as a browser reads them: \\n)."""
    if not _MAYBE_ACTIVE.search(html):  # most pages: parsing would find nothing
        return []
    return parse(html)


def parse(html: str) -> list[Active]:
    """Return every active thing in a page, reading all of it (``scan`` skips pages that cannot hold any)."""
    reader = _Reader()
    reader.feed(html.replace("\r\n", "\n").replace("\r", "\n"))
    reader.close()
    if reader.script is not None:  # a <script> never closed still runs to the end of the page
        line, col, source, text = reader.script
        reader.found.append(Active(line, col, "script", "script", "".join(text) + reader.rawdata, source))
    return reader.found


def template_scripts(folders: list[Path]) -> list[re.Pattern[str]]:
    """Return a pattern for each inline script in the templates below ``folders``.

    These are the inline scripts the site means to have: Material's own and our overrides'. Each
    ``{{ expression }}`` in one may print only a plain value (``_FILLED``), so a match is that script.
    """
    patterns = []
    for folder in folders:
        for template in sorted(folder.rglob("*.html")):
            for body in _TEMPLATE_SCRIPT.findall(template.read_text(encoding="utf-8")):
                if "{%" in body:  # a script the template assembles with logic: not recognisable, not allowed
                    continue
                parts = _EXPRESSION.split(body)
                patterns.append(re.compile(_FILLED.join(re.escape(part) for part in parts)))
    return patterns


def is_known(script: str, known: list[re.Pattern[str]]) -> bool:
    """Return whether an inline script's text is exactly one of the known scripts."""
    return any(pattern.fullmatch(script) for pattern in known)


_KEYWORD = {"script": "<script", "style-element": "<style", "style-attribute": "style", "javascript-url": "javascript"}


def position_in(source: str, found: Active) -> tuple[int, int]:
    """Return the line and column in a page's Markdown ``source`` where ``found`` was written.

    Raw HTML reaches the page as written, so its start tag is looked up as it stands; what Markdown
    wrote itself (a ``[link](javascript:...)``) is found by its telling word.
    """
    at = source.find(found.source) if found.source else -1
    if at < 0:
        keyword = found.detail if found.kind == "handler" else _KEYWORD[found.kind]
        at = source.lower().find(keyword.lower())
    if at < 0:
        return 1, 1
    before = source[:at]
    line = before.count("\n") + 1
    return line, at - (before.rfind("\n") + 1) + 1


def page_problems(read_source: Callable[[], str], html: str, path: str) -> str | None:
    """Describe any script, event handler, javascript: address or inline style a page's own Markdown
    puts in it, each at the line it was written (the site runs only its own scripts); None if none.

    The source is read only when there is something to place in it.
    """
    found = scan(html)
    if not found:
        return None
    source = read_source()
    lines = [f"{path}:{line}:{col}: {item.describe()}" for item in found for line, col in [position_in(source, item)]]
    return "a page holds what the site does not allow:\n" + "\n".join(lines)
