"""The FAQ's editorial policy, read from the real tree: enough answers, pinned routes, and candidates'
answers that end by inviting candidates to get in touch while employers' answers never do."""

from __future__ import annotations

import re
from functools import cache

import markdown

from decision_tree.check import check_files
from decision_tree.model import Tree
from devtools.project import ROOT

from .support import TREES

CANDIDATES_TOPIC = "candidates"  # the question under "For candidates"
CANDIDATES_CTA = "/contact.md#for-candidates"
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
# Link text that speaks to a candidate: an invitation about their CV or about roles.
FOR_CANDIDATES = re.compile(r"\b(your CV|MLOps roles)\b")


@cache
def faq() -> Tree:
    result = check_files([TREES / "faq.yml"], docs=TREES.parent)
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    return result.trees["faq"]


def outcomes_under(tree: Tree, node: str) -> set[str]:
    """Return the ids of the outcomes reachable from ``node``."""
    if node in tree.outcomes:
        return {node}
    return set().union(*(outcomes_under(tree, a.next) for a in tree.questions[node].answers))


def last_paragraph(body: str) -> str:
    return re.split(r"\n\s*\n", body.strip())[-1]


def links(text: str) -> list[tuple[str, str]]:
    """Return (text, target) of every Markdown link, with line breaks inside the text made spaces."""
    return [(" ".join(t.split()), target) for t, target in LINK.findall(text)]


def test_the_faq_has_enough_answers_and_pinned_policy():
    tree = faq()
    assert len(tree.outcomes) >= 24
    assert len(tree.scenarios) >= 8
    assert len(tree.never) >= 3


def test_the_topics_split_the_answers_between_candidates_and_employers():
    tree = faq()
    candidates = outcomes_under(tree, CANDIDATES_TOPIC)
    employers = set().union(
        *(outcomes_under(tree, a.next) for a in tree.questions[tree.start].answers if a.next != CANDIDATES_TOPIC)
    )
    assert len(candidates) >= 6
    assert candidates.isdisjoint(employers), "an answer reached both as a candidate and as an employer"
    assert candidates | employers == set(tree.outcomes)


def test_every_candidates_answer_ends_with_the_candidates_call_to_action():
    tree = faq()
    for oid in sorted(outcomes_under(tree, CANDIDATES_TOPIC)):
        body = tree.outcomes[oid].body
        ending = links(last_paragraph(body))
        assert [target for _, target in ending] == [CANDIDATES_CTA], (oid, last_paragraph(body))
        assert FOR_CANDIDATES.search(ending[0][0]), (oid, ending[0][0])
        # The employers' call to action (the contact page itself, or the hiring brief) is never offered.
        assert {target for _, target in links(body)}.isdisjoint({"/contact.md", "/brief.md"}), oid


def test_no_employers_answer_uses_the_candidates_call_to_action():
    tree = faq()
    for oid in sorted(set(tree.outcomes) - outcomes_under(tree, CANDIDATES_TOPIC)):
        outcome = tree.outcomes[oid]
        assert all(target != CANDIDATES_CTA for _, target in links(outcome.body)), oid
        assert CANDIDATES_CTA not in (outcome.summary or ""), oid


def test_a_candidates_topic_never_rule_covers_the_employers_pay_answer():
    """The rule a reviewer would look for first: candidates asking about pay never get the budget advice."""
    rules = {(tuple((g.question, g.label) for g in r.given), r.outcome) for r in faq().never}
    assert ((("topic", "For candidates"),), "setting-pay") in rules


def test_every_topic_says_whom_its_answers_are_for():
    tree = faq()
    for answer in tree.questions[tree.start].answers:
        assert answer.why and " for " in answer.why, answer.label


def test_the_contact_page_has_the_candidates_section_the_answers_link_to():
    html = markdown.markdown(
        (ROOT / "docs" / "contact.md").read_text(encoding="utf-8"), extensions=["attr_list", "toc", "md_in_html"]
    )
    anchor = CANDIDATES_CTA.split("#", 1)[1]
    section = re.search(rf'<h2 id="{anchor}">(.*?)</h2>(.*?)(?=<h[12]|\Z)', html, re.S)
    assert section, f"no heading with id {anchor!r} on the contact page"
    assert "CV" in section.group(2) and 'href="mailto:' in section.group(2)
