"""Chromium on the nginx-served site: Material, search and the tools work under the deployed policy."""

from __future__ import annotations

import threading

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser.conftest import CHROMIUM_ARGS, chromium_path

# The page reports each blocked load or script, which Chromium also logs as a console error.
REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", (e) =>
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));"""
MISSING = "no-such-page/"


def in_a_thread_of_its_own(scenario) -> None:
    """Run ``scenario``, re-raising its failure, on a thread without an event loop.

    tests/browser keeps a sync Playwright open on the main thread for the whole session, and a
    second one cannot start on the same thread.
    """
    failure: list[BaseException] = []

    def run():
        try:
            scenario()
        except BaseException as error:  # noqa: BLE001 -- handed back to the test's thread
            failure.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


@pytest.mark.browser
def test_pages_tools_and_search_run_under_the_deployed_policy(served):
    problems: list[str] = []

    def note(message):
        if message.type in ("error", "warning") and MISSING not in message.location["url"]:
            problems.append(f"{message.type}: {message.text} ({message.location['url']})")

    def scenario():
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": 1100, "height": 900})
                page.add_init_script(REPORT_VIOLATIONS)
                page.on("console", note)
                page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
                response = page.goto(served.base)
                assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
                page.locator("article").get_by_role("link", name="MLOps hiring FAQ").first.click()
                page.wait_for_url(f"{served.base}tools/faq/")
                heading = page.locator(".dt-player h2")
                first = heading.text_content()
                page.locator(".dt-player button.dt-answer").first.click()
                expect(heading).not_to_have_text(first)
                page.locator("[data-md-component=palette] label:visible").first.click()  # stored palette
                page.reload()  # ...which Material's inline script applies
                page.keyboard.press("/")  # search: a worker that fetches the index
                page.keyboard.type("drift")
                expect(page.locator(".md-search-result__item").first).to_be_visible()
                page.goto(f"{served.base}{MISSING}")
                expect(page.locator("h1")).to_have_text("404 - Not found")
            finally:
                browser.close()

    in_a_thread_of_its_own(scenario)
    assert not problems, "\n".join(problems)
