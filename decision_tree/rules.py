"""The rules a well-formed tree must keep, one small function each; the docstring says the rule.

Each rule takes a tree (and, for hand-overs, the ids of every tree) and yields diagnostics.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .advice import check_advice
from .diagnostics import Diagnostic, Pos, quote, quote_id, visible
from .model import Tree, did_you_mean
from .routes import depth_first, reachable

Rule = Callable[[Tree, frozenset], Iterator[Diagnostic]]


def _near(tree: Tree, word: str, choices: Iterable[str], extra: str = "") -> str | None:
    guess = did_you_mean(word, choices)
    if guess is None:
        return extra or None
    line = tree.node_pos(guess).line
    where = f" (line {line})" if line else ""
    return f"did you mean {quote_id(guess)}{where}?" + (f" {extra}" if extra else "")


def unique_ids(tree: Tree, _trees: frozenset) -> Iterator[Diagnostic]:
    """An id names one thing: no question, outcome and alias share an id.

    FAIL: ``questions: {done: ...}`` and ``outcomes: {done: ...}``.
    """
    for oid, outcome in tree.outcomes.items():
        if oid in tree.questions:
            first = tree.questions[oid].pos.line
            yield Diagnostic(
                tree.path,
                outcome.pos,
                "DT015",
                f"{quote_id(oid)} names both a question (line {first}) and this outcome",
                "rename one of them, and the answers that lead to it",
            )
    for alias, pos in tree.alias_key_pos.items():
        if alias in tree.questions or alias in tree.outcomes:
            yield Diagnostic(
                tree.path,
                pos,
                "DT015",
                f"the alias {quote_id(alias)} has the same id as a current question or outcome "
                f"(line {tree.node_pos(alias).line})",
                "an alias is for an id that no longer exists: remove the alias",
            )


def distinct_answers(tree: Tree, _trees: frozenset) -> Iterator[Diagnostic]:
    """Every question has two or more answers, with different labels and different link keys."""
    for question in tree.questions.values():
        if len(question.answers) == 1:
            yield Diagnostic(
                tree.path,
                question.answers[0].pos,
                "DT016",
                f"question {quote_id(question.id)} has only one answer",
                "a question needs two or more answers; if there is no choice, leave the question out",
            )
        seen_labels: dict[str, int] = {}
        seen_keys: dict[str, int] = {}
        for answer in question.answers:
            if not answer.label:
                continue
            if answer.label in seen_labels:
                yield Diagnostic(
                    tree.path,
                    answer.pos,
                    "DT017",
                    f"question {quote_id(question.id)} has two answers labelled {quote(answer.label)}, "
                    f"on lines {seen_labels[answer.label]} and {answer.pos.line}",
                    "give every answer of a question its own label",
                )
                continue
            seen_labels[answer.label] = answer.pos.line
            if answer.next and (not answer.key or answer.key in seen_keys):
                yield Diagnostic(
                    tree.path,
                    answer.pos,
                    "DT019",
                    f"answer {quote(answer.label)} of question {quote_id(question.id)} cannot be told "
                    "apart from another answer in a link",
                    "answers that go to the same place are named by their labels in links: "
                    "make the labels differ in letters or digits, not only punctuation",
                )
            seen_keys[answer.key] = answer.pos.line


def answer_aliases_are_their_own(tree: Tree, _trees: frozenset) -> Iterator[Diagnostic]:
    """An answer's old key names that answer only: not another answer of the question, nor itself now.

    FAIL: ``aliases: [yes]`` on "No" when "Yes" has the key ``yes``: a link could not say which.
    """
    for question in tree.questions.values():
        owner: dict[str, str] = {a.key: a.label for a in question.answers if a.key}
        for answer in question.answers:
            for alias, pos in zip(answer.aliases, answer.alias_pos, strict=True):
                other = owner.get(alias)
                if other is None:
                    owner[alias] = answer.label
                    continue
                yield Diagnostic(
                    tree.path,
                    pos,
                    "DT041",
                    f"the old key {quote_id(alias)} of answer {quote(answer.label)} "
                    + (
                        "is already its key now"
                        if other == answer.label
                        else f"already names answer {quote(other)} of question {quote_id(question.id)}"
                    ),
                    "remove it from aliases: a key names one answer, and an answer's own key needs no alias",
                )


def start_is_question(tree: Tree, _trees: frozenset) -> Iterator[Diagnostic]:
    """``start`` names a question of this tree."""
    if not tree.start or tree.start in tree.questions:
        return
    if tree.start in tree.outcomes:
        yield Diagnostic(
            tree.path,
            tree.start_pos,
            "DT020",
            f"start is {quote_id(tree.start)}, which is an outcome, not a question",
            "start must name the first question",
        )
        return
    yield Diagnostic(
        tree.path,
        tree.start_pos,
        "DT020",
        f"start is {quote_id(tree.start)}, which is not a question of this tree",
        _near(tree, tree.start, tree.questions),
    )


def next_exists(tree: Tree, _trees: frozenset) -> Iterator[Diagnostic]:
    """Every answer's ``next`` names a current question or outcome of the same tree."""
    targets = [*tree.questions, *tree.outcomes]
    for question in tree.questions.values():
        for answer in question.answers:
            if not answer.next or answer.next in tree.questions or answer.next in tree.outcomes:
                continue
            renamed = tree.aliases.get(answer.next)
            yield Diagnostic(
                tree.path,
                answer.next_pos,
                "DT021",
                f"answer {quote(answer.label)} goes to {quote_id(answer.next)}, which is not in this tree",
                f"{quote_id(answer.next)} was renamed: use {quote_id(renamed)}"
                if renamed
                else _near(tree, answer.next, targets),
            )


