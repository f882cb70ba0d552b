"""Links sent before an editor's change still land where they should, in Chromium.

A tree is published; its keys are recorded (docs/trees/hiring.keys, as ./scripts/update-paths writes it).
Then an editor rewords a label, moves an answer to a new question, splits a question in two and retires
an answer with no equivalent, adding the aliases the check asks for. Every old link opens the step it
meant (or the nearest question, with a plain note) and the address is rewritten with the new keys.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from decision_tree.check import check_files
from decision_tree.keys import record_path, record_text
from devtools.project import copy_project

from .conftest import built_and_served

PUBLISHED = """\
title: Should you hire?
start: live
questions:
  live:
    text: Is a model live?
    answers:
      - label: Yes, it is live
        next: owner
      - label: Partly
        next: owner
      - label: Not yet
        next: wait
  owner:
    text: Does someone own it?
    answers:
      - label: 'Yes'
        next: keep
      - label: 'No'
        next: hire
outcomes:
  keep:
    title: Keep going
    body: Keep going.
  hire:
    title: Hire someone
    body: Hire.
  wait:
    title: Wait and plan
    body: Wait.
"""

EDITED = """\
title: Should you hire?
start: live
questions:
  live:
    text: Is a model live?
    answers:
      - label: Yes, in use
        next: incidents
        aliases: [yes-it-is-live]
      - label: Not yet
        next: plan
        aliases: [wait]
  plan:
    text: When will one go live?
    answers:
      - label: Soon
        next: hire
      - label: Later
        next: wait
  incidents:
    text: Does someone respond to incidents?
    answers:
      - label: 'Yes'
        next: sign-off
        aliases: [keep]
      - label: 'No'
        next: hire
  sign-off:
    text: Does someone sign off new versions?
    answers:
      - label: 'Yes'
        next: keep
      - label: 'No'
        next: hire
outcomes:
  keep:
    title: Keep going
    body: Keep going.
  hire:
    title: Hire someone
    body: Hire.
  wait:
    title: Wait and plan
    body: Wait.
aliases:
  owner: incidents
"""


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("old-links-project"))
    tree_file = project / "docs" / "trees" / "hiring.yml"
    tree_file.write_text(PUBLISHED, encoding="utf-8")
    published = check_files([tree_file]).trees["hiring"]
    record = record_text(published, [])
    assert "live:yes-it-is-live\n" in record and "live:partly\n" in record  # keys the old links carry
    record_path(tree_file).write_text(record.replace("live:partly\n", "live:partly retired\n"), encoding="utf-8")
    tree_file.write_text(EDITED, encoding="utf-8")
    assert check_files([tree_file]).diagnostics == []  # the edit passes the check with its aliases
    (project / "docs" / "tools" / "hiring.md").write_text("# Hiring\n\n<!-- decision-tree hiring -->\n")
    with built_and_served(project, tmp_path_factory.mktemp("old-links-site")) as base:
        yield base + "tools/hiring/"


def heading(page):
    return page.locator(".dt-player h2")


@pytest.mark.parametrize(
    "old, lands_on, rewritten",
    [
        pytest.param(
            "live:yes-it-is-live,owner:keep",
            "Does someone sign off new versions?",
            "hiring=live:incidents,incidents:sign-off",
            id="reworded-label-and-split-question",
        ),
        pytest.param("live:wait", "When will one go live?", "hiring=live:plan", id="moved-answer"),
        pytest.param(
            "live:yes-it-is-live,owner:hire",
            "Hire someone",
            "hiring=live:incidents,incidents:hire",
            id="split-question-to-a-result",
        ),
    ],
)
def test_an_old_link_lands_where_it_meant_with_the_new_keys(page, edited_site, old, lands_on, rewritten):
    page.goto(f"{edited_site}#hiring={old}")
    expect(heading(page)).to_have_text(lands_on)
    expect(page).to_have_url(re.compile(re.escape(rewritten) + "$"))
    expect(page.locator(".dt-player")).not_to_contain_text("no longer fits")


def test_a_retired_answer_stops_at_its_question_and_says_what_was_dropped(page, edited_site):
    page.goto(f"{edited_site}#hiring=live:partly,owner:hire")
    expect(heading(page)).to_have_text("Is a model live?")  # the retired answer's own question: nearest
    note = page.locator(".dt-player .dt-note")
    expect(note).to_contain_text("Is a model live?")
    expect(page).not_to_have_url(re.compile("partly"))


def test_the_old_address_of_a_result_page_with_answers_still_opens_it(page, edited_site):
    page.goto(f"{edited_site}keep/#hiring=live:yes-it-is-live,owner:keep,sign-off:keep")
    expect(page.get_by_role("heading", level=1)).to_have_text("Keep going")
    expect(page.locator(".dt-share, .dt-based").first).to_be_attached()
