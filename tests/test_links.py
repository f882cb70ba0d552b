"""Paths in tree Markdown stay inside docs/; each problem is reported where it is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decision_tree.check import check_files
from decision_tree.convert import SITE_EXTENSIONS
from devtools.project import ROOT

from .support import BROKEN, diagnose

TREE = """\
title: Links
start: q
questions:
  q:
    text: Which?
    help: |
      {help}
    answers:
      - label: A
        next: o
      - label: B
        next: o
outcomes:
  o:
    title: O
    body: |
      {body}
"""


def check(tmp_path: Path, help: str = "Plain.", body: str = "Plain.", images: tuple[str, ...] = ()):
    docs = tmp_path / "docs"
    (docs / "trees").mkdir(parents=True, exist_ok=True)
    for image in images:
        (docs / image).parent.mkdir(parents=True, exist_ok=True)
        (docs / image).write_bytes(b"\x89PNG")
    path = docs / "trees" / "links.yml"
    path.write_text(TREE.format(help=help, body=body))
    return [
        (d.pos.line, d.pos.col, d.code, d.message) for d in check_files([path], docs=path.parent.parent).diagnostics
    ]


def check_hints(tmp_path: Path, **fields):
    """Check like ``check``, keeping each problem's hint."""
    check(tmp_path, **fields)
    path = tmp_path / "docs" / "trees" / "links.yml"
    return [
        (d.pos.line, d.pos.col, d.code, d.message, d.hint)
        for d in check_files([path], docs=path.parent.parent).diagnostics
    ]


def test_links_from_the_docs_folder_and_web_addresses_pass(tmp_path):
    body = (
        "[brief](/brief.md) [site](https://example.org) [mail](mailto:a@example.org) [top](#top) "
        "![Chart](/images/chart.png)"
    )
    assert check(tmp_path, body=body, images=("images/chart.png", "brief.md")) == []


def test_a_relative_link_is_reported_where_it_is_written(tmp_path):
    assert check(tmp_path, help="See the [brief](../brief.md).") == [
        (7, 23, "DT025", 'the link "../brief.md" is relative, so it would break on the result\'s own page')
    ]


@pytest.mark.parametrize(
    "target", ["/../secrets.png", "/a/../../x.png", "/../docs-old/x.png", "/%2e%2e/x.png", "/./../x.png"]
)
def test_paths_that_climb_out_of_docs_fail(tmp_path, target):
    found = check(tmp_path, body=f"![x]({target})")
    assert [(code, line) for line, _, code, _ in found] == [("DT026", 17)]
    assert found[0][3] == f'the image "{target}" leads out of the docs folder'


def test_a_sibling_folder_with_the_same_prefix_is_outside(tmp_path):
    (tmp_path / "docs-old").mkdir()
    (tmp_path / "docs-old" / "x.png").write_bytes(b"x")
    assert [d[2] for d in check(tmp_path, body="![x](/../docs-old/x.png)")] == ["DT026"]


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "vbscript:x",
        "data:text/html,x",
        "file:///etc/passwd",
        "//evil.example/x",
    ],
)
def test_unsafe_addresses_fail(tmp_path, target):
    assert [d[2] for d in check(tmp_path, body=f"[x]({target})")] == ["DT027"]


def test_a_missing_image_is_reported(tmp_path):
    assert check(tmp_path, body="Text ![Chart](/images/chart.png)") == [
        (17, 21, "DT028", 'the image "/images/chart.png" does not exist in the docs folder')
    ]


@pytest.mark.parametrize(
    "fixture, expected",
    [
        (
            "dt025-relative-link",
            (
                7,
                24,
                "DT025",
                'the link "../brief.md" is relative, so it would break on the result\'s own page',
                "write it from the docs folder, starting with /, for example /brief.md",
            ),
        ),
        (
            "dt026-out-of-docs",
            (
                7,
                24,
                "DT026",
                'the image "/../shared/chart.png" leads out of the docs folder',
                "link only to files in docs/; remove the ../ parts",
            ),
        ),
        (
            "dt027-javascript-address",
            (
                7,
                20,
                "DT027",
                'the link "javascript:alert(1)" uses a javascript: address, which is not allowed',
                "use an http, https or mailto address, or a path in the docs folder such as /brief.md",
            ),
        ),
        (
            "dt028-image-not-found",
            (
                7,
                24,
                "DT028",
                'the image "/images/chart.png" does not exist in the docs folder',
                "put the file at docs/images/chart.png, or correct the path",
            ),
        ),
    ],
)
def test_a_bad_address_in_a_tree_file_is_reported_where_it_is_written(fixture, expected):
    assert diagnose(BROKEN / f"{fixture}.yml") == [expected]


