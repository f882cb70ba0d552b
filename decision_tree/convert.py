"""Tree Markdown to HTML as the site renders it, each distinct text converted once per process.

The link check reads the HTML (``links.py``) and the pages show it (``render.py``): one conversion
serves both. Links to the site's own files are written from the docs folder (``/brief.md``); a page
points them at itself with ``relink``, given how to find a file's address from that page.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from html import escape, unescape
from urllib.parse import unquote, urlsplit, urlunsplit

# The Markdown extensions the site renders tree text with: MkDocs' built-in ones and mkdocs.yml's, but
# toc (tree text is in no page outline). With plain Markdown, attr_list's {src="https://..."} on an
# image, or a link in an admonition or a <div markdown>, would be published without being seen.
# tests/test_links.py keeps this list equal to the site's.
SITE_EXTENSIONS = ("tables", "fenced_code", "admonition", "attr_list", "md_in_html", "pymdownx.superfences")

# An <a> or <img> tag's address. Markdown escapes "<" in text and "\"" and ">" in attribute values,
# so in its output this matches real tags only.
_ADDRESS = re.compile(r'(<(?:a|img)\b[^>]*?\s(?:href|src)=")([^"]*)(")')


@functools.cache
def _markdown():
    import markdown  # here, not at the top: most checks never need it

    # Made once: setting up a Markdown instance costs more than converting a short text.
    return markdown.Markdown(extensions=list(SITE_EXTENSIONS))


@functools.cache
def to_html(text: str) -> str:
    """Return the HTML of a piece of tree Markdown, links to the site's files as the author wrote them."""
    return _markdown().reset().convert(text)


def relink(html: str, address_of: Callable[[str], str | None]) -> str:
    """Point each link and image written from the docs folder (``/brief.md#who``) at its page.

    ``address_of`` takes the file's path in docs/ (``brief.md``) and returns its address from the
    page being written (``../../brief/``), or None to leave the address as it is. Addresses with a
    scheme or a host, anchors and relative paths are left alone (the checker has refused the last).
    """

    def point(match: re.Match) -> str:
        parts = urlsplit(unescape(match.group(2)))
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            return match.group(0)
        address = address_of(unquote(parts.path).lstrip("/"))
        if address is None:
            return match.group(0)
        return match.group(1) + escape(urlunsplit(("", "", address, parts.query, parts.fragment))) + match.group(3)

    return _ADDRESS.sub(point, html)
