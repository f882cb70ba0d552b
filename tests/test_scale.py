"""Large generated trees check clean and walk without recursion; speed is the benchmark's business."""

from __future__ import annotations

from decision_tree.check import check_files
from decision_tree.paths import walk
from decision_tree.routes import depth_first, reachable
from devtools.generate import branching_tree, chain_tree, diamond_tree, wide_tree


def test_a_chain_ten_thousand_questions_deep(write_tree):
    depth = 10_000
    result = check_files([write_tree(chain_tree(depth))])
    assert result.ok, result.diagnostics[:3]
    tree = result.trees["t"]
    assert len(tree.questions) == depth
    # Each question but the last stops at the outcome or goes on; the last has two ways to the outcome.
    assert sum(1 for _ in walk(tree)) == depth + 1
    longest = max(walk(tree), key=len)
    assert len(longest) == depth + 1 and longest[-1] == ("o0", "")


def test_a_branching_tree_of_two_thousand_nodes(write_tree):
    result = check_files([write_tree(branching_tree(2_000, seed=7))])
    assert result.ok, result.diagnostics[:3]
    tree = result.trees["t"]
    assert len(tree.questions) + len(tree.outcomes) == 2_000
    assert all(steps[-1][0] in tree.outcomes for steps in walk(tree))


def test_a_question_with_ten_thousand_answers(write_tree):
    result = check_files([write_tree(wide_tree(10_000))])
    assert result.ok, result.diagnostics[:3]
    tree = result.trees["t"]
    assert len(tree.questions["q0"].answers) == len(tree.outcomes) == 10_000


def test_a_diamond_of_two_to_the_sixty_routes(write_tree):
    """Both answers of each of 60 questions lead on: checking must count, never list, the routes."""
    result = check_files([write_tree(diamond_tree(60))])
    assert result.ok, result.diagnostics[:3]
    tree = result.trees["t"]
    assert len(tree.questions) == 60
    assert {answer.next for answer in tree.questions["q59"].answers} == {"o0"}


def test_the_rules_walk_a_diamond_entering_each_question_once(write_tree):
    """The route walk the paths enumerate with is steered by its caller: reachability takes each answer once."""
    tree = check_files([write_tree(diamond_tree(60))]).trees["t"]
    entered: list[str] = []

    def first_time(question_id: str) -> bool:
        fresh = question_id not in entered
        entered.append(question_id)
        return fresh

    taken = sum(1 for _ in depth_first(tree, tree.start, first_time))
    assert taken == 2 * 60 and sorted(set(entered)) == sorted(tree.questions)
    assert reachable(tree) == {*tree.questions, *tree.outcomes}
