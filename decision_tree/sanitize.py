"""Make HTML rendered from authors' Markdown safe to publish, with a maintained sanitiser (nh3).

An allow-list, not a block-list: only the tags and attributes Markdown produces for prose survive.
Scripts, frames, objects, styles and their content go; event-handler attributes go; links keep
only http, https and mailto (plus relative) addresses; every link gets rel="noopener noreferrer".
Headings above level 3 would break the page outline, so h1 and h2 become plain text.
"""

from __future__ import annotations

import nh3

TAGS = {
    "p",
    "br",
    "hr",
    "a",
    "img",
    "strong",
    "b",
    "em",
    "i",
    "code",
    "pre",
    "kbd",
    "mark",
    "del",
    "ins",
    "sub",
    "sup",
    "small",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "div",
    "span",
    "details",
    "summary",
    "abbr",
}
DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript", "textarea", "select"}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "th": {"align", "colspan", "rowspan"},
    "td": {"align", "colspan", "rowspan"},
    "ol": {"start"},
    "*": {"class"},  # admonitions and code highlighting are styled by class
}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize(html: str) -> str:
    """Return ``html`` with everything outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
