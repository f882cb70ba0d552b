"""The route report: exact counts by dynamic programming, pinned on small trees and on 2^60 routes."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from decision_tree.check import check_files
from decision_tree.paths import walk
from decision_tree.report import MAJORITY, ONE_ROUTE, count_routes
from devtools.generate import diamond_tree

from .support import run_cli, shipped_trees

HIRING = "tests/fixtures/advice/hiring.yml"


def test_the_report_counts_every_outcome_and_question_of_a_small_tree():
    done = run_cli("report", HIRING)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "hiring: 10 routes\n"
        "  outcome      routes   share\n"
        "  hire-now          3   30.0%\n"
        "  first-owner       3   30.0%\n"
        "  keep-path         4   40.0%\n"
        "  question     routes   share\n"
        "  live             10  100.0%\n"
        "  use-case          8   80.0%\n"
        "  incidents         6   60.0%\n"
    )


def test_the_report_flags_an_outcome_of_one_route_and_one_of_most_routes():
    report = count_routes(check_files([Path("tests/fixtures/advice/pinned.yml")]).trees["pinned"])
    assert report.routes == 5
    assert [(c.id, c.routes, c.flags) for c in report.outcomes] == [
        ("hire-now", 2, ()),
        ("name-owner", 2, ()),
        ("wait", 1, (ONE_ROUTE,)),
    ]
    assert [(c.id, c.routes) for c in report.questions] == [("live", 5), ("proven", 3), ("owner", 4)]
    heavy = count_routes(check_files([Path(HIRING)]).trees["hiring"])
    assert all(MAJORITY not in c.flags for c in heavy.outcomes)


def test_json_report_for_tools():
    done = run_cli("report", "--format", "json", HIRING)
    data = json.loads(done.stdout)
    assert data["trees"][0]["routes"] == 10
    assert data["trees"][0]["outcomes"][2] == {"id": "keep-path", "routes": 4, "share": 0.4, "flags": []}
    assert data["trees"][0]["questions"][1] == {"id": "use-case", "routes": 8, "share": 0.8}


def test_the_counts_of_2_to_the_60_routes_are_exact(tmp_path):
    path = tmp_path / "diamond.yml"
    path.write_text(diamond_tree(60), encoding="utf-8")
    done = run_cli("report", "--format", "json", str(path))
    data = json.loads(done.stdout)["trees"][0]
    assert data["routes"] == 2**60
    assert data["outcomes"] == [{"id": "o0", "routes": 2**60, "share": 1.0, "flags": [MAJORITY]}]
    assert {q["routes"] for q in data["questions"]} == {2**60} and len(data["questions"]) == 60
    text = run_cli("report", str(path)).stdout
    assert "diamond: 1,152,921,504,606,846,976 routes\n" in text


def test_the_counts_agree_with_the_enumerated_paths_of_every_shipped_tree():
    for path in shipped_trees():
        tree = check_files([path]).trees[path.stem]
        report = count_routes(tree)
        paths = list(walk(tree))
        ends = Counter(steps[-1][0] for steps in paths)
        asks = Counter(node for steps in paths for node, label in steps if label)
        assert report.routes == len(paths)
        assert {c.id: c.routes for c in report.outcomes} == {o: ends[o] for o in tree.outcomes}
        assert {c.id: c.routes for c in report.questions} == {q: asks[q] for q in tree.questions}


def test_a_broken_tree_is_reported_not_counted():
    done = run_cli("report", "tests/fixtures/broken/dt031-loop.yml")
    assert done.returncode == 1 and "DT031" in done.stdout
