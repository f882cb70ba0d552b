"""Embed pages: a tool alone at ``/embed/<tree>/``, for partner sites and job pages to frame.

Which sites may frame them is a list of origins in mkdocs.yml (``decision-tree: embed: origins:``);
it becomes the ``frame-ancestors`` of those pages' Content-Security-Policy (deploy/csp.py), while every
other page keeps ``frame-ancestors 'none'``. An origin is a scheme, a host and an optional port,
nothing else: each is checked here, so that a typo cannot widen the policy or break the header.
This module needs no MkDocs; the plugin and deploy/csp.py both read it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

FOLDER = "embed"  # at the top of the site: /embed/<tree>/
TEMPLATE = "embed.html"  # overrides/embed.html: the page without the site's header, navigation and footer

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*$")
_SCHEMES = ("https", "http")
_LOOPBACK = ("localhost", "127.0.0.1")  # a partner's page on a test machine: the one place for http://
# A same-page link of the outline (#need-mlops--incidents): it stays in the frame, whatever <base> says.
_FRAGMENT_LINK = re.compile(r'<a href="#')


def parse_origin(value: object) -> str:
    """Return an origin as the policy writes it (``https://partner.example:8443``); raise ValueError
    with one plain sentence if it is anything else: no scheme, a path, a wildcard, a keyword, or
    http:// for anything but this machine (a page sent without TLS can be changed on the way)."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{value!r} is not an origin: write it as https://partner.example")
    text = value.strip()
    if "*" in text:
        raise ValueError(
            f"{text!r} has a wildcard: list each site that may frame the tools, as https://jobs.partner.example"
        )
    if re.search(r"[\s,;]", text):  # two origins on a line, or a way out of the policy's directive
        raise ValueError(f"{text!r} is not one origin: write each on a line of its own, as https://partner.example")
    if text.startswith("'") or text.lower() in ("self", "none"):
        raise ValueError(f"{text!r} is a keyword, not an origin: list sites, as https://partner.example")
    if "://" not in text:
        raise ValueError(f"{text!r} has no scheme: write https://{text}")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise ValueError(f"{text!r} is not an origin: its port is not a number from 1 to 65535") from None
    scheme, host = parts.scheme.lower(), (parts.hostname or "")
    if scheme not in _SCHEMES:
        raise ValueError(f"{text!r} has the scheme {parts.scheme!r}: an origin starts https://")
    if parts.username is not None or parts.password is not None:
        raise ValueError(f"{text!r} has a user name: write only the scheme, host and port")
    if parts.path not in ("", "/") or parts.query or parts.fragment or text.endswith(("?", "#")):
        example = f"{scheme}://{host or 'partner.example'}"
        raise ValueError(f"{text!r} has a path: an origin is only the scheme, host and port, as {example}")
    if not _HOST.match(host):
        raise ValueError(f"{text!r} has no valid host name: write it as https://partner.example")
    if scheme == "http" and host not in _LOOPBACK:
        raise ValueError(f"{text!r} is not served over https: write https://{parts.netloc} (http:// is for localhost)")
    if port == 0:
        raise ValueError(f"{text!r} is not an origin: its port is not a number from 1 to 65535")
    default = {"https": 443, "http": 80}[scheme]
    return f"{scheme}://{host}" + (f":{port}" if port is not None and port != default else "")


def page_source(tree_id: str) -> str:
    """Return where a tree's embed page is generated, as a page of the docs (``embed/need-mlops.md``)."""
    return f"{FOLDER}/{tree_id}.md"


def page_markdown(tree_id: str) -> str:
    """Return the generated page's Markdown: the tree, embedded as an editor would."""
    return f"<!-- decision-tree {tree_id} -->\n"


def framed(html: str) -> str:
    """Return a tree's HTML for a frame: the outline's same-page links stay in the frame.

    Every other link opens in a new tab (the template's ``<base target="_blank">``, which also
    reaches the links the player draws): the frame sits on someone else's page.
    """
    return _FRAGMENT_LINK.sub('<a target="_self" href="#', html)


def frame_ancestors(origins: list[str]) -> str:
    """Return the ``frame-ancestors`` sources for these origins: ``'none'`` when there are none."""
    return " ".join(origins) if origins else "'none'"
