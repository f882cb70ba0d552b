"""Tree diagrams: every question and result drawn once, every arrow pointing down a layer, text escaped."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from decision_tree.check import check_files
from decision_tree.diagram import BOX_HEIGHT, BOX_WIDTH, MOST_NODES, draw
from decision_tree.editors import report_html
from decision_tree.render import Links
from decision_tree.report import count_routes
from devtools.generate import branching_tree, chain_tree

SVG = "{http://www.w3.org/2000/svg}"
HIRING = Path("tests/fixtures/advice/hiring.yml")


def _tree(tmp_path: Path, text: str, name: str = "t"):
    path = tmp_path / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    result = check_files([path])
    assert result.ok, result.diagnostics
    return result.trees[name]


def _boxes(svg: str) -> dict[str, tuple[float, float]]:
    """Return each box's id (its first line of text) and top-left corner."""
    root = ET.fromstring(svg)
    found = {}
    for group in root.iter(f"{SVG}g"):
        rect, label = group.find(f"{SVG}rect"), group.find(f"{SVG}text")
        found[label.text] = (float(rect.get("x")), float(rect.get("y")))
    return found


def test_each_question_and_result_is_one_box_and_each_place_an_answer_leads_is_one_arrow():
    tree = check_files([HIRING]).trees["hiring"]
    svg = draw(tree)
    boxes = _boxes(svg)
    assert sorted(boxes) == sorted([*tree.questions, *tree.outcomes])
    places = {(q.id, a.next) for q in tree.questions.values() for a in q.answers}  # two answers, one arrow
    assert len(ET.fromstring(svg).findall(f"{SVG}path")) == len(places)


def test_every_arrow_points_down_and_no_two_boxes_overlap():
    tree = check_files([HIRING]).trees["hiring"]
    svg = draw(tree)
    boxes = _boxes(svg)
    for q in tree.questions.values():
        for a in q.answers:
            assert boxes[a.next][1] > boxes[q.id][1], f"{q.id} -> {a.next} does not lead down"
    corners = list(boxes.values())
    for i, (x1, y1) in enumerate(corners):
        for x2, y2 in corners[i + 1 :]:
            assert abs(x1 - x2) >= BOX_WIDTH or abs(y1 - y2) >= BOX_HEIGHT
    for path in ET.fromstring(svg).iter(f"{SVG}path"):
        if path.get("marker-end"):
            ys = [float(y) for y in re.findall(r"[ML][-\d.]+ ([-\d.]+)", path.get("d"))]
            assert ys == sorted(ys), "an arrow that turns back up"


def test_route_counts_are_printed_under_each_box():
    tree = check_files([HIRING]).trees["hiring"]
    report = count_routes(tree)
    svg = draw(tree, {c.id: c.routes for c in (*report.outcomes, *report.questions)})
    texts = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert texts[texts.index("hire-now") + 1] == "3 routes"
    assert texts[texts.index("live") + 1] == "10 routes"


def test_author_text_is_escaped_in_the_diagram_and_the_report(tmp_path):
    hostile = '<script>alert(1)</script> & "quotes"'
    tree = _tree(
        tmp_path,
        f"""title: '{hostile}'
start: q
questions:
  q:
    text: '{hostile}'
    answers:
      - label: A
        next: o
      - label: B
        next: o
outcomes:
  o:
    title: '{hostile}'
    body: Done.
""",
    )
    for html in (draw(tree), report_html({"t": tree}, {"t": Links(tool="../t/")})):
        assert "<script>" not in html
        assert "&lt;script&gt;" in html
    ET.fromstring(draw(tree))  # still well-formed XML


def test_the_same_tree_draws_the_same_bytes_in_another_process():
    code = (
        "from pathlib import Path; from decision_tree.check import check_files; from decision_tree.diagram import draw;"
        f"print(draw(check_files([Path({str(HIRING)!r})]).trees['hiring']))"
    )
    runs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout for _ in "ab"
    }
    assert len(runs) == 1


def test_a_tree_too_big_to_read_is_not_drawn_and_the_report_says_why(tmp_path):
    big = _tree(tmp_path, chain_tree(MOST_NODES), name="chain")
    assert draw(big) is None
    html = report_html({"chain": big}, {})
    assert "<svg" not in html and f"more than the {MOST_NODES}" in html
    small = _tree(tmp_path, branching_tree(40), name="branching")
    assert draw(small) is not None


def test_the_report_links_each_result_and_question_and_counts_the_pins():
    tree = check_files([Path("tests/fixtures/advice/pinned.yml")]).trees["pinned"]
    links = Links(outcomes={"wait": "wait/"}, tool="../pinned/")
    html = report_html({"pinned": tree}, {"pinned": links})
    assert '<a href="wait/">' in html
    assert '<a href="../pinned/#pinned--proven">' in html
    assert f"{len(tree.scenarios)} scenario" in html and "only one route" in html
