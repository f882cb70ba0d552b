"""Render a checked tree as HTML: the no-JavaScript outline, the player's JSON island, outcome pages.

Rendering reads only the model. Markdown is turned into HTML by a function the caller passes in
(the MkDocs adapter passes one configured like the site), so this module needs no MkDocs.
Author text never reaches HTML unescaped: plain-text fields go through ``html.escape``, and
Markdown fields through the caller's renderer and then ``sanitize``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from html import escape
from typing import Any

from .contract import ATTRIBUTES, CLASSES, HASH, LABELS
from .memory import collector_paused
from .model import Answer, Outcome, Question, Tree
from .sanitize import sanitize
from .schema import BRIEF_FIELDS

Markdown = Callable[[str], str]

# Characters that could end a <script> element or an HTML comment, or break a JS string literal.
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass(frozen=True)
class Links:
    """URLs, relative to the page being rendered: each outcome's own page, and other tools."""

    outcomes: dict[str, str] = field(default_factory=dict)
    trees: dict[str, tuple[str, str]] = field(default_factory=dict)  # tree id -> (title, url)
    tool: str | None = None  # the tree's own tool page, from an outcome page


def anchor(tree: Tree, step: str) -> str:
    """Return the HTML id of a step; ids have single hyphens only, so ``--`` cannot collide."""
    return f"{tree.id}{HASH['anchor']}{step}"


