"""The checked tree: frozen dataclasses that rendering and everything downstream read.

Positions ride along (``pos``) so later checks can point at the source, but they take no part in
equality: two trees that route the same way compare equal wherever their text sits in the file.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .contract import ID_PATTERN
from .diagnostics import Pos

_ID = re.compile(ID_PATTERN)
_NOT_ID_CHARS = re.compile(r"[^a-z0-9]+")

_NOWHERE = Pos(0, 0)


def is_id(text: str) -> bool:
    """Tell whether ``text`` is a valid id: lowercase letters, digits and single hyphens."""
    return _ID.fullmatch(text) is not None  # in Python, $ also matches before a final "\n"


def slug(text: str) -> str:
    """Return the id closest to ``text`` ("Hire_Now!" -> "hire-now"); may be empty."""
    return _NOT_ID_CHARS.sub("-", text.lower()).strip("-")


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """Return the closest choice to a misspelt ``word``, if one is close enough."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not matches and slug(word) in choices:
        return slug(word)
    return matches[0] if matches else None


@dataclass(frozen=True, slots=True)
class Answer:
    """One button: its label, where it leads, and the stable key that names it in URLs."""

    label: str
    next: str
    key: str
    pos: Pos = field(default=_NOWHERE, compare=False)
    next_pos: Pos = field(default=_NOWHERE, compare=False)
    why: str | None = None  # one line, shown with the result
    unsure: bool = False  # the reader could not say; two or more on a route add a caveat
    aliases: tuple[str, ...] = ()  # keys this answer had in links before
    alias_pos: tuple[Pos, ...] = field(default=(), compare=False)
    brief: tuple[
        tuple[str, str], ...
    ] = ()  # (brief field, editor's word) this answer fills in, e.g. ("scope", "platform")


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    answers: tuple[Answer, ...]
    help: str | None = None
    pos: Pos = field(default=_NOWHERE, compare=False)
    help_pos: Pos = field(default=_NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class Outcome:
    id: str
    title: str
    body: str
    summary: str | None = None
    continue_with: str | None = None
    role: str | None = None  # the role title this result suggests, for the hiring brief
    pos: Pos = field(default=_NOWHERE, compare=False)
    continue_pos: Pos = field(default=_NOWHERE, compare=False)
    body_pos: Pos = field(default=_NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class Given:
    """One answer a scenario or never rule names: a question id and the label of one of its answers."""

    question: str
    label: str
    pos: Pos = field(default=_NOWHERE, compare=False)  # the question id
    label_pos: Pos = field(default=_NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class Scenario:
    """A route pinned to its outcome: ``given`` answers every question on it, and it ends at ``expect``."""

    name: str
    given: tuple[Given, ...]
    expect: str
    pos: Pos = field(default=_NOWHERE, compare=False)
    expect_pos: Pos = field(default=_NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class Never:
    """No route that gives all of ``given`` may end at ``outcome``, ``because`` ..."""

    given: tuple[Given, ...]
    outcome: str
    because: str
    pos: Pos = field(default=_NOWHERE, compare=False)
    outcome_pos: Pos = field(default=_NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class Tree:
    """One tree file. ``id`` is the file name without ``.yml``."""

    id: str
    path: str
    title: str
    start: str
    questions: Mapping[str, Question]
    outcomes: Mapping[str, Outcome]
    aliases: Mapping[str, str] = field(default_factory=dict)
    summary: str | None = None
    scenarios: tuple[Scenario, ...] = ()
    never: tuple[Never, ...] = ()
    start_pos: Pos = field(default=_NOWHERE, compare=False)
    alias_pos: Mapping[str, Pos] = field(default_factory=dict, compare=False)  # where each target is written
    alias_key_pos: Mapping[str, Pos] = field(default_factory=dict, compare=False)  # where each retired id is

    def __post_init__(self) -> None:
        for name in ("questions", "outcomes", "aliases", "alias_pos", "alias_key_pos"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    def node_pos(self, node_id: str) -> Pos:
        """Return where a question or outcome is defined."""
        node = self.questions.get(node_id) or self.outcomes.get(node_id)
        return node.pos if node else _NOWHERE

    def resolve(self, node_id: str) -> str | None:
        """Return the current id for a current or retired id, or None if it names nothing."""
        if node_id in self.questions or node_id in self.outcomes:
            return node_id
        target = self.aliases.get(node_id)
        return target if target in self.questions or target in self.outcomes else None


def answer_keys(answers: list[tuple[str, str]]) -> list[str]:
    """Return a stable URL key per (label, next): the target id, or the label's slug if shared.

    Keys never depend on an answer's position, so reordering answers keeps every shared link working.
    """
    shared = Counter(nxt for _, nxt in answers)
    return [nxt if shared[nxt] == 1 else slug(label) for label, nxt in answers]
