"""The outline is written with the contract the player reads (decision_tree/assets/contract.json).

The player's side is tests/js/contract.test.mjs: its URL functions follow the same file.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from decision_tree import contract, model, schema
from decision_tree.check import check_files
from decision_tree.render import Links, anchor, tree_html

from .support import ROOT, TREES

SHIPPED = json.loads((ROOT / "decision_tree" / "assets" / "contract.json").read_text(encoding="utf-8"))


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _outline(tree_id: str, links: Links | None = None) -> tuple[_Elements, object]:
    tree = check_files([TREES / f"{tree_id}.yml"]).trees[tree_id]
    parsed = _Elements()
    parsed.feed(tree_html(tree, lambda text: f"<p>{text}</p>", links or Links()))
    return parsed, tree


def _classes(parsed: _Elements) -> set[str]:
    return {name for _, attrs in parsed.found for name in (attrs.get("class") or "").split()}


def test_the_engine_reads_the_contract_the_player_bundles():
    assert contract.CONTRACT == SHIPPED
    assert model.ID_PATTERN == schema.ID_PATTERN == SHIPPED["id"]
    assert model.is_id("hire-now") and not model.is_id("hire--now")


def test_the_outline_uses_the_contract_s_class_names_and_attributes():
    parsed, tree = _outline("need-mlops", Links(outcomes={oid: f"{oid}/" for oid in ["hire-now"]}))
    classes = _classes(parsed)
    for name in ("data", "outline", "step", "help", "answers", "summary", "body", "links", "permalink"):
        assert SHIPPED["classes"][name] in classes, name
    roots = [attrs for _, attrs in parsed.found if SHIPPED["attributes"]["tree"] in attrs]
    assert [attrs[SHIPPED["attributes"]["tree"]] for attrs in roots] == [tree.id]
    steps = [attrs for _, attrs in parsed.found if SHIPPED["classes"]["step"] in (attrs.get("class") or "").split()]
    assert {attrs[SHIPPED["attributes"]["step"]] for attrs in steps} == {*tree.questions, *tree.outcomes}
    assert all(
        attrs["id"] == f"{tree.id}{SHIPPED['hash']['anchor']}{attrs[SHIPPED['attributes']['step']]}" for attrs in steps
    )
    keys = [attrs[SHIPPED["attributes"]["key"]] for tag, attrs in parsed.found if SHIPPED["attributes"]["key"] in attrs]
    assert keys == [answer.key for question in tree.questions.values() for answer in question.answers]
    assert "".join(parsed.text).count(SHIPPED["labels"]["permalink"]) == 1


def test_the_outline_s_continue_link_has_the_contract_s_label():
    tree_id = next(
        path.stem
        for path in sorted(TREES.glob("*.yml"))
        if re.search(r"^\s+continue_with:", path.read_text(encoding="utf-8"), re.M)
    )
    parsed, tree = _outline(
        tree_id, Links(trees={t: (f"Tool {t}", f"../{t}/") for t in ("need-mlops", "archetype", "faq")})
    )
    handed = [o for o in tree.outcomes.values() if o.continue_with]
    assert SHIPPED["classes"]["continue"] in _classes(parsed)
    assert f"{SHIPPED['labels']['continue']}Tool {handed[0].continue_with}" in "".join(parsed.text)


def test_an_anchor_joins_tree_and_step_with_the_contract_s_separator():
    tree = check_files([TREES / "faq.yml"]).trees["faq"]
    assert anchor(tree, tree.start) == f"faq{SHIPPED['hash']['anchor']}{tree.start}"
