"""Every start-to-outcome path of a tree, and the committed manifest that lists them.

The manifest changes exactly when routing changes, so a reviewer of a pull request sees in plain
lines which answers now lead where.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from .model import Tree
from .routes import depth_first

MANIFEST_SUFFIX = ".paths"
UPDATE_COMMAND = "./scripts/update-paths"


def walk(tree: Tree) -> Iterator[list[tuple[str, str]]]:
    """Yield each path as [(question id, answer label), ..., (outcome id, "")], depth first.

    Assumes a checked tree (no loops): every question is entered on every route that reaches it.
    """
    for trail in depth_first(tree, tree.start, lambda _question: True):
        answer = trail[-1][1]
        if answer.next in tree.outcomes:
            yield [(question_id, taken.label) for question_id, taken in trail] + [(answer.next, "")]


def format_path(steps: list[tuple[str, str]]) -> str:
    """Return one path as a line: ``start "Yes" → next "No" → outcome``."""
    return " → ".join(f"{node} {json.dumps(label, ensure_ascii=False)}" if label else node for node, label in steps)


def manifest_text(tree: Tree) -> str:
    """Return the manifest file's content for a tree."""
    header = (
        f'# Every path through {tree.id}, from start to outcome, one per line: question "answer" → ...\n'
        f"# Generated: after changing how the tree routes, run {UPDATE_COMMAND} and commit this file.\n"
    )
    return header + "".join(format_path(steps) + "\n" for steps in walk(tree))


def manifest_path(tree_file: Path) -> Path:
    return tree_file.with_suffix(MANIFEST_SUFFIX)
