"""Published link keys: the record beside each tree, the check that holds a tree to it, and its update."""

from __future__ import annotations

from pathlib import Path

import pytest

from decision_tree.__main__ import main
from decision_tree.check import check_files
from decision_tree.keys import current_keys, read_record, record_path, record_text, unrecorded
from devtools.project import copy_project

from .support import diagnose, shipped_trees

BROKEN = Path("tests/fixtures/broken")
RETIRE = "if none does, write 'retired' after this line to drop the answer from old links"

TREE = """\
title: Hiring
start: live
questions:
  live:
    text: Is a model live?
    answers:
      - label: Yes, it is live
        next: owner
      - label: Partly
        next: owner
      - label: Not yet
        next: wait
  owner:
    text: Does someone own it?
    answers:
      - label: 'Yes'
        next: keep
      - label: 'No'
        next: hire
outcomes:
  keep:
    title: Keep going
    body: Keep going.
  hire:
    title: Hire
    body: Hire.
  wait:
    title: Wait
    body: Wait.
"""


@pytest.fixture
def published(tmp_path):
    """Write a tree and its record as the site published it; return a function that edits the tree."""
    path = tmp_path / "hiring.yml"
    path.write_text(TREE, encoding="utf-8")
    tree = check_files([path]).trees["hiring"]
    record_path(path).write_text(record_text(tree, []), encoding="utf-8")

    def edit(*changes: tuple[str, str], extra: str = "") -> Path:
        text = TREE
        for old, new in changes:
            assert old in text
            text = text.replace(old, new)
        path.write_text(text + extra, encoding="utf-8")
        return path

    return edit


def codes(path: Path) -> list[tuple[int, str]]:
    return [(d.pos.line, d.code) for d in check_files([path]).diagnostics]


def test_the_reworded_label_fixture_is_pinned():
    assert diagnose(BROKEN / "dt040-reworded-label.yml") == [
        (
            7,
            1,
            "DT040",
            'links published with the answer "yes-it-is-live" to question "live" no longer work: no answer of '
            "that question has this key now",
            'add aliases: [yes-it-is-live] to the answer that means the same now, perhaps "Yes, it is in use" '
            f"(line 7); {RETIRE}",
        ),
        (
            12,
            1,
            "DT040",
            'links published with the step "incidents" no longer lead anywhere: the tree has no question or '
            "outcome with that id",
            "under aliases:, add the line incidents: new-id, naming the question or outcome that took its place",
        ),
    ]


def test_the_alias_clash_fixture_is_pinned():
    assert diagnose(BROKEN / "dt041-alias-names-another-answer.yml") == [
        (
            11,
            19,
            "DT041",
            'the old key "keep" of answer "No" already names answer "Yes" of question "live"',
            "remove it from aliases: a key names one answer, and an answer's own key needs no alias",
        )
    ]


def test_rewording_a_label_that_names_its_answer_fails_until_the_old_key_is_an_alias(published):
    # "Yes, it is live" and "Partly" both lead to owner, so links name them by their labels.
    path = published(("label: Yes, it is live", "label: Yes, in use"))
    assert codes(path) == [(9, "DT040")]  # the record's line for live:yes-it-is-live
    fixed = published(("label: Yes, it is live", "label: Yes, in use\n        aliases: [yes-it-is-live]"))
    assert codes(fixed) == []


def test_moving_an_answer_changes_its_key_and_an_alias_keeps_old_links(published):
    # Keys of answers with a place of their own are that place: moving them changes the key.
    swap = (("next: wait\n", "next: HIRE\n"), ("next: hire\n", "next: wait\n"), ("next: HIRE\n", "next: hire\n"))
    path = published(*swap)
    assert [code for _line, code in codes(path)] == ["DT040", "DT040"]  # live:wait, owner:hire
    fixed = published(
        ("next: wait\n", "next: HIRE\n        aliases: [wait]\n"),
        ("next: hire\n", "next: wait\n        aliases: [hire]\n"),
        ("next: HIRE\n", "next: hire\n"),
    )
    assert codes(fixed) == []


def test_splitting_a_question_needs_an_alias_for_the_old_question_and_its_answers(published):
    split = TREE.replace("  owner:\n    text: Does someone own it?", "  incidents:\n    text: Does someone respond?")
    split = split.replace("next: owner", "next: incidents")
    path = published((TREE, split))
    assert [code for _line, code in codes(path)] == ["DT040"] * 3  # owner, owner:keep, owner:hire
    fixed = published((TREE, split), extra="aliases:\n  owner: incidents\n")
    assert codes(fixed) == []  # the answers kept their keys (keep, hire) on the question that replaced it