# --- a link names a page the site publishes ------------------------------------------------------------

PAGES = (
    "brief.md",
    "index.md",
    "tools/index.md",
    "tools/faq.md",
    "images/chart.png",
    "my page.md",
    "templates/x.md",
    ".draft.md",
    "notes/.hidden.md",
)


def test_a_link_to_a_missing_page_is_reported_where_it_is_written():
    assert diagnose(BROKEN / "dt029-page-not-found.yml") == [
        (
            7,
            30,
            "DT029",
            'the link "/nope.md" points to a page that does not exist in the docs folder',
            "create docs/nope.md, or correct the path",
        ),
        (
            17,
            27,
            "DT029",
            'the link "/tools/missing.md#next-steps" points to a page that does not exist in the docs folder',
            "create docs/tools/missing.md, or correct the path",
        ),
    ]


@pytest.mark.parametrize(
    "target",
    [
        "/brief.md",
        "/brief.md#top",
        "/brief.md?x=1",
        "/index.md",
        "/tools/faq.md",
        "/tools/index.md#faq",
        "/images/chart.png",
        "/my%20page.md",
        "/./brief.md",
        "/tools/../brief.md",
        "#anchor",
        "?query",
    ],
)
def test_links_to_published_files_pass(tmp_path, target):
    assert check(tmp_path, body=f"[x]({target})", images=PAGES) == []


@pytest.mark.parametrize(
    "target, message, hint",
    [
        (
            "/Brief.md",
            'the link "/Brief.md" points to a page that does not exist in the docs folder',
            "did you mean /brief.md?",
        ),  # a disk that ignores case would find it; the build server would not
        (
            "/tools/fqa.md",
            'the link "/tools/fqa.md" points to a page that does not exist in the docs folder',
            "did you mean /tools/faq.md?",
        ),
        (
            "/tools/",
            'the link "/tools/" points to a folder, not a page',
            "link to the page file itself, for example /tools/index.md",
        ),
        (
            "/tools",
            'the link "/tools" points to a folder, not a page',
            "link to the page file itself, for example /tools/index.md",
        ),
        ("/", 'the link "/" points to a folder, not a page', "link to the page file itself, for example /index.md"),
        (
            "/images/",
            'the link "/images/" points to a folder, not a page',
            "link to a page file in it, whose name ends in .md",
        ),
        (
            "/trees/links.yml",
            'the link "/trees/links.yml" names a file that the site does not publish',
            "files in docs/trees/, hidden files and docs/templates/ are left out of the site: link to a page that is "
            "published",
        ),
        ("/templates/x.md", 'the link "/templates/x.md" names a file that the site does not publish', None),
        ("/.draft.md", 'the link "/.draft.md" names a file that the site does not publish', None),
        ("/notes/.hidden.md", 'the link "/notes/.hidden.md" names a file that the site does not publish', None),
    ],
)
def test_links_to_what_the_site_does_not_publish_are_reported(tmp_path, target, message, hint):
    found = check_hints(tmp_path, body=f"See [x]({target})", images=PAGES)
    assert [(line, col, code, m) for line, col, code, m, _ in found] == [(17, 15, "DT029", message)]
    assert hint is None or found[0][4] == hint


def test_an_image_the_site_does_not_publish_is_reported(tmp_path):
    (tmp_path / "docs" / "trees").mkdir(parents=True)
    (tmp_path / "docs" / "trees" / "chart.png").write_bytes(b"\x89PNG")
    assert check_hints(tmp_path, body="![x](/trees/chart.png)") == [
        (
            17,
            12,
            "DT028",
            'the image "/trees/chart.png" names a file that the site does not publish',
            "files in docs/trees/, hidden files and docs/templates/ are left out of the site: put the image in "
            "docs/images/",
        )
    ]


@pytest.mark.parametrize("kind, written", [("image", "![x](/images/chart.png)"), ("link", "[x](/images/chart.png)")])
def test_a_symbolic_link_out_of_docs_is_reported(tmp_path, kind, written):
    (tmp_path / "secret.png").write_bytes(b"secret")
    (tmp_path / "docs" / "images").mkdir(parents=True)
    (tmp_path / "docs" / "images" / "chart.png").symlink_to(tmp_path / "secret.png")
    assert check_hints(tmp_path, body=written) == [
        (
            17,
            7 + written.index("/"),
            "DT026",
            f'the {kind} "/images/chart.png" leads out of the docs folder through a symbolic link',
            "put the file itself at docs/images/chart.png, not a link to a file elsewhere",
        )
    ]


