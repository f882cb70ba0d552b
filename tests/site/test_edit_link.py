"""Editors reach a tree from its tool page: "Edit this tree" opens the file in the repository's web editor."""

from __future__ import annotations

from mkdocs.config import load_config

from decision_tree.check import check_directory
from devtools.project import ROOT
from devtools.site import ENV, mkdocs_build

from .html import parse

TREES = check_directory(ROOT / "docs" / "trees", ROOT / "docs").trees


def _edit_links(page):
    return parse(page).find_all("p", class_="dt-edit")


def test_each_tool_page_links_its_tree_file_in_the_web_editor(site):
    config = load_config(str(ROOT / "mkdocs.yml"))
    for tree_id in TREES:
        links = _edit_links(site / "tools" / tree_id / "index.html")
        assert len(links) == 1, tree_id
        href = links[0].find("a").attrs["href"]
        assert href == f"{config.repo_url.rstrip('/')}/{config.edit_uri}trees/{tree_id}.yml"
        assert "data-search-exclude" in links[0].attrs  # search sends readers to the advice, not to this


def test_readers_pages_carry_no_edit_link_and_no_repository_widget(site):
    for tree_id, tree in TREES.items():
        for page in (
            site / "tools" / tree_id / next(iter(tree.outcomes)) / "index.html",
            site / "embed" / tree_id / "index.html",
        ):
            assert not _edit_links(page), page
    home = parse(site / "index.html")
    assert home.find(class_="md-source") is None  # Material would ask api.github.com for its figures


def test_the_repository_address_comes_from_the_environment_in_the_workflows(project, tmp_path):
    done = mkdocs_build(project, tmp_path / "out", env={**ENV, "REPO_URL": "https://github.com/example/fork"})
    assert done.returncode == 0, done.stderr
    href = _edit_links(tmp_path / "out" / "tools" / "faq" / "index.html")[0].find("a").attrs["href"]
    assert href == "https://github.com/example/fork/edit/main/docs/trees/faq.yml"
