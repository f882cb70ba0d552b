"""The home page starts the main tool and says how long each tool takes; the 404 page leads back in."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

from decision_tree.check import check_directory
from decision_tree.model import Tree
from decision_tree.published import EMBED
from devtools.project import ROOT
from devtools.site import mkdocs_build

from .html import Element, parse

TREES = check_directory(ROOT / "docs" / "trees", ROOT / "docs").trees
CONFIG = load_config(str(ROOT / "mkdocs.yml"))
TOOLS = next(item["Tools"] for item in CONFIG.nav if isinstance(item, dict) and "Tools" in item)


def route_lengths(tree: Tree) -> list[int]:
    """Count the questions on every route, walking each one (the trees are small)."""
    lengths: list[int] = []

    def walk(node: str, asked: int) -> None:
        if node in tree.outcomes:
            lengths.append(asked)
            return
        for answer in tree.questions[node].answers:
            walk(answer.next, asked + 1)

    walk(tree.start, 0)
    return lengths


def tool_address(src: str) -> str:
    return src.removesuffix(".md") + "/"


def tree_of(src: str) -> str:
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    found = EMBED.search(text)  # the guided tool or the list (<!-- decision-tree faq list -->)
    assert found, src
    return found.group(1)


def is_listed(src: str) -> bool:
    found = EMBED.search((ROOT / "docs" / src).read_text(encoding="utf-8"))
    assert found, src
    return "list" in found.group(0).split()


def test_the_home_page_has_a_start_button_for_the_first_tool(site):
    article = parse(site / "index.html").find("article")
    buttons = [a for a in article.find_all("a") if "md-button--primary" in a.attrs.get("class", "")]
    assert [b.attrs["href"] for b in buttons][:1] == [tool_address(TOOLS[0])]
    assert buttons[0].all_text.strip().startswith("Start")


@pytest.mark.parametrize("src", TOOLS)
def test_the_home_page_says_how_many_questions_each_tool_asks(site, src):
    """The numbers are the fewest and most questions on the tree's routes, so they follow its edits."""
    lengths = route_lengths(TREES[tree_of(src)])
    fewest, most = min(lengths), max(lengths)
    expected = f"{most} questions" if fewest == most else f"{fewest} to {most} questions"
    article = parse(site / "index.html").find("article")
    item = next(li for li in article.find_all("li") if li.find("a", href=tool_address(src)))
    if is_listed(src):  # every answer at once; the guided route is the option
        answers = len(TREES[tree_of(src)].outcomes)
        assert f"{answers} answers on one page, or {expected} to the one you need" in item.all_text, item.all_text
        assert "minute" not in item.all_text
    else:
        assert re.search(rf"\b{expected}, about \d+ minutes?\b", item.all_text), item.all_text


def test_the_faq_is_listed_so_its_length_is_told_as_a_list():
    assert is_listed("tools/faq.md") and not is_listed("tools/need-mlops.md")


def test_an_unknown_tree_in_a_length_fails_the_build(project, tmp_path):
    home = project / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n<!-- tool-length no-such-tree -->\n", encoding="utf-8")
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode != 0
    assert "docs/index.md: no tree 'no-such-tree'" in done.stderr


def not_found(site: Path) -> Element:
    return parse(site / "404.html").find("article")


def test_the_404_page_searches_the_site_from_the_home_page(site):
    form = not_found(site).find("form", role="search")
    assert form is not None and form.attrs["method"] == "get"
    assert form.attrs["action"] == "/"  # the home page, where Material's search opens with ?q=
    field = form.find("input", name="q")
    assert field is not None
    assert form.find("label", for_=field.attrs["id"]) is not None


def test_the_404_page_links_every_tool_by_its_title(site):
    links = {a.attrs["href"]: a.all_text.strip() for a in not_found(site).find_all("a")}
    for src in TOOLS:
        href = "/" + tool_address(src)
        title = parse(site / tool_address(src) / "index.html").find("h1").all_text.strip("¶ \n")
        assert links.get(href) == title, (href, links)


def test_the_404_page_says_what_to_do_with_an_old_result_link(site):
    text = " ".join(not_found(site).all_text.split())
    assert "link to a result" in text and "Start the tool again" in text


def test_the_404_page_has_its_own_title(site):
    title = parse(site / "404.html").find("title").all_text
    assert title.startswith("Page not found")


def test_every_link_on_the_404_page_lands_on_a_page(site):
    for a in not_found(site).find_all("a"):
        target = posixpath.normpath(a.attrs["href"].lstrip("/"))
        assert (site / target / "index.html").is_file(), a.attrs["href"]
