"""One broken fixture per rule: each test pins line, column, code, message and hint.

The fixtures live in tests/fixtures/broken/, named after the code they break (lowercase, so that the
file name is itself a valid tree id and adds no problem of its own).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from decision_tree.check import check_directory, check_files
from decision_tree.diagnostics import CODES

from .support import BROKEN, diagnose, pinned

KNOWN_FIELDS = {
    "tree": "a tree has: title, summary, start, questions, outcomes, aliases, scenarios, never",
    "question": "a question has: text, help, answers",
    "answer": "an answer has: label, next, why, unsure, aliases, brief",
    "outcome": "an outcome has: title, summary, body, continue_with, role",
}


def broken(name: str):
    return BROKEN / f"{name}.yml"


# --- every code has a fixture, and each fixture breaks exactly its own rule ---------------------------


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_in_the_table_is_reported_by_a_broken_fixture(code):
    fixtures = sorted(BROKEN.glob(f"{code.lower()}-*.yml"))
    assert fixtures, f"add tests/fixtures/broken/{code.lower()}-<name>.yml"
    for path in fixtures:
        assert code in {d.code for d in check_files([path], docs=BROKEN.parent).diagnostics}, path.name


@pytest.mark.parametrize("path", sorted(BROKEN.glob("*.yml")), ids=lambda p: p.stem)
def test_each_fixture_reports_only_its_own_code(path):
    codes = {d.code for d in check_files([path], docs=BROKEN.parent).diagnostics}
    assert codes == {path.name[:5].upper()}


# --- load codes, as an editor meets them in a whole tree file ------------------------------------------


def test_dt001_bytes_that_are_not_utf8():
    assert diagnose(broken("dt001-not-utf8")) == [
        (
            1,
            11,
            "DT001",
            "the file is not UTF-8 text (byte 0xE9 here)",
            "save the file with the UTF-8 encoding in your editor",
        )
    ]


def test_dt001_a_file_saved_as_utf16_is_one_problem():
    assert diagnose(broken("dt001-utf16")) == [
        (
            1,
            1,
            "DT001",
            "the file is not UTF-8 text: it is saved as UTF-16",
            "save the file with the UTF-8 encoding in your editor",
        )
    ]


def test_dt002_an_invisible_control_character():
    assert diagnose(broken("dt002-control-character")) == [
        (
            5,
            16,
            "DT002",
            "an invisible control character (U+0007) is in the text",
            "delete it; it often arrives when text is pasted from another program",
        )
    ]


def test_dt004_a_colon_in_the_middle_of_a_value():
    assert diagnose(broken("dt004-colon-in-a-value")) == [
        (
            5,
            15,
            "DT004",
            "a colon followed by a space starts a new key here, in the middle of a value",
            'put the whole value in quotes, for example: text: "Cost: high"',
        )
    ]


def test_dt006_an_anchor():
    assert diagnose(broken("dt006-anchor")) == [
        (
            14,
            9,
            "DT006",
            "the anchor &done marks content for reuse",
            "remove it and write the text out in full; anchors and aliases are not supported",
        )
    ]


def test_dt007_a_tag():
    assert diagnose(broken("dt007-tag")) == [
        (2, 8, "DT007", "the tag !!str changes how the value is read", "remove the tag; every value is read as text")
    ]


LINK = (
    "this tree file is a symbolic link, so what it points to is not read",
    "replace the link with the tree file itself; trees are read only from files of their own",
)


def test_dt009_a_tree_file_that_is_a_symbolic_link_is_not_read():
    assert broken("dt009-symlink").is_symlink()
    assert diagnose(broken("dt009-symlink")) == [(1, 1, "DT009", *LINK)]


SECRET = "title: the secret is 42\nstart: [unclosed\n"


@pytest.mark.parametrize("target", ["secret.txt", "secret-folder", "secret-folder/secret.yml", "missing"])
def test_dt009_a_link_is_refused_without_reading_what_it_points_to(tmp_path, target):
    (tmp_path / "secret-folder").mkdir()
    for where in (tmp_path / "secret.txt", tmp_path / "secret-folder" / "secret.yml"):
        where.write_text(SECRET, encoding="utf-8")
    trees = tmp_path / "docs" / "trees"
    trees.mkdir(parents=True)
    (trees / "linked.yml").symlink_to(tmp_path / target)
    result = check_directory(trees)
    assert [(d.path.endswith("linked.yml"), *pinned(d)) for d in result.diagnostics] == [(True, 1, 1, "DT009", *LINK)]
    assert result.trees == {}


def test_dt009_a_folder_or_a_pipe_named_like_a_tree_is_refused_and_never_waited_on(tmp_path):
    (tmp_path / "folder.yml").mkdir()
    os.mkfifo(tmp_path / "pipe.yml")  # reading a pipe would wait for a writer for ever
    found = {Path(d.path).name: pinned(d) for d in check_directory(tmp_path).diagnostics}
    assert found == {
        "folder.yml": (
            1,
            1,
            "DT009",
            "this is a folder, not a tree file",
            "rename the folder so that its name does not end in .yml, or move it out of this folder",
        ),
        "pipe.yml": (
            1,
            1,
            "DT009",
            "this is not an ordinary file (it is a pipe, socket or device), so it is not read",
            "a tree file is a plain text file: replace this with one",
        ),
    }


def test_dt009_a_folder_of_trees_that_is_a_symbolic_link_is_not_read(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "t.yml").write_text(SECRET, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "trees").symlink_to(tmp_path / "elsewhere")
    result = check_directory(tmp_path / "docs" / "trees")
    assert [(Path(d.path).name, *pinned(d)) for d in result.diagnostics] == [
        (
            "trees",
            1,
            1,
            "DT009",
            "this folder of trees is a symbolic link to another folder, so its trees are not read",
            "keep the tree files in a real folder, not a link to one",
        )
    ]


def test_dt003_tab_indentation():
    assert diagnose(broken("dt003-tab-indent")) == [
        (
            5,
            1,
            "DT003",
            "a tab is used for indentation",
            "indent with spaces only; most editors can convert tabs to spaces",
        )
    ]


def test_dt005_a_second_document():
    assert diagnose(broken("dt005-two-documents")) == [
        (
            15,
            1,
            "DT005",
            "the file holds more than one YAML document",
            "a tree file is one document: remove this '---' line and what follows, or move it to a file of its own",
        )
    ]


def test_dt008_a_question_id_used_twice():
    assert diagnose(broken("dt008-duplicate-question")) == [
        (
            11,
            3,
            "DT008",
            'the key "first" appears twice here, on lines 4 and 11',
            "keep one of them; YAML would silently use the last one",
        )
    ]


# --- shape -----------------------------------------------------------------------------------------


def test_dt010_unknown_keys_at_every_level_with_a_guess():
    assert diagnose(broken("dt010-unknown-keys")) == [
        (2, 1, "DT010", '"sumary" is not a field of a tree', f'did you mean "summary"? {KNOWN_FIELDS["tree"]}'),
        (7, 5, "DT010", '"hlep" is not a field of a question', f'did you mean "help"? {KNOWN_FIELDS["question"]}'),
        (11, 9, "DT010", '"note" is not a field of an answer', KNOWN_FIELDS["answer"]),
        # a misspelt required field is one problem, not also a missing "label"
        (14, 9, "DT010", '"lable" is not a field of an answer', f'did you mean "label"? {KNOWN_FIELDS["answer"]}'),
        (
            20,
            5,
            "DT010",
            '"continue-with" is not a field of an outcome',
            f'did you mean "continue_with"? {KNOWN_FIELDS["outcome"]}',
        ),
    ]


def test_dt011_missing_fields_point_at_what_lacks_them():
    assert diagnose(broken("dt011-missing-fields")) == [
        (1, 1, "DT011", 'the tree has no "start"', "add a line start: ... (the id of the first question)"),
        (3, 3, "DT011", 'question "first" has no "text"', "add a line text: ... (the question, on one line)"),
        (
            7,
            9,
            "DT011",
            'answer 2 of question "first" has no "label"',
            "add a line label: ... (the button text: one line, different from the other answers' labels)",
        ),
        (
            9,
            3,
            "DT011",
            'outcome "done" has no "body"',
            "add a line body: ... (what this result means and what to do next (Markdown))",
        ),
    ]


def test_dt012_blank_fields():
    assert diagnose(broken("dt012-blank-fields")) == [
        (1, 1, "DT012", 'the "title" of the tree is blank', "write the text after the colon"),
        (5, 5, "DT012", 'the "text" of question "first" is blank', "write the text after the colon"),
        (8, 9, "DT012", 'the "next" of answer "Yes" of question "first" is blank', "write the id after the colon"),
        (14, 5, "DT012", 'the "body" of outcome "done" is blank', "write the text after the colon"),
    ]


def test_dt013_wrong_kind_of_value():
    assert diagnose(broken("dt013-wrong-kind")) == [
        (
            6,
            7,
            "DT013",
            'the "text" of question "first" must be text on one line, not a list',
            "write the text after the colon, on the same line",
        ),
        (
            7,
            14,
            "DT013",
            'the "answers" of question "first" must be a list, not the text "Yes or no"',
            'put each item on its own line, starting with "- "',
        ),
        (
            13,
            9,
            "DT013",
            'answer 2 of question "second" must be a mapping of fields, not the text "Just a label"',
            KNOWN_FIELDS["answer"],
        ),
    ]


def test_dt014_question_id_that_is_not_an_id():
    assert diagnose(broken("dt014-bad-question-id")) == [
        (
            4,
            3,
            "DT014",
            '"Hire_now" is not a valid question id',
            'ids use lowercase letters, digits and single hyphens: did you mean "hire-now"?',
        )
    ]


def test_dt014_file_name_that_is_not_an_id():
    assert diagnose(broken("dt014-Bad_File")) == [
        (
            1,
            1,
            "DT014",
            'the file name "dt014-Bad_File" cannot be used as a tree id',
            "rename the file using lowercase letters, digits and single hyphens, for example dt014-bad-file.yml",
        )
    ]


def test_dt018_text_on_two_lines_is_named_on_one():
    one_line = 'join the lines into one; longer text belongs in "help" or "body"'
    assert diagnose(broken("dt018-two-lines")) == [
        (7, 16, "DT018", 'the "label" of answer "Yes, it is" of question "first" must be one line', one_line),
        (11, 16, "DT018", 'the "label" of answer "No, it is not" of question "first" must be one line', one_line),
        (15, 12, "DT018", 'the "title" of outcome "done" must be one line', one_line),
    ]


# --- ids and answers -------------------------------------------------------------------------------


def test_dt015_id_used_by_a_question_and_an_outcome():
    assert diagnose(broken("dt015-question-and-outcome")) == [
        (
            19,
            3,
            "DT015",
            '"done" names both a question (line 11) and this outcome',
            "rename one of them, and the answers that lead to it",
        )
    ]


def test_dt015_alias_that_is_a_current_id():
    assert diagnose(broken("dt015-alias-is-current-id")) == [
        (
            19,
            3,
            "DT015",
            'the alias "other" has the same id as a current question or outcome (line 15)',
            "an alias is for an id that no longer exists: remove the alias",
        )
    ]


def test_dt016_one_answer_only():
    assert diagnose(broken("dt016-one-answer")) == [
        (
            7,
            9,
            "DT016",
            'question "first" has only one answer',
            "a question needs two or more answers; if there is no choice, leave the question out",
        )
    ]


def test_dt017_duplicate_labels_name_both_lines():
    assert diagnose(broken("dt017-duplicate-labels")) == [
        (
            11,
            9,
            "DT017",
            'question "first" has two answers labelled "Yes", on lines 7 and 11',
            "give every answer of a question its own label",
        )
    ]


def test_dt019_labels_that_differ_only_in_punctuation_and_go_to_the_same_place():
    assert diagnose(broken("dt019-same-link-key")) == [
        (
            9,
            9,
            "DT019",
            'answer "Yes!" of question "first" cannot be told apart from another answer in a link',
            "answers that go to the same place are named by their labels in links: "
            "make the labels differ in letters or digits, not only punctuation",
        )
    ]


def test_labels_that_differ_only_in_punctuation_are_fine_when_they_go_to_different_places(write_tree):
    text = broken("dt019-same-link-key").read_text(encoding="utf-8")
    fixed = text.replace("      - label: 'Yes!'\n        next: done", "      - label: 'Yes!'\n        next: other")
    assert fixed != text
    assert check_files([write_tree(fixed)]).ok


# --- references ------------------------------------------------------------------------------------


def test_dt020_start_names_an_outcome():
    assert diagnose(broken("dt020-start-is-outcome")) == [
        (2, 8, "DT020", 'start is "done", which is an outcome, not a question', "start must name the first question")
    ]


def test_dt020_start_names_nothing_with_a_guess():
    assert diagnose(broken("dt020-start-is-missing")) == [
        (2, 8, "DT020", 'start is "frist", which is not a question of this tree', 'did you mean "first" (line 4)?')
    ]


def test_dt021_next_names_nothing_with_a_guess_where_there_is_one():
    assert diagnose(broken("dt021-next-is-missing")) == [
        (
            8,
            15,
            "DT021",
            'answer "Yes" goes to "secnod", which is not in this tree',
            'did you mean "second" (line 11)?',
        ),
        (17, 15, "DT021", 'answer "No" goes to "xyzzy", which is not in this tree', None),
    ]


def test_dt021_next_names_a_retired_id():
    assert diagnose(broken("dt021-next-is-retired")) == [
        (
            8,
            15,
            "DT021",
            'answer "Yes" goes to "finished", which is not in this tree',
            '"finished" was renamed: use "done"',
        )
    ]


def test_dt022_continue_with_an_unknown_tree():
    assert diagnose(broken("dt022-unknown-tree")) == [
        (
            15,
            20,
            "DT022",
            'outcome "done" continues with "archetipe", which is not a tree',
            "continue_with takes a tree's file name without .yml",
        )
    ]


def test_dt022_guesses_a_sibling_tree(write_tree):
    write_tree(broken("dt016-one-answer").read_text(encoding="utf-8"), "archetype.yml")
    path = write_tree(broken("dt022-unknown-tree").read_text(encoding="utf-8"), "need-mlops.yml")
    assert diagnose(path) == [
        (15, 20, "DT022", 'outcome "done" continues with "archetipe", which is not a tree', 'did you mean "archetype"?')
    ]


def test_continue_with_a_sibling_tree_is_fine(write_tree):
    write_tree("not even YAML: [", "archetype.yml")  # only its name matters
    text = broken("dt022-unknown-tree").read_text(encoding="utf-8").replace("archetipe", "archetype")
    assert check_files([write_tree(text, "need-mlops.yml")]).ok


def test_dt024_continue_with_its_own_tree():
    assert diagnose(broken("dt024-continues-with-itself")) == [
        (
            15,
            20,
            "DT024",
            'outcome "done" hands over to its own tree',
            "continue_with names a different tree; to start again the player has a button",
        )
    ]


def test_dt023_alias_to_a_missing_id():
    assert diagnose(broken("dt023-alias-to-missing")) == [
        (
            16,
            13,
            "DT023",
            'the alias "finished" points at "dnoe", which is not in this tree',
            'did you mean "done" (line 12)?',
        )
    ]


def test_dt023_alias_to_another_alias():
    assert diagnose(broken("dt023-alias-to-alias")) == [
        (
            16,
            13,
            "DT023",
            'the alias "finished" points at "complete", which is itself an alias',
            'point it straight at "done"',
        )
    ]


# --- an id is the id exactly as typed: a quoted "done\n" is not done ---------------------------------

IDS = """\
title: Ids
start: first
questions:
  first:
    text: First?
    answers:
      - label: 'Yes'
        next: done
      - label: 'No'
        next: other
