"""The strict loader: text exactly as typed, and every YAML feature we refuse reported with its position.

Every test runs with both parsers PyYAML offers (libyaml and pure Python), which must agree.
"""

from __future__ import annotations

import pytest
import yaml

import decision_tree.load as load_module
from decision_tree.check import check_files
from decision_tree.load import Mapping, Scalar, Sequence, load, load_bytes

from .support import pinned, shipped_trees

PARSERS = {"libyaml": getattr(yaml, "CSafeLoader", None), "pure": yaml.SafeLoader}


@pytest.fixture(autouse=True, params=list(PARSERS))
def parser(request, monkeypatch):
    """Run the test once per parser."""
    if PARSERS[request.param] is None:
        pytest.skip("PyYAML was built without libyaml")
    monkeypatch.setattr(load_module, "_Parser", PARSERS[request.param])
    return request.param


def load_text(text: str | bytes):
    return load_bytes(text.encode() if isinstance(text, str) else text, "t.yml")


def nodes(text: str | bytes) -> Mapping:
    """Load text that must load; return the top mapping."""
    top, problems = load_text(text)
    assert problems == []
    assert isinstance(top, Mapping)
    return top


def problems(text: str | bytes) -> list[tuple]:
    """Load text that must not load; return (line, col, code, message, hint) per problem."""
    top, found = load_text(text)
    assert top is None
    assert all(d.path == "t.yml" for d in found)
    return [pinned(d) for d in found]


def texts(top: Mapping) -> dict[str, str]:
    return {key: value.text for key, (_, value) in top.entries.items()}


# --- text exactly as typed -------------------------------------------------------------------------


def test_every_scalar_is_text_exactly_as_typed():
    top = nodes(
        "a: Yes\nb: no\nc: on\nd: 1.10\ne: 12:30\nf: 0777\ng: ~\nh: null\ni: true\n"
        "j: 1e3\nk: .inf\nl: 2001-12-14\nm:\nn: 'No'\no: \"0x1F\"\n"
    )
    assert texts(top) == {
        "a": "Yes",
        "b": "no",
        "c": "on",
        "d": "1.10",
        "e": "12:30",
        "f": "0777",
        "g": "~",
        "h": "null",
        "i": "true",
        "j": "1e3",
        "k": ".inf",
        "l": "2001-12-14",
        "m": "",
        "n": "No",
        "o": "0x1F",
    }


def test_keys_are_text_exactly_as_typed():
    top = nodes("yes: 1\nNo: 2\n0777: 3\nnull: 4\n~: 5\n")
    assert list(top.entries) == ["yes", "No", "0777", "null", "~"]


def test_unquoted_text_reaches_the_checked_tree_as_typed(write_tree):
    result = check_files(
        [
            write_tree(
                "title: 1.10\nstart: no\nquestions:\n  no:\n    text: 12:30\n    answers:\n"
                "      - label: Yes\n        next: on\n      - label: off\n        next: 0777\n"
                "outcomes:\n  on:\n    title: ~\n    body: null\n  0777:\n    title: true\n    body: .inf\n"
            )
        ]
    )
    assert result.ok, result.diagnostics
    tree = result.trees["t"]
    assert (tree.title, tree.start, tree.questions["no"].text) == ("1.10", "no", "12:30")
    assert [(a.label, a.next) for a in tree.questions["no"].answers] == [("Yes", "on"), ("off", "0777")]
    assert [(o.title, o.body) for o in tree.outcomes.values()] == [("~", "null\n"), ("true", ".inf\n")]


def test_block_text_keeps_its_lines():
    top = nodes("body: |\n  One: two\n  - three\n\nafter: x\n")
    assert top.entries["body"][1].text == "One: two\n- three\n"


def test_positions_are_one_based_line_and_column():
    top = nodes("title: Hello\nlist:\n  - label: 'Yes'\n")
    key, value = top.entries["title"]
    assert (key.pos, value.pos) == ((1, 1), (1, 8))
    items = top.entries["list"][1]
    assert isinstance(items, Sequence) and items.pos == (3, 3)
    label_key, label = items.items[0].entries["label"]
    assert (label_key.pos, label) == ((3, 5), Scalar("Yes", (3, 12)))


def test_bom_and_crlf_are_accepted_with_the_right_line_numbers():
    top = nodes(b"\xef\xbb\xbftitle: Hello\r\nstart: first\r\nbody: |\r\n  One\r\n  Two\r\n")
    assert texts(top) == {"title": "Hello", "start": "first", "body": "One\nTwo\n"}
    assert [value.pos for _, value in top.entries.values()][:2] == [(1, 8), (2, 8)]


