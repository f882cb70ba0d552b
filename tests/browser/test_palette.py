"""The first page a reader opens is drawn in the palette their system asks for, before Material's
script runs; a palette the reader chose is kept."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

BUNDLE = "**/assets/javascripts/bundle.*.js"


def scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


@pytest.mark.parametrize("system, expected", [("dark", "slate"), ("light", "default")])
def test_a_first_visit_is_drawn_in_the_system_palette_without_materials_script(browser, served_site, system, expected):
    context = browser.new_context(color_scheme=system)
    page = context.new_page()
    page.route(BUNDLE, lambda route: route.abort())  # what the reader sees before the bundle starts
    page.goto(served_site + "tools/need-mlops/")
    assert page.evaluate("typeof window.document$") == "undefined"
    assert scheme(page) == expected
    context.close()


def test_a_chosen_palette_wins_over_the_system_one(browser, served_site):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(served_site)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.locator("[data-md-component=palette] label:visible").first.click()  # to light; Material saves it
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.route(BUNDLE, lambda route: route.abort())
    page.reload()
    assert scheme(page) == "default"
    context.close()
