"""The editors' report page: each published tree's route counts, its links and its diagram, built with the site."""

from __future__ import annotations

import posixpath

from decision_tree.check import check_directory
from decision_tree.report import count_routes
from devtools.project import ROOT

from .html import parse

TREES = check_directory(ROOT / "docs" / "trees", ROOT / "docs").trees
PAGE = "tree-report/index.html"


def test_every_tree_has_its_counts_and_a_diagram(site):
    page = parse(site / PAGE)
    for tree_id, tree in TREES.items():
        section = page.find("section", id=None, **{"aria-labelledby": f"dt-report-{tree_id}"})
        assert section is not None, f"no section for {tree_id}"
        report = count_routes(tree)
        results = section.find_all("table")[0].find("tbody").find_all("tr")
        assert [
            (r.find_all("td")[0].find("code").all_text, int(r.find_all("td")[1].all_text.replace(",", "")))
            for r in results
        ] == [(c.id, c.routes) for c in report.outcomes]
        svg = section.find("svg")
        assert svg is not None and svg.attrs["role"] == "img"
        assert tree.title in svg.find("title").all_text


def test_the_report_links_land_on_published_pages(site):
    page = parse(site / PAGE)
    for link in page.find("article").find_all("a"):
        href = link.attrs.get("href", "")
        if not href.startswith("../") or "#" in href and not href.split("#")[0]:
            continue
        target = posixpath.normpath(posixpath.join("tree-report", href.split("#")[0]))
        assert (site / target / "index.html").is_file() or (site / target).is_file(), href


def test_the_report_page_is_not_in_the_navigation(site):
    home = parse(site / "index.html")
    assert not [a for a in home.find_all("a") if a.attrs.get("href", "").rstrip("/").endswith("tree-report")]
