"""The committed trees, path manifests and JSON Schema: valid, and in step with the engine."""

from __future__ import annotations

import os
import re

import pytest
import yaml

from decision_tree import schema
from decision_tree.check import check_files
from decision_tree.paths import UPDATE_COMMAND, manifest_path, manifest_text
from devtools.project import ROOT

from .support import TREES, shipped_trees

SCHEMA_FILE = ROOT / "decision_tree" / "schema.json"
FIRST_LINE = "# yaml-language-server: $schema=../../decision_tree/schema.json"
TREE_FILES = pytest.mark.parametrize("path", shipped_trees(), ids=lambda p: p.stem)


def test_there_are_trees_to_ship():
    assert {p.stem for p in shipped_trees()} >= {"need-mlops", "archetype", "faq"}


@TREE_FILES
def test_tree_passes_check(path):
    result = check_files([path], docs=TREES.parent)
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)


@TREE_FILES
def test_tree_names_the_schema_on_its_first_line(path):
    assert path.read_text(encoding="utf-8").split("\n", 1)[0] == FIRST_LINE


@TREE_FILES
def test_path_manifest_is_up_to_date(path):
    tree = check_files([path]).trees[path.stem]
    committed = manifest_path(path)
    assert committed.exists(), f"{committed.name} is missing: run {UPDATE_COMMAND}"
    assert committed.read_text(encoding="utf-8") == manifest_text(tree), (
        f"{committed.name} is out of date: run {UPDATE_COMMAND} and commit it"
    )


def test_the_command_editors_are_told_to_run_exists():
    assert (ROOT / UPDATE_COMMAND).is_file() and os.access(ROOT / UPDATE_COMMAND, os.X_OK)


def test_committed_schema_is_up_to_date():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema.schema_text(), (
        "decision_tree/schema.json is out of date: run python -m decision_tree schema > decision_tree/schema.json"
    )


# --- the JSON Schema, as data -------------------------------------------------------------------------


def test_schema_objects_match_the_field_tables():
    tree = schema.json_schema()
    question = tree["properties"]["questions"]["additionalProperties"]
    objects = {
        schema.TREE: tree,
        schema.QUESTION: question,
        schema.ANSWER: question["properties"]["answers"]["items"],
        schema.OUTCOME: tree["properties"]["outcomes"]["additionalProperties"],
        schema.SCENARIO: tree["properties"]["scenarios"]["items"],
        schema.NEVER: tree["properties"]["never"]["items"],
    }
    for shape, obj in objects.items():
        assert obj["required"] == [name for name, f in shape.fields.items() if f.required], shape.name
        assert list(obj["properties"]) == list(shape.fields), shape.name
        assert obj["additionalProperties"] is False, shape.name
    assert tree["properties"]["aliases"]["additionalProperties"] == {"$ref": "#/$defs/id"}
    assert question["properties"]["answers"]["minItems"] == 2


# The keywords the small validator below understands; the test fails if the schema starts using others.
KEYWORDS = {
    "$schema",
    "$id",
    "title",
    "description",
    "$defs",
    "$ref",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "propertyNames",
    "items",
    "minItems",
    "pattern",
    "enum",
}
TYPES = {"object": dict, "array": list, "string": str, "number": (int, float), "boolean": bool}


def violations(value, rule: dict, root: dict, where: str = "tree") -> list[str]:
    """Return where ``value`` breaks ``rule``, for the subset of JSON Schema listed in KEYWORDS."""
    assert set(rule) <= KEYWORDS, set(rule) - KEYWORDS
    if "$ref" in rule:
        return violations(value, root["$defs"][rule["$ref"].removeprefix("#/$defs/")], root, where)
    if "enum" in rule:
        return [] if any(value == v and type(value) is type(v) for v in rule["enum"]) else [f"{where} is not allowed"]
    kinds = [rule["type"]] if isinstance(rule.get("type"), str) else rule.get("type", list(TYPES))
    if not any(isinstance(value, TYPES[k]) and (k == "boolean" or not isinstance(value, bool)) for k in kinds):
        return [f"{where} is not {' or '.join(kinds)}"]
    found: list[str] = []
    if isinstance(value, dict):
        found += [f"{where} has no {name}" for name in rule.get("required", []) if name not in value]
        for key, item in value.items():
            if "propertyNames" in rule:
                found += violations(key, rule["propertyNames"], root, f"the key {key!r} in {where}")
            extra = rule.get("additionalProperties", True)
            if key in rule.get("properties", {}):
                found += violations(item, rule["properties"][key], root, f"{where}.{key}")
            elif extra is False:
                found.append(f"{where} has an unknown key {key!r}")
            elif isinstance(extra, dict):
                found += violations(item, extra, root, f"{where}.{key}")
    if isinstance(value, list):
        if len(value) < rule.get("minItems", 0):
            found.append(f"{where} has fewer than {rule['minItems']} items")
        found += [v for i, item in enumerate(value) for v in violations(item, rule["items"], root, f"{where}[{i}]")]
    if isinstance(value, str) and "pattern" in rule and not re.search(ecma(rule["pattern"]), value):
        found.append(f"{where} does not match {rule['pattern']}")
    return found


def ecma(pattern: str) -> str:
    """Return a JSON Schema pattern for Python's re: there, $ also matches before a final newline."""
    return re.sub(r"(?<!\\)\$$", r"\\Z", pattern)


def leaves(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from leaves(item)
    else:
        yield value


@TREE_FILES
def test_tree_is_valid_against_the_json_schema(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # What the engine reads as text, a YAML 1.1 tool such as an editor's schema check reads as text too.
    assert {type(leaf) for leaf in leaves(data)} == {str}
    assert violations(data, schema.json_schema(), schema.json_schema()) == []


def test_the_small_validator_finds_what_the_schema_forbids():
    tree = {
        "title": "T",
        "start": "Bad_Id",
        "aliases": {"old": "o\n"},
        "questions": {"q": {"text": "Q?", "answers": [{"label": "A"}]}},
        "outcomes": {"o": {"title": "O", "body": "B", "extra": 1}},
    }
    assert violations(tree, schema.json_schema(), schema.json_schema()) == [
        "tree.start does not match ^[a-z0-9]+(?:-[a-z0-9]+)*$",
        "tree.aliases.old does not match ^[a-z0-9]+(?:-[a-z0-9]+)*$",  # "o\n": $ is the end, as in JSON Schema
        "tree.questions.q.answers has fewer than 2 items",
        "tree.questions.q.answers[0] has no next",
        "tree.outcomes.o has an unknown key 'extra'",
    ]


def test_trees_are_valid_for_jsonschema_when_it_is_installed():
    jsonschema = pytest.importorskip("jsonschema")  # optional: not a dependency of the project
    validator = jsonschema.Draft202012Validator(schema.json_schema())
    for path in shipped_trees():
        validator.validate(yaml.safe_load(path.read_text(encoding="utf-8")))
