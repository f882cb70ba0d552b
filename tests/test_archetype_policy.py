"""The editorial policy of "Which MLOps hire do you need?": pinned in the tree, and each hire described in full."""

from __future__ import annotations

import re

import pytest

from decision_tree.check import check_files
from decision_tree.convert import to_html
from decision_tree.paths import walk
from decision_tree.report import count_routes

from .site.html import Element, parse
from .support import TREES

# Results that are not a hire: the tool tells the reader it is early, or to list their models first.
NOT_A_HIRE = ("too-early", "inventory-first")
# Each hire's body is a run of paragraphs led by these bold labels, in this order.
SECTIONS = (
    "Who this is for.",
    "Titles you will see.",
    "What they own.",
    "Signals you need this hire.",
    "Typical backgrounds.",
    "Senior or mid-level.",
    "Interview questions, with what a strong answer contains.",
    "The mis-hire to avoid.",
)
STRONG = "Strong answer:"
# Words that only make sense to a reader who has just answered the questions.
NOT_STANDALONE = re.compile(r"your answers|you described|you told us|the gaps|as you said", re.IGNORECASE)
# Outcomes that hire a specialist: none is right for a first hire with one or two models.
SPECIALISTS = {
    "mlops-engineer",
    "data-pipeline-engineer",
    "reliability-engineer",
    "governance-specialist",
    "ml-infrastructure-engineer",
    "platform-engineer",
    "ai-platform-engineer",
    "head-of-mlops",
}


@pytest.fixture(scope="module")
def tree():
    result = check_files([TREES / "archetype.yml"], docs=TREES.parent)
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    return result.trees["archetype"]


@pytest.fixture(scope="module")
def routes(tree):
    return [(dict(steps[:-1]), steps[-1][0]) for steps in walk(tree)]


def hires(tree):
    return [o for o in tree.outcomes.values() if o.id not in NOT_A_HIRE]


def body(outcome) -> Element:
    return parse(to_html(outcome.body))


def section_labels(outcome) -> list[str]:
    """Return the bold labels that open a paragraph of the body, in order."""
    labels = []
    for paragraph in body(outcome).find_all("p"):
        first = next((c for c in paragraph.children if c.tag != "#text" or c.text.strip()), None)
        if first is not None and first.tag == "strong":
            labels.append(first.all_text.strip())
    return labels


def interview(outcome) -> list[tuple[str, str]]:
    """Return each interview question of the body with its strong-answer note."""
    page = body(outcome)
    lists = page.find_all("ol")
    assert len(lists) == 1, f"{outcome.id}: expected one numbered list of interview questions"
    pairs = []
    for item in (c for c in lists[0].children if c.tag == "li"):
        question = "".join(c.all_text for c in item.children if c.tag not in ("ul", "ol", "p")).strip()
        question += "".join(c.all_text for c in item.children if c.tag == "p").strip()
        notes = [li.all_text.strip() for ul in item.find_all("ul") for li in ul.find_all("li")]
        pairs.append((question, " ".join(notes)))
    return pairs


def test_the_tree_pins_its_policy_with_scenarios_and_never_rules(tree):
    assert len(tree.scenarios) >= 8
    assert len(tree.never) >= 3
    assert {s.expect for s in tree.scenarios} >= set(tree.outcomes), "every result is pinned by a scenario"


def test_every_hire_is_described_in_every_section_in_order(tree):
    for outcome in hires(tree):
        assert section_labels(outcome) == list(SECTIONS), outcome.id


def test_every_hire_has_five_interview_questions_each_with_a_strong_answer(tree):
    for outcome in hires(tree):
        pairs = interview(outcome)
        assert len(pairs) >= 5, outcome.id
        for question, note in pairs:
            assert question.endswith(("?", ".")) and len(question.split()) >= 5, (outcome.id, question)
            assert note.startswith(STRONG) and len(note.split()) >= 10, (outcome.id, question, note)


def test_every_hire_names_several_market_titles(tree):
    for outcome in hires(tree):
        titles = body(outcome).find_all("p")[1].all_text.removeprefix("Titles you will see.")
        assert titles.count(",") >= 2, outcome.id


def test_the_generalist_and_the_ai_engineer_go_by_the_titles_the_market_uses(tree):
    titles = {o.id: body(o).find_all("p")[1].all_text for o in hires(tree)}
    assert "AI engineer" in titles["llmops-engineer"]
    assert "ML platform engineer" in titles["platform-engineer"]
    assert (
        "Inference engineer" in titles["ml-infrastructure-engineer"]
        or "inference engineer" in titles["ml-infrastructure-engineer"]
    )
    assert tree.outcomes["ml-engineer-production"].title == "ML engineer who owns production"


