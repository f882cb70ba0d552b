"""``python -m decision_tree init [FOLDER]``: a starter tree and the page that embeds it, for a new site.

It writes ``docs/trees/example.yml`` (valid, with two questions, three outcomes, a scenario and a
``never`` rule), ``docs/tools/example.md`` and ``decision-tree.schema.json`` (the format's JSON Schema,
which the tree's first line points editors at) below FOLDER, and never overwrites a file that exists.
The minimal example site (``examples/minimal/``) holds exactly these files: tests/test_package.py
keeps the two equal and builds it.
"""

from __future__ import annotations

from pathlib import Path

from .schema import schema_text

TREE = Path("docs/trees/example.yml")
PAGE = Path("docs/tools/example.md")
SCHEMA = Path("decision-tree.schema.json")  # beside mkdocs.yml: outside docs/, so never published

TREE_TEXT = """\
# yaml-language-server: $schema=../../decision-tree.schema.json
# A starter decision tree. The file name (example) is the tree's id: the page docs/tools/example.md
# shows it with the line <!-- decision-tree example -->. Check it with: python -m decision_tree check
title: Should this page be a decision tree?
summary: Two questions to tell whether your readers would be better served by a step-by-step tool.
start: steps
questions:
  steps:
    text: Does a reader have to make more than one choice to reach the advice?
    help: A single choice reads better as a short list than as a tool.
    answers:
      - label: Several choices, one after another
        next: options
        why: Advice that depends on a chain of choices is what a tree shows well.
      - label: Just one
        next: keep-page
        why: One choice fits in a sentence or a table.
  options:
    text: Can each choice be answered from a short, fixed list?
    answers:
      - label: Each has a few clear options
        next: make-tree
        why: Fixed options become buttons a reader can click.
      - label: It depends on details the reader writes
        next: write-guide
        why: Free-form answers cannot be turned into buttons.
      - label: Not sure
        next: write-guide
        unsure: "true"
outcomes:
  make-tree:
    title: Make it a decision tree
    summary: The advice depends on a few fixed choices in a row.
    body: |
      Write each choice as a question with two or more answers, and each piece of advice as an
      outcome. Readers then see one question at a time, and every outcome gets a page of its own.
  keep-page:
    title: Keep it as a page
    summary: One choice is clearer as a short list.
    body: A heading per option and a sentence on when to pick it is all a reader needs.
  write-guide:
    title: Write a guide instead
    summary: The answers are too open for buttons.
    body: Explain what matters and give worked examples; a tree would force readers into boxes.
scenarios:
  - name: A chain of fixed choices becomes a tree
    given: {steps: "Several choices, one after another", options: Each has a few clear options}
    expect: make-tree
never:
  - given: {steps: Just one}
    outcome: make-tree
    because: A single choice never needs a tool.
"""

PAGE_TEXT = """\
# Should this page be a decision tree?

Answer two questions: the tool below tells you whether a decision tree suits your content.

<!-- decision-tree example -->
"""

FILES = {TREE: TREE_TEXT, PAGE: PAGE_TEXT, SCHEMA: schema_text()}


class InitError(Exception):
    """A starter file could not be written; the message says which and why."""


def init(folder: Path) -> list[Path]:
    """Write the starter files below ``folder``; refuse, writing nothing, if any of them exists."""
    targets = {folder / name: text for name, text in FILES.items()}
    present = [path for path in targets if path.exists() or path.is_symlink()]
    if present:
        names = ", ".join(str(path) for path in present)
        one = len(present) == 1
        raise InitError(
            f"{names} already exist{'s' * one}: nothing was written; move or rename {'it' if one else 'them'} first"
        )
    for path, text in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as out:  # "x": never replaces a file
            out.write(text)
    return list(targets)
