"""Tree Markdown is converted once; each page points the links written from docs/ at itself."""

from __future__ import annotations

import pytest

from decision_tree import convert

ADDRESSES = {
    "brief.md": "../../brief/",
    "images/c.png": "../../images/c.png",
    "a&b.md": "../../a&b/",
    "my page.md": "../../my%20page/",
}


@pytest.mark.parametrize(
    "html, pointed",
    [
        ('<a href="/brief.md">b</a>', '<a href="../../brief/">b</a>'),
        ('<a href="/brief.md#who">b</a>', '<a href="../../brief/#who">b</a>'),
        ('<a title="t" href="/brief.md?q=1#a">b</a>', '<a title="t" href="../../brief/?q=1#a">b</a>'),
        ('<img alt="c" src="/images/c.png">', '<img alt="c" src="../../images/c.png">'),
        ('<a href="/a&amp;b.md">ab</a>', '<a href="../../a&amp;b/">ab</a>'),
        ('<a href="/my%20page.md">p</a>', '<a href="../../my%20page/">p</a>'),
    ],
)
def test_links_from_the_docs_folder_point_at_their_pages(html, pointed):
    assert convert.relink(html, ADDRESSES.get) == pointed


@pytest.mark.parametrize(
    "html",
    [
        '<a href="#x">anchor</a>',
        '<a href="https://example.org/a">web</a>',
        '<a href="mailto:a@example.org">mail</a>',
        '<a href="//host/x">host</a>',
        '<a href="?q=1">query</a>',
        '<a href="/missing.md">unknown</a>',
        '<pre><code>&lt;a href="/brief.md"&gt; href="/brief.md"</code></pre>',  # text, not a tag
    ],
)
def test_everything_else_is_left_alone(html):
    assert convert.relink(html, ADDRESSES.get) == html


def test_each_text_is_converted_once():
    text = "A **unique** text for this test, [with a link](/brief.md)."
    before = convert.to_html.cache_info().misses
    first = convert.to_html(text)
    assert convert.to_html(text) is first
    assert convert.to_html.cache_info().misses == before + 1
    assert first == '<p>A <strong>unique</strong> text for this test, <a href="/brief.md">with a link</a>.</p>'