def test_every_result_stands_alone_when_opened_from_a_link(tree):
    for outcome in tree.outcomes.values():
        assert section_labels(outcome)[0] == "Who this is for.", outcome.id
        assert outcome.summary, outcome.id
        for text in (outcome.title, outcome.summary, outcome.body):
            assert not NOT_STANDALONE.search(text), (outcome.id, NOT_STANDALONE.search(text))


def test_no_pay_figures_in_any_result(tree):
    for outcome in tree.outcomes.values():
        assert not re.search(r"[£$€]\s?\d|\d+\s?k\b", outcome.body), outcome.id


def test_every_answer_says_why_in_one_line_and_unsure_answers_are_marked(tree):
    for question in tree.questions.values():
        for answer in question.answers:
            assert answer.why and "\n" not in answer.why.strip(), (question.id, answer.label)
            if answer.label in ("Not sure", "We don't know what models we have"):
                assert answer.unsure, (question.id, answer.label)
            else:
                assert not answer.unsure, (question.id, answer.label)


def test_the_early_results_send_the_reader_to_the_right_place(tree):
    for outcome_id in NOT_A_HIRE:
        assert "/tools/need-mlops.md" in tree.outcomes[outcome_id].body, outcome_id
    assert tree.outcomes["too-early"].continue_with == "need-mlops"
    assert all(label not in section_labels(tree.outcomes[o]) for o in NOT_A_HIRE for label in SECTIONS[1:])


def test_the_tree_asks_about_models_team_and_first_hire(tree):
    asked = {q.id for q in tree.questions.values()}
    assert {"size", "team", "first", "scope"} <= asked
    live = {a.label: a.next for a in tree.questions["live"].answers}
    assert live["No model is live yet"] == "too-early"
    assert live["We don't know what models we have"] == "inventory-first"
    assert "Only models bought from vendors or built in spreadsheets" in live
    assert tree.questions["pain"].answers[1].label == "Retraining is done by hand"


def test_no_model_live_never_ends_in_a_hire(routes):
    for answers, outcome in routes:
        if answers.get("live") != "At least one model or language-model feature of ours is live":
            assert outcome in (*NOT_A_HIRE, "governance-specialist"), (answers, outcome)
        if answers.get("live") == "No model is live yet":
            assert outcome == "too-early"


def test_one_or_two_models_never_get_a_specialist(routes):
    small = [outcome for answers, outcome in routes if answers.get("size") == "One or two"]
    assert small and not set(small) & SPECIALISTS


def test_models_trained_in_house_never_end_in_a_language_model_result(routes):
    trained = ("Mainly models we train ourselves", "Models we train on our own data", "Models we train ourselves")
    for answers, outcome in routes:
        if any(label in trained for label in answers.values()):
            assert outcome not in ("llmops-engineer", "ai-platform-engineer"), answers


def test_teams_using_language_models_can_reach_platform_and_governance(routes):
    reached = {
        outcome
        for answers, outcome in routes
        if "Mainly large language models" in answers.values()
        or "Language-model applications, alone or alongside our own models" in answers.values()
        or "Features built on large language models" in answers.values()
    }
    assert {"ai-platform-engineer", "governance-specialist", "llmops-engineer", "ml-infrastructure-engineer"} <= reached


def test_choosing_a_shared_platform_always_asks_about_regulation(routes):
    for answers, outcome in routes:
        if outcome in ("platform-engineer", "ai-platform-engineer"):
            assert "platform-rules" in answers, answers


def test_no_result_holds_most_routes_or_hangs_on_one(tree):
    report = count_routes(tree)
    shares = {c.id: c.routes / report.routes for c in report.outcomes}
    assert max(shares.values()) <= 0.4, shares
    single = {c.id for c in report.outcomes if c.routes == 1}
    assert not single, single


def test_old_links_still_name_a_result_or_question(tree):
    # The ids of the tree before the rework: each is still a question, an outcome, or an alias.
    before = {
        "lead", "plans", "llm", "scope", "pain", "regulated",
        "platform-engineer", "mlops-engineer", "data-pipeline-engineer", "reliability-engineer",
        "governance-specialist", "llmops-engineer", "head-of-mlops",
    }  # fmt: skip
    assert before <= set(tree.questions) | set(tree.outcomes) | set(tree.aliases)
