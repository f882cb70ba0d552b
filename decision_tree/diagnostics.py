"""Positions, diagnostics and the table of stable error codes.

Every problem an editor can cause is reported as ``path:line:col: error DTnnn: sentence`` and, where
there is one, a ``hint:`` line. Codes never change meaning; new checks get new codes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

# code -> short title. The editors' guide documents each one with an example and its fix.
CODES: dict[str, str] = {
    "DT001": "not UTF-8 text",
    "DT002": "invisible control character",
    "DT003": "tab used for indentation",
    "DT004": "YAML syntax error",
    "DT005": "not exactly one YAML document",
    "DT006": "anchor or alias",
    "DT007": "tag",
    "DT008": "duplicate key",
    "DT009": "not an ordinary file",
    "DT010": "unknown field",
    "DT011": "missing field",
    "DT012": "blank field",
    "DT013": "wrong kind of value",
    "DT014": "badly formed id",
    "DT015": "id used twice",
    "DT016": "too few answers",
    "DT017": "duplicate answer label",
    "DT018": "text must be one line",
    "DT019": "answers cannot be told apart in a link",
    "DT020": "start is not a question",
    "DT021": "next goes nowhere",
    "DT022": "unknown tree in continue_with",
    "DT023": "alias points nowhere",
    "DT024": "outcome hands over to its own tree",
    "DT025": "relative link in tree text",
    "DT026": "path leads out of the docs folder",
    "DT027": "address not allowed",
    "DT028": "image not found",
    "DT029": "page not found",
    "DT030": "cannot be reached",
    "DT031": "loop",
    "DT032": "image from another site",
    "DT033": "scenario ends at another outcome",
    "DT034": "scenario answers a question its route does not ask",
    "DT035": "scenario leaves a question on its route unanswered",
    "DT036": "unknown question in a scenario or never rule",
    "DT037": "unknown answer in a scenario or never rule",
    "DT038": "unknown outcome in a scenario or never rule",
    "DT039": "never rule broken",
    "DT040": "published link no longer works",
    "DT041": "answer alias names another answer",
    "DT042": "not one of the hiring brief's choices",
}


class Pos(NamedTuple):
    """A 1-based line and column in a source file (a tuple: millions are made for large trees)."""

    line: int
    col: int


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem, positioned; sorting orders by file, line, column."""

    path: str
    pos: Pos
    code: str
    message: str
    hint: str | None = field(default=None, compare=False)  # None and text cannot be ordered

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unregistered diagnostic code {self.code}")

    def format(self) -> str:
        """Return the human-readable form: a location line and an optional hint line."""
        head = f"{visible(self.path)}:{self.pos.line}:{self.pos.col}: error {self.code}: {self.message}"
        return head if self.hint is None else f"{head}\n    hint: {self.hint}"

    def format_github(self) -> str:
        """Return a GitHub Actions workflow annotation."""
        text = self.message if self.hint is None else f"{self.message}\nhint: {self.hint}"
        return (
            f"::error file={_escape_property(self.path)},line={self.pos.line},col={self.pos.col},"
            f"title={self.code} {_escape_property(CODES[self.code])}::{_escape_data(text)}"
        )


def _escape_data(text: str) -> str:
    # https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report(diagnostics: Iterable[Diagnostic], style: str = "text") -> str:
    """Return every diagnostic, sorted by file and position, in the given style."""
    ordered = sorted(diagnostics)
    if style == "github":
        return "\n".join(d.format_github() for d in ordered)
    return "\n".join(d.format() for d in ordered)


def quote(text: str) -> str:
    """Quote author text for a message, on one line and shortened so it stays readable."""
    if "\n" in text:
        text = re.sub(r"\s*\n\s*", " ", text)  # a multi-line label would otherwise split the message
    if len(text) > 60:
        text = text[:57] + "..."
    return f'"{text}"'


def visible(text: str) -> str:
    """Return ``text`` with each invisible character written as an escape: "old\\n", "a\\u00a0b"."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def quote_id(text: str) -> str:
    """Quote an id for a message exactly as written, invisible characters and all."""
    return quote(visible(text))
