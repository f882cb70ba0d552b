"""Finding active content in HTML: the quick filter never skips a page the full reading would flag."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from decision_tree import active

PIECES = [
    '<a href="',
    "<img src=",
    "<svg><a xlink:href='",
    "<form action=",
    '">',
    ">",
    "</a>",
    " ",
    "java",
    "JAVA",
    "script",
    "Script",
    ":",
    "&#x61;",
    "&#58;",
    "&colon;",
    "&Tab;",
    "\t",
    "\n",
    "\r",
    "<script>",
    "<script type=module>",
    '<script type="application/json">',
    "</script>",
    "<style>",
    " onclick=",
    " ONERROR=",
    " style=",
    "x()",
    "text",
    "&amp;",
    "<p>",
    "<b>",
    "on",
    "style",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_the_quick_filter_keeps_every_page_with_something_active(html):
    assert active.scan(html) == active.parse(html)


def test_a_page_of_plain_markup_is_skipped_unread():
    assert active.scan('<p>Plain <a href="/brief/">text</a> &amp; more.</p>') == []
