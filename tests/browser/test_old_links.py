"""Links sent before an editor's change still land where they should, in Chromium.

A tree is published; its keys are recorded (docs/trees/hiring.keys, as ./scripts/update-paths writes it).
Then an editor rewords a label, moves an answer to a new question, splits a question in two and retires
an answer with no equivalent, adding the aliases the check asks for. Every old link opens the step it
meant (or the nearest question, with a plain note) and the address is rewritten with the new keys.

When a new question comes first (the start moved, or questions were reordered), an old link does not
answer it: the reader lands there with a note, the link's answers wait, and each is taken when its
question comes up. The real archetype tree did this; its links from before the rework are opened too.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from decision_tree.check import check_files
from decision_tree.keys import record_path, record_text
from devtools.project import ROOT, copy_project

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


# Published starting at "owner"; then "live" was asked first, and "kind" before "owner".
MOVED_PUBLISHED = """\
title: Who should we hire?
start: owner
questions:
  owner:
    text: Does someone own your models?
    answers:
      - label: 'Yes'
        next: kind
      - label: 'No'
        next: lead
  kind:
    text: What kind of models?
    answers:
      - label: Our own
        next: engineer
      - label: Language models
        next: llm-engineer
outcomes:
  engineer:
    title: An ML engineer
    body: Engineer.
  llm-engineer:
    title: An LLM engineer
    body: LLM engineer.
  lead:
    title: A lead
    body: Lead.
"""

MOVED_EDITED = """\
title: Who should we hire?
start: live
questions:
  live:
    text: Is a model live?
    answers:
      - label: 'Yes'
        next: kind
      - label: Not yet
        next: wait
  kind:
    text: What kind of models?
    answers:
      - label: Our own
        next: owner
        aliases: [engineer]
      - label: Language models
        next: llm-engineer
  owner:
    text: Does someone own your models?
    answers:
      - label: 'Yes'
        next: engineer
        aliases: [kind]
      - label: 'No'
        next: lead
outcomes:
  engineer:
    title: An ML engineer
    body: Engineer.
  llm-engineer:
    title: An LLM engineer
    body: LLM engineer.
  lead:
    title: A lead
    body: Lead.
  wait:
    title: Wait until one is live
    body: Wait.
