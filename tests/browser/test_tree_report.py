"""The editors' report page in a browser: diagrams drawn in the theme's text colour, wide ones scroll in place."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagrams_follow_the_palette_and_scroll_inside_their_figure(browser, served_site, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1000, "height": 800})
    page = context.new_page()
    page.goto(served_site + "tree-report/")
    diagrams = page.locator("figure.dt-diagram svg")
    expect(diagrams.first).to_be_visible()
    text_colour = page.evaluate("getComputedStyle(document.querySelector('article')).color")
    for index in range(diagrams.count()):
        svg = diagrams.nth(index)
        assert svg.evaluate("e => getComputedStyle(e).color") == text_colour
        label = svg.locator("text").first
        assert label.evaluate("e => getComputedStyle(e).fill") == text_colour  # currentColor, resolved
    # The widest diagram scrolls inside its figure; the page itself never scrolls sideways.
    widths = page.evaluate(
        "[...document.querySelectorAll('figure.dt-diagram')].map(f => [f.scrollWidth, f.clientWidth])"
    )
    assert any(scroll > client for scroll, client in widths), widths
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()