outcomes:
  done:
    title: Done
    body: All done.
    continue_with: sibling
  other:
    title: Other
    body: Other.
aliases:
  old: done
"""
ID_HINT = 'ids use lowercase letters, digits and single hyphens: did you mean "{}"?'


@pytest.mark.parametrize(
    "edit, expected",
    [
        pytest.param(
            ("  first:", '  "first\\n":'),
            [
                (
                    2,
                    8,
                    "DT020",
                    'start is "first", which is not a question of this tree',
                    'did you mean "first\\n" (line 4)?',
                ),
                (4, 3, "DT014", '"first\\n" is not a valid question id', ID_HINT.format("first")),
            ],
            id="question-id",
        ),
        pytest.param(
            ("  done:", '  "done\\n":'),
            [
                (
                    8,
                    15,
                    "DT021",
                    'answer "Yes" goes to "done", which is not in this tree',
                    'did you mean "done\\n" (line 12)?',
                ),
                (12, 3, "DT014", '"done\\n" is not a valid outcome id', ID_HINT.format("done")),
                (
                    20,
                    8,
                    "DT023",
                    'the alias "old" points at "done", which is not in this tree',
                    'did you mean "done\\n" (line 12)?',
                ),
            ],
            id="outcome-id",
        ),
        pytest.param(
            ("  old: done", '  "old\\n": done'),
            [(20, 3, "DT014", '"old\\n" is not a valid alias id', ID_HINT.format("old"))],
            id="alias-key",
        ),
        pytest.param(
            ("  old: done", '  old: "done\\n"'),
            [
                (
                    20,
                    8,
                    "DT023",
                    'the alias "old" points at "done\\n", which is not in this tree',
                    'did you mean "done" (line 12)?',
                )
            ],
            id="alias-value",
        ),
        pytest.param(
            ("start: first", 'start: "first\\n"'),
            [
                (
                    2,
                    8,
                    "DT020",
                    'start is "first\\n", which is not a question of this tree',
                    'did you mean "first" (line 4)?',
                )
            ],
            id="start",
        ),
        pytest.param(
            ("next: done", 'next: "done\\n"'),
            [
                (
                    8,
                    15,
                    "DT021",
                    'answer "Yes" goes to "done\\n", which is not in this tree',
                    'did you mean "done" (line 12)?',
                )
            ],
            id="next",
        ),
        pytest.param(
            ("continue_with: sibling", 'continue_with: "sibling\\n"'),
            [
                (
                    15,
                    20,
                    "DT022",
                    'outcome "done" continues with "sibling\\n", which is not a tree',
                    'did you mean "sibling"?',
                )
            ],
            id="continue_with",
        ),
        pytest.param(
            ("next: done", "next: |\n          done"),
            [
                (
                    8,
                    15,
                    "DT021",
                    'answer "Yes" goes to "done\\n", which is not in this tree',
                    'did you mean "done" (line 13)?',
                )
            ],
            id="next-as-a-block",
        ),
        pytest.param(
            ("start: first", 'start: " first"'),
            [
                (
                    2,
                    8,
                    "DT020",
                    'start is " first", which is not a question of this tree',
                    'did you mean "first" (line 4)?',
                )
            ],
            id="start-with-a-space",
        ),
    ],
)
def test_an_id_with_a_trailing_newline_names_nothing(write_tree, edit, expected):
    write_tree(IDS.replace("    continue_with: sibling\n", ""), "sibling.yml")
    assert check_files([write_tree(IDS, "ids.yml")]).ok
    changed = IDS.replace(*edit, 1)
    assert changed != IDS
    assert diagnose(write_tree(changed, "ids.yml")) == expected


def test_a_file_name_with_a_trailing_newline_is_not_a_tree_id(write_tree):
    path = write_tree(IDS.replace("    continue_with: sibling\n", ""), "ids\n.yml")
    found = check_files([path], docs=path.parent.parent).diagnostics
    assert [pinned(d) for d in found] == [
        (
            1,
            1,
            "DT014",
            'the file name "ids\\n" cannot be used as a tree id',
            "rename the file using lowercase letters, digits and single hyphens, for example ids.yml",
        )
    ]
    assert (
        found[0]
        .format()
        .splitlines()[0]
        .endswith('ids\\n.yml:1:1: error DT014: the file name "ids\\n" cannot be used as a tree id')
    )


# --- the graph -------------------------------------------------------------------------------------

UNREACHABLE = "no answer leads here: point an answer's next at it, or remove it"
LOOP = "every path must end at an outcome: point one of these answers at an outcome or a later question"


def test_dt030_unreachable_question_and_outcome():
    assert diagnose(broken("dt030-unreachable")) == [
        (11, 3, "DT030", 'the question "orphan" cannot be reached from the start', UNREACHABLE),
        (22, 3, "DT030", 'the outcome "forgotten" cannot be reached from the start', UNREACHABLE),
    ]


def test_dt031_loop_is_reported_as_a_path():
    assert diagnose(broken("dt031-loop")) == [
        (15, 15, "DT031", 'answer "Go back" loops back: first → second → first', LOOP)
    ]


def test_dt031_an_answer_that_leads_to_its_own_question(write_tree):
    text = broken("dt031-loop").read_text(encoding="utf-8").replace("next: first", "next: second")
    assert diagnose(write_tree(text)) == [(15, 15, "DT031", 'answer "Go back" loops back: second → second', LOOP)]


@pytest.mark.parametrize(
    "edit, only",
    [
        pytest.param(("title: A loop\n", "title: A loop\nsumary: x\n"), "DT010", id="shape-error"),
        pytest.param(("next: done", "next: dnoe"), "DT021", id="reference-error"),
        pytest.param(("label: Finish", "label: Go back"), "DT017", id="answer-error"),
    ],
)
def test_graph_checks_wait_until_the_rest_of_the_file_is_sound(write_tree, edit, only):
    # The loop fixture also gets an unreachable outcome; neither is reported while another problem stands.
    text = broken("dt031-loop").read_text(encoding="utf-8") + "  spare:\n    title: Spare\n    body: Unused.\n"
    assert {d.code for d in check_files([write_tree(text)]).diagnostics} == {"DT030", "DT031"}
    damaged = text.replace(*edit)
    assert damaged != text
    assert {d.code for d in check_files([write_tree(damaged)]).diagnostics} == {only}


def test_problems_in_several_files_are_listed_together_in_file_order():
    paths = [broken("dt031-loop"), broken("dt016-one-answer"), broken("dt001-not-utf8")]
    found = check_files(paths).diagnostics
    assert [d.code for d in found] == ["DT001", "DT016", "DT031"]
    assert all(re.search(r"broken[/\\]dt0\d\d-", d.path) for d in found)
