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
