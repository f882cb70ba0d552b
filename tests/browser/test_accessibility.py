"""axe-core finds no violations on the home page, tree pages (question and result) and outcome pages."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from decision_tree.check import check_directory
from devtools.project import ROOT

from .guided import GUIDE, LISTED

TREES = check_directory(ROOT / "docs" / "trees").trees
AXE = Axe()


def shared_result(tree_id):
    """Return a result page's address with the answers of its first route, as "Share this result" copies."""
    tree, pairs, node = TREES[tree_id], [], TREES[tree_id].start
    while node in tree.questions:
        answer = tree.questions[node].answers[0]
        pairs.append(f"{node}:{answer.key}")
        node = answer.next
    return f"tools/{tree_id}/{node}/#{tree_id}=" + ",".join(pairs)


PAGES = [
    "",
    "tools/need-mlops/",
    "tools/archetype/",
    "tools/faq/",
    "tree-report/",
    *[f"tools/{t}/{next(iter(tree.outcomes))}/" for t, tree in sorted(TREES.items())],
    shared_result("need-mlops"),  # with "Based on these answers"
]


def assert_no_violations(page, what):
    results = AXE.run(page)
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(browser, served_site, path, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(served_site + path)
    if path.startswith("tools/") and path.count("/") == 2:
        if path.split("/")[1] in LISTED:  # the list, and the button that opens the player
            expect(page.get_by_role("button", name=GUIDE)).to_be_visible()
        else:
            expect(page.locator(".dt-player h2")).to_be_visible()
    if "/#" in path:
        expect(page.get_by_role("heading", name="Based on these answers")).to_be_visible()
    assert_no_violations(page, f"{path or 'home'} ({scheme})")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_player_mid_way_and_at_a_result_has_no_axe_violations(browser, served_site, scheme):
    tree = TREES["need-mlops"]
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{served_site}tools/need-mlops/")
    node = tree.start
    while node in tree.questions:
        answer = tree.questions[node].answers[0]
        page.locator(".dt-player button.dt-answer").first.click()
        node = answer.next
        if node in tree.questions:
            expect(page.locator(".dt-player h2")).to_have_text(tree.questions[node].text)
            assert_no_violations(page, f"question {node} ({scheme})")
    expect(page.locator(".dt-player h2")).to_have_text(tree.outcomes[node].title)
    assert_no_violations(page, f"result {node} ({scheme})")
    context.close()