def test_crlf_and_bom_keep_problem_positions():
    assert problems(b"\xef\xbb\xbfa: 1\r\nb: 2\r\na: 3\r\n") == [
        (
            3,
            1,
            "DT008",
            'the key "a" appears twice here, on lines 1 and 3',
            "keep one of them; YAML would silently use the last one",
        )
    ]
    assert problems(b"\xef\xbb\xbfa: 1\r\nb: Cost: high\r\n")[0][:3] == (2, 8, "DT004")


# --- duplicate keys, anchors, tags, documents ---------------------------------------------------------


def test_duplicate_keys_name_both_lines():
    assert problems("title: x\nquestions:\n  first:\n    text: A\n    help: B\n    text: C\n") == [
        (
            6,
            5,
            "DT008",
            'the key "text" appears twice here, on lines 4 and 6',
            "keep one of them; YAML would silently use the last one",
        )
    ]


def test_the_same_key_in_different_mappings_is_fine():
    top = nodes("a:\n  text: 1\nb:\n  text: 2\n")
    assert list(top.entries) == ["a", "b"]


def test_anchors_and_aliases_are_refused():
    assert problems("title: &t Hello\nsummary: *t\n") == [
        (
            1,
            8,
            "DT006",
            "the anchor &t marks content for reuse",
            "remove it and write the text out in full; anchors and aliases are not supported",
        ),
        (
            2,
            10,
            "DT006",
            "the alias *t repeats content from elsewhere",
            "write the text out in full; anchors and aliases are not supported",
        ),
    ]


def test_an_anchor_on_a_mapping_is_refused():
    assert problems("base: &b\n  text: x\n")[0][:4] == (1, 7, "DT006", "the anchor &b marks content for reuse")


@pytest.mark.parametrize(
    "text, shown, col",
    [
        ("title: !!str 1.10\n", "!!str", 8),
        ("title: !foo bar\n", "!foo", 8),
        ("title: !<tag:example.com,2000:x> y\n", "tag:example.com,2000:x", 8),
        ("questions: !!map\n  a: b\n", "!!map", 12),
    ],
)
def test_tags_are_refused(text, shown, col):
    assert problems(text) == [
        (
            1,
            col,
            "DT007",
            f"the tag {shown} changes how the value is read",
            "remove the tag; every value is read as text",
        )
    ]


def test_two_documents_are_refused_at_the_second():
    assert problems("title: One\n---\ntitle: Two\n") == [
        (
            2,
            1,
            "DT005",
            "the file holds more than one YAML document",
            "a tree file is one document: remove this '---' line and what follows, or move it to a file of its own",
        )
    ]


def test_an_explicit_single_document_is_fine():
    assert texts(nodes("---\ntitle: One\n...\n")) == {"title": "One"}


@pytest.mark.parametrize("text", [b"", b"\n\n", b"# only a comment\n", b"\xef\xbb\xbf"])
def test_an_empty_file_is_reported(text):
    assert problems(text) == [
        (1, 1, "DT005", "the file is empty", "a tree file starts with title:, start:, questions: and outcomes:")
    ]


def test_a_key_must_be_plain_text():
    assert problems("? [a, b]\n: value\n") == [
        (1, 3, "DT004", "a key must be plain text, not a list or a mapping", None)
    ]


# --- characters ------------------------------------------------------------------------------------

TAB_HINT = "indent with spaces only; most editors can convert tabs to spaces"
CONTROL_HINT = "delete it; it often arrives when text is pasted from another program"


def test_tab_indentation_is_reported_at_the_tab():
    assert problems("questions:\n\tfirst:\n  \t  text: x\n") == [
        (2, 1, "DT003", "a tab is used for indentation", TAB_HINT),
        (3, 3, "DT003", "a tab is used for indentation", TAB_HINT),
    ]


def test_a_tab_inside_text_is_not_indentation():
    # Quoted: the pure-Python parser (unlike libyaml) refuses a tab inside unquoted text.
    assert texts(nodes("title: 'a\tb'\nbody: |\n  x\ty\n")) == {"title": "a\tb", "body": "x\ty\n"}


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff"])
def test_control_characters_are_reported_where_they_are(char):
    assert problems(f"title: ok\nsummary: a{char}b\n") == [
        (2, 11, "DT002", f"an invisible control character (U+{ord(char):04X}) is in the text", CONTROL_HINT)
    ]


