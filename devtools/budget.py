"""Byte budgets, measured on a built site: shared by ./scripts/bench and the budget test.

- The player (JavaScript plus CSS), gzipped: at most 8 KB (issues 11 and 12).
- A tree page's total bytes (its HTML plus every script and stylesheet it loads) at most 1.10 times
  a plain Material page of similar text: the same questions, answers and results written as
  ordinary Markdown, which loads neither the player nor the outline.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urlsplit

from .project import ROOT

PLAYER = ROOT / "decision_tree" / "assets"
PLAYER_BUDGET = 8 * 1024
PAGE_RATIO_BUDGET = 1.10
_ASSET = re.compile(r'<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"')


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def player_bytes() -> dict[str, int]:
    js, css = (PLAYER / "player.min.js").read_bytes(), (PLAYER / "player.min.css").read_bytes()  # what ships
    return {
        "js": len(js),
        "css": len(css),
        "js_gz": gzipped(js),
        "css_gz": gzipped(css),
        "gz": gzipped(js) + gzipped(css),
    }


def page_bytes(html_file: Path, skip: tuple[str, ...] = ()) -> int:
    """Return the bytes of a page and of the scripts and stylesheets it loads (minus ``skip``)."""
    html = html_file.read_text(encoding="utf-8")
    total = len(html.encode())
    for url in _ASSET.findall(html):
        path = urlsplit(url).path
        if urlsplit(url).scheme or any(path.endswith(name) for name in skip):
            continue
        total += (html_file.parent / path).resolve().stat().st_size
    return total


def plain_markdown(tree) -> str:
    """Return the tree's text as an ordinary Markdown page: the page a tree page is compared with."""
    parts = [f"# {tree.title}\n", f"{tree.summary or ''}\n"]
    for question in tree.questions.values():
        parts.append(f"## {question.text}\n")
        if question.help:
            parts.append(question.help)
        parts.append("".join(f"- {a.label}\n" for a in question.answers))
    for outcome in tree.outcomes.values():
        parts += [f"## {outcome.title}\n", f"{outcome.summary or ''}\n", outcome.body]
    return "\n".join(parts)


def add_plain_pages(project: Path, trees) -> None:
    """Write docs/plain/<tree>.md for every tree into a copy of the project, in its navigation beside
    the tools: Material draws the table of contents of a page in the navigation twice (in the sidebar,
    and inside the menu for phones), so a plain page left out of it would be weighed without the
    second copy that its tree page carries."""
    folder = project / "docs" / "plain"
    folder.mkdir(exist_ok=True)
    for tree_id, tree in trees.items():
        (folder / f"{tree_id}.md").write_text(plain_markdown(tree), encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entries = "".join(f"      - plain/{tree_id}.md\n" for tree_id in trees)
    assert "\nnav:\n" in text, "mkdocs.yml has no nav to add the plain pages to"
    config.write_text(text.replace("\nnav:\n", f"\nnav:\n  - Plain:\n{entries}", 1), encoding="utf-8")


def page_ratios(site: Path, trees) -> dict[str, tuple[int, int, float]]:
    """Return tree id -> (tree page bytes, plain page bytes, ratio)."""
    ratios = {}
    for tree_id in trees:
        tree_page = page_bytes(site / "tools" / tree_id / "index.html")
        plain_page = page_bytes(site / "plain" / tree_id / "index.html", skip=("player.js", "player.css"))
        ratios[tree_id] = (tree_page, plain_page, tree_page / plain_page)
    return ratios
