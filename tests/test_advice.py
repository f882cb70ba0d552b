"""Contract v2: an answer's why and unsure, scenarios and never rules, read into the model and the island."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from decision_tree import schema
from decision_tree.check import check_files
from decision_tree.model import Given
from decision_tree.render import Links, island_json

from .support import diagnose
from .test_shipped import violations

NAME = "A team still proving its first use case is not told to hire"
HIRING = Path(__file__).resolve().parent / "fixtures" / "advice" / "hiring.yml"


def hiring():
    result = check_files([HIRING])
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    return result.trees["hiring"]


def test_why_and_unsure_are_read_as_written():
    live = hiring().questions["live"]
    assert [(a.why, a.unsure) for a in live.answers] == [
        ("A live model needs someone to keep it running.", False),
        ("With no model live, the question is whether one is coming.", False),
        ("You could not say whether a model is live, so we ask about your use cases.", True),
    ]
    # "true" quoted or not is the text true; "false" is the same as leaving it out.
    assert [a.unsure for a in hiring().questions["use-case"].answers] == [False, False, True]


def test_scenarios_and_never_rules_are_read_with_their_positions():
    tree = hiring()
    first = tree.scenarios[0]
    assert first.name == "A team still proving its first use case is not told to hire"
    assert first.given == (Given("live", "Not yet"), Given("use-case", "Still proving it"))
    assert (first.expect, first.pos, first.expect_pos) == ("keep-path", (46, 5), (48, 13))
    assert [(g.pos, g.label_pos) for g in first.given] == [((47, 13), (47, 19)), ((47, 28), (47, 38))]
    assert tree.scenarios[1].given == (Given("live", "Yes, it is live"), Given("incidents", "Yes"))
    rule = tree.never[1]
    assert rule.given == (Given("use-case", "Still proving it"),)
    assert (rule.outcome, rule.pos, rule.outcome_pos) == ("hire-now", (58, 5), (59, 14))
    assert rule.because == "Nobody should be told to hire MLOps before a use case is proven."


def test_the_island_carries_why_and_unsure_only_where_given():
    data = json.loads(island_json(hiring(), Links()))
    assert data["questions"]["live"]["answers"][2] == {
        "key": "not-sure",
        "label": "Not sure",
        "next": "use-case",
        "why": "You could not say whether a model is live, so we ask about your use cases.",
        "unsure": True,
    }
    assert data["questions"]["use-case"]["answers"][1] == {
        "key": "still-proving-it",
        "label": "Still proving it",
        "next": "keep-path",
    }
    assert data["questions"]["incidents"]["answers"][0] == {"key": "hire-now", "label": "Yes", "next": "hire-now"}
    assert '"why":' in island_json(hiring(), Links()) and '"unsure":true}' in island_json(hiring(), Links())


def test_a_v1_tree_renders_the_same_island_as_before():
    tree = check_files([HIRING.parent.parent / "broken" / "dt031-loop.yml"]).trees["dt031-loop"]
    text = island_json(tree, Links())
    assert '{"key":"second","label":"Yes","next":"second"}' in text
    assert "why" not in text and "unsure" not in text


def test_unsure_must_be_true_or_false(write_tree):
    text = HIRING.read_text(encoding="utf-8").replace('unsure: "true"', "unsure: maybe")
    assert diagnose(write_tree(text)) == [
        (
            16,
            17,
            "DT013",
            'the "unsure" of answer "Not sure" of question "live" must be "true" or "false", not the text "maybe"',
            'write "true" or "false" after the colon',
        )
    ]


def test_blank_and_misshapen_given_answers_are_reported(write_tree):
    text = (
        HIRING.read_text(encoding="utf-8")
        .replace("given: {live: Not yet, use-case: Still proving it}", "given: {live: '', use-case: [a]}")
        .replace("given: {use-case: Still proving it}", "given: Still proving it")
    )
    assert [(line, code, message) for line, _, code, message, _ in diagnose(write_tree(text))] == [
        (47, "DT012", f'the answer to "live" in scenario "{NAME}" is blank'),
        (47, "DT013", f'the answer to "use-case" in scenario "{NAME}" must be an answer\'s label, not a list'),
        (
            58,
            "DT013",
            'the "given" of never rule 2 must be question ids with the answer given to each, not the text '
            '"Still proving it"',
        ),
    ]


def test_a_v2_tree_is_valid_against_the_json_schema():
    data = yaml.safe_load(HIRING.read_text(encoding="utf-8"))
    assert violations(data, schema.json_schema(), schema.json_schema()) == []
    data["questions"]["live"]["answers"][0]["unsure"] = "maybe"
    del data["scenarios"][0]["expect"]
    assert violations(data, schema.json_schema(), schema.json_schema()) == [
        "tree.questions.live.answers[0].unsure is not allowed",
        "tree.scenarios[0] has no expect",
    ]


# --- scenarios and never rules: one broken fixture per code, pinned ---------------------------------

PINNED = HIRING.parent / "pinned.yml"
BROKEN = HIRING.parent.parent / "broken"
OFF_ROUTE = "remove this answer, or change an earlier one so that the route asks this question"
SHORTEST = (
    'that is the shortest route that gives the rule\'s answers and ends at "hire-now": change where one of its '
    "answers leads, or the rule if the advice has changed"
)


def test_a_tree_whose_scenarios_and_never_rules_hold_checks_clean():
    assert diagnose(PINNED) == []
    assert diagnose(HIRING) == []


def test_dt033_a_scenario_that_ends_at_another_outcome_names_the_route():
    assert diagnose(BROKEN / "dt033-scenario-ends-elsewhere.yml") == [
        (
            36,
            5,
            "DT033",
            'scenario "A proven use case with an owner means hire now" ends at "name-owner", not "hire-now": '
            'live "Not yet" → proven "Yes" → owner "No" → name-owner',
            'if the tree is right, change expect to "name-owner"; if not, change where these answers lead',
        )
    ]


def test_dt034_an_answer_to_a_question_the_route_skips():
    assert diagnose(BROKEN / "dt034-answer-off-the-route.yml") == [
        (
            37,
            26,
            "DT034",
            'scenario "A live model with an owner means hire now" answers "proven", which its route does not ask: '
            'live "Yes" → owner "Yes" → hire-now',
            OFF_ROUTE,
        )
    ]


def test_dt035_a_question_on_the_route_left_unanswered():
    assert diagnose(BROKEN / "dt035-question-left-unanswered.yml") == [
        (
            36,
            5,
            "DT035",
            'scenario "A live model means hire now" does not answer "owner", which its route asks, after live "Yes"',
            'add owner: one of "Yes", "No"',
        )
    ]


def test_dt036_an_unknown_question_with_a_guess_where_there_is_one():
    assert diagnose(BROKEN / "dt036-unknown-question.yml") == [
        (
            37,
            26,
            "DT036",
            'scenario "A live model with an owner means hire now" gives an answer to "ownr", which is not a question '
            "of this tree",
            'did you mean "owner" (line 18)?',
        ),
        (
            40,
            13,
            "DT036",
            'never rule 1 gives an answer to "use-case", which is not a question of this tree',
            "use a question id from the questions: section",
        ),
    ]


def test_dt037_an_unknown_answer_label():
    assert diagnose(BROKEN / "dt037-unknown-answer.yml") == [
        (
            37,
            33,
            "DT037",
            'question "owner" has no answer "Yes they do"',
            'its answers are "Yes", "No": copy one exactly',
        ),
        (40, 21, "DT037", 'question "proven" has no answer "Still proving"', 'did you mean "Still proving it"?'),
    ]


def test_dt037_a_label_cut_at_its_comma_in_braces(write_tree):
    text = HIRING.read_text(encoding="utf-8").replace('{live: "Yes, it is live"}', "{live: Yes, it is: live}")
    found = [d for d in diagnose(write_tree(text)) if d[2] == "DT037"]
    assert found == [
        (
            55,
            19,
            "DT037",
            'question "live" has no answer "Yes"',
            'did you mean "Yes, it is live"? Inside { }, put a label with a comma in quotes',
        )
    ]


def test_dt038_an_unknown_outcome_or_a_question_named_as_one():
    assert diagnose(BROKEN / "dt038-unknown-outcome.yml") == [
        (
            38,
            13,
            "DT038",
            'scenario "A live model with an owner means hire now" expects "hire", which is not an outcome of this tree',
            'did you mean "hire-now" (line 26)?',
        ),
        (
            41,
            14,
            "DT038",
            'never rule 1 names "owner", which is a question, not an outcome',
            'did you mean "name-owner" (line 29)?',
        ),
    ]


def test_dt039_a_broken_never_rule_names_the_shortest_route_and_quotes_because():
    assert diagnose(BROKEN / "dt039-never-rule-broken.yml") == [
        (
            36,
            5,
            "DT039",
            'never rule 1 ("Nobody is told to hire MLOps before any model is live.") is broken by the route '
            'live "Not yet" → proven "Yes" → owner "Yes" → hire-now',
            SHORTEST,
        )
    ]


def test_a_never_rule_with_no_answers_forbids_the_outcome_everywhere(write_tree):
    text = PINNED.read_text(encoding="utf-8") + "  - given: {}\n    outcome: wait\n    because: Never wait.\n"
    assert [(d[0], d[2], d[3]) for d in diagnose(write_tree(text))] == [
        (
            43,
            "DT039",
            'never rule 2 ("Never wait.") is broken by the route live "Not yet" → proven "Still proving it" → wait',
        )
    ]


def test_the_shortest_route_is_named_among_many(write_tree):
    # live "Not yet" -> proven "Yes" -> owner reaches hire-now in three answers; live "Yes" in two.
    text = PINNED.read_text(encoding="utf-8") + "  - given: {owner: 'Yes'}\n    outcome: hire-now\n    because: B.\n"
    assert [d[3] for d in diagnose(write_tree(text))] == [
        'never rule 2 ("B.") is broken by the route live "Yes" → owner "Yes" → hire-now'
    ]


def test_routes_wait_for_a_sound_tree_but_stale_names_are_always_reported(write_tree):
    text = (BROKEN / "dt033-scenario-ends-elsewhere.yml").read_text(encoding="utf-8")
    damaged = (
        text.replace("next: wait", "next: wiat")
        + "never:\n  - given: {lve: 'Yes'}\n    outcome: wait\n    because: B.\n"
    )
    assert {d[2] for d in diagnose(write_tree(damaged))} == {"DT021", "DT036"}


def test_never_rules_on_a_tree_of_2_to_the_60_routes_are_checked_without_enumerating(write_tree):
    from devtools.generate import diamond_tree

    rules = "never:\n" + "".join(
        f"  - given: {{q{i}: Answer 2, q{i + 20}: Answer 1}}\n    outcome: o0\n    because: Rule {i}.\n"
        for i in range(20)
    )
    found = check_files([write_tree(diamond_tree(60) + rules)]).diagnostics
    assert [d.code for d in found] == ["DT039"] * 20
    route = found[0].message.split("by the route ", 1)[1].split(" → ")
    assert len(route) == 61 and route[0] == 'q0 "Answer 2"' and route[20] == 'q20 "Answer 1"'
    assert all(step.endswith('"Answer 1"') for i, step in enumerate(route[1:60], 1) if i != 20)
