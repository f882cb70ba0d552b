"""Byte budgets (sizes are deterministic, so a test can hold them; times live in ./scripts/bench)."""

from __future__ import annotations

import pytest

from decision_tree.check import check_directory
from devtools import budget
from devtools.project import ROOT, copy_project
from devtools.site import mkdocs_build

TREES = check_directory(ROOT / "docs" / "trees").trees


def test_the_player_is_at_most_8_kb_gzipped():
    sizes = budget.player_bytes()
    assert sizes["gz"] <= budget.PLAYER_BUDGET, sizes


@pytest.fixture(scope="module")
def site_with_plain_pages(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("budget") / "project")
    budget.add_plain_pages(project, TREES)
    out = project / "out"
    done = mkdocs_build(project, out)
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_a_tree_page_weighs_at_most_1_10_times_a_plain_page_of_its_text(site_with_plain_pages, tree_id):
    tree_page, plain_page, ratio = budget.page_ratios(site_with_plain_pages, {tree_id: TREES[tree_id]})[tree_id]
    assert ratio <= budget.PAGE_RATIO_BUDGET, f"{tree_page:,} bytes against {plain_page:,}: x{ratio:.3f}"
