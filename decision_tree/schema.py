"""The authoring format as data: one field table per kind of mapping, and its JSON Schema.

``shape.py`` validates against these tables and ``python -m decision_tree schema`` prints the JSON
Schema made from them, so the two cannot drift apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .contract import ID_PATTERN

# Kinds of value
LINE = "line"  # text on one line
MARKDOWN = "markdown"  # text, any number of lines, Markdown
REF = "ref"  # the id of something else
FLAG = "flag"  # the text "true" or "false"
LIST = "list"  # a list of mappings of shape `of`
ID_MAP = "id-map"  # id -> `of` (a Shape, or REF for aliases)
ANSWER_MAP = "answer-map"  # question id -> an answer's label
ID_LIST = "id-list"  # a list of ids
MAPPING = "mapping"  # one mapping of shape `of`
CHOICE = "choice"  # one of the words in `choices`


@dataclass(frozen=True)
class Field:
    kind: str
    required: bool
    description: str
    of: Shape | str | None = None
    min_items: int = 1  # for LIST
    choices: tuple[str, ...] = ()  # for CHOICE


@dataclass(frozen=True)
class Shape:
    name: str  # as an editor would say it: "answer", "question"
    article: str  # "an answer"
    fields: dict[str, Field] = field(hash=False)


# The hiring brief's questions an answer can fill in (docs/brief.md): field -> (the brief's control name,
# the editor's word -> the brief's value). The player puts them in the brief's link: /brief/?ss=platform.
BRIEF_FIELDS: dict[str, tuple[str, dict[str, str]]] = {
    "scope": ("ss", {"model": "model", "product": "product", "platform": "platform", "undecided": "tbd"}),
    "governance": ("gr", {"regulated": "reg", "policy": "policy", "none": "none", "unsure": "tbd"}),
}

BRIEF = Shape(
    "brief",
    "a brief hand-off",
    {
        "scope": Field(
            CHOICE,
            False,
            "How far the role reaches, for the hiring brief: model, product, platform or undecided.",
            choices=tuple(BRIEF_FIELDS["scope"][1]),
        ),
        "governance": Field(
            CHOICE,
            False,
            "The rules the models work under, for the hiring brief: regulated, policy, none or unsure.",
            choices=tuple(BRIEF_FIELDS["governance"][1]),
        ),
    },
)

ANSWER = Shape(
    "answer",
    "an answer",
    {
        "label": Field(LINE, True, "The button text: one line, different from the other answers' labels."),
        "next": Field(REF, True, "The id of the question or outcome this answer leads to."),
        "why": Field(LINE, False, "One line: why this answer leads where it does, shown with the result."),
        "unsure": Field(FLAG, False, '"true" if this answer means the reader was unsure; two on a route add a caveat.'),
        "aliases": Field(ID_LIST, False, "Keys this answer had in links before, so that those links keep working."),
        "brief": Field(MAPPING, False, "What this answer fills in on the hiring brief: scope, governance.", BRIEF),
    },
)

QUESTION = Shape(
    "question",
    "a question",
    {
        "text": Field(LINE, True, "The question, on one line."),
        "help": Field(MARKDOWN, False, "Why we ask, or how to answer (Markdown)."),
        "answers": Field(LIST, True, "Two or more answers.", ANSWER, min_items=2),
    },
)

OUTCOME = Shape(
    "outcome",
    "an outcome",
    {
        "title": Field(LINE, True, "The result's title; also the title of its own page."),
        "summary": Field(LINE, False, "One line for link previews and the top of the result's page."),
        "body": Field(MARKDOWN, True, "What this result means and what to do next (Markdown)."),
        "continue_with": Field(REF, False, "The id of another tree to hand over to (its file name)."),
        "role": Field(LINE, False, "The role title this result suggests; it fills in the hiring brief's role title."),
    },
)

SCENARIO = Shape(
    "scenario",
    "a scenario",
    {
        "name": Field(LINE, True, "What the scenario pins, on one line."),
        "given": Field(ANSWER_MAP, True, "Question id -> answer label: every question on one route, nothing else."),
        "expect": Field(REF, True, "The id of the outcome that route must end at."),
    },
)

NEVER = Shape(
    "never rule",
    "a never rule",
    {
        "given": Field(ANSWER_MAP, True, "Question id -> answer label: the answers the rule is about."),
        "outcome": Field(REF, True, "The id of the outcome no route with all these answers may end at."),
        "because": Field(LINE, True, "Why, on one line; quoted when the rule is broken."),
    },
)

TREE = Shape(
    "tree",
    "a tree",
    {
        "title": Field(LINE, True, "The tool's title."),
        "summary": Field(LINE, False, "One line: the tool page's intro and its link preview."),
        "start": Field(REF, True, "The id of the first question."),
        "questions": Field(ID_MAP, True, "Question id -> question.", QUESTION),
        "outcomes": Field(ID_MAP, True, "Outcome id -> outcome.", OUTCOME),
        "aliases": Field(ID_MAP, False, "Retired id -> current id, so that old links keep working.", REF),
        "scenarios": Field(LIST, False, "Routes pinned to the outcome they must end at.", SCENARIO),
        "never": Field(LIST, False, "Outcomes that routes giving certain answers must never end at.", NEVER),
    },
)

SCHEMA_ID = "https://selicor.example/decision-tree/schema.json"


def json_schema() -> dict:
    """Return the JSON Schema (draft 2020-12) of a tree file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Decision tree (authoring format version 2)",
        "description": "One decision tree. The file name is the tree id. See docs/editors.md.",
        **_object(TREE),
        "$defs": {
            "id": {
                "type": "string",
                "pattern": ID_PATTERN,
                "description": "Lowercase letters, digits and single hyphens.",
            },
            "text": {
                "type": ["string", "number", "boolean"],
                "description": "Text; kept exactly as typed, even yes, no or 1.10.",
            },
        },
    }


def _object(shape: Shape) -> dict:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [name for name, f in shape.fields.items() if f.required],
        "properties": {name: _value(f) for name, f in shape.fields.items()},
    }


def _value(f: Field) -> dict:
    if f.kind in (LINE, MARKDOWN):
        return {"$ref": "#/$defs/text", "description": f.description}
    if f.kind == REF:
        return {"$ref": "#/$defs/id", "description": f.description}
    if f.kind == FLAG:
        # A YAML 1.1 tool reads an unquoted true as a boolean; the engine reads it as the text typed.
        return {"enum": ["true", "false", True, False], "description": f.description}
    if f.kind == ANSWER_MAP:
        return {
            "type": "object",
            "description": f.description,
            "propertyNames": {"$ref": "#/$defs/id"},
            "additionalProperties": {"$ref": "#/$defs/text"},
        }
    if f.kind == ID_LIST:
        return {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/id"}, "description": f.description}
    if f.kind == CHOICE:
        return {"enum": list(f.choices), "description": f.description}
    if f.kind == MAPPING:
        assert isinstance(f.of, Shape)
        return {**_object(f.of), "description": f.description}
    if f.kind == LIST:
        assert isinstance(f.of, Shape)
        return {"type": "array", "minItems": f.min_items, "items": _object(f.of), "description": f.description}
    inner = {"$ref": "#/$defs/id"} if f.of == REF else _object(f.of)  # type: ignore[arg-type]
    return {
        "type": "object",
        "description": f.description,
        "propertyNames": {"$ref": "#/$defs/id"},
        "additionalProperties": inner,
    }


def schema_text() -> str:
    """Return the JSON Schema as the committed file holds it."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
