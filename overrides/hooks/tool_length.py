"""This site's own hook: the home page's estimate of each tool's length, counted from its tree.

A page asks for a tool's estimate with a line of its own, ``<!-- tool-length need-mlops -->``, and
gets "3 to 6 questions, about 3 minutes": the fewest and most questions on any route from the first
question to a result, so the numbers follow the trees when editors change them. A tool shown as a
list (``<!-- tool-length faq list -->``, for ``<!-- decision-tree faq list -->``) gets "27 answers on
one page, or 2 questions to the one you need": the reader sees every answer at once and may take the
guided route instead. The decision-tree plugin stays generic; this is where the site says how it
presents it.
"""

from __future__ import annotations

import math
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from decision_tree.model import Tree
from decision_tree.routes import topological

TOOL_LENGTH = re.compile(r"<!--\s*tool-length\s+(\S+)(\s+list)?\s*-->")
SECONDS_PER_QUESTION = 20  # read a short question, pick an answer
SECONDS_FOR_RESULT = 60  # read the result


def route_lengths(tree: Tree) -> tuple[int, int]:
    """Return the fewest and the most questions asked on a route from the start to an outcome."""
    order = topological(tree)
    fewest: dict[str, int] = dict.fromkeys(tree.outcomes, 0)
    most: dict[str, int] = dict.fromkeys(tree.outcomes, 0)
    for question_id in sorted(order, key=order.__getitem__, reverse=True):
        onward = [a.next for a in tree.questions[question_id].answers]
        fewest[question_id] = 1 + min(fewest[n] for n in onward)
        most[question_id] = 1 + max(most[n] for n in onward)
    return fewest[tree.start], most[tree.start]


def estimate(tree: Tree) -> str:
    """Return a tool's length in words: "3 to 6 questions, about 3 minutes"."""
    fewest, most = route_lengths(tree)
    questions = f"{most} questions" if fewest == most else f"{fewest} to {most} questions"
    minutes = max(1, math.ceil((most * SECONDS_PER_QUESTION + SECONDS_FOR_RESULT) / 60))
    return f"{questions}, about {minutes} minute{'s' if minutes > 1 else ''}"


def listed(tree: Tree) -> str:
    """Return a listed tool's length in words: "27 answers on one page, or 2 questions to the one you need"."""
    fewest, most = route_lengths(tree)
    questions = f"{most} question{'s' if most > 1 else ''}" if fewest == most else f"{fewest} to {most} questions"
    count = len(tree.outcomes)
    return f"{count} answer{'s' if count > 1 else ''} on one page, or {questions} to the one you need"


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not TOOL_LENGTH.search(markdown):
        return markdown
    trees: dict[str, Tree] = getattr(config.plugins["decision-tree"], "trees", {})

    def replace(match: re.Match) -> str:
        tree = trees.get(match.group(1))
        if tree is None:
            raise PluginError(f"docs/{page.file.src_uri}: no tree {match.group(1)!r} to count the questions of")
        return listed(tree) if match.group(2) else estimate(tree)

    return TOOL_LENGTH.sub(replace, markdown)
