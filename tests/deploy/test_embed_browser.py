"""Chromium framing the embed pages from a partner's page: allowed from a listed origin, refused otherwise.

The site is a copy of the project whose mkdocs.yml lists http://localhost:PORT as the one origin that
may frame the tools, built and served by nginx (on 127.0.0.1) as deployed. A second server holds the
partner's pages; reached as http://localhost:PORT it is the listed origin, reached as
http://127.0.0.1:PORT it is another one: two origins on the same loopback port.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from devtools.fileserver import free_port, serving
from devtools.project import copy_project

from .conftest import Served, nginx_serving

LISTED = "https://jobs.selicor.example"  # mkdocs.yml's origin, replaced in the copy
TREE = "need-mlops"
PARTNER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A partner's job advert</title>
<link rel="icon" href="data:,"></head>
<body><h1>MLOps engineer</h1>
<iframe src="{src}" title="Do you need MLOps now?" width="900" height="800"></iframe>
</body></html>
"""
PAGES = {"embed": f"embed/{TREE}/", "tool": f"tools/{TREE}/", "faq": "tools/faq/"}


@dataclass
class Framing:
    site: Served
    allowed: str  # the partner's pages from the origin mkdocs.yml lists
    other: str  # the same pages from an origin it does not


@pytest.fixture(scope="module")
def framing(tmp_path_factory):
    port = free_port()
    allowed = f"http://localhost:{port}"
    project = copy_project(tmp_path_factory.mktemp("embed-project"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count(f"- {LISTED}\n") == 1
    config.write_text(text.replace(f"- {LISTED}\n", f"- {allowed}\n"), encoding="utf-8")
    partner = tmp_path_factory.mktemp("partner")
    with nginx_serving(project, tmp_path_factory.mktemp("embed-nginx")) as site:
        for name, path in PAGES.items():
            (partner / f"{name}.html").write_text(PARTNER_PAGE.format(src=site.base + path), encoding="utf-8")
        with serving(partner, port):
            yield Framing(site, allowed, f"http://127.0.0.1:{port}")


@pytest.fixture
def tab(browser):
    """A page whose console errors and uncaught exceptions, in any of its frames, are kept in .problems."""
    context = browser.new_context(viewport={"width": 1000, "height": 900}, color_scheme="light")
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    yield page
    context.close()


def frame_of(page):
    [child] = page.main_frame.child_frames
    return child


def test_from_a_listed_origin_the_tool_works_in_the_frame(tab, framing):
    response = tab.goto(f"{framing.allowed}/embed.html")
    assert response.ok
    frame = tab.frame_locator("iframe")
    heading = frame.locator(".dt-player h2")
    expect(heading).to_be_visible()
    first = heading.text_content()
    frame.locator(".dt-player button.dt-answer").first.click()
    expect(heading).not_to_have_text(first)  # the next question, drawn by the player inside the frame
    assert frame_of(tab).url.startswith(f"{framing.site.base}embed/{TREE}/#{TREE}=")  # its state, in its own URL
    for _ in range(40):  # answer on to a result
        if frame.locator(".dt-player .dt-permalink").count():
            break
        shown = heading.text_content()
        frame.locator(".dt-player button.dt-answer").first.click()
        expect(heading).not_to_have_text(shown)
    # The result's own page opens on the main site, in a new tab: the partner's page stays.
    with tab.context.expect_page() as opened:
        frame.locator(".dt-player a.dt-permalink").click()
    result = opened.value
    result.wait_for_load_state()
    tool = f"{framing.site.base}tools/{TREE}/"
    assert result.url.startswith(tool) and result.url != tool  # /tools/need-mlops/<outcome>/
    expect(result.locator("h1")).to_be_visible()
    assert tab.url == f"{framing.allowed}/embed.html"
    assert not tab.problems, tab.problems


def test_the_frame_follows_the_reader_s_light_or_dark_system_setting(tab, framing):
    tab.goto(f"{framing.allowed}/embed.html")
    body = tab.frame_locator("iframe").locator("body")
    expect(tab.frame_locator("iframe").locator(".dt-player")).to_be_visible()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    tab.emulate_media(color_scheme="dark")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    tab.emulate_media(color_scheme="light")
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def refused(tab, framing: Framing, url: str, sources: str) -> None:
    """Open a partner page and check that Chromium refused to show the site's page in its frame,
    because of the policy's frame-ancestors ``sources``."""
    with tab.expect_console_message(lambda m: "frame-ancestors" in m.text and m.type == "error") as message:
        tab.goto(url)
    text = message.value.text  # e.g. Framing 'http://127.0.0.1:PORT/' violates ... "frame-ancestors 'none'".
    assert framing.site.base in text and f'"frame-ancestors {sources}"' in text, text
    frame = frame_of(tab)
    frame.wait_for_url(lambda address: address.startswith("chrome-error://"))  # Chromium's error page
    assert frame.locator(".dt-player, .dt-outline, .md-header").count() == 0


def test_from_an_origin_not_listed_the_embed_page_is_refused(tab, framing):
    refused(tab, framing, f"{framing.other}/embed.html", framing.allowed)


@pytest.mark.parametrize("name", ["tool", "faq"])
def test_no_other_page_may_be_framed_even_from_the_listed_origin(tab, framing, name):
    refused(tab, framing, f"{framing.allowed}/{name}.html", "'none'")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_embed_page_has_no_axe_violations_at_a_question_and_at_a_result(browser, framing, scheme):
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(f"{framing.site.base}embed/{TREE}/")
        heading = page.locator(".dt-player h2")
        expect(heading).to_be_visible()
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        while not page.locator(".dt-player .dt-permalink").count():
            shown = heading.text_content()
            page.locator(".dt-player button.dt-answer").first.click()
            expect(heading).not_to_have_text(shown)
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
