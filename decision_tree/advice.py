"""The rules of pinned advice (contract v2): scenarios and never rules, one small function each.

Neither enumerates routes (a tree can have 2^60): a scenario follows its one route, and a never rule
chains shortest paths between the answers it names. ``stale`` runs on every tree; the route rules
only on a tree whose routes are sound, and only for items that name nothing stale.
"""

from __future__ import annotations

from collections.abc import Iterator

from .diagnostics import Diagnostic, quote, quote_id
from .model import Answer, Given, Never, Scenario, Tree, did_you_mean
from .paths import format_path
from .routes import Trail, shortest, topological

Item = Scenario | Never


def _owner(item: Item, number: int) -> str:
    """Return how messages name an item: 'scenario "A live model ..."', 'never rule 2'."""
    if isinstance(item, Scenario):
        return f"scenario {quote(item.name)}" if item.name else f"scenario {number}"
    return f"never rule {number}"


def _route(trail: Trail, end: str | None = None) -> str:
    steps = [(question_id, answer.label) for question_id, answer in trail]
    return format_path(steps + [(end, "")] if end else steps)


def _answer(tree: Tree, given: Given) -> Answer | None:
    question = tree.questions.get(given.question)
    return next((a for a in question.answers if a.label == given.label), None) if question else None


def stale(tree: Tree, item: Item, owner: str) -> Iterator[Diagnostic]:
    """Every question, answer label and outcome a scenario or never rule names is in the tree.

    FAIL: ``given: {livee: Not yet}`` (DT036), ``given: {live: Not yett}`` (DT037), ``expect: hire-noww`` (DT038).
    """
    for given in item.given:
        question = tree.questions.get(given.question)
        if question is None:
            renamed = tree.aliases.get(given.question)
            guess = did_you_mean(given.question, tree.questions)
            yield Diagnostic(
                tree.path,
                given.pos,
                "DT036",
                f"{owner} gives an answer to {quote_id(given.question)}, which is not a question of this tree",
                f"{quote_id(given.question)} was renamed: use {quote_id(renamed)}"
                if renamed
                else f"did you mean {quote_id(guess)} (line {tree.node_pos(guess).line})?"
                if guess
                else "use a question id from the questions: section",
            )
        elif _answer(tree, given) is None:
            labels = [a.label for a in question.answers]
            guess = did_you_mean(given.label, labels) or next((x for x in labels if x.startswith(given.label)), None)
            yield Diagnostic(
                tree.path,
                given.label_pos,
                "DT037",
                f"question {quote_id(question.id)} has no answer {quote(given.label)}",
                (
                    f"did you mean {quote(guess)}?"
                    if guess
                    else f"its answers are {', '.join(map(quote, labels))}: copy one exactly"
                )
                + (" Inside { }, put a label with a comma in quotes" if guess and "," in guess else ""),
            )
    target, pos = (item.expect, item.expect_pos) if isinstance(item, Scenario) else (item.outcome, item.outcome_pos)
    if target and target not in tree.outcomes:
        verb = "expects" if isinstance(item, Scenario) else "names"
        renamed = tree.aliases.get(target)
        guess = did_you_mean(target, tree.outcomes)
        kind = "a question, not an outcome" if target in tree.questions else "not an outcome of this tree"
        yield Diagnostic(
            tree.path,
            pos,
            "DT038",
            f"{owner} {verb} {quote_id(target)}, which is {kind}",
            f"{quote_id(target)} was renamed: use {quote_id(renamed)}"
            if renamed
            else f"did you mean {quote_id(guess)} (line {tree.node_pos(guess).line})?"
            if guess
            else "use an outcome id from the outcomes: section",
        )


