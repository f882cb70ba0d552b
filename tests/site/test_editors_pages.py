"""The editors' guide and report: at their address, but not in the navigation, search, sitemap or search engines."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .html import parse, site_pages

EDITORS = ("editors", "tree-report", "plugin")  # for editors and other sites' maintainers
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def pages(site: Path) -> list[Path]:
    return site_pages(site, with_404=False)


def robots(page: Path) -> str | None:
    meta = parse(page).find("head").find("meta", name="robots")
    return meta.attrs["content"] if meta else None


@pytest.mark.parametrize("folder", EDITORS)
def test_an_editors_page_is_still_published_but_says_noindex(site, folder):
    page = site / folder / "index.html"
    assert parse(page).find("h1") is not None
    assert robots(page) == "noindex"


def test_every_other_page_may_be_indexed(site):
    assert [p for p in pages(site) if robots(p) and p.parent.name not in EDITORS] == []


def test_no_navigation_links_to_an_editors_page(site):
    for page in pages(site):
        nav = parse(page).find("nav", class_="md-nav--primary")
        hrefs = [a.attrs.get("href", "") for a in nav.find_all("a")]
        assert not [h for h in hrefs if h.rstrip("/").split("/")[-1] in EDITORS], page


def test_search_does_not_find_the_editors_pages(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0].rstrip("/") for doc in index["docs"]}
    assert "tools/need-mlops" in locations  # the index is the real one
    assert not locations & set(EDITORS)


def test_the_sitemap_lists_every_page_but_the_editors(site):
    urls = [loc.text or "" for loc in ET.parse(site / "sitemap.xml").getroot().iter(SITEMAP + "loc")]
    paths = {url.split("://", 1)[1].split("/", 1)[1].rstrip("/") for url in urls}
    published = {p.parent.relative_to(site).as_posix() for p in pages(site)}
    published = {"" if p == "." else p for p in published}
    assert paths == published - set(EDITORS) - {p for p in published if _is_redirect(site, p)}


def _is_redirect(site: Path, folder: str) -> bool:
    """A retired result's address only forwards to its current page; it is no page of its own."""
    return parse(site / folder / "index.html").find("meta", http_equiv="refresh") is not None
