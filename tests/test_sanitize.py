"""Author Markdown is sanitised by nh3 before it is published."""

from __future__ import annotations

import markdown
import pytest

from decision_tree.sanitize import sanitize


def render(text: str) -> str:
    return sanitize(markdown.markdown(text, extensions=["attr_list", "md_in_html", "admonition", "tables"]))


@pytest.mark.parametrize(
    "hostile, gone",
    [
        ("<script>alert(1)</script>", "alert(1)"),
        ("<iframe src='https://evil.example'></iframe>", "<iframe"),
        ("<object data='x.swf'></object>", "<object"),
        ("<style>body{display:none}</style>", "display:none"),
        ("<img src='x.png' onerror='alert(1)'>", "onerror"),
        ("<a href='x' onclick='alert(1)'>x</a>", "onclick"),
        ("[click](javascript:alert(1))", "javascript:"),
        ("[click](vbscript:msgbox(1))", "vbscript:"),
        ("![pixel](data:image/png;base64,AAAA)", "data:"),
        ("<a href='data:text/html,<script>alert(1)</script>'>x</a>", "data:"),
        ("<p style='position:fixed'>x</p>", "style="),
        ("<form action='https://evil.example'><input></form>", "<form"),
        ("<svg><script>alert(1)</script></svg>", "alert(1)"),
        ("# A page title", "<h1"),
    ],
)
def test_dangerous_markup_is_removed(hostile, gone):
    assert gone not in render(hostile)


def test_prose_markup_survives_and_links_get_rel():
    html = render(
        "Read **this** and [the brief](../brief/) or [a site](https://example.org).\n\n"
        "- one\n- two\n\n!!! note\n    Careful.\n\n![A chart](chart.png)"
    )
    assert "<strong>this</strong>" in html
    assert '<a href="../brief/" rel="noopener noreferrer">the brief</a>' in html
    assert '<a href="https://example.org" rel="noopener noreferrer">a site</a>' in html
    assert "<li>one</li>" in html
    assert 'class="admonition note"' in html
    assert '<img alt="A chart" src="chart.png">' in html
