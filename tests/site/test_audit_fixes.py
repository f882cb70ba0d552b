"""What ./scripts/audit (Lighthouse) needed fixed, pinned on the built site so it cannot regress quietly.

Lighthouse itself is not run here: it takes minutes and its performance score varies from run to run.
Each test names the Lighthouse audit it protects.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config

from .conftest import ROOT
from .html import parse

CONFIG = load_config(str(ROOT / "mkdocs.yml"))
SITE_CSS = (ROOT / "docs" / "stylesheets" / "site.css").read_text(encoding="utf-8")
PLAYER_JS = (ROOT / "decision_tree" / "assets" / "player.js").read_text(encoding="utf-8")
AUDITED = ["index.html", "insights/what-mlops-means/index.html", "tools/need-mlops/index.html",
           "tools/archetype/index.html", "tools/faq/index.html", "tools/need-mlops/hire-now/index.html",
           "brief/index.html"]


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if p.parent.name != "search") + [site / "404.html"]


def local_file(site: Path, page: Path, url: str) -> Path | None:
    """Return the file a page's relative or root-relative address points to; None for other hosts."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = parts.path
    target = (site / path.lstrip("/")) if path.startswith("/") else (page.parent / path)
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def test_every_script_file_is_deferred_and_keeps_its_order(site):
    """render-blocking-resources: Material's bundle and the extra scripts no longer hold up the first paint."""
    extra = [Path(str(s)).name for s in CONFIG.extra_javascript] + ["player.js"]  # the plugin adds the player
    for page in pages(site):
        scripts = [s for s in parse(page).find_all("script") if "src" in s.attrs]
        assert scripts, page
        for script in scripts:
            assert "defer" in script.attrs, f"{page.relative_to(site)}: {script.attrs['src']} is not deferred"
        names = [Path(urlsplit(s.attrs["src"]).path).name for s in scripts]
        assert names[0].startswith("bundle.") and names[1:] == extra, (page, names)  # the bundle first


def test_instant_navigation_stays_off():
    """total-blocking-time: Material's instant navigation added a third to its script's start-up work
    (100-180 ms of blocking time against 30-90 ms without; performance 96-98 against 99-100)."""
    assert "navigation.instant" not in CONFIG.theme["features"]


def test_the_palette_script_still_runs_before_the_page_is_painted(site):
    """Deferring must not touch Material's inline scripts: the saved palette is applied before the first paint."""
    html = (site / "index.html").read_text(encoding="utf-8")
    inline = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert any("__md_get(\"__palette\")" in body for body in inline)


@pytest.mark.parametrize("page", AUDITED)
def test_every_file_an_audited_page_loads_exists(site, page):
    """errors-in-console: no 404 for a stylesheet, script, icon or source map."""
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


def test_every_page_declares_doctype_language_charset_and_viewport(site):
    """doctype, html-has-lang, html-lang-valid, charset, viewport."""
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        assert html.lstrip().lower().startswith("<!doctype html>"), page
        document = parse(html)
        assert document.find("html").attrs.get("lang") == "en", page
        head = document.find("head")
        assert head.find("meta", charset="utf-8") is not None, page
        viewport = head.find("meta", name="viewport")
        assert viewport is not None and "width=device-width" in viewport.attrs["content"], page


def test_every_page_has_a_description_and_a_canonical_address(site):
    """meta-description, canonical: the canonical address is the page's own, under site_url."""
    for page in pages(site):
        if page.name == "404.html":
            continue
        head = parse(page).find("head")
        description = head.find("meta", name="description")
        assert description is not None and description.attrs["content"].strip(), page
        canonical = head.find("link", rel="canonical").attrs["href"]
        path = page.parent.relative_to(site).as_posix()
        assert canonical == CONFIG.site_url + ("" if path == "." else path + "/"), page


def test_the_blog_index_has_its_own_description(site):
    """meta-description: the insights index describes the insights, not the whole site."""
    content = parse(site / "insights" / "index.html").find("meta", name="description").attrs["content"]
    assert content != CONFIG.site_description


@pytest.mark.parametrize("tree_page", ["tools/need-mlops/index.html", "tools/archetype/index.html",
                                       "tools/faq/index.html"])
def test_the_layout_shift_guard_matches_the_tree_markup(site, tree_page):
    """cumulative-layout-shift: site.css hides a tree's outline, and what follows the tree, until the
    player has started; that works only while the markup and the player's ready mark are as here."""
    article = parse(site / tree_page).find("article")
    children = [c for c in article.children if not c.tag.startswith("#")]
    tree = next(c for c in children if c.attrs.get("data-decision-tree"))
    assert "dt" in tree.attrs["class"].split()
    assert any("dt-outline" in c.attrs.get("class", "").split() for c in tree.children), "outline is not a child"
    after = children[children.index(tree) + 1:]
    assert any("cta" in c.attrs.get("class", "").split() for c in after), "the call to action does not follow the tree"
    assert 'root.setAttribute("data-dt-ready", "")' in PLAYER_JS
    for rule in (".dt:not([data-dt-ready]) > .dt-outline", ".dt:not([data-dt-ready]) ~ *",
                 "body:has(.dt:not([data-dt-ready])) .md-footer", "@keyframes dt-outline-fallback"):
        assert rule in SITE_CSS, rule


def test_the_post_byline_guard_matches_the_post_markup(site):
    """cumulative-layout-shift: a post's byline stays unseen until the footer, after the article, is parsed."""
    html = (site / "insights" / "what-mlops-means" / "index.html").read_text(encoding="utf-8")
    content = parse(html).find("div", class_="md-content--post")
    assert [c.attrs.get("class") for c in content.children if not c.tag.startswith("#")][0] == \
        "md-sidebar md-sidebar--post"
    assert html.index('class="md-footer"') > html.index("</article>")
    assert "body:not(:has(.md-footer)) .md-content--post > .md-sidebar--post" in SITE_CSS


def test_lighthouse_is_pinned_to_one_version():
    """./scripts/audit gives comparable numbers only with the same Lighthouse every time."""
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = package["devDependencies"]["lighthouse"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), version
    assert lock["lockfileVersion"] == 3
    assert lock["packages"]["node_modules/lighthouse"]["version"] == version
