"""Check a file's nodes against the field tables and build the model from them.

Every field is looked up in ``schema.py``: unknown keys, missing or blank fields, a list where text
belongs, text on two lines where one is expected, ids that are not ids. What can be built is built,
so later checks still run on the rest of the file and an editor sees every problem in one go.
"""

from __future__ import annotations

from collections.abc import Callable

from . import schema
from .diagnostics import Diagnostic, Pos, quote, quote_id
from .load import Mapping, Node, Scalar, Sequence
from .model import (
    Answer,
    Given,
    Never,
    Outcome,
    Question,
    Scenario,
    Tree,
    answer_keys,
    did_you_mean,
    is_id,
    slug,
)

_NODE_TYPE = {
    schema.LIST: Sequence,
    schema.ID_LIST: Sequence,
    schema.ID_MAP: Mapping,
    schema.ANSWER_MAP: Mapping,
    schema.MAPPING: Mapping,
}
_FLAGS = ("true", "false")
_TEXT_KINDS = (schema.LINE, schema.MARKDOWN, schema.REF, schema.FLAG, schema.CHOICE)
_KIND_WORDS = {Scalar: "text", Mapping: "a mapping", Sequence: "a list"}
_EXPECTED = {
    schema.LINE: ("text on one line", "write the text after the colon, on the same line"),
    schema.MARKDOWN: ("text", 'write the text after the colon, or "|" and the text indented below it'),
    schema.REF: ("an id", "write the id after the colon"),
    schema.FLAG: ('"true" or "false"', 'write "true" or "false" after the colon'),
    schema.LIST: ("a list", 'put each item on its own line, starting with "- "'),
    schema.ID_LIST: ("a list of ids", "write the ids in square brackets, separated by commas: [old-key, other-key]"),
    schema.ID_MAP: ("a mapping of ids", 'write one "id:" per line, indented, with its fields below it'),
    schema.MAPPING: ("a mapping of fields", 'write one "field: value" per line, indented, or {field: value, ...}'),
    schema.CHOICE: ("one word", "write one of the choices after the colon"),
    schema.ANSWER_MAP: (
        "question ids with the answer given to each",
        'write one "question-id: answer label" per line, indented, or {question-id: answer label, ...}',
    ),
}


