"""The plugin on other sites: the minimal example (examples/minimal) built with each theme a site may
use, read in Chromium. A reader answers, reaches a result, and can read every part of the player."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ..support import example_copy, with_plugin_options, with_theme
from .conftest import built_and_served

CHOICES = ["Several choices, one after another", "Each has a few clear options"]
FIRST = "Does a reader have to make more than one choice to reach the advice?"
RESULT = "Make it a decision tree"

# Each theme as a site would set it, but for what fetches from other hosts, which a test machine may
# not reach: highlight.js from a CDN (mkdocs, readthedocs), Google Fonts (Material). The mkdocs theme's
# dark mode needs highlight.js's style sheets: the test serves it stand-ins (OFF_HOST).
THEMES = {
    "mkdocs": "theme:\n  name: mkdocs\n  highlightjs: false\n",
    "mkdocs-dark": "theme:\n  name: mkdocs\n  color_mode: dark\n",
    "readthedocs": "theme:\n  name: readthedocs\n  highlightjs: false\n",
    "material": "theme:\n  name: material\n  font: false\n",
    "material-slate": "theme:\n  name: material\n  font: false\n  palette:\n    scheme: slate\n",
    "material-instant": "theme:\n  name: material\n  font: false\n  features:\n    - navigation.instant\n",
}

# WCAG contrast of an element's text against the first opaque background behind it (the canvas is
# white when none is set), the text's own transparency blended in.
CONTRAST = """el => {
  const rgba = text => (text.match(/[\\d.]+/g) || []).map(Number).concat([1]).slice(0, 4);
  let back = null;
  for (let node = el; node; node = node.parentElement) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour[3] > 0.5) { back = colour; break; }
  }
  back = back || [255, 255, 255, 1];
  const fore = rgba(getComputedStyle(el).color);
  const mixed = [0, 1, 2].map(i => fore[i] * fore[3] + back[i] * (1 - fore[3]));
  const lum = c => {
    const [r, g, b] = c.map(v => v / 255).map(v => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(mixed), lum(back.slice(0, 3))].sort((x, y) => y - x);
  return [(a + 0.05) / (b + 0.05), lum(back.slice(0, 3))];
}"""
DARK = {"mkdocs-dark", "material-slate"}


@pytest.fixture(scope="module", params=sorted(THEMES))
def themed_site(request, tmp_path_factory):
    """examples/minimal, its theme line replaced, built and served."""
    project = example_copy(tmp_path_factory.mktemp(f"example-{request.param}"))
    with_theme(project, THEMES[request.param])
    with built_and_served(project, tmp_path_factory.mktemp(f"example-{request.param}-site")) as base:
        yield request.param, base


def off_host(route) -> None:
    """Answer a request to another host: empty, but for highlight.js, whose call a theme page makes."""
    url = route.request.url
    if url.endswith(".js"):
        body = "window.hljs = {highlightAll() {}};" if "highlight" in url else ""
        route.fulfill(status=200, content_type="text/javascript", body=body)
    else:
        route.fulfill(status=200, content_type="text/css" if url.endswith(".css") else "text/plain", body="")


def readable(locator) -> None:
    for index in range(locator.count()):
        ratio, _background = locator.nth(index).evaluate(CONTRAST)
        assert ratio >= 4.5, f"{locator.nth(index).inner_text()!r}: contrast {ratio:.2f} < 4.5"


def test_a_reader_answers_and_reaches_a_result(page, themed_site):
    theme, base = themed_site
    page.route(lambda url: not url.startswith(base), off_host)
    if theme == "material-instant":
        page.goto(base)  # the tool is reached by instant navigation: no page load runs the player
        page.get_by_role("link", name="Should this page be a decision tree?").last.click()
        page.wait_for_url(f"{base}tools/example/")
    else:
        page.goto(f"{base}tools/example/")
    heading = page.locator(".dt-player h2").first
    expect(heading).to_have_text(FIRST)
    answers = page.locator(".dt-player button.dt-answer")
    expect(answers).to_have_count(2)
    readable(answers)
    _ratio, background = answers.first.evaluate(CONTRAST)
    assert (background < 0.1) == (theme in DARK), f"background luminance {background:.2f}"
    readable(page.locator(".dt-player .dt-progress"))
    for label in CHOICES:
        answers.filter(has_text=label).first.click()
    expect(heading).to_have_text(RESULT)
    expect(page).to_have_url(f"{base}tools/example/#example=steps:options,options:make-tree")
    readable(page.locator(".dt-player h2, .dt-player .dt-history .dt-q, .dt-player .dt-history .dt-a"))
    readable(page.locator(".dt-player .dt-actions button"))


def test_the_player_loads_only_where_a_tree_is_shown(page, themed_site):
    """The home page shows no tree and loads none of the player; the tool page and a result page do.
    Under instant navigation any page may become a tool page without a load, so every page has it."""
    theme, base = themed_site
    page.route(lambda url: not url.startswith(base), off_host)
    files = "() => [...document.querySelectorAll('script[src], link[rel=stylesheet]')].map(e => e.src || e.href)"
    for address, shows_a_tree in (("", False), ("tools/example/", True), ("tools/example/make-tree/", True)):
        page.goto(base + address)
        loaded = [url.rsplit("/", 1)[-1] for url in page.evaluate(files)]
        expected = 1 if shows_a_tree or theme == "material-instant" else 0
        assert (loaded.count("player.js"), loaded.count("player.css")) == (expected, expected), (address, loaded)


@pytest.fixture(scope="module")
def site_without_result_pages(tmp_path_factory):
    project = example_copy(tmp_path_factory.mktemp("example-no-results"))
    with_theme(project, THEMES["mkdocs"])
    with_plugin_options(project, "      outcome_pages: false\n")
    with built_and_served(project, tmp_path_factory.mktemp("example-no-results-site")) as base:
        yield base


def test_without_result_pages_the_result_is_shown_on_the_tool_page(page, site_without_result_pages):
    base = site_without_result_pages
    page.goto(f"{base}tools/example/")
    answers = page.locator(".dt-player button.dt-answer")
    for label in CHOICES:
        answers.filter(has_text=label).first.click()
    expect(page.locator(".dt-player h2").first).to_have_text(RESULT)
    expect(page.locator(".dt-player")).to_contain_text("Write each choice as a question with two or more answers")
    assert page.locator(".dt-player a.dt-permalink").count() == 0  # no page of its own to link to
    assert page.request.get(f"{base}tools/example/make-tree/").status == 404
