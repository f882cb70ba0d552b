"""Tree text is converted once per build; a page one folder deeper gets the HTML with its links rebased."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decision_tree.plugin import rebase_links

TOOL, RESULT = "tools/need-mlops/", "tools/need-mlops/hire-now/"


@pytest.mark.parametrize("made, rebased", [
    ('<a href="../../brief/">b</a>', '<a href="../../../brief/">b</a>'),
    ('<a href="../../brief/#who">b</a>', '<a href="../../../brief/#who">b</a>'),
    ('<a href="../faq/?q=1#a">f</a>', '<a href="../../faq/?q=1#a">f</a>'),
    ('<a href="./">the tool</a>', '<a href="../">the tool</a>'),
    ('<a href="hire-now/">this result</a>', '<a href="./">this result</a>'),
    ('<img alt="c" src="../../images/c.png">', '<img alt="c" src="../../../images/c.png">'),
    ('<a title="t" href="../../a&amp;b/">ab</a>', '<a title="t" href="../../../a&amp;b/">ab</a>'),
])
def test_relative_links_point_at_the_same_files_from_the_deeper_page(made, rebased):
    assert rebase_links(made, TOOL, RESULT) == rebased


@pytest.mark.parametrize("html", [
    '<a href="#x">anchor</a>', '<a href="https://example.org/a">web</a>', '<a href="mailto:a@example.org">mail</a>',
    '<a href="/absolute/">absolute</a>', '<a href="//host/x">host</a>', '<a href="?q=1">query</a>',
    '<pre><code>&lt;a href="../x"&gt; href="../y"</code></pre>',  # text, not a tag
])
def test_everything_else_is_left_alone(html):
    assert rebase_links(html, TOOL, RESULT) == html


def test_pages_that_are_files_rebase_too():
    assert rebase_links('<a href="../brief.html">b</a>', "tools/need-mlops.html", "tools/need-mlops/hire-now.html") \
        == '<a href="../../brief.html">b</a>'


segment = st.sampled_from(["a", "b", "brief", "tools", "need-mlops", "x.png"])
page = st.lists(st.sampled_from(["a", "b", "tools", "need-mlops"]), max_size=3).map(lambda p: "/".join(p + [""]))


@given(page, page, st.lists(segment, min_size=1, max_size=3), st.integers(0, 3), st.booleans())
def test_a_rebased_link_reaches_the_same_address(source, target, parts, ups, folder):
    relative = "../" * ups + "/".join(parts) + ("/" if folder else "")
    base = "http://site/"
    html = rebase_links(f'<a href="{relative}">x</a>', source, target)
    rebased = html.split('href="', 1)[1].split('"', 1)[0]
    reached, wanted = urljoin(base + target, rebased), urljoin(base + source, relative)
    assert reached == wanted
