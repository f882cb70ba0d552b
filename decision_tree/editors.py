"""The editors' view of every tree: the route report as tables, and the tree drawn as a diagram.

A page asks for it with a line of its own, ``<!-- decision-tree-report -->``. The tables say the same
as ``python -m decision_tree report``, with links to each question in the outline and each result's
own page; the diagram is a picture of the same counts (see ``diagram.py``), and the tables are its
text alternative. Author text is escaped like everywhere else.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from .diagram import MOST_NODES, DiagramUnavailable, draw
from .model import Tree
from .render import Links, anchor
from .report import Count, count_routes, share_text


def report_html(trees: Mapping[str, Tree], links: Mapping[str, Links]) -> str:
    """Return one section per tree, by id: its route report and its diagram."""
    return "".join(_tree_section(trees[tree_id], links.get(tree_id, Links())) for tree_id in sorted(trees))


def _tree_section(tree: Tree, links: Links) -> str:
    report = count_routes(tree)
    routes = {c.id: c.routes for c in (*report.outcomes, *report.questions)}
    title = escape(tree.title)
    heading = f'<a href="{escape(links.tool)}">{title}</a>' if links.tool else title
    scenarios, never = len(tree.scenarios), len(tree.never)
    policy = (
        f"{scenarios} scenario{'s' * (scenarios != 1)} and {never} never rule{'s' * (never != 1)} pinned, all holding"
        if scenarios or never
        else "no scenarios or never rules pinned yet"
    )
    return (
        f'<section class="dt-report" aria-labelledby="dt-report-{tree.id}">'
        f'<h2 id="dt-report-{tree.id}">{heading}</h2>'
        f"<p><code>{escape(tree.id)}</code>: {report.routes:,} route{'s' * (report.routes != 1)} from the first "
        f"question to a result; {policy}.</p>"
        + _table(
            "Results",
            "Result",
            [(c, _outcome_cell(tree, c, links)) for c in report.outcomes],
            flags=True,
        )
        + _table(
            "Questions",
            "Question",
            [(c, _question_cell(tree, c, links)) for c in report.questions],
            flags=False,
        )
        + _diagram(tree, routes)
        + "</section>"
    )


def _outcome_cell(tree: Tree, count: Count, links: Links) -> str:
    outcome = tree.outcomes[count.id]
    url = links.outcomes.get(outcome.id)
    text = f'<a href="{escape(url)}">{escape(outcome.title)}</a>' if url else escape(outcome.title)
    return f"{text} <code>{escape(outcome.id)}</code>"


def _question_cell(tree: Tree, count: Count, links: Links) -> str:
    question = tree.questions[count.id]
    text = escape(question.text)
    if links.tool:
        text = f'<a href="{escape(links.tool)}#{anchor(tree, question.id)}">{text}</a>'
    return f"{text} <code>{escape(question.id)}</code>"


def _table(caption: str, kind: str, rows: list[tuple[Count, str]], flags: bool) -> str:
    head = f'<tr><th scope="col">{kind}</th><th scope="col">Routes</th><th scope="col">Share</th>'
    head += '<th scope="col">Read this</th></tr>' if flags else "</tr>"
    body = "".join(
        f"<tr><td>{cell}</td><td>{count.routes:,}</td><td>{share_text(count.share)}</td>"
        + (f"<td>{escape('; '.join(count.flags))}</td>" if flags else "")
        + "</tr>"
        for count, cell in rows
    )
    return f"<table><caption>{caption}</caption><thead>{head}</thead><tbody>{body}</tbody></table>"


def _diagram(tree: Tree, routes: Mapping[str, int]) -> str:
    try:
        svg = draw(tree, routes)
    except DiagramUnavailable as error:
        return f'<p class="dt-diagram-missing">No diagram: {escape(str(error))}.</p>'
    if svg is None:
        nodes = len(tree.questions) + len(tree.outcomes)
        return (
            f"<p>No diagram: this tree has {nodes:,} questions and results, more than the {MOST_NODES} "
            "that can be drawn legibly. The tables above list every one.</p>"
        )
    caption = "How the questions lead to the results, with the routes through each."
    return f'<figure class="dt-diagram" tabindex="0">{svg}<figcaption>{caption}</figcaption></figure>'