def island_json(tree: Tree, links: Links, advice: bool = True) -> str:
    """Return the tree's structure as JSON that is safe inside ``<script type="application/json">``.

    Without ``advice``, answers carry no ``why`` or ``unsure``: a result's own page only names the answers.
    """
    data = {
        "id": tree.id,
        "title": tree.title,
        "start": tree.start,
        "questions": {
            q.id: {"text": q.text, "answers": [_answer(a, advice) for a in q.answers]} for q in tree.questions.values()
        },
        "outcomes": {
            o.id: {
                "title": o.title,
                "url": links.outcomes.get(o.id),
                "continue": _continue(o, links),
                **({"role": o.role} if o.role else {}),
            }
            for o in tree.outcomes.values()
        },
        "aliases": dict(tree.aliases),
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, replacement in _JSON_ESCAPES.items():
        text = text.replace(char, replacement)
    return text


def _answer(answer: Answer, advice: bool = True) -> dict:
    """Return an answer for the player; ``why``, ``unsure`` and ``aliases`` only when given, so v1 trees are
    unchanged. Aliases go to result pages too: their links carry answers."""
    data: dict[str, Any] = {"key": answer.key, "label": answer.label, "next": answer.next}
    if answer.aliases:
        data["aliases"] = list(answer.aliases)
    if answer.why and advice:
        data["why"] = answer.why
    if answer.unsure and advice:
        data["unsure"] = True
    if answer.brief:  # the hiring brief's control name -> its value, as the brief's link carries them
        data["brief"] = {BRIEF_FIELDS[name][0]: BRIEF_FIELDS[name][1][word] for name, word in answer.brief}
    return data


def _continue(outcome: Outcome, links: Links) -> dict | None:
    if outcome.continue_with is None or outcome.continue_with not in links.trees:
        return None
    title, url = links.trees[outcome.continue_with]
    return {"title": title, "url": url}


def tree_html(tree: Tree, markdown: Markdown, links: Links) -> str:
    """Return the embeddable tree: JSON island plus the outline of every question and outcome."""
    with collector_paused():
        steps = [_question(tree, q, markdown) for q in tree.questions.values()]
        steps += [_outcome_step(tree, o, markdown, links) for o in tree.outcomes.values()]
        island = island_json(tree, links)
    return (
        f'<div class="dt" {ATTRIBUTES["tree"]}="{escape(tree.id)}">\n'
        # In a <template>: Material's instant navigation re-runs every <script> in the page content,
        # re-created without its type, which would execute the JSON; template content is left alone.
        f'<template class="{CLASSES["data"]}"><script type="application/json">{island}</script></template>\n'
        f'<div class="{CLASSES["outline"]}">\n'
        f'<p class="dt-outline-note">Every question and result of this tool is listed below. '
        f"Start with the first question and follow the link of your answer.</p>\n" + "".join(steps) + "</div>\n</div>\n"
    )


def _question(tree: Tree, question: Question, markdown: Markdown) -> str:
    help_html = (
        f'<div class="{CLASSES["help"]}">\n{sanitize(markdown(question.help))}\n</div>\n' if question.help else ""
    )
    answers = "".join(
        f'<li><a href="#{anchor(tree, a.next)}" {ATTRIBUTES["key"]}="{escape(a.key)}">{escape(a.label)}</a></li>\n'
        for a in question.answers
    )
    return (
        f'<section class="{CLASSES["step"]} dt-question" id="{anchor(tree, question.id)}" '
        f'{ATTRIBUTES["step"]}="{question.id}">\n'
        f"<h2>{escape(question.text)}</h2>\n{help_html}"
        f'<ul class="{CLASSES["answers"]}">\n{answers}</ul>\n</section>\n'
    )


def _outcome_step(tree: Tree, outcome: Outcome, markdown: Markdown, links: Links) -> str:
    # Left out of the site search: each result has its own page, the one a search should open (a hit
    # in the outline would open the tool at its first question, with the outline hidden by the player).
    return (
        f'<section class="{CLASSES["step"]} dt-outcome" id="{anchor(tree, outcome.id)}" '
        f'{ATTRIBUTES["step"]}="{outcome.id}" data-search-exclude>\n'
        f"<h2>{escape(outcome.title)}</h2>\n"
        + _outcome_body(outcome, markdown)
        + _outcome_links(outcome, links, own_page=links.outcomes.get(outcome.id))
        + "</section>\n"
    )


def _outcome_body(outcome: Outcome, markdown: Markdown) -> str:
    summary = f'<p class="{CLASSES["summary"]}">{escape(outcome.summary)}</p>\n' if outcome.summary else ""
    return f'{summary}<div class="{CLASSES["body"]}">\n{sanitize(markdown(outcome.body))}\n</div>\n'


def _outcome_links(outcome: Outcome, links: Links, own_page: str | None = None) -> str:
    parts = []
    if own_page:
        parts.append(f'<a class="{CLASSES["permalink"]}" href="{escape(own_page)}">{LABELS["permalink"]}</a>')
    cont = _continue(outcome, links)
    if cont:
        parts.append(
            f'<a class="{CLASSES["continue"]}" href="{escape(cont["url"])}">'
            f"{LABELS['continue']}{escape(cont['title'])}</a>"
        )
    if links.tool:
        parts.append(f'<a class="dt-restart-link" href="{escape(links.tool)}">Start the tool again</a>')
    return f'<p class="{CLASSES["links"]}">{" ".join(parts)}</p>\n' if parts else ""


def list_problem(tree: Tree) -> str | None:
    """Return why the tree cannot be listed (``<!-- decision-tree faq list -->``), or None.

    The list is a tree of topics: the first question's answers are the topics, each leads to a question
    whose answers are the reader's questions, and each of those leads to a result (a topic may also lead
    straight to a result). Anything deeper needs the guided tool.
    """
    for topic in tree.questions[tree.start].answers:
        question = tree.questions.get(topic.next)
        if question is None:
            continue
        for answer in question.answers:
            if answer.next in tree.questions:
                return (
                    f"the tree {tree.id!r} cannot be listed: its answer {answer.label!r} to {question.text!r} leads to "
                    "another question, and a list shows topics, then questions, then answers; embed it without "
                    "'list' (the guided tool)"
                )
    return None


@dataclass(frozen=True)
class Entry:
    """A heading of a listed tree: its anchor, its text and its own headings (a topic's questions)."""

    id: str
    text: str
    children: tuple[Entry, ...] = ()


def list_entries(tree: Tree) -> list[Entry]:
    """Return the headings ``list_html`` draws, for the page's table of contents: each topic (the first
    question's answers), with its questions (the answers of the topic's question)."""
    entries: list[Entry] = []
    seen: set[str] = set()
    for topic in tree.questions[tree.start].answers:
        question = tree.questions.get(topic.next)
        children = []
        if question is None:
            seen.add(topic.next)
        else:
            children = [Entry(_entry_id(tree, question.id, answer, seen), answer.label) for answer in question.answers]
        entries.append(Entry(anchor(tree, topic.next), topic.label, tuple(children)))
    return entries


def _entry_id(tree: Tree, question_id: str, answer: Answer, seen: set[str]) -> str:
    """Return the id of a listed question: its result's anchor, or, for a result listed twice, the
    answer's own (``faq--topic--key``: ids have single hyphens, so it cannot collide)."""
    if answer.next in seen:
        return f"{anchor(tree, question_id)}{HASH['anchor']}{answer.key}"
    seen.add(answer.next)
    return anchor(tree, answer.next)


def list_html(tree: Tree, markdown: Markdown, links: Links) -> str:
    """Return the tree as a list (``<!-- decision-tree faq list -->``): every topic an h2, every question
    under it an h3 with its answer, readable at once without JavaScript, each linking its own page.

    The player's JSON island comes too, and an empty ``dt-guide`` where the player puts its button
    "Find your answer step by step": the guided tool stays an option, and a link with answers in its
    hash opens it. Each answer is left out of the site search (its heading carries
    ``data-search-exclude``, which drops the heading's whole section): a search opens the answer's own
    page; the topics stay in, so a search for a topic opens the list there.
    """
    with collector_paused():
        island = island_json(tree, links)
        seen: set[str] = set()
        topics = []
        start = tree.questions[tree.start]
        for topic in start.answers:
            question = tree.questions.get(topic.next)
            why = f'<p class="dt-why">{escape(topic.why)}</p>\n' if topic.why else ""
            if question is None:  # a topic that is an answer itself
                outcome = tree.outcomes[topic.next]
                seen.add(outcome.id)
                topics.append(
                    f'<section class="{CLASSES["step"]}" {ATTRIBUTES["step"]}="{escape(outcome.id)}">\n'
                    f'<h2 id="{anchor(tree, outcome.id)}" data-search-exclude>'
                    f"{_own(topic.label, outcome, links)}</h2>\n"
                    + _listed_answer(tree, outcome, markdown, links)
                    + "</section>\n"
                )
                continue
            entries = "".join(
                _listed_question(tree, _entry_id(tree, question.id, answer, seen), answer, markdown, links)
                for answer in question.answers
            )
            topics.append(
                f'<section class="{CLASSES["step"]} dt-topic" {ATTRIBUTES["step"]}="{escape(question.id)}">\n'
                f'<h2 id="{anchor(tree, question.id)}">{escape(topic.label)}</h2>\n{why}'
                + _help(question, markdown)
                + entries
                + "</section>\n"
            )
    return (
        f'<div class="dt-list" {ATTRIBUTES["tree"]}="{escape(tree.id)}" data-dt-list>\n'
        f'<template class="{CLASSES["data"]}"><script type="application/json">{island}</script></template>\n'
        '<p class="dt-guide" data-search-exclude></p>\n'
        f'<div class="{CLASSES["outline"]}" id="{anchor(tree, start.id)}">\n'
        + (
            f'<div class="{CLASSES["step"]}" {ATTRIBUTES["step"]}="{escape(start.id)}">{_help(start, markdown)}</div>\n'
            if start.help
            else ""
        )
        + "".join(topics)
        + "</div>\n</div>\n"
    )


def _help(question: Question, markdown: Markdown) -> str:
    return f'<div class="{CLASSES["help"]}">\n{sanitize(markdown(question.help))}\n</div>\n' if question.help else ""


def _listed_question(tree: Tree, entry_id: str, answer: Answer, markdown: Markdown, links: Links) -> str:
    """Return a question of the list: its heading, a link to its answer's own page, and the answer."""
    outcome = tree.outcomes[answer.next]
    heading = f'<h3 id="{entry_id}" data-search-exclude>{_own(answer.label, outcome, links)}</h3>\n'
    if entry_id != anchor(tree, outcome.id):  # listed before: point there
        return (
            f'<section class="dt-entry">\n{heading}<p>Answered above: '
            f'<a href="#{anchor(tree, outcome.id)}">{escape(outcome.title)}</a></p>\n</section>\n'
        )
    return (
        f'<section class="{CLASSES["step"]} dt-entry" {ATTRIBUTES["step"]}="{escape(outcome.id)}">\n{heading}'
        + _listed_answer(tree, outcome, markdown, links)
        + "</section>\n"
    )


def _own(label: str, outcome: Outcome, links: Links) -> str:
    """Return a listed question's heading text: a link to its answer's own page, the one to send."""
    own = links.outcomes.get(outcome.id)
    return f'<a href="{escape(own)}">{escape(label)}</a>' if own else escape(label)


def _listed_answer(tree: Tree, outcome: Outcome, markdown: Markdown, links: Links) -> str:
    cont = _continue(outcome, links)
    more = (
        f'<p class="{CLASSES["links"]}"><a class="{CLASSES["continue"]}" href="{escape(cont["url"])}">'
        f"{LABELS['continue']}{escape(cont['title'])}</a></p>\n"
        if cont
        else ""
    )
    return _outcome_body(outcome, markdown) + more


def result_island(tree: Tree) -> str:
    """Return the island of a result's own page: the same for all of a tree's results, so made once."""
    with collector_paused():
        return island_json(tree, Links(), advice=False)


def outcome_page_html(tree: Tree, outcome: Outcome, markdown: Markdown, links: Links, island: str) -> str:
    """Return the content of an outcome's own page: the link a recruiter sends.

    It stands alone. The player adds Copy link and Print in ``dt-share`` (its height kept in player.css,
    so nothing moves), and, when a share link carries the answers, "Based on these answers": it reads
    them from the hash with ``island`` (``result_island``).
    """
    return (
        f'<div class="dt-result" data-decision-tree-outcome="{escape(tree.id)}" data-outcome="{escape(outcome.id)}" '
        f'data-tool="{escape(links.tool or "")}">\n'
        f'<template class="{CLASSES["data"]}"><script type="application/json">{island}</script></template>\n'
        f"<h1>{escape(outcome.title)}</h1>\n"
        f'<p class="dt-from">A result of <a href="{escape(links.tool or "")}">{escape(tree.title)}</a></p>\n'
        + _outcome_body(outcome, markdown)
        + _outcome_links(outcome, links)
        + '<div class="dt-share"></div>\n</div>\n'
    )


def head_as_text(meta: MutableMapping[str, Any]) -> None:
    """Escape the title and description a page's front matter gives, in place.

    Material prints ``page.meta.title`` and ``.description`` unescaped into the page head, the
    header and the search index, as if they were HTML; they are text (an editor's or a tree's), so
    they are handed over escaped and reach every place as the characters typed.
    """
    for key in ("title", "description", "author"):
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key], quote=True)


def edit_link_html(url: str) -> str:
    """Return the editors' way into a tree: its file in the repository's web editor. Small and last, so
    readers pass it by; kept out of the search index."""
    return (
        f'<p class="dt-edit" data-search-exclude><a href="{escape(url)}" rel="nofollow">Edit this tree</a> '
        "(for editors: opens its file in the repository, where a change becomes a pull request)</p>"
    )


def redirect_html(title: str, url: str) -> str:
    """Return a static page that sends a retired outcome's address on to its current page."""
    title, url = escape(title), escape(url)
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<title>{title}</title>\n<meta http-equiv="refresh" content="0; url={url}">\n'
        f'<link rel="canonical" href="{url}">\n<meta name="robots" content="noindex">\n'
        '<link rel="icon" href="data:,">\n</head>\n'  # no favicon request (a 404) on the way through
        f'<body>\n<p>This result has moved: <a href="{url}">{title}</a>.</p>\n</body>\n</html>\n'
    )
