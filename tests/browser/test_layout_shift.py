"""Nothing moves while a page starts (Lighthouse's cumulative-layout-shift): a tree's outline, and
what follows the tree, stay unseen until the player has started, and come back if it never does; a
post's byline on a small screen stays unseen until the footer, after the article, has arrived."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

FALLBACK_MS = 4000  # docs/stylesheets/site.css: the outline comes back if the player has not started by then


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("tree_id", ["need-mlops", "archetype"])
def test_the_outline_and_what_follows_wait_for_the_player(tab, served_site, tree_id):
    tab.goto(f"{served_site}tools/{tree_id}/")
    tool = tab.locator(f"[data-decision-tree={tree_id}]")
    expect(tool).to_have_attribute("data-dt-ready", "")
    expect(tool.locator(".dt-player h2")).to_be_visible()
    expect(tab.locator(".cta")).to_be_visible()
    expect(tab.locator(".md-footer")).to_be_visible()


@pytest.mark.parametrize("tree_id", ["need-mlops", "archetype"])
def test_without_the_player_the_outline_stays_unseen_then_comes_back(tab, served_site, tree_id):
    tab.route("**/player.js", lambda route: route.abort())
    tab.goto(f"{served_site}tools/{tree_id}/")
    started = tab.evaluate("performance.now()")
    outline = tab.locator(f"[data-decision-tree={tree_id}] .dt-outline h2").first
    hidden = [outline.is_hidden(), tab.locator(".cta").is_hidden(), tab.locator(".md-footer").is_hidden()]
    if tab.evaluate("performance.now()") - started < FALLBACK_MS - 500:  # a slow machine may already be past it
        assert hidden == [True, True, True]
    expect(outline).to_be_visible(timeout=FALLBACK_MS * 3)
    expect(tab.locator(".cta")).to_be_visible()
    expect(tab.locator(".md-footer")).to_be_visible()


def test_a_post_byline_on_a_small_screen_waits_for_the_footer(browser, served_site):
    context = browser.new_context(viewport={"width": 700, "height": 900})
    page = context.new_page()
    page.goto(f"{served_site}insights/what-mlops-means/")
    byline = page.locator(".md-content--post > .md-sidebar--post")
    expect(byline).to_be_visible()
    page.evaluate("document.querySelector('.md-footer').remove()")  # as while the page is still arriving
    expect(byline).to_be_hidden()
    context.close()
