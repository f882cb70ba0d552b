"""Paths in tree Markdown stay inside docs/; each problem is reported where it is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from decision_tree.check import check_files

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
    (docs / "trees").mkdir(parents=True)
    for image in images:
        (docs / image).parent.mkdir(parents=True, exist_ok=True)
        (docs / image).write_bytes(b"\x89PNG")
    path = docs / "trees" / "links.yml"
    path.write_text(TREE.format(help=help, body=body))
    return [(d.pos.line, d.pos.col, d.code, d.message) for d in check_files([path]).diagnostics]


def test_links_from_the_docs_folder_and_web_addresses_pass(tmp_path):
    body = ("[brief](/brief.md) [site](https://example.org) [mail](mailto:a@example.org) [top](#top) "
            "![Chart](/images/chart.png)")
    assert check(tmp_path, body=body, images=("images/chart.png",)) == []


def test_a_relative_link_is_reported_where_it_is_written(tmp_path):
    assert check(tmp_path, help="See the [brief](../brief.md).") == [
        (7, 23, "DT025", 'the link "../brief.md" is relative, so it would break on the result\'s own page')]


@pytest.mark.parametrize("target", ["/../secrets.png", "/a/../../x.png", "/../docs-old/x.png", "/%2e%2e/x.png",
                                    "/./../x.png"])
def test_paths_that_climb_out_of_docs_fail(tmp_path, target):
    found = check(tmp_path, body=f"![x]({target})")
    assert [(code, line) for line, _, code, _ in found] == [("DT026", 17)]
    assert found[0][3] == f'the image "{target}" leads out of the docs folder'


def test_a_sibling_folder_with_the_same_prefix_is_outside(tmp_path):
    (tmp_path / "docs-old").mkdir()
    (tmp_path / "docs-old" / "x.png").write_bytes(b"x")
    assert [d[2] for d in check(tmp_path, body="![x](/../docs-old/x.png)")] == ["DT026"]


@pytest.mark.parametrize("target", ["javascript:alert(1)", "JavaScript:alert(1)", "vbscript:x", "data:text/html,x",
                                    "file:///etc/passwd", "//evil.example/x"])
def test_unsafe_addresses_fail(tmp_path, target):
    assert [d[2] for d in check(tmp_path, body=f"[x]({target})")] == ["DT027"]


def test_a_missing_image_is_reported(tmp_path):
    assert check(tmp_path, body="Text ![Chart](/images/chart.png)") == [
        (17, 21, "DT028", 'the image "/images/chart.png" does not exist in the docs folder')]


def test_html_links_in_markdown_are_checked_too(tmp_path):
    assert [d[2] for d in check(tmp_path, body='<a href="../x.md">x</a> <img src="/../y.png" alt="y">')] == \
        ["DT025", "DT026"]


def test_reference_style_links_and_images_are_checked_too(tmp_path):
    body = "See [the brief][b] and ![a chart][c].\n\n      [b]: ../brief.md\n      [c]: javascript:alert(1)"
    assert [(line, col, code) for line, col, code, _ in check(tmp_path, body=body)] == \
        [(19, 12, "DT025"), (20, 12, "DT027")]