class _Reader:
    """Read one file's nodes; collect problems in ``self.problems``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Diagnostic] = []

    def problem(self, pos: Pos, code: str, message: str, hint: str | None = None) -> None:
        self.problems.append(Diagnostic(self.path, pos, code, message, hint))

    def fields(self, node: Node, shape: schema.Shape, owner: Callable[[], str], at: Pos) -> dict[str, Node]:
        """Return the known fields of a mapping node, reporting unknown, missing and blank ones.

        ``owner`` names the mapping for messages ('question "live"'); it is only called when there is
        a problem to report, since building names for every node would slow large trees down.
        """
        if not isinstance(node, Mapping):
            self.problem(
                node.pos if not _is_blank(node) else at,
                "DT013",
                f"{owner()} must be a mapping of fields, not {_describe(node)}",
                f"{shape.article} has: {', '.join(shape.fields)}",
            )
            return {}
        found: dict[str, Node] = {}
        misspelt: set[str] = set()  # a missing field that an unknown key was probably meant to be
        for name, (key, value) in node.entries.items():
            spec = shape.fields.get(name)
            if spec is None:
                guess = did_you_mean(name, shape.fields)
                misspelt.add(guess or "")
                known = f"{shape.article} has: {', '.join(shape.fields)}"
                self.problem(
                    key.pos,
                    "DT010",
                    f"{quote(name)} is not a field of {shape.article}",
                    f"did you mean {quote(guess)}? {known}" if guess else known,
                )
                continue
            if spec.kind in _TEXT_KINDS and _is_blank(value):
                if spec.required:
                    self.problem(
                        key.pos,
                        "DT012",
                        f"the {quote(name)} of {owner()} is blank",
                        f"write the {'id' if spec.kind == schema.REF else 'text'} after the colon",
                    )
                continue
            found[name] = value
            self._check_kind(name, spec, value, owner)
            if spec.kind == schema.CHOICE and isinstance(value, Scalar) and value.text.strip() not in spec.choices:
                del found[name]
                guess = did_you_mean(value.text.strip(), spec.choices)
                self.problem(
                    value.pos,
                    "DT042",
                    f"{quote(value.text.strip())} is not one of the hiring brief's choices for the {quote(name)} "
                    f"of {owner()}",
                    (f"did you mean {quote(guess)}? " if guess else "") + f"write one of: {', '.join(spec.choices)}",
                )
        for name, spec in shape.fields.items():
            if spec.required and name not in node.entries and name not in misspelt:
                self.problem(
                    at,
                    "DT011",
                    f"{owner()} has no {quote(name)}",
                    f"add a line {name}: ... ({spec.description[0].lower()}{spec.description[1:].rstrip('.')})",
                )
        return found

    def _check_kind(self, name: str, spec: schema.Field, value: Node, owner: Callable[[], str]) -> None:
        wanted, hint = _EXPECTED[spec.kind]
        not_a_flag = spec.kind == schema.FLAG and isinstance(value, Scalar) and value.text.strip() not in _FLAGS
        if not isinstance(value, _NODE_TYPE.get(spec.kind, Scalar)) or not_a_flag:
            self.problem(
                value.pos, "DT013", f"the {quote(name)} of {owner()} must be {wanted}, not {_describe(value)}", hint
            )
        elif spec.kind in (schema.LINE, schema.FLAG) and isinstance(value, Scalar) and "\n" in value.text.strip():
            self.problem(
                value.pos,
                "DT018",
                f"the {quote(name)} of {owner()} must be one line",
                'join the lines into one; longer text belongs in "help" or "body"',
            )

    def not_an_id(self, node: Scalar, message: str) -> None:
        """Report text where an id belongs, suggesting the id it was probably meant to be."""
        suggestion = slug(node.text)
        self.problem(
            node.pos,
            "DT014",
            message,
            "ids use lowercase letters, digits and single hyphens"
            + (f": did you mean {quote(suggestion)}?" if suggestion else ""),
        )

    def text(self, fields: dict[str, Node], name: str) -> str | None:
        node = fields.get(name)
        return node.text.strip() if isinstance(node, Scalar) else None

    def ref(self, fields: dict[str, Node], name: str) -> str | None:
        """Return an id as typed: a quoted "done\n" must not pass for done."""
        node = fields.get(name)
        return node.text if isinstance(node, Scalar) else None

    def id_list(self, node: Node | None, what: str) -> list[tuple[str, Pos]]:
        """Return the ids of a list, reporting items that are not ids."""
        found = []
        for item in node.items if isinstance(node, Sequence) else ():
            if not isinstance(item, Scalar):
                self.problem(
                    item.pos, "DT013", f"an {what} must be an id, not {_describe(item)}", _EXPECTED[schema.ID_LIST][1]
                )
            elif not is_id(item.text):
                self.not_an_id(item, f"{quote_id(item.text)} is not a valid {what}")
            else:
                found.append((item.text, item.pos))
        return found

    def ids(self, node: Node | None, what: str) -> list[tuple[Scalar, Node]]:
        """Return the (key, value) pairs of an id mapping, reporting keys that are not ids."""
        if not isinstance(node, Mapping):
            return []
        for key, _ in node.entries.values():
            if not is_id(key.text):
                self.not_an_id(key, f"{quote_id(key.text)} is not a valid {what} id")
        return list(node.entries.values())


def read_tree(top: Node, tree_id: str, path: str) -> tuple[Tree, list[Diagnostic]]:
    """Check a file's top node against the format and return the tree built from it."""
    r = _Reader(path)
    origin = Pos(1, 1)
    if not is_id(tree_id):
        r.problem(
            origin,
            "DT014",
            f"the file name {quote_id(tree_id)} cannot be used as a tree id",
            "rename the file using lowercase letters, digits and single hyphens"
            + (f", for example {slug(tree_id)}.yml" if slug(tree_id) else ""),
        )
    top_fields = r.fields(top, schema.TREE, lambda: "the tree", origin)
    questions = {key.text: _question(r, key, value) for key, value in r.ids(top_fields.get("questions"), "question")}
    outcomes = {key.text: _outcome(r, key, value) for key, value in r.ids(top_fields.get("outcomes"), "outcome")}
    aliases: dict[str, str] = {}
    alias_pos: dict[str, Pos] = {}
    alias_key_pos: dict[str, Pos] = {}
    for key, value in r.ids(top_fields.get("aliases"), "alias"):
        if _is_blank(value):
            r.problem(
                key.pos, "DT012", f"the alias {quote_id(key.text)} is blank", "write the current id after the colon"
            )
        elif not isinstance(value, Scalar):
            r.problem(
                value.pos,
                "DT013",
                f"the alias {quote_id(key.text)} must be an id, not {_describe(value)}",
                "write the current id after the colon",
            )
        else:
            aliases[key.text] = value.text  # as typed, like every id: "hire-now\n" names nothing
            alias_pos[key.text] = value.pos
            alias_key_pos[key.text] = key.pos
    start = top_fields.get("start")
    scenarios = tuple(_scenario(r, item, index) for index, item in enumerate(_items(top_fields, "scenarios"), 1))
    never = tuple(_never(r, item, index) for index, item in enumerate(_items(top_fields, "never"), 1))
    tree = Tree(
        id=tree_id,
        path=path,
        title=r.text(top_fields, "title") or "",
        summary=r.text(top_fields, "summary"),
        start=r.ref(top_fields, "start") or "",
        start_pos=start.pos if start else origin,
        questions=questions,
        outcomes=outcomes,
        aliases=aliases,
        alias_pos=alias_pos,
        alias_key_pos=alias_key_pos,
        scenarios=scenarios,
        never=never,
    )
    return tree, r.problems


