"""Check the links and images in trees' Markdown: every path an author gives stays inside docs/.

Tree text appears on the tool page and on each result's own page, one folder deeper, so a relative
link could only work on one of them: links to the site's own files start with ``/`` and are read
from the docs folder (``[brief](/brief.md)``, ``![chart](/images/chart.png)``).

Links may lead to other sites; images may not. The site makes no third-party requests, and an image
from another address would be fetched by every reader's browser, telling that site who reads what.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from .convert import to_html
from .diagnostics import Diagnostic, quote
from .locate import Locator
from .model import Tree
from .published import FILE, FOLDER, LEFT_OUT, OUTSIDE, Published

SAFE_SCHEMES = {"http", "https", "mailto"}


class _Targets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []  # (kind, target)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if tag == "a" and name == "href":
                self.found.append(("link", value))
            elif tag == "img" and name == "src":
                self.found.append(("image", value))
            elif tag == "img" and name == "srcset":  # "a.png 1x, b.png 2x": the sanitiser drops it today
                self.found += [("image", c.split()[0]) for c in value.split(",") if c.strip()]


def targets(text: str) -> list[tuple[str, str]]:
    """Return (kind, address) of every link and image in Markdown, as Markdown itself reads them."""
    parser = _Targets()
    parser.feed(to_html(text))
    return parser.found


def check_links(tree: Tree, site: Published | None, source: str) -> list[Diagnostic]:
    """Report unsafe addresses, relative paths, paths leaving docs/ and files the site does not publish.

    ``source`` is the text of the tree's file: each problem is placed where its address is written.
    """
    fields = [(q.help, q.help_pos) for q in tree.questions.values() if q.help]
    fields += [(o.body, o.body_pos) for o in tree.outcomes.values()]
    locator: Locator | None = None
    problems = []
    for text, pos in fields:
        if "[" not in text and "<" not in text:  # no link, image, reference or HTML: nothing to read
            continue
        found = [(target, problem) for kind, target in targets(text) for problem in _problems(kind, target, site)]
        if not found:
            continue
        locator = locator or Locator(source)
        field = locator.field(pos)
        problems += [
            Diagnostic(tree.path, field.find(target), code, message, hint) for target, (message, hint, code) in found
        ]
    return problems


def _problems(kind: str, target: str, site: Published | None) -> Iterator[tuple[str, str, str]]:
    parts = urlsplit(target.replace("\\", "/"))  # browsers read a backslash as a slash
    shown = quote(target)
    if kind == "image" and (parts.scheme or parts.netloc):
        name = posixpath.basename(parts.path) or "x.png"
        hint = f"put the image under docs/, for example as docs/images/{name}, and write it as /images/{name}"
        if parts.netloc or parts.scheme.lower() in ("http", "https"):
            yield (
                f"the image {shown} is on another site: every reader's browser would fetch it from there",
                hint,
                "DT032",
            )
        else:
            yield f"the image {shown} uses a {parts.scheme}: address, which is not allowed", hint, "DT027"
        return
    if parts.scheme:
        if parts.scheme.lower() not in SAFE_SCHEMES:
            yield (
                f"the {kind} {shown} uses a {parts.scheme}: address, which is not allowed",
                "use an http, https or mailto address, or a path in the docs folder such as /brief.md",
                "DT027",
            )
        return
    if not parts.path or parts.netloc:  # "#anchor", "?query" or "//host/..."
        if parts.netloc:
            yield (
                f"the {kind} {shown} points to another host without saying how",
                "write the full address, starting with https://",
                "DT027",
            )
        return
    path = unquote(parts.path)
    if not path.startswith("/"):
        yield (
            f"the {kind} {shown} is relative, so it would break on the result's own page",
            f"write it from the docs folder, starting with /, for example /{path.lstrip('./')}",
            "DT025",
        )
        return
    if _escapes(path):  # by segments, not by string prefix: /../docs-old/x is outside docs/ too
        yield (
            f"the {kind} {shown} leads out of the docs folder",
            "link only to files in docs/; remove the ../ parts",
            "DT026",
        )
        return
    if site is not None:
        yield from _not_published(kind, shown, posixpath.normpath(path), site)


def _not_published(kind: str, shown: str, path: str, site: Published) -> Iterator[tuple[str, str, str]]:
    """Report a path in docs/ that names no published file: as MkDocs would, but at the tree's line."""
    found = site.find(path)
    if found == FILE:
        return
    if found == OUTSIDE:
        yield (
            f"the {kind} {shown} leads out of the docs folder through a symbolic link",
            f"put the file itself at docs{path}, not a link to a file elsewhere",
            "DT026",
        )
    elif found == LEFT_OUT:
        yield (
            f"the {kind} {shown} names a file that the site does not publish",
            f"files in docs/{site.trees_folder}/, hidden files and docs/templates/ are left out of the site: "
            + ("put the image in docs/images/" if kind == "image" else "link to a page that is published"),
            "DT028" if kind == "image" else "DT029",
        )
    elif kind == "image":
        yield (
            f"the image {shown} does not exist in the docs folder",
            f"put the file at docs{path}, or correct the path",
            "DT028",
        )
    elif found == FOLDER:
        index = path.rstrip("/") + "/index.md"
        yield (
            f"the link {shown} points to a folder, not a page",
            f"link to the page file itself, for example {index}"
            if site.find(index) == FILE
            else "link to a page file in it, whose name ends in .md",
            "DT029",
        )
    else:
        guess = difflib.get_close_matches(path, site.pages(), n=1, cutoff=0.6)
        yield (
            f"the link {shown} points to a page that does not exist in the docs folder",
            f"did you mean {guess[0]}?" if guess else f"create docs{path}, or correct the path",
            "DT029",
        )


def _escapes(path: str) -> bool:
    """Tell whether walking the path's segments from the docs folder ever climbs above it."""
    depth = 0
    for part in path.split("/"):
        if part == "..":
            depth -= 1
            if depth < 0:
                return True
        elif part not in ("", "."):
            depth += 1
    return False