def test_a_symbolic_link_inside_docs_is_fine(tmp_path):
    (tmp_path / "docs" / "images").mkdir(parents=True)
    (tmp_path / "docs" / "images" / "chart.png").write_bytes(b"\x89PNG")
    (tmp_path / "docs" / "chart.png").symlink_to(tmp_path / "docs" / "images" / "chart.png")
    assert check(tmp_path, body="![x](/chart.png)") == []


@pytest.mark.parametrize(
    "target, ok",
    [
        ("/tools/links/o.md", True),  # the result's own page, generated next to the page embedding the tree
        ("/tools/links/o.md#top", True),
        ("/tools/links/gone.md", False),  # no such outcome
        ("/elsewhere/links/o.md", False),  # not where the result pages are
        ("/tools/other-tree/o.md", False),  # no such tree
    ],
)
def test_a_link_to_a_result_page_passes_when_that_page_is_generated(tmp_path, target, ok):
    (tmp_path / "docs" / "tools").mkdir(parents=True)
    (tmp_path / "docs" / "tools" / "tool.md").write_text("# Tool\n\n<!-- decision-tree links -->\n")
    assert [d[2] for d in check(tmp_path, body=f"[x]({target})")] == ([] if ok else ["DT029"])


@pytest.mark.parametrize(
    "target, ok",
    [
        ("/results/links-o.md", True),  # where outcome_url puts the result
        ("/tools/links/o.md", False),  # where the default would have put it
        ("/results/links-gone.md", False),
    ],
)
def test_a_link_to_a_result_page_follows_the_sites_outcome_url(tmp_path, target, ok):
    (tmp_path / "docs" / "tools").mkdir(parents=True)
    (tmp_path / "docs" / "tools" / "tool.md").write_text("# Tool\n\n<!-- decision-tree links -->\n")
    check(tmp_path, body=f"[x]({target})")
    path = tmp_path / "docs" / "trees" / "links.yml"
    found = check_files([path], docs=tmp_path / "docs", layout="results/{tree}-{outcome}/").diagnostics
    assert [(d.code, d.hint) for d in found] == ([] if ok else [("DT029", "did you mean /results/links-o.md?")])


def test_a_tree_shown_in_a_code_example_does_not_move_its_result_pages(tmp_path):
    """The result pages sit by the first page that embeds the tree, as the site finds embeds: not in examples."""
    (tmp_path / "docs" / "tools").mkdir(parents=True)
    (tmp_path / "docs" / "editors.md").write_text("# Editors\n\n```\n<!-- decision-tree links -->\n```\n")
    (tmp_path / "docs" / "tools" / "tool.md").write_text("# Tool\n\n<!-- decision-tree links -->\n")
    assert check(tmp_path, body="[x](/tools/links/o.md)") == []


def test_a_link_to_a_result_by_its_web_address_is_shown_the_page_to_name(tmp_path):
    (tmp_path / "docs" / "tools").mkdir(parents=True)
    (tmp_path / "docs" / "tools" / "tool.md").write_text("# Tool\n\n<!-- decision-tree links -->\n")
    assert check_hints(tmp_path, body="[x](/tools/links/o/)") == [
        (
            17,
            11,
            "DT029",
            'the link "/tools/links/o/" points to a page that does not exist in the docs folder',
            "did you mean /tools/links/o.md?",
        )
    ]


def test_html_links_in_markdown_are_checked_too(tmp_path):
    assert [d[2] for d in check(tmp_path, body='<a href="../x.md">x</a> <img src="/../y.png" alt="y">')] == [
        "DT025",
        "DT026",
    ]


def test_reference_style_links_and_images_are_checked_too(tmp_path):
    body = "See [the brief][b] and ![a chart][c].\n\n      [b]: ../brief.md\n      [c]: javascript:alert(1)"
    assert [(line, col, code) for line, col, code, _ in check(tmp_path, body=body)] == [
        (19, 12, "DT025"),
        (20, 12, "DT027"),
    ]


