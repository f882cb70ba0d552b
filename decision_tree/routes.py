"""The one walk over a tree's routes: depth first, iterative, steered by its caller.

Paths enumerate every route with it; the rules use it to find what is reachable, where a loop
closes and a topological order, entering each question once, so they never enumerate routes (a tree
can have 2^60). ``shortest`` is the breadth-first search that never rules chain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .model import Answer, Tree

Trail = list[tuple[str, Answer]]


def depth_first(
    tree: Tree, root: str, enter: Callable[[str], bool], leave: Callable[[str], None] | None = None
) -> Iterator[Trail]:
    """Yield the trail from ``root`` each time an answer is taken, its last entry that answer.

    ``enter(question id)`` decides whether to go into a question (``root`` first, then each answer's
    target, asked after that answer is yielded); ``leave`` hears when a question's answers are done.
    The trail is one list, updated in place: copy it to keep it. Iterative, so a chain thousands of
    questions deep is fine.
    """
    if root not in tree.questions or not enter(root):
        return
    trail: Trail = []
    stack = [(root, iter(tree.questions[root].answers))]
    while stack:
        question_id, answers = stack[-1]
        answer = next(answers, None)
        if answer is None:
            stack.pop()
            if leave is not None:
                leave(question_id)
            if trail:
                trail.pop()  # the answer that led here
            continue
        trail.append((question_id, answer))
        yield trail
        if answer.next in tree.questions and enter(answer.next):
            stack.append((answer.next, iter(tree.questions[answer.next].answers)))
        else:
            trail.pop()


def reachable(tree: Tree) -> set[str]:
    """Return the ids reachable from the start, entering each question once."""
    entered: set[str] = set()

    def first_time(question_id: str) -> bool:
        fresh = question_id not in entered
        entered.add(question_id)
        return fresh

    return {tree.start} | {trail[-1][1].next for trail in depth_first(tree, tree.start, first_time)}


def topological(tree: Tree) -> dict[str, int]:
    """Return each question reachable from the start with its place in one topological order.

    Assumes a checked tree (no loops): a question is numbered after every question that leads to it.
    """
    entered: set[str] = set()
    finished: list[str] = []

    def first_time(question_id: str) -> bool:
        fresh = question_id not in entered
        entered.add(question_id)
        return fresh

    for _ in depth_first(tree, tree.start, first_time, finished.append):
        pass
    return {question_id: place for place, question_id in enumerate(reversed(finished))}


def shortest(tree: Tree, source: str, target: str) -> Trail | None:
    """Return the fewest answers that lead from ``source`` to ``target`` (breadth first), or None."""
    if source == target:
        return []
    came_from: dict[str, tuple[str, Answer]] = {}
    frontier = [source]
    while frontier and target not in came_from:
        following: list[str] = []
        for question_id in frontier:
            question = tree.questions.get(question_id)
            for answer in question.answers if question else ():
                if answer.next not in came_from and answer.next != source:
                    came_from[answer.next] = (question_id, answer)
                    following.append(answer.next)
        frontier = following
    if target not in came_from:
        return None
    trail: Trail = []
    node = target
    while node != source:
        step = came_from[node]
        trail.append(step)
        node = step[0]
    return trail[::-1]
