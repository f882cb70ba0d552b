"""Find where an address is written inside a Markdown field, however it was written.

Markdown hands back a link's address decoded: ``jav&#x61;script:`` comes back as ``javascript:``
and ``\\(`` as ``(``, from text that YAML had already decoded (``"\\x61"`` in double quotes). To point
at the address, the field's own source is decoded the same ways, remembering where each character
came from; the search never leaves the field, so a problem is never placed on another field's line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .diagnostics import Pos
from .load import scalar_extents
from .source import Lines

# YAML's escapes in double quotes (https://yaml.org/spec/1.2.2/#57-escaped-characters)
_YAML_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(\r\n?|\n)[ \t]*|(.))", re.S)
_YAML_SINGLE = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
# What Markdown and HTML decode in an address: character references and backslash escapes.
_MARKUP_ESCAPE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?|\\([!-/:-@\[-`{-~])")
# Just before an address: "](", "<", "]:", or an attribute's "=" and quote.
_ADDRESS_BEFORE = re.compile(r"""(?:\(|<|\]:|=\s*["']?)\s*<?\s*\Z""")


def _yaml_escape(match: re.Match) -> str:
    code = match[1] or match[2] or match[3]
    if code:
        return chr(int(code, 16)) if int(code, 16) <= 0x10FFFF else match[0]
    if match[4] is not None:  # an escaped line break joins the lines
        return ""
    return _YAML_SINGLE.get(match[5], match[0])


def _markup_escape(match: re.Match) -> str:
    return match[1] if match[1] is not None else html.unescape(match[0])


class Decoded:
    """Text with, for each character, the offset in the file it was decoded from."""

    def __init__(self, text: str, offsets: list[int]) -> None:
        self.text = text
        self.offsets = offsets

    def decode(self, pattern: re.Pattern, replace: Callable[[re.Match], str]) -> Decoded:
        """Return the text with each match of ``pattern`` replaced, every character still traced back."""
        text, offsets, parts, where, last = self.text, self.offsets, [], [], 0
        for match in pattern.finditer(text):
            start, end = match.span()
            replaced = replace(match)
            parts += [text[last:start], replaced]
            where += offsets[last:start] + [offsets[start]] * len(replaced)
            last = end
        parts.append(text[last:])
        where += offsets[last:]
        return Decoded("".join(parts), where)


class Field:
    """The source of one Markdown field, decoded as YAML and as markup, searched for addresses."""

    def __init__(self, raw: Decoded, style: str, lines: Lines, fallback: Pos) -> None:
        if style == '"':
            yaml_text = raw.decode(_YAML_ESCAPE, _yaml_escape)
        elif style == "'":
            yaml_text = raw.decode(re.compile("''"), lambda _: "'")
        else:
            yaml_text = raw
        # Most decoded first; the plainer forms catch what decodes differently in an attribute.
        self.forms = [yaml_text.decode(_MARKUP_ESCAPE, _markup_escape), yaml_text, raw]
        self.lines = lines
        self.fallback = fallback
        self.used: set[int] = set()

    def find(self, target: str) -> Pos:
        """Return where ``target`` is written, each occurrence once, addresses before link text."""
        for form in self.forms:
            found = [i for i in _occurrences(form.text, target) if form.offsets[i] not in self.used]
            if found:
                best = next((i for i in found if _ADDRESS_BEFORE.search(form.text, max(0, i - 12), i)), found[0])
                self.used.add(form.offsets[best])
                return self.lines.pos(form.offsets[best])
        return self.fallback


def _occurrences(text: str, target: str) -> list[int]:
    found, index = [], text.find(target) if target else -1
    while index >= 0:
        found.append(index)
        index = text.find(target, index + 1)
    return found


class Locator:
    """Find addresses in the fields of one tree file; the file is parsed again only when first asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = Lines(text)
        self.extents: dict[Pos, tuple[Pos, str]] | None = None

    def field(self, start: Pos) -> Field:
        """Return the field whose value starts at ``start``."""
        if self.extents is None:
            self.extents = scalar_extents(self.text)
        end, style = self.extents.get(start, (start, ""))
        first, last = self.lines.offset(start), self.lines.offset(end)
        return Field(Decoded(self.text[first:last], list(range(first, last))), style, self.lines, start)
