"""Where a result's own page is published: the ``outcome_url`` template of mkdocs.yml.

A template is the page's address below the site's root, as MkDocs writes it with directory URLs, with
placeholders filled in for each outcome:

- ``{folder}``: the folder of the tool page, the first page (by path) that embeds the tree (``tools/``);
- ``{page}``: the tool page's own address (``tools/need-mlops/``; ``tools/`` for tools/index.md);
- ``{tree}``: the tree's id; ``{outcome}``: the outcome's id.

The default, ``{folder}{tree}/{outcome}/``, is where results have always been (tools/need-mlops/hire-now/).
A template rather than a few named layouts: a site moving to this plugin keeps the addresses its
results already have, whatever they are, and one rule (a page per outcome, inside the site) covers
them all. The page is generated as ``<address without its last />.md``, so use_directory_urls: false
publishes it as ``….html``, like any other page. This module needs no MkDocs: the plugin and the
command line (python -m decision_tree check, through published.py) both read it.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection

from .model import did_you_mean

DEFAULT = "{folder}{tree}/{outcome}/"
PLACEHOLDERS = ("folder", "page", "tree", "outcome")
LEADING = ("folder", "page")  # addresses of their own, ending in /: they can only start the template
_FIELD = re.compile(r"\{([^{}]*)\}")
_LITERAL = re.compile(r"[A-Za-z0-9._~/-]*")  # what a page's address may hold besides the placeholders
EXAMPLE = "for example: {page}{outcome}/"


def parse_layout(value: object) -> str:
    """Return the template; raise ValueError with one plain sentence if it could not give every
    outcome a page of its own inside the site."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"write the address of a result's page as text, {EXAMPLE}")
    text = value.strip()
    names = _FIELD.findall(text)
    for name in names:
        if name not in PLACEHOLDERS:
            guess = did_you_mean(name, PLACEHOLDERS)
            hint = f"did you mean {{{guess}}}?" if guess else "use " + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
            raise ValueError(f"{text!r} has {{{name}}}, which is not a placeholder: {hint}")
    literal = _FIELD.sub("", text)
    if "{" in literal or "}" in literal:
        raise ValueError(f"{text!r} has a {{ or }} that opens or closes no placeholder")
    if "outcome" not in names:
        raise ValueError(f"{text!r} has no {{outcome}}: each result needs an address of its own, {EXAMPLE}")
    stray = next((char for char in literal if not _LITERAL.fullmatch(char)), None)
    if stray is not None:
        raise ValueError(f"{text!r} has {stray!r}: besides the placeholders, write letters, digits, -, _, . and / only")
    if text.startswith("/"):
        raise ValueError(f"{text!r} starts with /: give the address below the site's root, {EXAMPLE}")
    for name in LEADING:
        if f"{{{name}}}" in text and not text.startswith(f"{{{name}}}"):
            raise ValueError(f"{text!r}: {{{name}}} is an address of its own, so it can only start the template")
        if text.startswith(f"{{{name}}}/"):
            raise ValueError(f"{text!r}: {{{name}}} already ends with /, so write {{{name}}}{text[len(name) + 3 :]}")
    # {folder} and {page} end in / (or are empty): the folders after them are the template's own.
    segments = _FIELD.sub(lambda match: "x/" if match.group(1) in LEADING else "x", text).split("/")
    if ".." in segments:
        raise ValueError(f"{text!r} goes up a folder (..): the result pages stay inside the site")
    if any(segment.startswith(".") for segment in segments):
        raise ValueError(f"{text!r} has a name starting with .: MkDocs leaves such files out of the site")
    if "" in segments[:-1]:
        raise ValueError(f"{text!r} has an empty folder name (//)")
    if not text.endswith("/"):
        folder = re.sub(r"\.(html?|md)$", "", text) + "/"
        raise ValueError(
            f"{text!r} does not end with /: write the address as a folder, {folder} "
            "(with use_directory_urls: false, MkDocs publishes the page as ….html itself)"
        )
    return text


def result_address(layout: str, home: str, tree_id: str, outcome_id: str) -> str:
    """Return an outcome's address, as its page's folder: ``tools/need-mlops/hire-now/``.

    ``home`` is the source path of the tool page (``tools/need-mlops.md``)."""
    folder = posixpath.dirname(home)
    values = {
        "folder": folder + "/" if folder else "",
        "page": page_address(home),
        "tree": tree_id,
        "outcome": outcome_id,
    }
    return _FIELD.sub(lambda match: values[match.group(1)], layout)


def result_source(layout: str, home: str, tree_id: str, outcome_id: str) -> str:
    """Return the source path an outcome's page is generated as: ``tools/need-mlops/hire-now.md``."""
    return result_address(layout, home, tree_id, outcome_id)[:-1] + ".md"


def page_address(source: str) -> str:
    """Return the address of a page with directory URLs: ``tools/x.md`` -> ``tools/x/``, ``tools/index.md``
    -> ``tools/``, ``index.md`` -> ``""``."""
    folder, name = posixpath.split(posixpath.splitext(source)[0])
    if name in ("index", "README"):
        return folder + "/" if folder else ""
    return posixpath.join(folder, name) + "/"


def parse_outcome_pages(value: object) -> bool | list[str]:
    """Return which trees' results get a page: all (True), none (False) or the ids listed; raise
    ValueError with one plain sentence for anything else."""
    if isinstance(value, bool):
        return value
    if value is None:  # "outcome_pages:" with every line below it removed or commented out
        return []
    if isinstance(value, str):
        raise ValueError(f"write true, false or a list of tree ids, one a line: - {value}")
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise ValueError("write true, false or a list of tree ids (the tree files' names without .yml)")
    return list(dict.fromkeys(value))


def with_pages(outcome_pages: bool | Collection[str], tree_id: str) -> bool:
    """Return whether the results of tree ``tree_id`` get pages of their own."""
    return outcome_pages if isinstance(outcome_pages, bool) else tree_id in outcome_pages
