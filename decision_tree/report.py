"""How routes spread over a tree's outcomes and questions: counted, never enumerated.

Counts are exact integers from dynamic programming over the tree in topological order: the routes
from the start into each node, and the routes from each node on to an outcome. A tree of 2^60 routes
is counted as fast as one of 6.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Tree
from .routes import topological

ONE_ROUTE = "only one route"
MAJORITY = "more than half the routes"


@dataclass(frozen=True)
class Count:
    """How many routes end at an outcome, or ask a question, and the flags a reviewer should read."""

    id: str
    routes: int
    share: float
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    tree: str
    routes: int
    outcomes: tuple[Count, ...]
    questions: tuple[Count, ...]


def count_routes(tree: Tree) -> Report:
    """Return each outcome's routes and each question's reach; assumes a checked tree (no loops)."""
    order = topological(tree)
    questions = sorted(order, key=order.__getitem__)
    onward: dict[str, int] = dict.fromkeys(tree.outcomes, 1)  # routes from a node on to any outcome
    for question_id in reversed(questions):
        onward[question_id] = sum(onward[a.next] for a in tree.questions[question_id].answers)
    into: dict[str, int] = {tree.start: 1}  # routes from the start into a node
    for question_id in questions:
        for answer in tree.questions[question_id].answers:
            into[answer.next] = into.get(answer.next, 0) + into[question_id]
    total = onward.get(tree.start, 0)

    def count(node_id: str, routes: int, outcome: bool) -> Count:
        flags = [ONE_ROUTE] if outcome and routes == 1 else []
        flags += [MAJORITY] if outcome and 2 * routes > total else []
        return Count(node_id, routes, routes / total if total else 0.0, tuple(flags))

    return Report(
        tree.id,
        total,
        tuple(count(o, into.get(o, 0), True) for o in tree.outcomes),
        tuple(count(q, into.get(q, 0) * onward.get(q, 0), False) for q in tree.questions),
    )


def share_text(share: float) -> str:
    """Return a share as a percentage a reader can compare: "42.9%", "<0.1%"."""
    if 0 < share < 0.0005:
        return "<0.1%"
    return f"{share:.1%}"


def report_text(report: Report) -> str:
    """Return the report as aligned plain text, flags at the end of their line."""
    width = max(len(c.id) for c in (*report.outcomes, *report.questions))
    digits = max(len(f"{report.routes:,}"), len("routes"))
    lines = [f"{report.tree}: {report.routes:,} route{'s' * (report.routes != 1)}"]
    for heading, counts in (("outcome", report.outcomes), ("question", report.questions)):
        lines.append(f"  {heading:<{width}}  {'routes':>{digits}}   share")
        for c in counts:
            flags = f"  {'; '.join(c.flags)}" if c.flags else ""
            lines.append(f"  {c.id:<{width}}  {c.routes:>{digits},}  {share_text(c.share):>6}{flags}".rstrip())
    return "\n".join(lines) + "\n"


def report_data(report: Report) -> dict:
    """Return the report for ``--format json``: route counts are exact integers, however large."""

    def entries(counts: tuple[Count, ...], with_flags: bool) -> list[dict]:
        return [
            {"id": c.id, "routes": c.routes, "share": c.share, **({"flags": list(c.flags)} if with_flags else {})}
            for c in counts
        ]

    return {
        "tree": report.tree,
        "routes": report.routes,
        "outcomes": entries(report.outcomes, True),
        "questions": entries(report.questions, False),
    }
