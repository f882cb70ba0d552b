"""Load and check a set of tree files: gather every problem first, report them all at once."""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from . import keys, source
from .diagnostics import Diagnostic
from .layout import DEFAULT, with_pages
from .links import check_links
from .load import parse
from .memory import collector_paused
from .model import Tree
from .published import Published
from .rules import check_tree
from .shape import read_tree

SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class Result:
    """Every tree that could be read, and every problem found, sorted by file and position."""

    trees: dict[str, Tree] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.diagnostics


def tree_files(directory: Path) -> list[Path]:
    """Return the tree files of a folder, in name order.

    Everything named like a tree file is returned, links and folders too, so that reading it can
    refuse it out loud rather than skip it in silence.
    """
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.suffix in SUFFIXES)


def display_path(path: Path) -> str:
    """Return ``path`` relative to the working directory when it lies below it."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd()) else str(path)
    except ValueError:
        return str(path)


def check_files(
    paths: list[Path], docs: Path | None = None, layout: str = DEFAULT, outcome_pages: bool | Collection[str] = True
) -> Result:
    """Check the given tree files. ``continue_with`` may name any tree in the same folders.

    Links in tree text are read against ``docs``, the site's docs folder, which the caller knows (the
    plugin from mkdocs.yml, the CLI from --docs); without one, only what needs no docs folder is checked.
    ``layout`` is the site's outcome_url: where the result pages that links may name are generated;
    ``outcome_pages`` which trees get them (mkdocs.yml's outcome_pages).
    """
    known = frozenset(p.stem for folder in {p.parent for p in paths} for p in tree_files(folder))
    known |= {p.stem for p in paths}
    problems: list[Diagnostic] = []
    linked = {folder for folder in {p.parent for p in paths} if folder.is_symlink()}
    problems += [source.linked_folder(display_path(folder)) for folder in linked]
    read: list[tuple[Path, Tree, str]] = []
    with collector_paused():
        for path in paths:
            if path.parent not in linked:
                read += _check_one(path, known, problems)
        trees = {tree.id: tree for _, tree, _ in read}
        # Links last: a link may name any tree's result page, so every tree is read first.
        outcomes = {tree.id: frozenset(tree.outcomes) for tree in trees.values() if with_pages(outcome_pages, tree.id)}
        root = Path(os.path.abspath(docs)) if docs is not None else None
        sites: dict[str, Published] = {}
        for path, tree, text in read:
            site = None
            if root is not None:
                folder = Path(os.path.abspath(path.parent))  # the link's folder, never where a link leads
                top = _top_folder(folder, root)
                site = sites.setdefault(top, Published(root, top, outcomes, layout))
            problems += check_links(tree, site, text)
    return Result(trees, sorted(problems))


def _check_one(path: Path, known: frozenset, problems: list[Diagnostic]) -> list[tuple[Path, Tree, str]]:
    """Load, shape and check one file; return its tree and text, if it has a tree to check further."""
    name = display_path(path)
    text, found = source.read(path, name)
    problems += found
    if text is None:
        return []
    top, found = parse(text, name)
    problems += found
    if top is None:
        return []
    tree, shape_problems = read_tree(top, path.stem, name)
    problems += shape_problems
    found = check_tree(tree, known, clean_shape=not shape_problems)
    problems += found
    if not shape_problems and not found:
        problems += _published_keys(path, tree)
    return [(path, tree, text)]


def _published_keys(path: Path, tree: Tree) -> list[Diagnostic]:
    """Hold a sound tree to the keys it has published (see keys.py), if it has a record."""
    record = keys.record_path(path)
    if not record.exists() and not record.is_symlink():
        return []
    name = display_path(record)
    text, problems = source.read(record, name)
    if text is None:
        return problems
    return keys.broken_keys(tree, keys.read_record(text), name)


def _top_folder(folder: Path, docs: Path) -> str:
    """Return the folder at the top of ``docs`` that holds ``folder`` (left out of the site), or ""."""
    parts = Path(os.path.relpath(folder, docs)).parts
    return parts[0] if parts and parts[0] not in (".", "..") else ""


def check_directory(
    directory: Path, docs: Path | None = None, layout: str = DEFAULT, outcome_pages: bool | Collection[str] = True
) -> Result:
    """Check every tree file in a folder; links are read against ``docs`` (see ``check_files``)."""
    return check_files(tree_files(directory), docs, layout, outcome_pages)
