"""What every built page declares in its head: doctype, language, charset, viewport, a description of
its own and its canonical address (Lighthouse's doctype, html-has-lang, charset, viewport,
meta-description and canonical audits)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

from devtools.project import ROOT

from .html import parse

CONFIG = load_config(str(ROOT / "mkdocs.yml"))


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if p.parent.name != "search") + [site / "404.html"]


def test_every_page_declares_doctype_language_charset_and_viewport(site):
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
    """The canonical address is the page's own, under site_url."""
    for page in pages(site):
        if page.name == "404.html":
            continue
        head = parse(page).find("head")
        description = head.find("meta", name="description")
        assert description is not None and description.attrs["content"].strip(), page
        canonical = head.find("link", rel="canonical").attrs["href"]
        path = page.parent.relative_to(site).as_posix()
        if path.startswith("embed/"):  # a tool alone, for other sites to frame: its tool page is the one
            path = f"tools/{page.parent.name}"
        assert canonical == CONFIG.site_url + ("" if path == "." else path + "/"), page


def test_the_blog_index_has_its_own_description(site):
    """The insights index describes the insights, not the whole site."""
    content = parse(site / "insights" / "index.html").find("meta", name="description").attrs["content"]
    assert content != CONFIG.site_description