def scenario_route(tree: Tree, scenario: Scenario, owner: str) -> Iterator[Diagnostic]:
    """A scenario answers every question on exactly one route, nothing off it, and the route ends at ``expect``.

    PASS: ``given: {live: Not yet, use-case: Still proving it}`` with ``expect: keep-path`` when
    those answers lead live -> use-case -> keep-path.
    FAIL: the same with ``expect: hire-now``; or without ``use-case``; or with ``incidents: Yes`` too.
    """
    answers = {given.question: given for given in scenario.given}
    trail: Trail = []
    at = tree.start
    while at in tree.questions:
        given = answers.get(at)
        if given is None:
            question = tree.questions[at]
            after = f", after {_route(trail)}" if trail else ", first"
            yield Diagnostic(
                tree.path,
                scenario.pos,
                "DT035",
                f"{owner} does not answer {quote_id(at)}, which its route asks{after}",
                f"add {at}: one of {', '.join(quote(a.label) for a in question.answers)}",
            )
            return
        answer = _answer(tree, given)
        assert answer is not None  # stale() found nothing
        trail.append((at, answer))
        at = answer.next
    asked = {question_id for question_id, _ in trail}
    off_route = [given for given in scenario.given if given.question not in asked]
    for given in off_route:
        yield Diagnostic(
            tree.path,
            given.pos,
            "DT034",
            f"{owner} answers {quote_id(given.question)}, which its route does not ask: {_route(trail, at)}",
            "remove this answer, or change an earlier one so that the route asks this question",
        )
    if not off_route and at != scenario.expect:
        yield Diagnostic(
            tree.path,
            scenario.pos,
            "DT033",
            f"{owner} ends at {quote_id(at)}, not {quote_id(scenario.expect)}: {_route(trail, at)}",
            f"if the tree is right, change expect to {quote_id(at)}; if not, change where these answers lead",
        )


def shortest_route(tree: Tree, order: dict[str, int], given: list[tuple[str, Answer]], outcome: str) -> Trail | None:
    """Return the shortest route that gives every answer in ``given`` and ends at ``outcome``, or None.

    In a tree without loops a route meets the questions it asks in topological order, so the given
    answers are sorted by ``order`` and joined by shortest paths: start -> first question, its given
    answer, -> second question ... -> outcome. A path between two of them cannot pass a third (it
    would come before one of them in that order), so the joined route is the shortest such route.
    """
    trail: Trail = []
    at = tree.start
    for question_id, answer in sorted(given, key=lambda step: order.get(step[0], -1)):
        leg = shortest(tree, at, question_id)
        if leg is None:
            return None
        trail += [*leg, (question_id, answer)]
        at = answer.next
    leg = shortest(tree, at, outcome)
    return None if leg is None else trail + leg


def never_rule(tree: Tree, rule: Never, owner: str, order: dict[str, int]) -> Iterator[Diagnostic]:
    """No route that gives every answer in ``given`` ends at ``outcome``; a broken rule names the shortest.

    PASS: ``given: {use-case: Still proving it}``, ``outcome: hire-now`` when that answer leads to
    keep-path. FAIL: ``given: {live: Not yet}``, ``outcome: hire-now`` when Not yet, then Yes,
    proven, then Yes leads to hire-now.
    """
    given = [(g.question, answer) for g in rule.given if (answer := _answer(tree, g)) is not None]
    trail = shortest_route(tree, order, given, rule.outcome)
    if trail is not None:
        yield Diagnostic(
            tree.path,
            rule.pos,
            "DT039",
            f'{owner} ("{rule.because}") is broken by the route {_route(trail, rule.outcome)}',
            f"that is the shortest route that gives the rule's answers and ends at {quote_id(rule.outcome)}: "
            "change where one of its answers leads, or the rule if the advice has changed",
        )


def check_advice(tree: Tree, sound: bool) -> list[Diagnostic]:
    """Check every scenario and never rule: what they name always; their routes when ``sound``.

    ``sound``: the rest of the tree has no problem, so routes are well defined (no loops, no dangling
    ``next``). An item that names something stale is not followed.
    """
    found: list[Diagnostic] = []
    order: dict[str, int] | None = None
    items: tuple[tuple[Item, ...], ...] = (tree.scenarios, tree.never)
    for kind in items:
        for number, item in enumerate(kind, 1):
            owner = _owner(item, number)
            problems = list(stale(tree, item, owner))
            found += problems
            if not sound or problems:
                continue
            if isinstance(item, Scenario):
                found += scenario_route(tree, item, owner)
            else:
                order = topological(tree) if order is None else order
                found += never_rule(tree, item, owner, order)
    return found