def test_an_answer_retired_on_purpose_passes(published):
    # Without "Partly", "Yes, it is live" is the only way to owner: its key becomes "owner".
    path = published(("      - label: Partly\n        next: owner\n", ""))
    assert [code for _line, code in codes(path)] == ["DT040", "DT040"]  # live:partly, live:yes-it-is-live
    record = record_path(path)
    record.write_text(record.read_text().replace("live:partly\n", "live:partly retired\n"))
    assert [code for _line, code in codes(path)] == ["DT040"]
    fixed = published(
        ("      - label: Partly\n        next: owner\n", ""),
        ("next: owner\n", "next: owner\n        aliases: [yes-it-is-live]\n"),
    )
    assert codes(fixed) == []


def test_a_question_cannot_be_retired_and_a_misspelt_mark_is_named(published):
    """'retired' drops an answer from old links; a question's links must still land, so on a step's line
    the word is not taken, and the hint says why. Any other word after a key is named as unread."""
    split = TREE.replace("  owner:\n    text: Does someone own it?", "  incidents:\n    text: Does someone respond?")
    path = published((TREE, split.replace("next: owner", "next: incidents")))
    record = record_path(path)
    record.write_text(record.read_text().replace("owner\n", "owner retired\n", 1))
    record.write_text(record.read_text().replace("owner:keep\n", "owner:keep retird\n"))
    found = {d.pos.line: d for d in check_files([path]).diagnostics if d.code == "DT040"}
    lines = record.read_text().splitlines()
    step = found[lines.index("owner retired") + 1]
    assert step.hint.startswith("only an answer can be retired, not a question or an outcome; under aliases:")
    answer = found[lines.index("owner:keep retird") + 1]
    assert answer.hint.startswith("'retird' after the key is not read (the only word the record reads there is")


def test_the_record_only_grows_and_keeps_retirements(published):
    path = published(("label: Partly", "label: In part"), ("label: Yes, it is live", "label: Yes, it is live"))
    record = record_path(path)
    record.write_text(record.read_text().replace("live:partly\n", "live:partly retired\n"))
    tree = check_files([path]).trees["hiring"]
    recorded = read_record(record.read_text())
    assert unrecorded(tree, recorded) == ["live:in-part"]
    text = record_text(tree, recorded)
    assert "live:partly retired\n" in text and "live:in-part\n" in text and "live:yes-it-is-live\n" in text


def test_update_paths_adds_new_keys_and_removes_none(tmp_path, monkeypatch):
    copy_project(tmp_path)
    trees = tmp_path / "docs" / "trees"
    record = record_path(trees / "faq.yml")
    kept = record.read_text(encoding="utf-8") + "an-old-step\ncandidates:an-old-answer retired\n"
    record.write_text(kept.replace("topic\n", ""), encoding="utf-8")  # a current key, not recorded yet
    (trees / "faq.yml").write_text(
        (trees / "faq.yml").read_text(encoding="utf-8") + "aliases:\n  an-old-step: topic\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["paths", "--update"]) == 0
    text = record.read_text(encoding="utf-8")
    assert "\nan-old-step\n" in text and "\ntopic\n" in text and "\ncandidates:an-old-answer retired\n" in text
    assert main(["paths", "--update"]) == 0
    assert record.read_text(encoding="utf-8") == text  # nothing new: nothing written


@pytest.mark.parametrize("path", shipped_trees(), ids=lambda p: p.stem)
def test_every_shipped_tree_has_an_up_to_date_record(path):
    record = record_path(path)
    assert record.is_file(), f"{record.name} is missing: run ./scripts/update-paths"
    tree = check_files([path]).trees[path.stem]
    missing = unrecorded(tree, read_record(record.read_text(encoding="utf-8")))
    assert not missing, f"{record.name} lacks {missing}: run ./scripts/update-paths and commit it"
    assert set(current_keys(tree)) <= {r.key for r in read_record(record.read_text(encoding="utf-8"))}


def test_a_key_that_was_a_renamed_steps_id_follows_the_tree_alias_as_the_player_does(published):
    # "Not yet" leads to wait, so its key is "wait"; renaming wait with an alias keeps live:wait working.
    path = published(("next: wait", "next: later"), ("  wait:\n", "  later:\n"), extra="aliases:\n  wait: later\n")
    assert codes(path) == []