def examples(count: int) -> settings:
    return settings(max_examples=count, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


# (as written, the address as written)
ELSEWHERE = [
    ("![x](https://elsewhere.example/t.png)", "https:"),
    ("![x](http://elsewhere.example/t.png)", "http:"),
    ("![x](HTTPS://elsewhere.example/t.png)", "HTTPS:"),
    ("![x](//elsewhere.example/t.png)", "//"),
    ('<img src="https://elsewhere.example/t.png" alt="x">', "https:"),
    ("<img alt='x' src='//elsewhere.example/t.png'>", "//"),
    ('<img src=" https://elsewhere.example/t.png">', " https:"),  # the address as written, space and all
    ('<img src="\\\\elsewhere.example\\t.png">', "\\\\"),  # a browser reads \\host\path as //host/path
    ("![x][r]\n\n      [r]: https://elsewhere.example/t.png", "https:"),  # reference style
    ('![x](/images/chart.png){src="https://elsewhere.example/t.png"}', "https:"),  # attr_list
    ('<img srcset="/images/chart.png 1x, https://elsewhere.example/t.png 2x" src="/images/chart.png">', "https:"),
]


@pytest.mark.parametrize("body, address", ELSEWHERE, ids=[e[0] for e in ELSEWHERE])
def test_an_image_from_another_site_is_refused_where_it_is_written(tmp_path, body, address):
    found = check(tmp_path, body=body, images=("images/chart.png",))
    written = body.splitlines()[-1]
    col = (7 if written == body else 1) + written.index(address)
    assert [(line, col, code) for line, col, code, _ in found] == [(17 + body.count("\n"), col, "DT032")]
    assert found[0][3].endswith("is on another site: every reader's browser would fetch it from there")


def test_an_image_from_another_site_says_what_to_do():
    assert diagnose(BROKEN / "dt032-image-from-another-site.yml") == [
        (
            19,
            21,
            "DT032",
            'the image "https://elsewhere.example/team.png" is on another site: every reader\'s browser '
            "would fetch it from there",
            "put the image under docs/, for example as docs/images/team.png, and write it as /images/team.png",
        )
    ]


@pytest.mark.parametrize(
    "target, scheme",
    [
        ("data:image/png;base64,iVBORw0KGgo=", "data"),
        ("mailto:a@example.org", "mailto"),
        ("javascript:alert(1)", "javascript"),
    ],
)
def test_an_image_with_any_other_kind_of_address_is_refused(tmp_path, target, scheme):
    assert check(tmp_path, body=f"![x]({target})") == [
        (17, 12, "DT027", f'the image "{target}" uses a {scheme}: address, which is not allowed')
    ]


def test_links_to_other_sites_stay_allowed(tmp_path):
    body = (
        "[a](https://elsewhere.example/page) [b](http://elsewhere.example/) [c](mailto:a@elsewhere.example) "
        '<a href="https://elsewhere.example/t.png">the picture</a> [d](https://elsewhere.example/t.png)'
    )
    assert check(tmp_path, body=body) == []


# --- every problem is placed where its address is written ---------------------------------------------

TWO = """\
title: Links
start: q
questions:
  q:
    text: Which?
    answers:
      - label: A
        next: first
      - label: B
        next: second
outcomes:
  first:
    title: First
    body: |
      Some text first.
      Then {first}
  second:
    title: Second
    body: |
      {second}
"""
FIRST, SECOND = (16, 12), (20, 7)  # where {first} and {second} start

# (as written, the address as written, what Markdown reads it as, code)
WRITTEN = [
    ("[x](javascript:alert(1))", "javascript:alert(1)", "javascript:alert(1)", "DT027"),
    ("[x](jav&#x61;script:alert(1))", "jav&#x61;script:alert(1)", "javascript:alert(1)", "DT027"),
    ("[x](jav&#97;script:alert(1))", "jav&#97;script:alert(1)", "javascript:alert(1)", "DT027"),
    ('<a href="jav&#x61;script:alert(1)">x</a>', "jav&#x61;script:alert(1)", "javascript:alert(1)", "DT027"),
    ("<a href='&#106;avascript:alert(1)'>x</a>", "&#106;avascript:alert(1)", "javascript:alert(1)", "DT027"),
    ("[javascript:alert(1)](javascript:alert(1))", "javascript:alert(1))", "javascript:alert(1)", "DT027"),
    ("![x](/%2e%2e/x.png)", "/%2e%2e/x.png", "/%2e%2e/x.png", "DT026"),
    ("[x](../brief%20one.md)", "../brief%20one.md", "../brief%20one.md", "DT025"),
    ("[x](..\\/brief.md)", "..\\/brief.md", "../brief.md", "DT025"),
]
NEWLINES = pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])


def check_text(tmp_path: Path, text: str):
    (tmp_path / "docs" / "trees").mkdir(parents=True, exist_ok=True)
    path = tmp_path / "docs" / "trees" / "links.yml"
    path.write_bytes(text.encode())
    return [(d.pos.line, d.pos.col, d.code) for d in check_files([path], docs=path.parent.parent).diagnostics]


def at(start: tuple[int, int], written: str, address: str) -> tuple[int, int]:
    return start[0], start[1] + written.index(address)