def _items(fields: dict[str, Node], name: str) -> tuple[Node, ...]:
    node = fields.get(name)
    return node.items if isinstance(node, Sequence) else ()


def _scenario(r: _Reader, item: Node, index: int) -> Scenario:
    name_node = item.entries.get("name") if isinstance(item, Mapping) else None
    name = name_node[1] if name_node is not None else None
    named = isinstance(name, Scalar) and name.text.strip()
    owner = f"scenario {quote(name.text.strip())}" if isinstance(name, Scalar) and named else f"scenario {index}"
    found = r.fields(item, schema.SCENARIO, lambda: owner, item.pos)
    expect = found.get("expect")
    return Scenario(
        name=r.text(found, "name") or "",
        given=_given(r, found.get("given"), owner),
        expect=r.ref(found, "expect") or "",
        pos=item.pos,
        expect_pos=expect.pos if expect else item.pos,
    )


def _never(r: _Reader, item: Node, index: int) -> Never:
    owner = f"never rule {index}"
    found = r.fields(item, schema.NEVER, lambda: owner, item.pos)
    outcome = found.get("outcome")
    return Never(
        given=_given(r, found.get("given"), owner),
        outcome=r.ref(found, "outcome") or "",
        because=r.text(found, "because") or "",
        pos=item.pos,
        outcome_pos=outcome.pos if outcome else item.pos,
    )


def _given(r: _Reader, node: Node | None, owner: str) -> tuple[Given, ...]:
    """Return the answers a scenario or rule names, reporting blank ones and ones that are not text."""
    given: list[Given] = []
    for key, value in r.ids(node, "question"):
        if _is_blank(value):
            r.problem(
                key.pos,
                "DT012",
                f"the answer to {quote_id(key.text)} in {owner} is blank",
                "write the answer's label after the colon",
            )
        elif not isinstance(value, Scalar):
            r.problem(
                value.pos,
                "DT013",
                f"the answer to {quote_id(key.text)} in {owner} must be an answer's label, not {_describe(value)}",
                "write the answer's label after the colon, on the same line",
            )
        elif is_id(key.text):  # else reported by ids()
            given.append(Given(key.text, value.text.strip(), key.pos, value.pos))
    return tuple(given)