def continue_with_exists(tree: Tree, trees: frozenset) -> Iterator[Diagnostic]:
    """An outcome's ``continue_with`` names another existing tree (a file in the same folder)."""
    for outcome in tree.outcomes.values():
        target = outcome.continue_with
        if target is None:
            continue
        if target == tree.id:
            yield Diagnostic(
                tree.path,
                outcome.continue_pos,
                "DT024",
                f"outcome {quote_id(outcome.id)} hands over to its own tree",
                "continue_with names a different tree; to start again the player has a button",
            )
        elif target not in trees:
            guess = did_you_mean(target, trees)
            yield Diagnostic(
                tree.path,
                outcome.continue_pos,
                "DT022",
                f"outcome {quote_id(outcome.id)} continues with {quote_id(target)}, which is not a tree",
                f"did you mean {quote_id(guess)}?" if guess else "continue_with takes a tree's file name without .yml",
            )


def aliases_point_at_current_ids(tree: Tree, _trees: frozenset) -> Iterator[Diagnostic]:
    """Each alias maps a retired id to a current question or outcome, never to another alias."""
    targets = [*tree.questions, *tree.outcomes]
    for alias, target in tree.aliases.items():
        if target in tree.questions or target in tree.outcomes:
            continue
        pos = tree.alias_pos[alias]
        if target in tree.aliases:
            final = tree.resolve(target)
            yield Diagnostic(
                tree.path,
                pos,
                "DT023",
                f"the alias {quote_id(alias)} points at {quote_id(target)}, which is itself an alias",
                f"point it straight at {quote_id(final)}" if final else "point it at a current question or outcome",
            )
        else:
            yield Diagnostic(
                tree.path,
                pos,
                "DT023",
                f"the alias {quote_id(alias)} points at {quote_id(target)}, which is not in this tree",
                _near(tree, target, targets),
            )


def everything_reachable(tree: Tree, _trees: frozenset) -> Iterator[Diagnostic]:
    """Every question and outcome can be reached from ``start`` by some answers."""
    seen = reachable(tree)
    for kind, nodes in (("question", tree.questions), ("outcome", tree.outcomes)):
        for node_id, node in nodes.items():
            if node_id not in seen:
                yield Diagnostic(
                    tree.path,
                    node.pos,
                    "DT030",
                    f"the {kind} {quote_id(node_id)} cannot be reached from the start",
                    "no answer leads here: point an answer's next at it, or remove it",
                )


def no_loops(tree: Tree, _trees: frozenset) -> Iterator[Diagnostic]:
    """No answers lead back to a question already asked; so every path ends at an outcome.

    Reported once per answer that closes a loop, with the loop written out as a path.
    """
    done: set[str] = set()
    on_path: dict[str, int] = {}  # the questions being walked, in order: question id -> depth

    def enter(question_id: str) -> bool:
        if question_id in on_path or question_id in done:
            return False
        on_path[question_id] = len(on_path)
        return True

    def leave(question_id: str) -> None:
        del on_path[question_id]
        done.add(question_id)

    for root in tree.questions:
        for trail in depth_first(tree, root, enter, leave):
            answer = trail[-1][1]
            if answer.next in on_path:
                loop = [question_id for question_id, _ in trail[on_path[answer.next] :]] + [answer.next]
                yield Diagnostic(
                    tree.path,
                    answer.next_pos,
                    "DT031",
                    f"answer {quote(answer.label)} loops back: {' → '.join(map(visible, loop))}",
                    "every path must end at an outcome: point one of these answers at an outcome or a later question",
                )


# Rules that only make sense once every reference resolves; run last, and only on a clean tree.
LOCAL: list[Rule] = [
    unique_ids,
    distinct_answers,
    answer_aliases_are_their_own,
    start_is_question,
    next_exists,
    continue_with_exists,
    aliases_point_at_current_ids,
]
GRAPH: list[Rule] = [everything_reachable, no_loops]


def check_tree(tree: Tree, trees: frozenset, clean_shape: bool) -> list[Diagnostic]:
    """Run every rule on one tree; graph rules only when the rest of the tree is sound, and the routes
    of scenarios and never rules only when the graph is (what they name is checked in any case)."""
    found = [d for rule in LOCAL for d in rule(tree, trees)]
    if clean_shape and not found:
        found += [d for rule in GRAPH for d in rule(tree, trees)]
    return found + check_advice(tree, sound=clean_shape and not found)


__all__ = ["check_tree", "LOCAL", "GRAPH", "Pos"]
