"""Which pages load the player, and where its two files go in them.

A page loads the player only when it shows a tree: a tool page, a listed tree, a result page, an embed
page. Every other page (an article, the home page, a form) downloads, parses and runs none of it.

The exception is a site whose pages are swapped in place by the theme (Material's instant navigation):
there a reader reaches a tool page without a page load, and Material runs only the scripts inside
the page's content, not those a page would load at its end. Such a site loads the player on every page
(mkdocs.yml's extra_css and extra_javascript), as it did before; the player starts on every swap.
"""

from __future__ import annotations

from html import escape


def swaps_pages(theme_name: str | None, features: object) -> bool:
    """Return whether the theme swaps pages in place, so that any page may become a tree's without a load."""
    return theme_name == "material" and isinstance(features, list) and "navigation.instant" in features


def with_player(html: str, stylesheet: str | None, script: str | None) -> str:
    """Return a built page with the player's stylesheet at the end of its head and its script, deferred,
    at the end of its body (after the theme's scripts, which it may use); ``None`` leaves one out.

    A page without ``</head>`` or ``</body>`` (HTML lets a theme omit them) gets the tag at its end,
    where browsers still read it (a stylesheet in the body is allowed)."""
    for tag, closing, last in (
        (stylesheet and f'<link rel="stylesheet" href="{escape(stylesheet)}">', "</head>", False),
        (script and f'<script defer src="{escape(script)}"></script>', "</body>", True),
    ):
        if not tag:
            continue
        end = html.rfind(closing) if last else html.find(closing)
        html = html[:end] + tag + "\n" + html[end:] if end >= 0 else html + tag + "\n"
    return html