"""


def publish_then_edit(project, tree_id, published_text, edited_text, retire=()):
    """Write a tree as published, record its keys (retiring `retire`), then write its edit and a page for it."""
    tree_file = project / "docs" / "trees" / f"{tree_id}.yml"
    tree_file.write_text(published_text, encoding="utf-8")
    record = record_text(check_files([tree_file]).trees[tree_id], [])
    for key in retire:
        assert f"{key}\n" in record
        record = record.replace(f"{key}\n", f"{key} retired\n")
    record_path(tree_file).write_text(record, encoding="utf-8")
    tree_file.write_text(edited_text, encoding="utf-8")
    assert check_files([tree_file]).diagnostics == []  # the edit passes the check with its aliases
    (project / "docs" / "tools" / f"{tree_id}.md").write_text(f"# {tree_id}\n\n<!-- decision-tree {tree_id} -->\n")
    return record


@pytest.fixture(scope="module")
def edited_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("old-links-project"))
    record = publish_then_edit(project, "hiring", PUBLISHED, EDITED, retire=["live:partly"])
    assert "live:yes-it-is-live\n" in record  # keys the old links carry
    record = publish_then_edit(project, "moved", MOVED_PUBLISHED, MOVED_EDITED)
    assert {"owner:kind", "kind:engineer"} <= set(record.splitlines())  # the old link below
    with built_and_served(project, tmp_path_factory.mktemp("old-links-site")) as base:
        yield base


@pytest.fixture(scope="module")
def edited_site(edited_project):
    return edited_project + "tools/hiring/"


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


def note(page):
    return page.locator(".dt-player .dt-note")


WAITING = (
    "This tool asks questions that link does not answer: answer them, and the link's answers are used if their"
    " questions come up."
)


def answer(page, label):
    page.locator(".dt-player button.dt-answer").filter(has_text=re.compile(rf"^{re.escape(label)}")).first.click()


def test_a_link_from_before_the_start_moved_lands_on_the_new_first_question_and_keeps_its_answers(page, edited_project):
    page.goto(f"{edited_project}tools/moved/#moved=owner:kind,kind:engineer")
    expect(heading(page)).to_have_text("Is a model live?")
    expect(note(page)).to_have_text(WAITING)
    expect(page).to_have_url(re.compile(re.escape("#moved=owner:engineer,kind:owner") + "$"))  # current keys
    answer(page, "Yes")  # both waiting answers are taken, in the tree's new order
    expect(heading(page)).to_have_text("An ML engineer")
    expect(page).to_have_url(re.compile(re.escape("#moved=live:kind,kind:owner,owner:engineer") + "$"))
    expect(note(page)).to_have_count(0)
    history = page.locator(".dt-history li")
    expect(history).to_have_count(3)
    expect(history.nth(1)).to_contain_text("What kind of models? Our own")
    expect(history.nth(2)).to_contain_text("Does someone own your models? Yes")


def test_the_waiting_answers_are_dropped_on_a_branch_that_never_asks_their_questions(page, edited_project):
    page.goto(f"{edited_project}tools/moved/#moved=owner:kind,kind:engineer")
    answer(page, "Not yet")
    expect(heading(page)).to_have_text("Wait until one is live")
    expect(page).to_have_url(re.compile(re.escape("#moved=live:wait") + "$"))
    page.get_by_role("button", name="Start again").click()
    expect(heading(page)).to_have_text("Is a model live?")


def test_start_again_on_the_first_question_drops_the_waiting_answers(page, edited_project):
    page.goto(f"{edited_project}tools/moved/#moved=owner:kind,kind:engineer")
    expect(note(page)).to_have_text(WAITING)
    page.get_by_role("button", name="Start again").click()
    expect(note(page)).to_have_count(0)
    expect(page).not_to_have_url(re.compile("moved="))
    answer(page, "Yes")
    expect(heading(page)).to_have_text("What kind of models?")  # asked, not taken from the link


# Links to the archetype tree as published before its rework (commit d6eb359, start "lead"), with the
# keys of then: every pair is in docs/trees/archetype.keys. Since then the tree asks about the models
# live, their number and the team first ("live", "size", "team"), and "scope" before "llm".
OLD_FULL = "lead:llm,llm:mainly-models-we-train-ourselves,scope:one-model-or-one-product,pain:mlops-engineer"
OLD_PARTIAL = "lead:no,plans:no-this-is-a-single-hire"  # stopped at "llm", then the third question
NEW_QUESTIONS = [
    "At least one model or language-model feature of ours is live",  # live
    "More than ten",  # size
    "Ten or more",  # team: then lead, asked first before the rework
]
TOOL = "tools/archetype/"
FIRST = "Which best describes the models your organisation runs today?"


def test_the_old_archetype_links_are_keys_the_site_published():
    published = set((ROOT / "docs" / "trees" / "archetype.keys").read_text(encoding="utf-8").splitlines())
    for pair in (OLD_FULL + "," + OLD_PARTIAL).split(","):
        assert pair in published, pair


def test_an_old_archetype_link_to_a_result_waits_for_the_new_questions_then_reaches_it(page, served_site):
    page.goto(f"{served_site}{TOOL}#archetype={OLD_FULL}")
    expect(heading(page)).to_have_text(FIRST)
    expect(note(page)).to_have_text(WAITING)
    expect(page.locator(".dt-history")).to_have_count(0)  # nothing answered yet: nothing dropped either
    live = page.locator(".dt-player .dt-live")
    expect(live).to_contain_text(WAITING)  # read out on opening
    rewritten = (
        "archetype=lead:scope,llm:mainly-models-we-train-ourselves,scope:one-product-or-one-team,"
        "pain:finished-models-take-too-long-to-reach-production"
    )
    expect(page).to_have_url(re.compile(re.escape(rewritten) + "$"))
    answer(page, NEW_QUESTIONS[0])
    expect(note(page)).to_have_text(WAITING)  # shown while answers wait, but read out once
    expect(live).to_have_text(re.compile(r"^Question 2 · .*How many models or model-powered features are live today"))
    for label in NEW_QUESTIONS[1:]:
        answer(page, label)
    expect(heading(page)).to_have_text("MLOps engineer (ML engineer focused on deployment)")
    history = page.locator(".dt-history li")
    expect(history).to_have_count(7)
    for row, (question, given) in zip(
        history.all()[3:],
        [
            ("Does someone senior already own how your models are built, deployed and run?", "Yes"),
            ("Who will this person's work serve?", "One product or one team"),
            ("What kind of models does this hire need to run?", "Mainly models we train ourselves"),
            ("What is the main problem this hire should solve?", "Finished models take too long to reach production"),
        ],
        strict=True,
    ):
        expect(row).to_contain_text(f"{question} {given}")
    expect(note(page)).to_have_count(0)
    assert "archetype=live:size,size:team,team:lead,lead:scope,scope:one-product-or-one-team,llm:" in page.url


def test_an_old_archetype_link_keeps_only_the_answers_the_readers_branch_asks(page, served_site):
    page.goto(f"{served_site}{TOOL}#archetype={OLD_FULL}")
    answer(page, NEW_QUESTIONS[0])
    answer(page, "Three to ten")  # a branch without the senior owner's and the scope's questions
    expect(heading(page)).to_have_text("Would this be the first hire whose main job is running models in production?")
    expect(page).not_to_have_url(re.compile("lead:|scope:"))
    answer(page, "No, people already do this work")  # then the kind of models and the problem: still waiting
    expect(heading(page)).to_have_text("MLOps engineer (ML engineer focused on deployment)")
    expect(page.locator(".dt-history li")).to_have_count(5)


def test_a_partial_old_archetype_link_stops_at_the_first_question_it_does_not_answer(page, served_site):
    page.goto(f"{served_site}{TOOL}#archetype={OLD_PARTIAL}")
    expect(heading(page)).to_have_text(FIRST)
    expect(note(page)).to_have_text(WAITING)
    for label in NEW_QUESTIONS:
        answer(page, label)
    expect(heading(page)).to_have_text("Who will this person's work serve?")
    expect(page.locator(".dt-history li")).to_have_count(5)
    expect(page.locator(".dt-history li").nth(4)).to_contain_text("No, this is a single hire")
    page.get_by_role("button", name="Back").click()  # the waiting answers are on the route now: Back reopens them
    expect(heading(page)).to_have_text("Do you expect to build a team of several MLOps people in the next year or two?")


def test_an_old_archetype_link_with_a_retired_answer_names_it_and_keeps_the_rest_waiting(page, served_site):
    page.goto(f"{served_site}{TOOL}#archetype=lead:no,plans:not-sure,llm:pain,pain:llmops-engineer")
    expect(heading(page)).to_have_text(FIRST)
    expect(note(page)).to_contain_text("your answer to “What is the main problem this hire should solve?”")
    expect(note(page)).to_contain_text(WAITING)
    expect(page).not_to_have_url(re.compile("pain:"))


def test_an_old_archetype_result_page_link_says_so_and_leads_to_the_questions_it_does_not_answer(page, served_site):
    page.goto(f"{served_site}{TOOL}mlops-engineer/#archetype={OLD_FULL}")
    expect(page.get_by_role("heading", level=1)).to_have_text("MLOps engineer (ML engineer focused on deployment)")
    expect(page.locator(".dt-share .dt-note").first).to_have_text(WAITING)
    page.get_by_role("link", name="See where they lead").click()
    expect(heading(page)).to_have_text(FIRST)
    expect(note(page)).to_have_text(WAITING)
    for label in NEW_QUESTIONS:
        answer(page, label)
    expect(heading(page)).to_have_text("MLOps engineer (ML engineer focused on deployment)")
