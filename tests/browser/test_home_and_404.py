"""The home page's start button opens the main tool at its first question; the 404 page's search and
tool links work in a real browser."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from decision_tree.check import check_directory
from devtools.project import ROOT

from .guided import GUIDE, LISTED

TREES = check_directory(ROOT / "docs" / "trees").trees
MISSING = "tools/need-mlops/a-retired-result/"


def first_question(page, tree_id: str):
    expect(page.locator(".dt-player h2").first).to_have_text(TREES[tree_id].questions[TREES[tree_id].start].text)


def test_the_start_button_opens_the_first_question(page, served_site):
    page.goto(served_site)
    page.locator("article").get_by_role("link", name=re.compile(r"^Start")).click()
    expect(page).to_have_url(served_site + "tools/need-mlops/")
    first_question(page, "need-mlops")
    assert page.errors == []


def serve_404_for_missing_pages(page, served_site: str) -> None:
    """Answer a missing address with the site's 404.html and status 404, as a static host does."""
    page.route(
        "**/" + MISSING,
        lambda route: route.fulfill(response=route.fetch(url=served_site + "404.html"), status=404),
    )


def open_missing_page(page, served_site: str) -> None:
    """Open the missing address; the browser logs its 404 as an error, the only one allowed."""
    not_found: list[str] = []
    page.on("response", lambda r: not_found.append(r.url) if r.status == 404 else None)
    response = page.goto(served_site + MISSING)
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    page.wait_for_load_state("load")
    assert not_found == [served_site + MISSING]
    page.errors[:] = [e for e in page.errors if "status of 404" not in e]


def test_the_404_page_searches_the_site(page, served_site):
    serve_404_for_missing_pages(page, served_site)
    open_missing_page(page, served_site)
    search = page.get_by_role("search", name="Search the guide")
    search.get_by_label("Words to look for").fill("drift")
    search.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(re.escape(served_site) + r"\?q=drift$|^" + re.escape(served_site) + "$"))
    expect(page.locator("[data-md-component=search-query]")).to_have_value("drift")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    assert "drift" in results.first.inner_text().lower()
    assert page.errors == []


def test_the_404_page_starts_each_tool(page, served_site):
    serve_404_for_missing_pages(page, served_site)
    for tree_id, tree in sorted(TREES.items()):
        open_missing_page(page, served_site)
        page.locator("article").get_by_role("link", name=tree.title, exact=True).click()
        expect(page).to_have_url(served_site + f"tools/{tree_id}/")
        if tree_id in LISTED:  # the FAQ's page lists its answers; its button opens the player
            page.get_by_role("button", name=GUIDE).click()
        first_question(page, tree_id)
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_404_page_has_no_axe_violations(browser, served_site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(served_site + "404.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    context.close()
