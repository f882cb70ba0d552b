"""The hand-off to the hiring brief: an outcome's role title and the brief fields answers fill in."""

from __future__ import annotations

import json

import yaml

from decision_tree import schema
from decision_tree.check import check_files
from decision_tree.render import Links, island_json, result_island

from .support import BROKEN, TREES, diagnose
from .test_shipped import violations

FIXTURE = BROKEN / "dt042-not-a-brief-choice.yml"
GOOD = FIXTURE.read_text(encoding="utf-8").replace("scope: platfrom", "scope: platform")


def test_dt042_a_brief_value_that_is_not_one_of_the_briefs_choices():
    assert diagnose(FIXTURE) == [
        (
            13,
            18,
            "DT042",
            '"platfrom" is not one of the hiring brief\'s choices for the "scope" of the brief of answer '
            '"Several teams" of question "reach"',
            'did you mean "platform"? write one of: model, product, platform, undecided',
        )
    ]


def test_role_and_brief_are_read_and_carried_in_the_island(write_tree):
    path = write_tree(GOOD, "handoff.yml")
    tree = check_files([path]).trees["handoff"]
    assert tree.outcomes["wide"].role == "ML platform engineer"
    assert [a.brief for a in tree.questions["reach"].answers] == [(("scope", "model"),), (("scope", "platform"),)]
    data = json.loads(island_json(tree, Links()))
    assert data["questions"]["reach"]["answers"][1]["brief"] == {"ss": "platform"}
    assert data["outcomes"]["narrow"]["role"] == "MLOps engineer"
    # A result's own page builds the brief link too.
    page = json.loads(result_island(tree))
    assert page["questions"]["reach"]["answers"][0]["brief"] == {"ss": "model"}
    assert page["outcomes"]["wide"]["role"] == "ML platform engineer"


def test_governance_words_become_the_briefs_values(write_tree):
    text = GOOD.replace("brief: {scope: model}", "brief: {scope: undecided, governance: regulated}")
    tree = check_files([write_tree(text, "handoff.yml")]).trees["handoff"]
    answer = json.loads(island_json(tree, Links()))["questions"]["reach"]["answers"][0]
    assert answer["brief"] == {"ss": "tbd", "gr": "reg"}


def test_a_brief_that_is_not_a_mapping_or_has_an_unknown_field_is_reported(write_tree):
    text = GOOD.replace("brief: {scope: model}", "brief: model").replace("scope: platform", "level: senior")
    found = [(line, code, message) for line, _col, code, message, _hint in diagnose(write_tree(text))]
    assert found == [
        (
            9,
            "DT013",
            'the "brief" of answer "One model" of question "reach" must be a mapping of fields, not the text "model"',
        ),
        (13, "DT010", '"level" is not a field of a brief hand-off'),
    ]


def test_trees_without_hand_off_fields_render_as_before():
    tree = check_files([BROKEN / "dt031-loop.yml"]).trees["dt031-loop"]
    text = island_json(tree, Links())
    assert '"brief"' not in text and '"role"' not in text


def test_the_json_schema_knows_the_hand_off_fields():
    data = yaml.safe_load(GOOD)
    assert violations(data, schema.json_schema(), schema.json_schema()) == []
    data["questions"]["reach"]["answers"][0]["brief"] = {"scope": "everything"}
    data["outcomes"]["wide"]["role"] = ["a", "list"]
    assert violations(data, schema.json_schema(), schema.json_schema())


def test_the_hiring_archetypes_hand_their_role_titles_to_the_brief():
    tree = check_files([TREES / "archetype.yml"]).trees["archetype"]
    hires = [o for o in tree.outcomes.values() if o.id not in ("too-early", "inventory-first")]
    assert hires and all(outcome.role for outcome in hires)
    assert tree.outcomes["platform-engineer"].role == "ML platform engineer"
    assert any(answer.brief for question in tree.questions.values() for answer in question.answers)
