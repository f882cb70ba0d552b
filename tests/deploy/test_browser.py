"""Chromium on the nginx-served site: Material, search and the tools work under the deployed policy."""

from __future__ import annotations

from playwright.sync_api import expect

# The page reports each blocked load or script, which Chromium also logs as a console error.
REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", (e) =>
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));"""
MISSING = "no-such-page/"


def test_pages_tools_and_search_run_under_the_deployed_policy(browser, served):
    problems: list[str] = []

    def note(message):
        if message.type in ("error", "warning") and MISSING not in message.location["url"]:
            problems.append(f"{message.type}: {message.text} ({message.location['url']})")

    context = browser.new_context(viewport={"width": 1100, "height": 900})
    try:
        page = context.new_page()
        page.add_init_script(REPORT_VIOLATIONS)
        page.on("console", note)
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        response = page.goto(served.base)
        assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
        page.locator("article").get_by_role("link", name="MLOps hiring FAQ").first.click()
        page.wait_for_url(f"{served.base}tools/faq/")
        page.get_by_role("button", name="Find your answer step by step").click()  # the FAQ lists its answers
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
        expect(page.locator("h1")).to_have_text("Page not found")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
