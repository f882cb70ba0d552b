"""The player in a real Chromium: every path by clicking, URLs, history, keyboard, no JavaScript."""

from __future__ import annotations

import itertools
import re

import pytest
from playwright.sync_api import expect

from decision_tree.check import check_directory
from devtools.project import ROOT

from .guided import GUIDE, open_tool

TREES = check_directory(ROOT / "docs" / "trees").trees


def heading(page):
    return page.locator(".dt-player h2").first


def click_answer(page, label):
    page.locator(".dt-player button.dt-answer").filter(has_text=re.compile(rf"^{re.escape(label)}")).first.click()


def pairs_hash(tree_id, pairs):
    return f"#{tree_id}=" + ",".join(f"{q}:{k}" for q, k in pairs)


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_every_path_can_be_walked_by_clicking(page, served_site, tree_id):
    """Depth first through the whole tree: answer, check the next step, go Back, try the next answer."""
    tree = TREES[tree_id]
    open_tool(page, served_site, tree_id)
    walked = 0

    def visit(question_id, trail):
        nonlocal walked
        expect(heading(page)).to_have_text(tree.questions[question_id].text)
        for answer in tree.questions[question_id].answers:
            click_answer(page, answer.label)
            path = trail + [(question_id, answer.key)]
            assert page.url.endswith(pairs_hash(tree_id, path)), page.url
            if answer.next in tree.outcomes:
                expect(heading(page)).to_have_text(tree.outcomes[answer.next].title)
                walked += 1
            else:
                visit(answer.next, path)
            page.locator(".dt-player button.dt-back").click()
            expect(heading(page)).to_have_text(tree.questions[question_id].text)

    visit(tree.start, [])
    from decision_tree.paths import walk

    assert walked == sum(1 for _ in walk(tree))


def first_path(tree, depth):
    """Return the first `depth` (question, answer) steps along first answers."""
    steps, node = [], tree.start
    while node in tree.questions and len(steps) < depth:
        answer = tree.questions[node].answers[0]
        steps.append((node, answer))
        node = answer.next
    return steps, node


def test_reload_back_and_forward_reproduce_the_state(page, served_site):
    tree = TREES["need-mlops"]
    steps, node = first_path(tree, 2)
    page.goto(f"{served_site}tools/need-mlops/")
    for _, answer in steps:
        click_answer(page, answer.label)
    expect(heading(page)).to_have_text(tree.questions[node].text)
    page.reload()
    expect(heading(page)).to_have_text(tree.questions[node].text)
    expect(page.locator(".dt-history li")).to_have_count(2)
    page.go_back()
    expect(heading(page)).to_have_text(tree.questions[steps[1][0]].text)
    page.go_back()
    expect(heading(page)).to_have_text(tree.questions[tree.start].text)
    page.go_forward()
    page.go_forward()
    expect(heading(page)).to_have_text(tree.questions[node].text)


def test_a_shared_step_link_opens_cold_at_that_step(browser, served_site):
    tree = TREES["archetype"]
    steps, node = first_path(tree, 2)
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{served_site}tools/archetype/" + pairs_hash("archetype", [(q, a.key) for q, a in steps]))
    expected = tree.questions[node].text if node in tree.questions else tree.outcomes[node].title
    expect(heading(page)).to_have_text(expected)
    for (question_id, answer), item in zip(steps, page.locator(".dt-history li").all(), strict=False):
        expect(item).to_contain_text(tree.questions[question_id].text)
        expect(item).to_contain_text(answer.label)
    context.close()


def test_an_outcome_page_opens_cold(page, served_site):
    outcome = TREES["need-mlops"].outcomes["hire-now"]
    page.goto(f"{served_site}tools/need-mlops/hire-now/")
    expect(page.locator("h1")).to_have_text(outcome.title)
    expect(page).to_have_title(re.compile(rf"^{re.escape(outcome.title)} - "))
    page.get_by_role("link", name="Next: Which MLOps hire do you need?").click()
    expect(heading(page)).to_have_text(TREES["archetype"].questions[TREES["archetype"].start].text)


