"""The FAQ page lists every topic and question with its answer, in the HTML itself (issue 12, item 5)."""

from __future__ import annotations

import json
from html import unescape

from decision_tree.check import check_directory
from devtools.project import ROOT
from devtools.site import mkdocs_build

from .html import parse

FAQ = check_directory(ROOT / "docs" / "trees").trees["faq"]
CANDIDATES = "candidates"  # the topic whose answers end with the candidates' call to action


def _faq_page(site):
    return parse(site / "tools" / "faq" / "index.html")


def test_every_answer_is_under_its_topic_with_its_question_summary_text_and_own_page(site):
    list_ = _faq_page(site).find("div", class_="dt-list")
    topics = list_.find_all("section", class_="dt-topic")
    start = FAQ.questions[FAQ.start]
    assert [t.find("h2").all_text for t in topics] == [a.label for a in start.answers]
    listed = set()
    for topic, section in zip(start.answers, topics, strict=True):
        assert section.find("h2").attrs["id"] == f"faq--{topic.next}"
        entries = section.find_all("section", class_="dt-entry")
        question = FAQ.questions[topic.next]
        assert [e.find("h3").all_text for e in entries] == [a.label for a in question.answers]
        for answer, entry in zip(question.answers, entries, strict=True):
            outcome = FAQ.outcomes[answer.next]
            assert entry.find("h3").attrs["id"] == f"faq--{outcome.id}"
            assert entry.find("p", class_="dt-summary").all_text == outcome.summary
            assert entry.find("div", class_="dt-body").all_text.strip()
            assert entry.find("h3").find("a").attrs["href"] == f"{outcome.id}/"  # the question opens its own page
            assert (site / "tools" / "faq" / outcome.id / "index.html").is_file()
            listed.add(outcome.id)
    assert listed == set(FAQ.outcomes)


def test_the_table_of_contents_lists_the_topics_and_their_questions(site):
    toc = _faq_page(site).find("nav", class_="md-nav--secondary")
    links = [(a.attrs["href"], " ".join(a.all_text.split())) for a in toc.find_all("a", class_="md-nav__link")]
    expected = []
    for topic in FAQ.questions[FAQ.start].answers:
        expected.append((f"#faq--{topic.next}", topic.label))
        expected += [(f"#faq--{a.next}", a.label) for a in FAQ.questions[topic.next].answers]
    assert links == expected


def test_each_candidates_answer_on_the_list_ends_with_their_call_to_action(site):
    section = next(
        s for s in _faq_page(site).find_all("section", class_="dt-topic") if s.attrs["data-step"] == CANDIDATES
    )
    entries = section.find_all("section", class_="dt-entry")
    assert len(entries) == len(FAQ.questions[CANDIDATES].answers)
    for entry in entries:
        last = entry.find("div", class_="dt-body").find_all("p")[-1]
        assert last.find_all("a")[-1].attrs["href"] == "../../contact/#for-candidates", entry.attrs["data-step"]
    for section in _faq_page(site).find_all("section", class_="dt-topic"):
        if section.attrs["data-step"] != CANDIDATES:
            for link in section.find_all("a"):
                assert "#for-candidates" not in link.attrs.get("href", ""), section.attrs["data-step"]


def test_search_finds_each_answer_on_its_own_page_and_each_topic_on_the_list(site):
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    on_list = [d for d in docs if d["location"].split("#")[0] == "tools/faq/"]
    topics = {unescape(d["title"]): d["location"] for d in on_list}
    for topic in FAQ.questions[FAQ.start].answers:
        assert topics[topic.label] == f"tools/faq/#faq--{topic.next}"
    text = " ".join(unescape(d["text"] + " " + d["title"]) for d in on_list)
    for outcome in FAQ.outcomes.values():
        assert outcome.summary not in text and outcome.title not in text, outcome.id
        own = [d for d in docs if d["location"] == f"tools/faq/{outcome.id}/"]
        assert own and unescape(own[0]["text"]).find(outcome.summary) >= 0, outcome.id


def test_the_embed_page_stays_the_guided_tool(site):
    page = parse(site / "embed" / "faq" / "index.html")
    assert page.find("div", class_="dt") is not None and page.find("div", class_="dt-outline") is not None
    assert page.find("div", class_="dt-list") is None


def test_an_unknown_embed_option_fails_the_build_at_its_line_and_column(project, tmp_path):
    page = project / "docs" / "tools" / "faq.md"
    page.write_text(page.read_text().replace("<!-- decision-tree faq list -->", "<!-- decision-tree faq lits -->"))
    done = mkdocs_build(project, tmp_path / "out")
    assert done.returncode == 1
    line = page.read_text().splitlines().index("<!-- decision-tree faq lits -->") + 1
    assert (
        f"docs/tools/faq.md:{line}:24: the embed has the option 'lits', which does not exist; did you mean 'list'?"
        in done.stderr
    )


def test_a_tree_deeper_than_topics_cannot_be_listed(project, tmp_path):
    page = project / "docs" / "tools" / "need-mlops.md"
    page.write_text(
        page.read_text().replace("<!-- decision-tree need-mlops -->", "<!-- decision-tree need-mlops list -->")
    )
    done = mkdocs_build(project, tmp_path / "out")
    assert done.returncode == 1
    line = page.read_text().splitlines().index("<!-- decision-tree need-mlops list -->") + 1
    assert f"docs/tools/need-mlops.md:{line}:31: the tree 'need-mlops' cannot be listed" in done.stderr
