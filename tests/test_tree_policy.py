"""The editorial policy of "Do you need MLOps now?", held against the real tree.

Route shares come from the route report (counted, as in test_report.py). Every outcome is classed as
recommending a hire or not, so a new result cannot slip past the hire limit unclassified.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from decision_tree.check import check_files
from decision_tree.model import Answer, Tree
from decision_tree.report import count_routes

from .support import TREES

TREE_ID = "need-mlops"
# Results that tell the reader to bring someone in, permanent or interim.
HIRE_OUTCOMES = frozenset({"hire-now", "interim-help"})
# Results that recommend work with the people already there, or a decision, before any hire.
OTHER_OUTCOMES = frozenset(
    {
        "list-models",
        "governance",
        "ml-engineer-owns",
        "exec-decision",
        "fix-ownership",
        "keep-path",
        "data-first",
        "upskill-team",
        "api-only",
    }
)
MOST_FOR_ONE_OUTCOME = 0.40
MOST_FOR_HIRE_OUTCOMES = 0.50


@pytest.fixture(scope="module")
def tree() -> Tree:
    result = check_files([TREES / f"{TREE_ID}.yml"], docs=TREES.parent)
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    return result.trees[TREE_ID]


def outcomes_after(tree: Tree, question_id: str, label: str) -> set[str]:
    """Return every outcome a reader can reach after giving ``label`` to ``question_id``."""
    (answer,) = [a for a in tree.questions[question_id].answers if a.label == label]
    seen: set[str] = set()
    found: set[str] = set()
    todo = [answer.next]
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        if node in tree.outcomes:
            found.add(node)
        else:
            todo.extend(a.next for a in tree.questions[node].answers)
    return found


def answers(tree: Tree) -> Iterator[tuple[str, str, Answer]]:
    for question in tree.questions.values():
        for answer in question.answers:
            yield question.id, answer.label, answer


def test_every_outcome_is_classed_as_a_hire_or_not(tree):
    assert not HIRE_OUTCOMES & OTHER_OUTCOMES
    assert set(tree.outcomes) == HIRE_OUTCOMES | OTHER_OUTCOMES


def test_no_outcome_holds_more_than_40_percent_of_the_routes(tree):
    report = count_routes(tree)
    heavy = {c.id: f"{c.share:.1%}" for c in report.outcomes if c.share > MOST_FOR_ONE_OUTCOME}
    assert not heavy, f"outcomes over {MOST_FOR_ONE_OUTCOME:.0%} of {report.routes} routes: {heavy}"


def test_hire_outcomes_together_hold_at_most_half_of_the_routes(tree):
    report = count_routes(tree)
    hires = sum(c.routes for c in report.outcomes if c.id in HIRE_OUTCOMES)
    assert 2 * hires <= report.routes, f"{hires} of {report.routes} routes end in a hire"


def test_the_policy_is_pinned_by_scenarios_and_never_rules(tree):
    assert len(tree.scenarios) >= 8
    assert len(tree.never) >= 3
    assert {s.expect for s in tree.scenarios} >= {"list-models", "governance", "exec-decision", "hire-now"}


def test_every_answer_says_why_it_leads_where_it_does(tree):
    missing = [f"{q}: {label}" for q, label, answer in answers(tree) if not (answer.why or "").strip()]
    assert not missing, missing


def test_every_not_sure_answer_is_marked_unsure(tree):
    unmarked = [f"{q}: {label}" for q, label, answer in answers(tree) if label == "Not sure" and not answer.unsure]
    assert not unmarked, unmarked
    assert any(answer.unsure for _, _, answer in answers(tree))


@pytest.mark.parametrize("label", ["Not yet", "Not sure", "We only call a hosted language-model API and train nothing"])
def test_without_a_model_of_your_own_live_no_route_ends_in_a_hire(tree, label):
    assert outcomes_after(tree, "live", label)
    assert not outcomes_after(tree, "live", label) & HIRE_OUTCOMES


def test_not_sure_whether_a_model_is_live_means_listing_them(tree):
    assert outcomes_after(tree, "live", "Not sure") == {"list-models"}


def test_nobody_with_the_remit_is_sent_to_an_executive_not_to_agree_among_leaders(tree):
    assert outcomes_after(tree, "leadership", "No, nobody has that remit") == {"exec-decision"}


def test_a_team_that_needs_nobody_yet_is_never_told_to_hire(tree):
    assert not outcomes_after(tree, "urgency", "We don't need anyone yet") & HIRE_OUTCOMES


def test_three_or_more_models_with_an_owner_can_be_told_not_yet(tree):
    assert "upskill-team" in outcomes_after(tree, "model-count", "Three or more")


def test_ids_that_shared_links_use_still_resolve(tree):
    assert tree.start == "live"
    assert "hire-now" in tree.outcomes
    assert all(target in tree.questions or target in tree.outcomes for target in tree.aliases.values())