def test_a_line_separator_does_not_shift_later_line_numbers():
    # YAML counts U+2028 as a line break; editors do not, and positions follow the editor.
    assert [p[:3] for p in problems("a: x\u2028y\nb: ok\nc: \x00\n")] == [(1, 5, "DT002"), (3, 4, "DT002")]


def test_tabs_and_control_characters_are_all_listed_together():
    assert [p[:3] for p in problems("a:\n\tb: \x01\n")] == [(2, 1, "DT003"), (2, 5, "DT002")]


@pytest.mark.parametrize(
    "data, line, col, byte",
    [
        (b"title: caf\xe9\n", 1, 11, "E9"),
        (b"title: ok\nsummary: \xc3\xa9t\xe9\n", 2, 12, "E9"),  # after a two-byte character
        (b"\xef\xbb\xbftitle: ok\r\nsummary: \xff\r\n", 2, 10, "FF"),  # after a BOM and CRLF
        (b"title: ok\nsummary: \xe2\x82\n", 2, 10, "E2"),  # a character cut short
    ],
)
def test_bytes_that_are_not_utf8_are_reported_with_their_position(data, line, col, byte):
    assert problems(data) == [
        (
            line,
            col,
            "DT001",
            f"the file is not UTF-8 text (byte 0x{byte} here)",
            "save the file with the UTF-8 encoding in your editor",
        )
    ]


SAVE_AS_UTF8 = "save the file with the UTF-8 encoding in your editor"
NOT_TEXT_HINT = "a tree file is plain text saved as UTF-8: check that this is the file you meant"
WIDE_TREE = "title: Café\nstart: first\nquestions:\n  first:\n    text: Ready?\n" * 20


@pytest.mark.parametrize(
    "codec, kind",
    [
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),  # "utf-16" writes a BOM
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
    ],
)
def test_utf16_and_utf32_are_one_problem_at_the_start(codec, kind):
    assert problems(WIDE_TREE.encode(codec)) == [
        (1, 1, "DT001", f"the file is not UTF-8 text: it is saved as {kind}", SAVE_AS_UTF8)
    ]
    # Text mostly outside ASCII has few 0 bytes in UTF-16, and is recognised all the same.
    cjk = "title: 你需要现在就招聘机器学习运维工程师吗\nsummary: 这是一个很长的摘要用来测试编码检测是否可靠\n" * 20
    assert problems(cjk.encode(codec)) == [
        (1, 1, "DT001", f"the file is not UTF-8 text: it is saved as {kind}", SAVE_AS_UTF8)
    ]


@pytest.mark.parametrize(
    "data, what",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (bytes(range(128)) * 4, "binary data"),  # valid UTF-8, but control characters throughout
        (b"\x00" * 64 + b"title: x\n", "binary data"),  # mostly zero bytes
    ],
)
def test_a_binary_file_is_one_problem(data, what):
    assert problems(data) == [(1, 1, "DT001", f"the file is not text: it is {what}", NOT_TEXT_HINT)]


LINE_ENDINGS = pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])


@LINE_ENDINGS
@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x85", "\u2028"])
def test_control_characters_are_placed_on_their_line_whatever_the_line_endings(newline, char):
    text = f"title: ok{newline}summary: fine{newline}start: a{char}b{newline}"
    assert [p[:3] for p in problems(text)] == [(3, 9, "DT002")]


@LINE_ENDINGS
def test_tabs_are_found_at_the_start_of_every_kind_of_line(newline):
    assert [p[:3] for p in problems(f"questions:{newline}\tfirst:{newline}  \t  text: x{newline}")] == [
        (2, 1, "DT003"),
        (3, 3, "DT003"),
    ]


@LINE_ENDINGS
def test_a_byte_that_is_not_utf8_is_placed_on_its_line_whatever_the_line_endings(newline):
    data = f"title: ok{newline}summary: caf".encode() + b"\xe9" + newline.encode()
    assert problems(data) == [(2, 13, "DT001", "the file is not UTF-8 text (byte 0xE9 here)", SAVE_AS_UTF8)]


@LINE_ENDINGS
def test_syntax_errors_are_placed_on_their_line_whatever_the_line_endings(newline):
    assert [p[:3] for p in problems(f"title: ok{newline}summary: Cost: high{newline}")] == [(2, 14, "DT004")]
    assert [p[:3] for p in problems(f"title: ok{newline}start")] == [(2, 6, "DT004")]


