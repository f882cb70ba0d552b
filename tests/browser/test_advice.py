"""Advice on a result, in Chromium: "Why this result", the caveat on unsure answers and "What would
change it", read through their roles and names, operated by keyboard, and updated when an answer changes."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from devtools.project import copy_project

from .conftest import built_and_served, enable_instant_navigation
from .test_accessibility import assert_no_violations

TREE = """\
title: Should you hire for MLOps?
start: live
questions:
  live:
    text: Is a model live?
    answers:
      - label: Yes, it is live
        next: team
        why: A model is live, so someone must run it.
      - label: Not sure
        next: team
        why: Nobody could say whether a model is live.
        unsure: "true"
      - label: Not yet
        next: plan
  team:
    text: Who runs it?
    answers:
      - label: Nobody
        next: hire
      - label: Not sure
        next: hire
        why: Nobody could say who runs it.
        unsure: "true"
      - label: A team
        next: grow
        why: A team already runs it.
  plan:
    text: When will one go live?
    answers:
      - label: Soon
        next: team
      - label: Later
        next: wait
outcomes:
  hire:
    title: Hire someone now
    body: Hire.
  grow:
    title: Grow your team
    body: Grow.
  wait:
    title: Wait and plan
    body: Wait.
"""


@pytest.fixture(scope="module")
def advice_site(tmp_path_factory):
    """A copy of the site with the advice tool, a page linking to it, and instant navigation on."""
    project = copy_project(tmp_path_factory.mktemp("advice-project"))
    (project / "docs" / "trees" / "advice.yml").write_text(TREE, encoding="utf-8")
    (project / "docs" / "tools" / "advice.md").write_text("# Advice\n\n<!-- decision-tree advice -->\n")
    (project / "docs" / "zz-advice.md").write_text("# Tools\n\n[The advice tool](tools/advice.md)\n")
    enable_instant_navigation(project)
    with built_and_served(project, tmp_path_factory.mktemp("advice-site")) as base:
        yield base


UNSURE = "#advice=live:not-sure,team:not-sure"


def player(page):
    return page.locator("[data-decision-tree=advice] .dt-player")


def test_a_result_says_why_what_was_unsure_and_what_would_change_it(page, advice_site):
    page.goto(f"{advice_site}tools/advice/{UNSURE}")
    tool = player(page)
    expect(tool.get_by_role("heading", level=2)).to_have_text("Hire someone now")
    # Under the result's heading, in reading order
    expect(tool.get_by_role("heading")).to_have_text(
        ["Hire someone now", "Why this result", "Before you rely on this", "What would change it", "Your answers"]
    )
    why = tool.get_by_role("region", name="Why this result")
    expect(why.get_by_role("heading", level=3)).to_have_text("Why this result")
    expect(why.get_by_role("listitem")).to_have_text(
        ["Nobody could say whether a model is live.", "Nobody could say who runs it."]
    )
    caveat = tool.get_by_role("region", name="Before you rely on this")
    expect(caveat).to_contain_text("You were unsure about 2 of your answers")
    expect(caveat.get_by_role("listitem")).to_have_text(["Is a model live? Not sure", "Who runs it? Not sure"])
    expect(caveat).to_contain_text("Settle this one first: Is a model live?")
    changes = tool.get_by_role("region", name="What would change it")
    answers = changes.get_by_role("list").first.locator(":scope > li")
    expect(answers).to_have_count(2)
    expect(answers.first).to_contain_text("Is a model live? Not sure")
    expect(answers.first.get_by_role("listitem")).to_have_text(
        ["Not yet instead of Not sure leads to 1–2 more questions"]
    )
    expect(answers.nth(1).get_by_role("listitem")).to_have_text(["A team instead of Not sure leads to Grow your team"])
    expect(changes.get_by_role("button")).to_have_count(2)  # "Yes, it is live" and "Nobody" lead here too


def test_an_answer_that_would_change_it_is_tried_by_keyboard(page, advice_site):
    page.goto(f"{advice_site}tools/advice/{UNSURE}")
    tool = player(page)
    instead = tool.get_by_role("button", name="A team instead of Not sure")
    for _ in range(40):
        if instead.evaluate("b => b === document.activeElement"):
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached the answer that would change the result")
    page.keyboard.press("Enter")
    heading = tool.get_by_role("heading", level=2)
    expect(heading).to_have_text("Grow your team")
    expect(heading).to_be_focused()
    assert page.url.endswith("#advice=live:not-sure,team:grow"), page.url
    expect(tool.get_by_role("region", name="Why this result").get_by_role("listitem")).to_have_text(
        ["Nobody could say whether a model is live.", "A team already runs it."]
    )
    expect(tool.get_by_role("region", name="Before you rely on this")).to_have_count(0)  # one unsure answer left
    changes = tool.get_by_role("region", name="What would change it")
    expect(changes.get_by_role("button")).to_have_text(
        ["Not yet instead of Not sure", "Nobody instead of A team", "Not sure instead of A team"]
    )
    page.go_back()
    expect(heading).to_have_text("Hire someone now")
    expect(tool.get_by_role("region", name="Before you rely on this")).to_be_visible()


def test_an_answer_that_asks_new_questions_opens_the_first_of_them(page, advice_site):
    page.goto(f"{advice_site}tools/advice/{UNSURE}")
    tool = player(page)
    tool.get_by_role("button", name="Not yet instead of Not sure").click()
    expect(tool.get_by_role("heading", level=2)).to_have_text("When will one go live?")
    expect(tool.locator(".dt-progress")).to_have_text("Question 2 · up to 1 more question")
    assert page.url.endswith("#advice=live:plan"), page.url
    expect(tool.get_by_role("region", name="What would change it")).to_have_count(0)  # not a result


def test_the_caveat_reopens_the_question_to_settle_first(page, advice_site):
    page.goto(f"{advice_site}tools/advice/{UNSURE}")
    tool = player(page)
    caveat = tool.get_by_role("region", name="Before you rely on this")
    caveat.get_by_role("button", name="Change answer to: Is a model live?").click()
    expect(tool.get_by_role("heading", level=2)).to_have_text("Is a model live?")
    assert page.url.endswith(UNSURE + "&advice.at=live"), page.url


def test_the_caveat_is_announced_once_with_the_result(page, advice_site):
    page.goto(f"{advice_site}tools/advice/#advice=live:not-sure")
    tool = player(page)
    tool.get_by_role("button", name="Not sure").click()
    expect(tool.get_by_role("status")).to_have_text(
        "Your result: Hire someone now. Before you rely on this: some answers were unsure."
    )


def test_a_route_without_whys_or_unsure_answers_shows_only_what_would_change_it(page, advice_site):
    page.goto(f"{advice_site}tools/advice/#advice=live:plan,plan:wait")
    tool = player(page)
    expect(tool.get_by_role("heading", level=2)).to_have_text("Wait and plan")
    expect(tool.get_by_role("region", name="Why this result")).to_have_count(0)
    expect(tool.get_by_role("region", name="Before you rely on this")).to_have_count(0)
    expect(tool.get_by_role("region", name="What would change it").get_by_role("button")).to_have_text(
        ["Yes, it is live instead of Not yet", "Not sure instead of Not yet", "Soon instead of Later"]
    )


def test_advice_appears_after_instant_navigation(page, advice_site):
    page.goto(f"{advice_site}zz-advice/")
    page.evaluate("window.__stayed = true")
    page.locator("article").get_by_role("link", name="The advice tool").click()
    tool = player(page)
    for label in ("Not sure", "Not sure"):
        tool.get_by_role("button", name=label, exact=True).click()
    expect(tool.get_by_role("heading", level=2)).to_have_text("Hire someone now")
    expect(tool.get_by_role("region", name="Why this result").get_by_role("listitem")).to_have_count(2)
    assert page.evaluate("window.__stayed === true"), "the page was fully reloaded, not instantly navigated"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_result_with_advice_has_no_axe_violations(browser, advice_site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{advice_site}tools/advice/{UNSURE}")
    expect(player(page).get_by_role("region", name="Before you rely on this")).to_be_visible()
    assert_no_violations(page, f"advice result ({scheme})")
    context.close()
