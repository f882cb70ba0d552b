"""How the built pages load: scripts never hold up the first paint, instant navigation stays off, and
nothing a page loads is missing (Lighthouse's render-blocking-resources, total-blocking-time and
errors-in-console; ./scripts/audit runs Lighthouse itself, which takes minutes and varies)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config

from devtools.project import ROOT

from .html import parse

CONFIG = load_config(str(ROOT / "mkdocs.yml"))
AUDITED = [
    "index.html",
    "insights/what-mlops-means/index.html",
    "tools/need-mlops/index.html",
    "tools/archetype/index.html",
    "tools/faq/index.html",
    "tools/need-mlops/hire-now/index.html",
    "brief/index.html",
    "embed/need-mlops/index.html",
]


def pages(site: Path) -> list[Path]:
    """Every page of the site but the embed pages, which load only the player (tests/deploy/test_embed.py)."""
    found = (p for p in site.rglob("index.html") if p.parent.name != "search" and p.parts[-3] != "embed")
    return sorted(found) + [site / "404.html"]


def local_file(site: Path, page: Path, url: str) -> Path | None:
    """Return the file a page's relative or root-relative address points to; None for other hosts."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = parts.path
    target = (site / path.lstrip("/")) if path.startswith("/") else (page.parent / path)
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def shows_a_tree(document) -> bool:
    """A tool page, a listed tree or a result page: the elements the player starts on."""
    return any("data-decision-tree" in e.attrs or "data-decision-tree-outcome" in e.attrs for e in document.iter())


def loaded(document) -> tuple[list[str], list[str]]:
    """Return the names of the script files and of the stylesheets a page loads, in order."""
    scripts = [Path(urlsplit(s.attrs["src"]).path).name for s in document.find_all("script") if "src" in s.attrs]
    sheets = [Path(urlsplit(e.attrs["href"]).path).name for e in document.find_all("link", rel="stylesheet")]
    return scripts, sheets


def test_every_script_file_is_deferred_and_keeps_its_order(site):
    """Material's bundle and the extra scripts do not hold up the first paint, and run bundle first."""
    extra = [Path(str(s)).name for s in CONFIG.extra_javascript]
    for page in pages(site):
        document = parse(page)
        scripts = [s for s in document.find_all("script") if "src" in s.attrs]
        assert scripts, page
        for script in scripts:
            assert "defer" in script.attrs, f"{page.relative_to(site)}: {script.attrs['src']} is not deferred"
        names, _sheets = loaded(document)
        own = ["brief.js"] if page == site / "brief" / "index.html" else []
        player = ["player.js"] if shows_a_tree(document) else []
        assert names[0].startswith("bundle.") and names[1:] == extra + own + player, (page, names)


def test_the_player_and_the_brief_load_only_where_they_are_used(site):
    """A page that shows no tree loads none of the player (the editors' report its styles alone); only
    the brief loads the brief's files. The embed pages load the player alone, without Material's script."""
    with_tree = []
    for page in [*pages(site), *sorted((site / "embed").rglob("index.html"))]:
        document = parse(page)
        scripts, sheets = loaded(document)
        name = str(page.relative_to(site))
        tree = shows_a_tree(document)
        with_tree += [name] if tree else []
        report = name == "tree-report/index.html"  # no tree, but diagrams styled by player.css
        assert (scripts.count("player.js"), sheets.count("player.css")) == (int(tree), int(tree or report)), name
        brief = name == "brief/index.html"
        assert (scripts.count("brief.js"), sheets.count("brief.css")) == ((1, 1) if brief else (0, 0)), name
        if page.parts[-3] == "embed":
            assert scripts == ["player.js"], name
    # Each kind of tree page is among them: the tools (the FAQ's listed tree too), a result, an embed page.
    for name in ("tools/need-mlops/index.html", "tools/faq/index.html", "tools/need-mlops/hire-now/index.html"):
        assert name in with_tree
    assert "embed/need-mlops/index.html" in with_tree
    assert "index.html" not in with_tree and "brief/index.html" not in with_tree


def test_no_page_turns_on_instant_navigation(site):
    """Material's instant navigation added a third to its script's start-up work (100-180 ms of
    blocking time against 30-90 ms without; performance 96-98 against 99-100)."""
    for page in pages(site):
        config = json.loads(parse(page).find("script", id="__config").all_text)
        assert "navigation.instant" not in config["features"], page.relative_to(site)


@pytest.mark.parametrize("page", AUDITED)
def test_every_file_an_audited_page_loads_exists(site, page):
    """No 404 for a stylesheet, script, icon or source map."""
    file = site / page
    document = parse(file)
    urls = [e.attrs["src"] for e in document.find_all("script") if "src" in e.attrs]
    urls += [e.attrs["href"] for e in document.find_all("link") if e.attrs.get("rel") in ("stylesheet", "icon")]
    urls += [e.attrs["src"] for e in document.find_all("img")]
    missing = [u for u in urls if (target := local_file(site, file, u)) is not None and not target.is_file()]
    assert not missing, missing
    for url in urls:
        target = local_file(site, file, url)
        if target is None or target.suffix not in (".js", ".css"):
            continue
        mapping = re.search(r"sourceMappingURL=(\S+?)\s*(?:\*/)?\s*$", target.read_text(encoding="utf-8"))
        if mapping:
            assert (target.parent / mapping.group(1)).is_file(), f"{target.name}: {mapping.group(1)} is missing"