@pytest.mark.parametrize("text", ["title: 'ok'\x00\n", "a: \x00\nb: \x07\n"])
def test_a_stray_nul_in_text_is_still_a_character_problem(text):
    assert {p[2] for p in problems(text)} == {"DT002"}


def test_a_missing_file_is_reported(tmp_path):
    top, found = load(tmp_path / "gone.yml", "gone.yml")
    assert top is None
    assert [pinned(d) for d in found] == [(1, 1, "DT001", "the file cannot be read (No such file or directory)", None)]


# --- YAML syntax -----------------------------------------------------------------------------------

INDENT = (
    "this line is indented differently from the lines around it",
    "line up keys of the same level with the same number of spaces",
)


@pytest.mark.parametrize(
    "text, line, col, message, hint",
    [
        pytest.param(
            "title: Cost: high\n",
            1,
            12,
            "a colon followed by a space starts a new key here, in the middle of a value",
            'put the whole value in quotes, for example: text: "Cost: high"',
            id="colon-in-value",
        ),
        pytest.param(
            'title: "Hello\nstart: first\n',
            1,
            8,
            "this quoted text is never closed",
            "add the closing quote, or remove the opening one",
            id="unclosed-double-quote",
        ),
        pytest.param(
            "title: ok\nsummary: 'Its here\nstart: first\n",
            2,
            10,
            "this quoted text is never closed",
            "add the closing quote, or remove the opening one",
            id="unclosed-single-quote",
        ),
        pytest.param("questions:\n  first:\n    text: A\n   help: B\n", 4, 4, *INDENT, id="indented-less"),
        pytest.param(
            "title: ok\n  start: first\n",
            2,
            8,
            "a colon followed by a space starts a new key here, in the middle of a value",
            'put the whole value in quotes, for example: text: "Cost: high"',
            id="indented-more",
        ),
        pytest.param(
            "title: @home\n",
            1,
            8,
            'a value cannot begin with the character "@"',
            "put the whole value in quotes",
            id="at-sign",
        ),
        pytest.param(
            "title: `code`\n",
            1,
            8,
            'a value cannot begin with the character "`"',
            "put the whole value in quotes",
            id="backtick",
        ),
        pytest.param(
            "title: ok\nstart: [a, b\nquestions:\n  q: 1\n",
            2,
            8,
            "this list in square brackets is never closed",
            "add the closing ] or write the list with one '- ' item per line",
            id="unclosed-bracket",
        ),
        pytest.param(
            "title: ok\nstart: {a: b\nquestions:\n  q: 1\n",
            2,
            8,
            "this mapping in curly braces is never closed",
            "add the closing } or write one key: value per line",
            id="unclosed-brace",
        ),
    ],
)
def test_syntax_errors_are_one_plain_sentence_with_a_hint(text, line, col, message, hint):
    assert problems(text) == [(line, col, "DT004", message, hint)]


def test_a_problem_at_the_end_of_a_file_without_a_final_newline_points_inside_the_file():
    # libyaml places the end of such a file on the line after it, where no editor can go.
    assert problems("title: ok\nstart") == [
        (
            2,
            6,
            "DT004",
            "YAML expected a line of the form key: value here",
            "check the indentation of this line and of the line above",
        )
    ]


def test_deep_nesting_does_not_exhaust_the_stack(parser, write_tree):
    # The pure parser is quadratic in nesting depth (12 s at 5000): there, go just past the
    # default recursion limit, which is what a recursive builder would trip over.
    depth = 5000 if parser == "libyaml" else 1200
    path = write_tree("a: " + "[" * depth + "]" * depth + "\n")
    top, found = load(path)
    # libyaml stops at its nesting limit; the pure parser reads it all. Either is fine; a crash is not.
    assert (top is None) == bool(found)
    assert all(d.code == "DT004" and d.message.startswith("the YAML cannot be read here") for d in found)
    assert not check_files([path]).ok


def composed(node: yaml.Node):
    """Convert PyYAML's own composed node (scalars still as typed) into our node types."""
    pos = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        return Scalar(node.value, pos)
    if isinstance(node, yaml.SequenceNode):
        return Sequence(tuple(composed(item) for item in node.value), pos)
    return Mapping({key.value: (composed(key), composed(value)) for key, value in node.value}, pos)


@pytest.mark.parametrize("path", shipped_trees(), ids=lambda p: p.name)
def test_shipped_trees_load_as_pyyaml_composes_them(path):
    """Run under each parser, this also shows that libyaml and the pure parser give the same nodes."""
    top, found = load(path)
    assert found == []
    assert top == composed(yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader))