@pytest.mark.parametrize(
    "garbage",
    [
        "need-mlops=nope:nothing",
        "need-mlops=live:no-such-answer",
        "need-mlops=incidents:hire-now",
        "need-mlops=%zz,,::",
        "need-mlops=",
    ],
)
def test_a_stale_or_garbled_link_shows_a_note_and_the_first_question(page, served_site, garbage):
    tree = TREES["need-mlops"]
    page.goto(f"{served_site}tools/need-mlops/#{garbage}")
    expect(heading(page)).to_have_text(tree.questions[tree.start].text)
    if garbage != "need-mlops=":
        expect(page.locator(".dt-note")).to_be_visible()


def two_answers_to_one_question(tree):
    """Return the shortest route to a question two of whose answers lead to the same next question."""
    routes = {tree.start: []}
    queue = [tree.start]
    for node in queue:  # breadth first, so the route found is a shortest one
        answers = tree.questions[node].answers
        for first, second in itertools.combinations(answers, 2):
            if first.next == second.next and first.next in tree.questions:
                return routes[node], node, first, second
        for answer in answers:
            if answer.next in tree.questions and answer.next not in routes:
                routes[answer.next] = [*routes[node], answer]
                queue.append(answer.next)
    pytest.fail(f"no question of {tree.id} has two answers that lead to the same question")


def test_changing_an_answer_keeps_later_answers_that_still_apply(page, served_site):
    tree = TREES["need-mlops"]
    route, question_id, first, second = two_answers_to_one_question(tree)
    later = tree.questions[first.next].answers[0]
    page.goto(f"{served_site}tools/need-mlops/")
    for answer in route:
        click_answer(page, answer.label)
    click_answer(page, first.label)
    click_answer(page, later.label)
    after = heading(page).text_content()
    history = page.locator(".dt-history li")
    history.nth(len(route)).locator("button.dt-change").click()
    expect(heading(page)).to_have_text(tree.questions[question_id].text)
    click_answer(page, second.label)
    expect(heading(page)).to_have_text(after)  # the later answer still applies, so it was kept
    expect(history.nth(len(route))).to_contain_text(second.label)
    expect(history.nth(len(route) + 1)).to_contain_text(later.label)


def test_keyboard_alone_reaches_an_outcome(page, served_site):
    tree = TREES["faq"]
    page.goto(f"{served_site}tools/faq/")
    guide = page.get_by_role("button", name=GUIDE)  # the FAQ lists its answers: the player is its button
    for _ in range(60):
        if guide.evaluate("b => b === document.activeElement"):
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached the button that opens the player")
    page.keyboard.press("Enter")
    expect(heading(page)).to_be_focused()
    node = tree.start
    while node in tree.questions:
        answer = tree.questions[node].answers[0]
        button = page.locator(".dt-player button.dt-answer").first
        for _ in range(60):
            if button.evaluate("b => b === document.activeElement"):
                break
            page.keyboard.press("Tab")
        else:
            pytest.fail(f"Tab never reached the answer {answer.label!r}")
        page.keyboard.press("Enter")
        node = answer.next
        expect(heading(page)).to_be_focused()
    expect(heading(page)).to_have_text(tree.outcomes[node].title)


def test_without_javascript_the_outline_works(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    tree = TREES["need-mlops"]
    page.goto(f"{served_site}tools/need-mlops/")
    first = page.locator(f"#need-mlops--{tree.start}")
    expect(first.locator("h2")).to_have_text(tree.questions[tree.start].text)
    answer = tree.questions[tree.start].answers[0]
    first.get_by_role("link", name=answer.label).click()
    assert page.url.endswith(f"#need-mlops--{answer.next}")
    expect(page.locator(f"#need-mlops--{answer.next} h2")).to_be_in_viewport()
    expect(page.locator(".dt-step")).to_have_count(len(tree.questions) + len(tree.outcomes))
    context.close()


def test_instant_navigation_starts_the_player(page, instant_site):
    page.goto(instant_site)
    page.evaluate("window.__stayed = true")
    page.locator("article").get_by_role("link", name="Do you need MLOps now?").first.click()
    tree = TREES["need-mlops"]
    expect(heading(page)).to_have_text(tree.questions[tree.start].text)
    assert page.evaluate("window.__stayed === true"), "the page was fully reloaded, not instantly navigated"
    click_answer(page, tree.questions[tree.start].answers[0].label)
    assert "#need-mlops=" in page.url
