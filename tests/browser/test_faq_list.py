"""The FAQ page in Chromium: every question readable at once, the guided tool as an option (issue 12, item 5)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from decision_tree.check import check_directory
from devtools.project import ROOT

from .guided import GUIDE
from .test_accessibility import assert_no_violations

FAQ = check_directory(ROOT / "docs" / "trees").trees["faq"]
START = FAQ.questions[FAQ.start]
ALL = "Show all questions"


def _heading(page):
    return page.locator(".dt-player h2").first


def _topic_and_question():
    """Return the second topic, its question and its first answer (the reader's question)."""
    topic = START.answers[1]
    question = FAQ.questions[topic.next]
    return topic, question, question.answers[0]


def test_with_javascript_every_topic_question_and_answer_is_readable_at_once(page, served_site):
    page.goto(f"{served_site}tools/faq/")
    expect(page.locator("[data-decision-tree=faq]")).to_have_attribute("data-dt-ready", "")
    expect(page.get_by_role("button", name=GUIDE)).to_be_visible()
    expect(page.locator(".dt-player")).to_be_hidden()
    for topic in START.answers:
        expect(page.get_by_role("heading", level=2, name=topic.label, exact=True)).to_be_visible()
        for answer in FAQ.questions[topic.next].answers:
            entry = page.locator(f"section.dt-entry[data-step='{answer.next}']")
            expect(entry.get_by_role("heading", level=3)).to_have_text(answer.label)
            expect(entry.locator(".dt-summary")).to_have_text(FAQ.outcomes[answer.next].summary)
            expect(entry.locator(".dt-body")).to_be_visible()
    expect(page.locator(".cta")).to_be_visible()


def test_without_javascript_the_list_is_the_page_and_no_button_is_offered(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_site}tools/faq/")
    for topic in START.answers:
        expect(page.get_by_role("heading", level=2, name=topic.label, exact=True)).to_be_visible()
    topic, question, answer = _topic_and_question()
    page.locator("article").get_by_role("link", name=answer.label, exact=True).click()  # opens its own page
    expect(page).to_have_url(f"{served_site}tools/faq/{answer.next}/")
    expect(page.locator("h1")).to_have_text(FAQ.outcomes[answer.next].title)
    page.go_back()
    assert page.locator(".dt-guide").evaluate("p => p.getBoundingClientRect().height") == 0
    expect(page.get_by_role("button")).to_have_count(0)
    context.close()


def test_the_table_of_contents_opens_a_question_in_the_list(page, served_site):
    topic, question, answer = _topic_and_question()
    page.goto(f"{served_site}tools/faq/")
    page.locator(".md-sidebar--secondary").get_by_role("link", name=answer.label, exact=True).click()
    expect(page).to_have_url(re.compile(rf"#faq--{answer.next}$"))
    expect(page.get_by_role("heading", level=3, name=answer.label, exact=True)).to_be_in_viewport()


def test_the_button_opens_the_guided_tool_in_place_and_the_list_comes_back(page, served_site):
    topic, question, answer = _topic_and_question()
    page.goto(f"{served_site}tools/faq/")
    title = page.title()
    page.get_by_role("button", name=GUIDE).click()
    expect(_heading(page)).to_have_text(START.text)
    expect(_heading(page)).to_be_focused()
    expect(page.locator(".dt-outline")).to_be_hidden()
    page.get_by_role("group", name=START.text).get_by_role("button", name=topic.label).click()
    expect(_heading(page)).to_have_text(question.text)
    page.get_by_role("button", name=answer.label, exact=True).click()
    expect(_heading(page)).to_have_text(FAQ.outcomes[answer.next].title)
    expect(page.locator(".dt-player .dt-summary")).to_have_text(FAQ.outcomes[answer.next].summary)
    expect(page).to_have_url(re.compile(rf"#faq=topic:{topic.key},{question.id}:{answer.key}$"))
    page.get_by_role("button", name=ALL).click()
    expect(page.locator(".dt-outline")).to_be_visible()
    expect(page.locator(".dt-player")).to_be_hidden()
    expect(page.get_by_role("button", name=GUIDE)).to_be_focused()
    assert "faq=" not in page.url and page.title() == title
    page.go_back()  # the answers again: the guided tool, at the result
    expect(_heading(page)).to_have_text(FAQ.outcomes[answer.next].title)
    expect(page.locator(".dt-outline")).to_be_hidden()
    page.locator(".md-sidebar--secondary").get_by_role("link", name=topic.label, exact=True).click()
    expect(page.locator(".dt-outline")).to_be_visible()  # a heading's link shows the list, at that heading
    expect(page.get_by_role("heading", level=2, name=topic.label, exact=True)).to_be_in_viewport()


def test_a_shared_link_with_answers_opens_the_guided_tool_at_that_step(page, served_site):
    topic, question, answer = _topic_and_question()
    page.goto(f"{served_site}tools/faq/#faq=topic:{topic.key}")
    expect(_heading(page)).to_have_text(question.text)
    expect(_heading(page)).to_be_focused()
    expect(page.locator(".dt-outline")).to_be_hidden()
    expect(page.get_by_role("button", name=ALL)).to_be_visible()
    page.goto(f"{served_site}tools/faq/{answer.next}/#faq=topic:{topic.key},{question.id}:{answer.key}")
    page.get_by_role("link", name="Check these answers for your own team").click()
    expect(_heading(page)).to_have_text(FAQ.outcomes[answer.next].title)
    expect(page.locator(".dt-outline")).to_be_hidden()


def test_the_button_appears_in_its_place_without_moving_the_list(browser, served_site):
    context = browser.new_context(viewport={"width": 1100, "height": 4000})  # all of it in view: every shift counts
    page = context.new_page()
    page.add_init_script(
        "window.__shift = 0; new PerformanceObserver((list) => { for (const entry of list.getEntries())"
        " window.__shift += entry.value }).observe({ type: 'layout-shift', buffered: true })"
    )
    page.goto(f"{served_site}tools/faq/")
    expect(page.get_by_role("button", name=GUIDE)).to_be_visible()
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.evaluate("window.__shift") < 0.01
    context.close()


def test_without_the_player_the_list_is_seen_at_once(browser, served_site):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.route("**/player.js", lambda route: route.abort())
    page.goto(f"{served_site}tools/faq/")
    expect(page.get_by_role("heading", level=2, name=START.answers[0].label, exact=True)).to_be_visible(timeout=1000)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_list_and_the_guided_tool_have_no_axe_violations(browser, served_site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{served_site}tools/faq/")
    expect(page.get_by_role("button", name=GUIDE)).to_be_visible()
    assert_no_violations(page, f"FAQ list ({scheme})")
    page.get_by_role("button", name=GUIDE).click()
    expect(_heading(page)).to_have_text(START.text)
    assert_no_violations(page, f"FAQ guided, first question ({scheme})")
    node = FAQ.start
    while node in FAQ.questions:
        page.locator(".dt-player button.dt-answer").first.click()
        node = FAQ.questions[node].answers[0].next
    expect(_heading(page)).to_have_text(FAQ.outcomes[node].title)
    assert_no_violations(page, f"FAQ guided, result ({scheme})")
    context.close()
