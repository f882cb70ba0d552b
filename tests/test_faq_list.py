"""A tree shown as a list (<!-- decision-tree faq list -->): topics, questions and answers, read at once."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from decision_tree.check import check_files
from decision_tree.render import Links, anchor, list_entries, list_html, list_problem

from .support import TREES

FAQ = check_files([TREES / "faq.yml"]).trees["faq"]


class _Headings(HTMLParser):
    """The headings of a fragment, with their ids and text, and every element's attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[str, dict[str, str | None], str]] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self._open: list | None = None

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self._open = [tag, dict(attrs), ""]

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            self.headings.append(tuple(self._open))  # type: ignore[arg-type]
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._open[2] += data


def _listed(tree=FAQ, markdown=lambda text: f"<p>{text}</p>") -> tuple[str, _Headings]:
    html = list_html(tree, markdown, Links(outcomes={o: f"{o}/" for o in tree.outcomes}))
    parsed = _Headings()
    parsed.feed(html)
    return html, parsed


def test_every_topic_is_an_h2_and_every_question_under_it_an_h3_with_its_answer():
    html, parsed = _listed()
    expected = []
    for topic in FAQ.questions[FAQ.start].answers:
        expected.append(("h2", anchor(FAQ, topic.next), topic.label))
        expected += [("h3", anchor(FAQ, a.next), a.label) for a in FAQ.questions[topic.next].answers]
    assert [(tag, attrs["id"], text) for tag, attrs, text in parsed.headings] == expected
    for outcome in FAQ.outcomes.values():  # each answer once, after its question's heading
        assert html.count(f'<a href="{outcome.id}/">') == 1, outcome.id
        after = html.split(f'id="{anchor(FAQ, outcome.id)}"', 1)[1].split("<h", 1)[0]
        assert outcome.summary and f">{outcome.summary}</p>" in after.replace("&#x27;", "'"), outcome.id


def test_the_table_of_contents_has_the_headings_the_list_draws():
    _, parsed = _listed()
    flat = [(e.id, e.text) for topic in list_entries(FAQ) for e in (topic, *topic.children)]
    assert flat == [(attrs["id"], text) for _, attrs, text in parsed.headings]


def test_answers_are_left_out_of_search_and_topics_kept_in():
    _, parsed = _listed()
    for tag, attrs, _ in parsed.headings:
        assert ("data-search-exclude" in attrs) == (tag == "h3"), attrs["id"]


def test_the_list_carries_the_player_s_island_and_the_place_of_its_button():
    html, parsed = _listed()
    roots = [attrs for _, attrs in parsed.elements if "data-decision-tree" in attrs]
    assert roots == [{"class": "dt-list", "data-decision-tree": "faq", "data-dt-list": None}]
    assert any(attrs.get("class") == "dt-guide" for _, attrs in parsed.elements)
    island = html.split('<script type="application/json">', 1)[1].split("</script>", 1)[0]
    assert set(json.loads(island)["outcomes"]) == set(FAQ.outcomes)


def test_author_text_in_the_list_is_escaped(write_tree):
    text = (TREES / "faq.yml").read_text(encoding="utf-8")
    text = text.replace("- label: Deciding whether to hire", '- label: "Deciding <b>whether</b> to hire"', 1)
    text = text.replace(
        "- label: Can our data scientists", "- label: <img src=x onerror=alert(1)> Can our data scientists", 1
    )
    tree = check_files([write_tree(text, "faq.yml")]).trees["faq"]
    html, parsed = _listed(tree)
    assert "<b>" not in html and "<img" not in html
    assert ("h2", "Deciding <b>whether</b> to hire") in [(tag, text) for tag, _, text in parsed.headings]
    assert "&lt;img src=x onerror=alert(1)&gt; Can our data scientists" in html


def test_a_tree_deeper_than_topics_and_questions_cannot_be_listed():
    assert list_problem(FAQ) is None
    need = check_files([TREES / "need-mlops.yml"]).trees["need-mlops"]
    problem = list_problem(need)
    assert problem and problem.startswith("the tree 'need-mlops' cannot be listed") and "without 'list'" in problem
