"""A site that moves its result pages (outcome_url): the player's result link and its share link name the
new address, and the result page opened from it leads back to the tool."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ..support import example_copy, with_plugin_options, with_theme
from .conftest import built_and_served
from .test_themes import CHOICES, RESULT, THEMES, off_host

ANSWERS = "#example=steps:options,options:make-tree"


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    """examples/minimal with its results at results/<tree>/<outcome>/, built and served."""
    project = example_copy(tmp_path_factory.mktemp("example-moved"))
    with_theme(project, THEMES["mkdocs"])
    with_plugin_options(project, '      outcome_url: "results/{tree}/{outcome}/"\n')
    with built_and_served(project, tmp_path_factory.mktemp("example-moved-site")) as base:
        yield base


@pytest.fixture
def clipboard_page(browser):
    context = browser.new_context(
        viewport={"width": 1100, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    yield context.new_page()
    context.close()


def test_the_result_and_share_links_name_the_address_outcome_url_gives(clipboard_page, moved_site):
    base, page = moved_site, clipboard_page
    page.route(lambda url: not url.startswith(base), off_host)
    page.goto(f"{base}tools/example/")
    answers = page.locator(".dt-player button.dt-answer")
    for label in CHOICES:
        answers.filter(has_text=label).first.click()
    expect(page.locator(".dt-player h2").first).to_have_text(RESULT)
    own = f"{base}results/example/make-tree/{ANSWERS}"
    expect(page.locator(".dt-player a.dt-permalink")).to_have_attribute("href", own)
    page.get_by_role("button", name="Share this result").click()
    expect(page.locator(".dt-status")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == own

    page.locator(".dt-player a.dt-permalink").click()
    page.wait_for_url(own)
    expect(page.locator("h1")).to_have_text(RESULT)
    page.get_by_role("link", name="Check these answers for your own team").click()
    page.wait_for_url(f"{base}tools/example/{ANSWERS}")
    expect(page.locator(".dt-player h2").first).to_have_text(RESULT)
    assert page.request.get(f"{base}tools/example/make-tree/").status == 404  # nothing left at the old address
