"""The player on a tree at the engine's limits: a chain 10,000 questions deep, built into the site."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from devtools.generate import chain_tree
from devtools.project import copy_project

from .conftest import built_and_served

DEPTH = 10_000


@pytest.fixture(scope="module")
def chain_page(tmp_path_factory):
    """The URL of the tool page of a generated chain DEPTH questions deep, in a copy of the site."""
    project = copy_project(tmp_path_factory.mktemp("chain-project"))
    (project / "docs" / "trees" / "chain.yml").write_text(chain_tree(DEPTH), encoding="utf-8")
    (project / "docs" / "tools" / "chain.md").write_text("# A deep chain\n\n<!-- decision-tree chain -->\n")
    with built_and_served(project, tmp_path_factory.mktemp("chain-site")) as base:
        yield f"{base}tools/chain/"


def long_route(depth: int) -> str:
    """Return the hash of the first ``depth`` answers that lead on down the chain."""
    return "#chain=" + ",".join(f"q{i}:q{i + 1}" for i in range(depth))


def test_the_player_takes_over_a_chain_10_000_deep_and_answers_step_by_step(page, chain_page):
    page.goto(chain_page)
    tool = page.locator("[data-decision-tree=chain]")
    heading = tool.locator(".dt-player h2")
    expect(tool).to_have_attribute("data-dt-ready", "")
    expect(tool.locator(".dt-outline")).to_be_hidden()
    expect(heading).to_have_text("Question 0?")
    expect(tool.locator(".dt-progress")).to_have_text("Question 1 · up to 9999 more questions")
    expect(tool.locator("button.dt-answer")).to_have_text(["Answer 1", "Answer 2"])
    for step in range(1, 4):
        tool.locator("button.dt-answer").first.click()
        expect(heading).to_have_text(f"Question {step}?")
    assert page.url.endswith(long_route(3)), page.url
    expect(tool.locator(".dt-history li")).to_have_count(3)
    tool.locator("button.dt-back").click()
    expect(heading).to_have_text("Question 2?")
    tool.locator("button.dt-answer").last.click()
    expect(heading).to_have_text("Outcome 0")
    assert page.url.endswith("#chain=q0:q1,q1:q2,q2:o0"), page.url
    assert not page.errors  # the page fixture records every pageerror and console error


def test_a_link_9_000_answers_deep_restores_that_step(page, chain_page):
    page.goto(chain_page + long_route(9_000))
    tool = page.locator("[data-decision-tree=chain]")
    heading, history = tool.locator(".dt-player h2"), tool.locator(".dt-history")
    expect(heading).to_have_text("Question 9000?")
    expect(tool.locator(".dt-progress")).to_have_text("Question 9001 · up to 999 more questions")
    expect(tool.locator(".dt-note")).to_have_count(0)
    assert page.url.endswith(long_route(9_000))
    # "Your answers" lists the last 20 and folds the rest away: thousands of rows take seconds to lay out.
    expect(history.locator("summary")).to_have_text("8980 earlier answers")
    listed = history.locator(":scope > ol > li")
    expect(listed).to_have_count(20)
    expect(listed.first).to_be_visible()
    expect(listed.last).to_contain_text("Question 8999?")
    tool.locator("button.dt-answer").last.click()
    expect(heading).to_have_text("Outcome 0")
    assert page.url.endswith(long_route(9_000) + ",q9000:o0"), page.url
    page.go_back()
    expect(heading).to_have_text("Question 9000?")
    expect(history.locator("details li")).to_have_count(8_980)  # one click away, each with its Change
    expect(history.locator("details li").first).to_contain_text("Question 0?")
    assert not page.errors


def test_a_link_reopening_a_step_deep_in_the_chain_keeps_the_later_answers(page, chain_page):
    page.goto(chain_page + long_route(9_000) + "&chain.at=q8995")
    tool = page.locator("[data-decision-tree=chain]")
    heading = tool.locator(".dt-player h2")
    expect(heading).to_have_text("Question 8995?")
    expect(tool.locator(".dt-progress")).to_have_text("Question 8996 · up to 1004 more questions")
    expect(tool.locator(".dt-history li.dt-current")).to_be_visible()
    expect(tool.locator(".dt-history li.dt-current .dt-q")).to_have_text("Question 8995?")
    expect(tool.locator("button.dt-chosen")).to_contain_text("Answer 1")
    tool.locator("button.dt-chosen").click()  # the same answer again: back where the link left off
    expect(heading).to_have_text("Question 9000?")
    assert page.url.endswith(long_route(9_000)), page.url
    assert not page.errors