@NEWLINES
@pytest.mark.parametrize("written, address, read, code", WRITTEN, ids=[w[0] for w in WRITTEN])
def test_an_address_is_placed_where_it_is_written_however_it_is_encoded(
    tmp_path, newline, written, address, read, code
):
    text = TWO.format(first=written, second="Plain.").replace("\n", newline)
    assert check_text(tmp_path, text) == [(*at(FIRST, written, address), code)]


@NEWLINES
@pytest.mark.parametrize("encoded", [w for w in WRITTEN if w[2] == "javascript:alert(1)"], ids=lambda w: w[0])
def test_the_same_address_in_two_outcomes_is_placed_in_each(tmp_path, newline, encoded):
    plain = "See [x](javascript:alert(1))."
    for first, second in ((encoded[0], plain), (plain, encoded[0])):
        text = TWO.format(first=first, second=second).replace("\n", newline)
        assert check_text(tmp_path, text) == [
            (*at(FIRST, first, "javascript:alert(1)" if first == plain else encoded[1]), "DT027"),
            (*at(SECOND, second, "javascript:alert(1)" if second == plain else encoded[1]), "DT027"),
        ]


def test_the_same_address_twice_in_one_field_is_placed_twice(tmp_path):
    written = "[a](javascript:x) and <a href='javascript:x'>b</a>"
    assert check_text(tmp_path, TWO.format(first=written, second="Plain.")) == [
        (16, 12 + 4, "DT027"),
        (16, 12 + written.index("javascript:x", 10), "DT027"),
    ]


@pytest.mark.parametrize(
    "body, line",
    [
        ('"[x](jav\\x61script:alert(1))"', 14),  # YAML's own escape, in double quotes
        ('"See [x](jav\\u0061script:alert(1))"', 14),
        ("'It''s [x](javascript:alert(1))'", 14),
        ("See [x](javascript:alert(1))", 14),  # plain text
        (">\n      Folded\n      [x](jav&#x61;script:alert(1))", 16),
    ],
)
def test_addresses_in_quoted_and_folded_text_are_placed_too(tmp_path, body, line):
    text = TWO.format(first="Plain.", second="Plain.").replace(
        "body: |\n      Some text first.\n      Then Plain.", f"body: {body}"
    )
    written = body.splitlines()[-1]
    col = len(text.splitlines()[line - 1]) - len(written) + written.index("jav") + 1
    assert check_text(tmp_path, text) == [(line, col, "DT027")]


@examples(60)
@given(
    st.lists(
        st.tuples(st.sampled_from(WRITTEN), st.integers(0, 3), st.text("ab .", max_size=8)), min_size=1, max_size=5
    ),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_every_problem_is_placed_where_it_is_written(tmp_path_factory, outcomes, newline):
    """Outcomes, each with one bad address after some lines of filler: each problem at its own place."""
    lines = ["title: Links", "start: q", "questions:", "  q:", "    text: Which?", "    answers:"]
    lines += [f"      - label: A{i}\n        next: o{i}" for i in range(len(outcomes))]
    lines.append("      - label: Z\n        next: o0")  # a second answer, when there is one outcome
    lines.append("outcomes:")
    expected = []
    for i, ((written, address, _, code), filler_lines, filler) in enumerate(outcomes):
        lines += [f"  o{i}:", "    title: T", "    body: |"] + [f"      x{filler} line"] * filler_lines
        lines.append(f"      {filler}{written}")
        expected.append((len("\n".join(lines).split("\n")), 7 + len(filler) + written.index(address), code))
    text = newline.join("\n".join(lines).split("\n")) + newline
    assert check_text(tmp_path_factory.mktemp("t"), text) == sorted(expected)


# --- text is read as the site renders it ----------------------------------------------------------


def test_links_are_read_with_the_markdown_extensions_of_the_site():
    from mkdocs.config import load_config  # the site's own reading of mkdocs.yml, built-in extensions included

    site = load_config(str(ROOT / "mkdocs.yml")).markdown_extensions
    assert list(SITE_EXTENSIONS) == [e for e in site if e != "toc"]


@pytest.mark.parametrize(
    "body",
    [
        '[brief](/brief.md){href="javascript:alert(1)"}',  # attr_list sets the address
        "!!! note\n\n          [x](javascript:alert(1))",  # inside an admonition
        "<div markdown>\n      [x](javascript:alert(1))\n      </div>",  # Markdown inside HTML
        "| a |\n      | - |\n      | [x](javascript:alert(1)) |",  # in a table
    ],
)
def test_links_that_only_the_sites_extensions_make_are_checked(tmp_path, body):
    assert [d[2] for d in check(tmp_path, body=body, images=("brief.md",))] == ["DT027"]
