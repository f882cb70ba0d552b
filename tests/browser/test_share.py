"""Sharing a result, and the player's state and accessibility, in Chromium (issue 12, items 1 and 4).

A result reached in the player is shared as its own page plus the answers; that page, opened, says
which answers it is based on; bare, it stands alone. The tab title follows the steps, the answers are
named by their question, outline anchors and stale links open where they should, and focus and scroll
put the reader at the question. Question and answer ids come from the loaded trees, as the trees change.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from decision_tree.check import check_directory
from devtools.project import ROOT

from .guided import open_tool
from .test_accessibility import assert_no_violations

TREES = check_directory(ROOT / "docs" / "trees").trees
BASED = "Based on these answers"
CLIPBOARD = ["clipboard-read", "clipboard-write"]


def heading(page):
    return page.locator(".dt-player h2").first


def first_path(tree, answer_index=0):
    """Return the (question id, answer) steps from the start along the answer at `answer_index` (or the
    last one) of each question, and the outcome it ends at."""
    steps, node = [], tree.start
    while node in tree.questions:
        answers = tree.questions[node].answers
        answer = answers[min(answer_index, len(answers) - 1)]
        steps.append((node, answer))
        node = answer.next
    return steps, node


def pairs_hash(tree_id, steps):
    return f"#{tree_id}=" + ",".join(f"{question}:{answer.key}" for question, answer in steps)


def deepest_question(tree):
    """Return a question two or more answers from the start along first answers, with the steps before it."""
    steps, _ = first_path(tree)
    assert len(steps) >= 3, "the test needs a route of three questions"
    return steps[2][0], steps[:2]


def click_answer(page, label):
    page.locator(".dt-player button.dt-answer").filter(has_text=re.compile(rf"^{re.escape(label)}")).first.click()


@pytest.fixture
def clipboard_page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, permissions=CLIPBOARD)
    yield context.new_page()
    context.close()


def test_share_this_result_copies_its_own_page_with_the_answers(clipboard_page, served_site, browser):
    tree = TREES["need-mlops"]
    steps, outcome = first_path(tree)
    page = clipboard_page
    page.goto(f"{served_site}tools/need-mlops/")
    for _, answer in steps:
        click_answer(page, answer.label)
    expect(heading(page)).to_have_text(tree.outcomes[outcome].title)
    page.get_by_role("button", name="Share this result").click()
    expect(page.locator(".dt-status")).to_have_text("Link copied")  # seen
    expect(page.locator(".dt-status")).to_be_visible()
    expect(page.locator(".dt-player").get_by_role("status")).to_have_text("Link copied")  # and heard
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == f"{served_site}tools/need-mlops/{outcome}/" + pairs_hash("need-mlops", steps)

    fresh = browser.new_context()  # as the one the link is sent to
    other = fresh.new_page()
    other.goto(link)
    expect(other.locator("h1")).to_have_text(tree.outcomes[outcome].title)
    based = other.get_by_role("region", name=BASED)
    expect(based.get_by_role("heading", name=BASED)).to_be_visible()
    rows = based.locator("li")
    expect(rows).to_have_count(len(steps))
    for (question_id, answer), row in zip(steps, rows.all(), strict=True):
        expect(row).to_contain_text(tree.questions[question_id].text)
        expect(row).to_contain_text(answer.label)
    assert_no_violations(other, "a result page opened with its answers")
    based.get_by_role("link", name="Check these answers for your own team").click()
    expect(heading(other)).to_have_text(tree.outcomes[outcome].title)  # the tool, at this result, answers to change
    expect(other.locator(".dt-history li")).to_have_count(len(steps))
    assert other.url == f"{served_site}tools/need-mlops/" + pairs_hash("need-mlops", steps)
    fresh.close()


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_every_result_page_stands_alone_with_copy_link_and_print(page, served_site, tree_id):
    for outcome in TREES[tree_id].outcomes.values():
        page.goto(f"{served_site}tools/{tree_id}/{outcome.id}/")
        expect(page.get_by_role("button", name="Copy link")).to_be_visible()
        expect(page.get_by_role("button", name="Print")).to_be_visible()
        expect(page.locator("h1")).to_have_text(outcome.title)
        expect(page.get_by_text(BASED)).to_have_count(0)
        expect(page.locator(".dt-note")).to_have_count(0)


def test_a_result_page_draws_its_buttons_without_moving_anything(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 4000})  # all of it in view: every shift counts
    page = context.new_page()
    page.add_init_script(
        "window.__shift = 0; new PerformanceObserver((list) => { for (const entry of list.getEntries())"
        " window.__shift += entry.value }).observe({ type: 'layout-shift', buffered: true })"
    )
    outcome = next(iter(TREES["faq"].outcomes))
    page.goto(f"{served_site}tools/faq/{outcome}/")
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.evaluate("window.__shift") == 0
    context.close()


def test_a_result_page_link_with_an_unknown_answer_drops_it_and_says_so(page, served_site):
    tree = TREES["archetype"]
    steps, outcome = first_path(tree)
    page.goto(f"{served_site}tools/archetype/{outcome}/" + pairs_hash("archetype", steps) + ",no-such-question:yes")
    expect(page.locator(".dt-note")).to_contain_text("1 answer it could not place")
    expect(page.get_by_role("region", name=BASED).locator("li")).to_have_count(len(steps))
    copied = f"{served_site}tools/archetype/{outcome}/" + pairs_hash("archetype", steps)
    assert page.url == copied, "Copy link copies the answers kept"


def test_copy_link_on_a_result_page_copies_its_address(clipboard_page, served_site):
    tree = TREES["archetype"]
    steps, outcome = first_path(tree)
    address = f"{served_site}tools/archetype/{outcome}/" + pairs_hash("archetype", steps)
    clipboard_page.goto(address)
    expect(clipboard_page.get_by_role("heading", name=BASED)).to_be_visible()
    clipboard_page.get_by_role("button", name="Copy link").click()
    status = clipboard_page.get_by_role("status")  # the page's one live region, seen and heard
    expect(status).to_have_text("Link copied")
    expect(status).to_be_visible()
    assert clipboard_page.evaluate("navigator.clipboard.readText()") == address


def test_a_refused_clipboard_shows_the_link_selected_to_copy_by_hand(page, served_site):
    page.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'))"
    )
    tree = TREES["need-mlops"]
    steps, outcome = first_path(tree)
    page.goto(f"{served_site}tools/need-mlops/" + pairs_hash("need-mlops", steps))
    page.get_by_role("button", name="Share this result").click()
    field = page.get_by_role("textbox", name="Link")
    expect(field).to_be_visible()
    expect(field).to_have_value(f"{served_site}tools/need-mlops/{outcome}/" + pairs_hash("need-mlops", steps))
    expect(field).to_be_focused()
    assert field.evaluate("f => f.selectionStart === 0 && f.selectionEnd === f.value.length")
    expect(page.locator(".dt-status")).to_have_text("Copy the link selected below")
    expect(page.locator(".dt-player").get_by_role("status")).to_have_text("Copy the link selected below")


def test_a_result_page_whose_answers_lead_elsewhere_says_so(page, served_site):
    tree = TREES["need-mlops"]
    steps, outcome = first_path(tree)
    elsewhere = next(o for o in tree.outcomes if o != outcome)
    page.goto(f"{served_site}tools/need-mlops/{elsewhere}/" + pairs_hash("need-mlops", steps))
    expect(page.locator(".dt-note")).to_contain_text("no longer lead to this result")
    expect(page.get_by_text(BASED)).to_have_count(0)
    page.get_by_role("link", name="See where they lead").click()
    expect(heading(page)).to_have_text(tree.outcomes[outcome].title)


def test_the_tab_title_names_each_question_and_the_result(page, served_site):
    tree = TREES["faq"]
    steps, outcome = first_path(tree)
    open_tool(page, served_site, "faq")
    site_title = page.evaluate("document.title")  # the tool's own page title stays after the step's name
    for question_id, answer in steps:
        text = tree.questions[question_id].text
        expect(page).to_have_title(re.compile(rf"^{re.escape(text)} - "))
        assert page.title().endswith(site_title.split(" - ", 1)[1])
        click_answer(page, answer.label)
    expect(page).to_have_title(re.compile(rf"^{re.escape(tree.outcomes[outcome].title)} - "))
    page.go_back()
    expect(page).to_have_title(re.compile(rf"^{re.escape(tree.questions[steps[-1][0]].text)} - "))


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_the_answers_are_a_group_named_by_their_question(page, served_site, tree_id):
    tree = TREES[tree_id]
    steps, _ = first_path(tree)
    open_tool(page, served_site, tree_id)
    for question_id, answer in steps[:3]:
        question = tree.questions[question_id]
        group = page.get_by_role("group", name=question.text, exact=True)
        expect(group.get_by_role("button")).to_have_count(len(question.answers))
        group.get_by_role("button", name=answer.label).first.click()


def test_an_outline_anchor_opens_that_question(page, served_site):
    tree = TREES["need-mlops"]
    question_id, before = deepest_question(tree)
    page.goto(f"{served_site}tools/need-mlops/#need-mlops--{question_id}")
    expect(heading(page)).to_have_text(tree.questions[question_id].text)
    expect(heading(page)).to_be_focused()
    expect(page.locator(".dt-note")).to_contain_text("You followed a link to this question")
    history = page.locator(".dt-history li")
    expect(history).to_have_count(len(before))  # the shortest way there, each answer open to change
    for (before_id, _), row in zip(before, history.all(), strict=True):
        expect(row).to_contain_text(tree.questions[before_id].text)
    assert "#need-mlops=" in page.url and "--" not in page.url.split("#")[1]


def test_a_link_with_a_retired_answer_keeps_the_answers_before_it_and_says_what_was_dropped(page, served_site):
    tree = TREES["need-mlops"]
    question_id, before = deepest_question(tree)
    question = tree.questions[question_id]
    page.goto(f"{served_site}tools/need-mlops/" + pairs_hash("need-mlops", before) + f",{question_id}:no-such-answer")
    expect(heading(page)).to_have_text(question.text)  # asked again
    note = page.locator(".dt-player .dt-note")
    expect(note).to_contain_text(f"your answer to “{question.text}”")
    expect(note).to_contain_text("Your answers that still fit are kept")
    history = page.locator(".dt-history li")
    expect(history).to_have_count(len(before))
    for (before_id, answer), row in zip(before, history.all(), strict=True):
        expect(row).to_contain_text(tree.questions[before_id].text)
        expect(row).to_contain_text(answer.label)
    assert page.url.endswith(pairs_hash("need-mlops", before)), "the link is rewritten without the dropped answer"


def test_a_link_with_an_unknown_question_keeps_the_other_answers(page, served_site):
    tree = TREES["need-mlops"]
    steps, outcome = first_path(tree)
    written = pairs_hash("need-mlops", steps[:1]) + ",no-such-question:yes," + pairs_hash("need-mlops", steps[1:])[12:]
    page.goto(f"{served_site}tools/need-mlops/{written}")
    expect(heading(page)).to_have_text(tree.outcomes[outcome].title)
    expect(page.locator(".dt-player .dt-note")).to_contain_text("1 answer it could not place")


def test_opening_a_link_focuses_the_question_without_a_focus_box(page, served_site):
    tree = TREES["need-mlops"]
    question_id, before = deepest_question(tree)
    page.goto(f"{served_site}tools/need-mlops/" + pairs_hash("need-mlops", before))
    expect(heading(page)).to_have_text(tree.questions[question_id].text)
    expect(heading(page)).to_be_focused()
    assert heading(page).evaluate("h => getComputedStyle(h).outlineStyle") == "none"
    page.keyboard.press("Tab")  # a control reached by keyboard still shows its ring
    focused = page.locator(":focus")
    expect(focused).to_have_class(re.compile("dt-answer"))
    assert focused.evaluate("b => getComputedStyle(b).outlineStyle") != "none"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def assert_question_at_the_top(page):
    """The step (its progress line and question) sits just below the sticky header, the intro above it."""
    expect(heading(page)).to_be_in_viewport()
    top = page.evaluate("document.querySelector('.dt-view').getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top <= header + 24, (header, top)
    assert page.evaluate("scrollY") > 0


def test_on_a_phone_each_step_scrolls_the_question_to_the_top(phone, served_site):
    tree = TREES["need-mlops"]
    steps, outcome = first_path(tree)
    phone.goto(f"{served_site}tools/need-mlops/")
    assert phone.evaluate("scrollY") == 0, "a fresh tool page starts at its intro"
    for _, answer in steps:
        phone.locator(".dt-player button.dt-answer").filter(has_text=answer.label).first.tap()
        phone.wait_for_function("document.querySelector('.dt-view').getBoundingClientRect().top < 100")
        assert_question_at_the_top(phone)
    expect(heading(phone)).to_have_text(tree.outcomes[outcome].title)


def test_on_a_phone_an_opened_link_puts_the_question_at_the_top(phone, served_site):
    tree = TREES["need-mlops"]
    question_id, before = deepest_question(tree)
    phone.goto(f"{served_site}tools/need-mlops/" + pairs_hash("need-mlops", before))
    expect(heading(phone)).to_have_text(tree.questions[question_id].text)
    phone.wait_for_function("document.querySelector('.dt-view').getBoundingClientRect().top < 100")
    assert_question_at_the_top(phone)


def test_a_result_opened_on_its_own_page_keeps_its_answers_under_instant_navigation(page, instant_site):
    tree = TREES["need-mlops"]
    steps, outcome = first_path(tree)
    page.goto(f"{instant_site}tools/need-mlops/" + pairs_hash("need-mlops", steps))
    expect(heading(page)).to_have_text(tree.outcomes[outcome].title)
    page.evaluate("window.__stayed = true")
    page.get_by_role("link", name="Open this result on its own page").click()
    expect(page.get_by_role("heading", name=BASED)).to_be_visible()
    expect(page.get_by_role("region", name=BASED).locator("li")).to_have_count(len(steps))
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
    expect(page).to_have_title(re.compile(rf"^{re.escape(tree.outcomes[outcome].title)} - "))
    assert page.url == f"{instant_site}tools/need-mlops/{outcome}/" + pairs_hash("need-mlops", steps)
    assert page.evaluate("window.__stayed === true"), "the page was fully reloaded, not instantly navigated"