def _question(r: _Reader, key: Scalar, node: Node) -> Question:
    def what() -> str:
        return f"question {quote_id(key.text)}"

    fields = r.fields(node, schema.QUESTION, what, key.pos)
    answers_node = fields.get("answers")
    found_answers: list[dict[str, Node]] = []
    items = answers_node.items if isinstance(answers_node, Sequence) else ()
    for index, item in enumerate(items, 1):
        found_answers.append(r.fields(item, schema.ANSWER, _answer_owner(item, index, what), item.pos))
    keys = answer_keys([(r.text(found, "label") or "", r.ref(found, "next") or "") for found in found_answers])
    aliases = [r.id_list(found.get("aliases"), "answer alias") for found in found_answers]
    briefs = [
        _brief(r, found.get("brief"), _answer_owner(item, index, what))
        for index, (item, found) in enumerate(zip(items, found_answers, strict=True), 1)
    ]
    answers = tuple(
        Answer(
            label=r.text(found, "label") or "",
            next=r.ref(found, "next") or "",
            key=k,
            pos=item.pos,
            next_pos=found["next"].pos if "next" in found else item.pos,
            why=r.text(found, "why"),
            unsure=r.text(found, "unsure") == "true",
            aliases=tuple(text for text, _pos in old),
            alias_pos=tuple(pos for _text, pos in old),
            brief=brief,
        )
        for item, found, k, old, brief in zip(items, found_answers, keys, aliases, briefs, strict=True)
    )
    help_node = fields.get("help")
    return Question(
        id=key.text,
        text=r.text(fields, "text") or "",
        answers=answers,
        help=_block(help_node) or None,
        pos=key.pos,
        help_pos=help_node.pos if help_node else key.pos,
    )


def _brief(r: _Reader, node: Node | None, owner: Callable[[], str]) -> tuple[tuple[str, str], ...]:
    """Return the brief fields an answer fills in, in the order of the field table; wrong ones are reported."""
    if not isinstance(node, Mapping):
        return ()
    found = r.fields(node, schema.BRIEF, lambda: f"the brief of {owner()}", node.pos)
    return tuple((name, text) for name in schema.BRIEF.fields if (text := r.text(found, name)))


def _answer_owner(item: Node, index: int, what: Callable[[], str]) -> Callable[[], str]:
    """Return how a message names an answer: "the answer "Yes" of the question "live"", made only if needed."""
    return lambda: f"{_answer_name(item, index)} of {what()}"


def _answer_name(item: Node, index: int) -> str:
    label = item.entries.get("label") if isinstance(item, Mapping) else None
    if label and isinstance(label[1], Scalar) and label[1].text.strip():
        return f"answer {quote(label[1].text.strip())}"
    return f"answer {index}"


def _outcome(r: _Reader, key: Scalar, node: Node) -> Outcome:
    fields = r.fields(node, schema.OUTCOME, lambda: f"outcome {quote_id(key.text)}", key.pos)
    cont = fields.get("continue_with")
    return Outcome(
        id=key.text,
        title=r.text(fields, "title") or "",
        body=_block(fields.get("body")),
        summary=r.text(fields, "summary"),
        continue_with=r.ref(fields, "continue_with"),
        role=r.text(fields, "role"),
        pos=key.pos,
        continue_pos=cont.pos if cont else key.pos,
        body_pos=fields["body"].pos if "body" in fields else key.pos,
    )


def _block(node: Node | None) -> str:
    """Return Markdown text with its trailing blank lines removed."""
    return node.text.rstrip() + "\n" if isinstance(node, Scalar) else ""


def _is_blank(node: Node) -> bool:
    return isinstance(node, Scalar) and not node.text.strip()


def _describe(node: Node) -> str:
    if isinstance(node, Scalar):
        return "blank" if not node.text.strip() else f"the text {quote(node.text.strip())}"
    return _KIND_WORDS[type(node)]
