"""Read a tree file into positioned YAML nodes, where every scalar is text exactly as typed.

PyYAML's own loaders turn ``yes`` into True and ``1.10`` into 1.1, keep the last of two duplicate keys
and expand aliases. We read the parser's *events* instead and build the nodes ourselves, so none of
that can happen: a scalar is the characters the author typed, and everything else is reported.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import yaml
from yaml import events

from . import source
from .diagnostics import Diagnostic, Pos, quote
from .source import Lines

_Parser = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader  # libyaml when present: ~10x faster


class Scalar(NamedTuple):
    """A piece of text, exactly as typed, with where it starts."""

    text: str
    pos: Pos


class Mapping(NamedTuple):
    """``key: value`` pairs in file order; each key keeps its own position."""

    entries: dict[str, tuple[Scalar, Node]]
    pos: Pos


class Sequence(NamedTuple):
    """A ``- item`` list."""

    items: tuple[Node, ...]
    pos: Pos


# Nodes are named tuples, not dataclasses: a 10,000-node tree has about 150,000 of them.
Node = Scalar | Mapping | Sequence

# C0 and C1 controls other than tab, line feed and carriage return; noncharacters; lone surrogates;
# and the Unicode line separators, which YAML counts as line breaks but editors do not.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
# At the start of a line: after LF (which ^ knows), or after a lone CR (which it does not).
_TAB_INDENT = re.compile(r"(?:^|(?<=\r))[ ]*\t", re.MULTILINE)

# What PyYAML (pure or libyaml) says -> one plain sentence and a hint. First match wins.
_SYNTAX = [
    (
        "mapping values are not allowed",
        "a colon followed by a space starts a new key here, in the middle of a value",
        'put the whole value in quotes, for example: text: "Cost: high"',
    ),
    ("cannot start any token", "a value cannot begin with the character {char}", "put the whole value in quotes"),
    (
        "while scanning a quoted scalar",
        "this quoted text is never closed",
        "add the closing quote, or remove the opening one",
    ),
    (
        "could not find expected ':'",
        "YAML expected a line of the form key: value here",
        "check the indentation of this line and of the line above",
    ),
    (
        "expected <block end>",
        "this line is indented differently from the lines around it",
        "line up keys of the same level with the same number of spaces",
    ),
    (
        "did not find expected key",
        "this line is indented differently from the lines around it",
        "line up keys of the same level with the same number of spaces",
    ),
    (
        "did not find expected '-' indicator",
        "this line does not continue the list above it",
        "start each list item with '- ' at the same indentation",
    ),
    (
        "expected ',' or ']'",
        "this list in square brackets is never closed",
        "add the closing ] or write the list with one '- ' item per line",
    ),
    (
        "expected ',' or '}'",
        "this mapping in curly braces is never closed",
        "add the closing } or write one key: value per line",
    ),
]


def load(path: Path, display: str | None = None) -> tuple[Node | None, list[Diagnostic]]:
    """Read one tree file; return its top node, or None and the reasons it could not be read."""
    name = display or str(path)
    text, problems = source.read(path, name)
    return (None, problems) if text is None else parse(text, name)


def load_bytes(data: bytes, name: str) -> tuple[Node | None, list[Diagnostic]]:
    """Parse bytes of a tree file into nodes; ``name`` is the path shown in diagnostics."""
    text, problems = source.decode(data, name)
    return (None, problems) if text is None else parse(text, name)


def parse(text: str, name: str) -> tuple[Node | None, list[Diagnostic]]:
    """Parse the text of a tree file into nodes."""
    problems = _scan_characters(text, name)
    if problems:
        return None, problems
    return _Builder(text, name).build()


def _scan_characters(text: str, name: str) -> list[Diagnostic]:
    """Report tabs in indentation and invisible control characters, before YAML sees them."""
    pos = Lines(text).pos
    found = [
        Diagnostic(
            name,
            pos(m.end() - 1),
            "DT003",
            "a tab is used for indentation",
            "indent with spaces only; most editors can convert tabs to spaces",
        )
        for m in _TAB_INDENT.finditer(text)
    ]
    found += [
        Diagnostic(
            name,
            pos(m.start()),
            "DT002",
            f"an invisible control character (U+{ord(m.group()):04X}) is in the text",
            "delete it; it often arrives when text is pasted from another program",
        )
        for m in _CONTROL.finditer(text)
    ]
    return found


class _Builder:
    """Turn parser events into nodes without recursion, so deep input cannot exhaust the stack."""

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
        self.problems: list[Diagnostic] = []

    def build(self) -> tuple[Node | None, list[Diagnostic]]:
        try:
            top = self._walk(_Parser(self.text))
        except yaml.YAMLError as error:
            self.problems.append(self._syntax(error))
            top = None
        if top is None and not self.problems:
            self.problems.append(
                Diagnostic(
                    self.name,
                    Pos(1, 1),
                    "DT005",
                    "the file is empty",
                    "a tree file starts with title:, start:, questions: and outcomes:",
                )
            )
        return (None if self.problems else top), self.problems

    def _walk(self, parser) -> Node | None:
        top: Node | None = None
        documents = 0
        # Each frame: [kind, pos, children or entries, pending key]
        stack: list[list] = []
        # The hot loop runs once per YAML event (about 17 per tree node): names are bound locally,
        # and tuple.__new__ skips the named tuples' Python-level __new__.
        get_event, new = parser.get_event, tuple.__new__
        scalar_event, alias_event = events.ScalarEvent, events.AliasEvent
        mapping_start, sequence_start = events.MappingStartEvent, events.SequenceStartEvent
        mapping_end, sequence_end = events.MappingEndEvent, events.SequenceEndEvent
        document_start, stream_end = events.DocumentStartEvent, events.StreamEndEvent
        scalar, sequence, mapping, pos_type = Scalar, Sequence, Mapping, Pos
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                if event.anchor is not None or event.tag is not None:
                    self._no_anchor_or_tag(event)
                mark = event.start_mark
                node: Node = new(scalar, (event.value, new(pos_type, (mark.line + 1, mark.column + 1))))
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None or event.tag is not None:
                    self._no_anchor_or_tag(event)
                container = mapping if kind is mapping_start else sequence
                stack.append([container, _pos(event), {} if container is mapping else [], None])
                continue
            elif kind is mapping_end or kind is sequence_end:
                container, pos, children, _ = stack.pop()
                node = new(mapping, (children, pos)) if container is mapping else new(sequence, (tuple(children), pos))
            elif kind is alias_event:
                self._report(
                    event,
                    "DT006",
                    f"the alias *{event.anchor} repeats content from elsewhere",
                    "write the text out in full; anchors and aliases are not supported",
                )
                node = Scalar("", _pos(event))
            elif kind is document_start:
                documents += 1
                if documents == 2:
                    self._report(
                        event,
                        "DT005",
                        "the file holds more than one YAML document",
                        "a tree file is one document: remove this '---' line and what follows, "
                        "or move it to a file of its own",
                    )
                    return None
                continue
            elif kind is stream_end or event is None:
                return top
            else:
                continue
            if not stack:
                top = node
                continue
            frame = stack[-1]
            if frame[0] is sequence:
                frame[2].append(node)
            elif frame[3] is None:
                frame[3] = node if type(node) is scalar else self._bad_key(node)
            else:
                key, children = frame[3], frame[2]
                frame[3] = None
                if key.text in children:
                    self._duplicate(children[key.text][0], key)
                else:
                    children[key.text] = (key, node)

    def _bad_key(self, node: Node) -> Scalar:
        self.problems.append(
            Diagnostic(self.name, node.pos, "DT004", "a key must be plain text, not a list or a mapping")
        )
        return Scalar("", node.pos)

    def _duplicate(self, first: Scalar, again: Scalar) -> None:
        self.problems.append(
            Diagnostic(
                self.name,
                again.pos,
                "DT008",
                f"the key {quote(again.text)} appears twice here, on lines {first.pos.line} and {again.pos.line}",
                "keep one of them; YAML would silently use the last one",
            )
        )

    def _no_anchor_or_tag(self, event) -> None:
        if event.anchor is not None:
            self._report(
                event,
                "DT006",
                f"the anchor &{event.anchor} marks content for reuse",
                "remove it and write the text out in full; anchors and aliases are not supported",
            )
        if event.tag is not None:
            shown = event.tag.replace("tag:yaml.org,2002:", "!!")
            self._report(
                event,
                "DT007",
                f"the tag {shown} changes how the value is read",
                "remove the tag; every value is read as text",
            )

    def _report(self, event, code: str, message: str, hint: str) -> None:
        self.problems.append(Diagnostic(self.name, _pos(event), code, message, hint))

    def _syntax(self, error: yaml.YAMLError) -> Diagnostic:
        problem = str(getattr(error, "problem", "") or error)
        context = str(getattr(error, "context", "") or "")
        mark = getattr(error, "problem_mark", None)
        for needle, message, hint in _SYNTAX:  # noqa: B007 - the hint of the match is returned below
            if needle in problem or needle in context:
                if needle.startswith(("while scanning a quoted", "expected ','")):
                    # point at the opening quote or bracket, not at the end of the file
                    mark = getattr(error, "context_mark", None) or mark
                if "{char}" in message:
                    message = message.format(char=quote(self._char_at(mark)))
                break
        else:
            message, hint = f"the YAML cannot be read here ({problem.strip()})", None
        pos = Pos(mark.line + 1, mark.column + 1) if mark is not None else Pos(1, 1)
        return Diagnostic(self.name, min(pos, self._end()), "DT004", message, hint)

    def _end(self) -> Pos:
        """Return the position after the last character: libyaml may report a line past the end."""
        return Lines(self.text).end()

    def _char_at(self, mark) -> str:
        if mark is None:
            return "?"
        lines = Lines(self.text)
        pos = Pos(mark.line + 1, mark.column + 1)
        offset = lines.offset(pos)
        char = self.text[offset : offset + 1]
        return char if char and lines.pos(offset) == pos and char not in "\r\n" else "?"


def scalar_extents(text: str) -> dict[Pos, tuple[Pos, str]]:
    """Return, for each scalar of a file that loads, where it ends and its style (``|``, ``"`` ...).

    Scalars carry only their start, to stay small; a check that must find text inside one parses
    the file again for this, which happens only when it has a problem to report.
    """
    found: dict[Pos, tuple[Pos, str]] = {}
    parser = _Parser(text)
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, events.ScalarEvent):
                end = event.end_mark
                if end is None:
                    continue
                found[_pos(event)] = (Pos(end.line + 1, end.column + 1), event.style or "")
    except yaml.YAMLError:  # only files that loaded are asked about: nothing to add
        pass
    return found


def _pos(event) -> Pos:
    return Pos(event.start_mark.line + 1, event.start_mark.column + 1)
