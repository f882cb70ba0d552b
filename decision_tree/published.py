"""What the docs folder publishes: the files a link or an image in tree text can name.

A path counts only where MkDocs would find it among the site's files, so that a link that would fail
the build (or break on the site) fails the check instead, at the line of the tree that holds it:

- a file of docs/ with exactly that name: on a disk that ignores case, /Brief.md would pass a plain
  existence test here and then break the build on a server that does not;
- not a folder (MkDocs links pages by their file: /tools/index.md, never /tools/);
- not in a part of docs/ the build leaves out: the trees folder, hidden files, /templates/;
- not a symbolic link out of docs/, which would publish a file from elsewhere on the machine.

A result's own page is generated, not a file: it counts where the plugin generates it, the address
the site's outcome_url gives it (layout.py; by default /tools/<tree>/<outcome>.md when the first page to
embed <tree> lives in /tools/), for each outcome of the tree.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Mapping
from pathlib import Path

from .layout import DEFAULT, result_source
from .model import did_you_mean

# A tree embedded in a page, on a line of its own: <!-- decision-tree need-mlops -->, the guided tool;
# options follow the tree id: <!-- decision-tree faq list --> lists every question and its answer.
EMBED = re.compile(r"<!--\s*decision-tree\s+(\S+)((?:\s+\S+)*?)\s*-->")
OPTIONS = {"list": "every question with its answer, readable at once; the guided tool is an option on the page"}
# The editors' report on every tree (route counts and diagrams), on a line of its own.
REPORT = re.compile(r"<!--\s*decision-tree-report\s*-->")
NEAR_MISS = re.compile(r"<!--\s*decision[\s_-]*tree", re.IGNORECASE)
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")

FILE, MISSING, FOLDER, LEFT_OUT, OUTSIDE = "file", "missing", "folder", "left out", "outside"


class Published:
    """Answer which site paths name a published file, reading each folder of docs/ at most once."""

    def __init__(
        self, docs: Path, trees_folder: str, outcomes: Mapping[str, frozenset[str]], layout: str = DEFAULT
    ) -> None:
        self.docs = docs
        self.trees_folder = trees_folder
        self.left_out = {trees_folder, "templates"}  # at the top of docs/; the first is in exclude_docs
        self.outcomes = outcomes  # tree id -> outcome ids, of every tree checked in this run
        self.layout = layout  # the site's outcome_url
        self._names: dict[Path, frozenset[str]] = {}
        self._homes: dict[str, str] | None = None
        self._results: dict[str, None] | None = None  # an ordered set

    def find(self, path: str) -> str:
        """Return what the site path (``/tools/faq.md``, already normalised) names: FILE, MISSING, ..."""
        parts = [part for part in path.split("/") if part]
        where = self.docs
        for part in parts:
            if part not in self._listing(where):
                return FILE if self._is_result_page(parts) else MISSING
            where = where / part
        if not parts or where.is_dir():
            return FOLDER
        real, root = os.path.realpath(where), os.path.realpath(self.docs)
        if os.path.commonpath([real, root]) != root:
            return OUTSIDE
        if parts[0] in self.left_out or any(part.startswith(".") for part in parts):
            return LEFT_OUT
        return FILE

    def pages(self) -> list[str]:
        """Return the site path of every published page, result pages included, for suggestions."""
        return ["/" + uri for uri in self._page_uris()] + ["/" + uri for uri in self._result_pages()]

    def _listing(self, folder: Path) -> frozenset[str]:
        if folder not in self._names:
            try:
                self._names[folder] = frozenset(os.listdir(folder))
            except OSError:  # not a folder, or unreadable
                self._names[folder] = frozenset()
        return self._names[folder]

    def _is_result_page(self, parts: list[str]) -> bool:
        return "/".join(parts) in self._result_pages()

    def _result_pages(self) -> dict[str, None]:
        """Return the source path of every result page the plugin generates."""
        if self._results is None:
            self._results = {
                result_source(self.layout, home, tree, outcome): None
                for tree, home in self._home_pages().items()
                for outcome in sorted(self.outcomes.get(tree, ()))
            }
        return self._results

    def _home_pages(self) -> dict[str, str]:
        """Return, per embedded tree, the first page (by path) that embeds it."""
        if self._homes is None:
            self._homes = {}
            for uri in self._page_uris():
                try:
                    text = (self.docs / uri).read_text(encoding="utf-8-sig", errors="replace")
                except OSError:
                    continue
                for tree_id, _line in embeds_in(text)[0]:  # as the site finds them: not in code examples
                    self._homes.setdefault(tree_id, uri)
        return self._homes

    def _page_uris(self) -> list[str]:
        found = []
        for folder, dirs, files in os.walk(self.docs):
            rel = Path(folder).relative_to(self.docs).as_posix()
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (rel != "." or d not in self.left_out))
            found += [
                name if rel == "." else f"{rel}/{name}"
                for name in files
                if name.endswith(".md") and not name.startswith(".")
            ]
        return sorted(found)


def embeds_in(text: str) -> tuple[list[tuple[str, int]], list[int]]:
    """Return (tree id, line) for each embed line, and the lines of near misses (a comment that looks
    like an embed but is not written as one), skipping fenced code blocks (examples)."""
    found, near_misses = [], []
    fence = None
    for number, line in enumerate(text.splitlines(), 1):
        opener = FENCE.match(line)
        if opener and (fence is None or opener.group(1).startswith(fence)):
            fence = opener.group(1) if fence is None else None
            continue
        if fence is not None:
            continue
        match = EMBED.search(line)
        if match:
            found.append((match.group(1), number))
        elif NEAR_MISS.search(line) and not REPORT.search(line):
            near_misses.append(number)
    return found, near_misses


def embed_problems(text: str, path: str, trees: Collection[str]) -> list[tuple[str | None, int, str]]:
    """Return (tree id or None, line, problem) for each near miss and each embed of an unknown tree
    in a page shown to its editor as ``path``."""
    found, near_misses = embeds_in(text)
    problems: list[tuple[str | None, int, str]] = [
        (
            None,
            number,
            f"{path}:{number}: this looks like a tree embed but is not written as <!-- decision-tree TREE-ID -->",
        )
        for number in near_misses
    ]
    lines = text.splitlines()
    for tree_id, number in found:
        match = EMBED.search(lines[number - 1])
        for option, column in embed_options(match) if match else ():
            if option not in OPTIONS:
                where = f"{path}:{number}:{column}: the embed has the option"
                problems.append((tree_id, number, _unknown(where, option, OPTIONS, "options")))
        if tree_id not in trees:
            where = f"{path}:{number}: the page embeds the tree"
            problems.append((tree_id, number, _unknown(where, tree_id, trees, "trees")))
    return problems


def _unknown(where: str, name: str, known: Collection[str], kind: str) -> str:
    """Return "<where> 'name', which does not exist" with the closest known name, or the list of them."""
    guess = did_you_mean(name, known)
    return f"{where} {name!r}, which does not exist" + (
        f"; did you mean {guess!r}?" if guess else f"; {kind}: {', '.join(sorted(known))}"
    )


def embed_options(match: re.Match) -> list[tuple[str, int]]:
    """Return (option, column from 1) for each option an embed (a match of ``EMBED`` in one line) gives
    after its tree id."""
    return [(word.group(), match.start(2) + word.start() + 1) for word in re.finditer(r"\S+", match.group(2))]
