"""The built site: tree pages hold the outline, every outcome has its page, builds fail safely."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from decision_tree.check import check_directory
from devtools.project import ROOT
from devtools.site import ENV, mkdocs_build

from .html import parse

BUILD = [sys.executable, "-m", "devtools.build"]  # what ./scripts/build runs

TREES = check_directory(ROOT / "docs" / "trees").trees


# The trees whose page lists them (<!-- decision-tree faq list -->): their guided tool and its outline are
# on the embed page (tests/site/test_faq_list.py tests the list).
LISTED = {t for t in TREES if f"<!-- decision-tree {t} list -->" in (ROOT / "docs" / "tools" / f"{t}.md").read_text()}


def tree_page(site: Path, tree_id: str):
    return parse(site / "tools" / tree_id / "index.html")


def test_the_faq_page_lists_its_tree():
    assert {"faq"} == LISTED


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_tree_page_holds_every_step_as_an_outline(site, tree_id):
    tree = TREES[tree_id]
    page = parse(site / "embed" / tree_id / "index.html") if tree_id in LISTED else tree_page(site, tree_id)
    root = page.find("div", data_decision_tree=tree_id)
    assert root is not None
    steps = {s.attrs["data-step"]: s for s in root.find_all("section", class_="dt-step")}
    assert set(steps) == set(tree.questions) | set(tree.outcomes)
    for question in tree.questions.values():
        section = steps[question.id]
        assert section.attrs["id"] == f"{tree_id}--{question.id}"
        assert section.find("h2").all_text == question.text
        links = section.find("ul", class_="dt-answers").find_all("a")
        assert [a.all_text for a in links] == [a.label for a in question.answers]
        assert [a.attrs["href"] for a in links] == [f"#{tree_id}--{a.next}" for a in question.answers]
    for outcome in tree.outcomes.values():
        section = steps[outcome.id]
        assert section.find("h2").all_text == outcome.title
        assert section.find("div", class_="dt-body").all_text.strip()
        own = f"../../tools/{tree_id}/{outcome.id}/" if tree_id in LISTED else f"{outcome.id}/"
        assert section.find("a", class_="dt-permalink").attrs["href"] == own


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_json_island_describes_the_tree(site, tree_id):
    tree = TREES[tree_id]
    script = tree_page(site, tree_id).find("template", class_="dt-data").find("script", type="application/json")
    data = json.loads(script.all_text)
    assert data["start"] == tree.start
    assert set(data["questions"]) == set(tree.questions)
    for qid, question in tree.questions.items():
        assert [a["label"] for a in data["questions"][qid]["answers"]] == [a.label for a in question.answers]
        assert [a["key"] for a in data["questions"][qid]["answers"]] == [a.key for a in question.answers]
    for oid, outcome in tree.outcomes.items():
        assert data["outcomes"][oid]["url"] == f"{oid}/"
        if outcome.continue_with:
            assert data["outcomes"][oid]["continue"]["url"] == f"../{outcome.continue_with}/"


def _meta(page, **attrs):
    element = page.find("meta", **attrs)
    return element.attrs["content"] if element is not None else None


@pytest.mark.parametrize("tree_id,outcome_id", [(t, o) for t, tree in sorted(TREES.items()) for o in tree.outcomes])
def test_every_outcome_has_its_own_page_with_link_preview_meta(site, tree_id, outcome_id):
    outcome = TREES[tree_id].outcomes[outcome_id]
    page = parse(site / "tools" / tree_id / outcome_id / "index.html")
    assert page.find("h1").all_text == outcome.title
    assert page.find("title").all_text.startswith(outcome.title + " - ")
    description = outcome.summary or TREES[tree_id].summary
    assert _meta(page, name="description") == description
    assert _meta(page, property="og:title") == outcome.title
    assert _meta(page, property="og:description") == description
    assert _meta(page, name="twitter:card") == "summary_large_image"
    assert _meta(page, property="og:url").endswith(f"/tools/{tree_id}/{outcome_id}/")
    result = page.find("div", class_="dt-result")
    assert result.find("a").attrs["href"] == "../"  # back to the tool
    if outcome.continue_with:
        assert result.find("a", class_="dt-continue").attrs["href"] == f"../../{outcome.continue_with}/"


def test_no_page_loads_anything_from_another_host(site):
    for page in site.rglob("*.html"):
        for element in parse(page).iter():
            for attr in ("src", "href"):
                url = element.attrs.get(attr, "")
                external = urlsplit(url).scheme in ("http", "https") or url.startswith("//")
                loads = element.tag in ("script", "img", "iframe", "source") or (
                    element.tag == "link" and element.attrs.get("rel") not in ("canonical", "alternate")
                )
                if loads and external:
                    pytest.fail(f"{page.relative_to(site)} loads {url}")


def test_internal_links_resolve(site):
    broken = []
    for page in site.rglob("*.html"):
        for element in parse(page).iter():
            url = element.attrs.get("href") if element.tag in ("a", "link") else element.attrs.get("src")
            if not url or element.tag == "#text":
                continue
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("//", "#", "mailto:")):
                continue
            base = site if parts.path.startswith("/") else page.parent
            target = (base / unquote(parts.path).lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {url}")
    assert not broken, "\n".join(broken)


def _tree_file(project: Path, name: str) -> Path:
    return project / "docs" / "trees" / f"{name}.yml"


def test_a_broken_tree_fails_the_build_with_the_checkers_diagnostics(project, tmp_path):
    path = _tree_file(project, "need-mlops")
    path.write_text(path.read_text().replace("next: incidents", "next: incident", 1))
    done = mkdocs_build(project, tmp_path / "out")
    assert done.returncode == 1
    assert "docs/trees/need-mlops.yml:" in done.stderr and "error DT021" in done.stderr
    assert 'did you mean "incidents"' in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_broken_tree_fails_even_without_strict(project, tmp_path):
    path = _tree_file(project, "faq")
    path.write_text(path.read_text().replace("title:", "titel:", 1))
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "out")],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "error DT010" in done.stderr


def test_an_unknown_tree_in_a_page_fails_naming_page_and_line(project, tmp_path):
    # archetype's text links to no page of its own results, which would go missing with its tool page
    page = project / "docs" / "tools" / "archetype.md"
    page.write_text(page.read_text().replace("<!-- decision-tree archetype -->", "<!-- decision-tree archtype -->"))
    done = mkdocs_build(project, tmp_path / "out")
    assert done.returncode == 1
    line = page.read_text().splitlines().index("<!-- decision-tree archtype -->") + 1
    assert (
        f"docs/tools/archetype.md:{line}: the page embeds the tree 'archtype', which does not exist; "
        "did you mean 'archetype'?" in done.stderr
    )


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        h.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()


def test_scripts_build_leaves_the_last_good_site_untouched_when_a_tree_breaks(project):
    first = subprocess.run(BUILD, cwd=project, env=ENV, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = _digest(project / "site")
    path = _tree_file(project, "archetype")
    path.write_text(path.read_text() + "\nbogus: 1\n")
    second = subprocess.run(BUILD, cwd=project, env=ENV, capture_output=True, text=True)
    assert second.returncode == 1
    assert "site/ was left as it was" in second.stderr
    assert _digest(project / "site") == before
    assert not list(project.glob(".site-new*"))


def test_json_island_cannot_be_broken_out_of(project, tmp_path):
    path = _tree_file(project, "faq")
    text = path.read_text()
    hostile = '"</script><script>alert(1)</script> <!-- \\u2028 & done"'  # YAML escape: no raw U+2028
    path.write_text(text.replace("title: MLOps hiring FAQ", f"title: {hostile}", 1))
    done = mkdocs_build(project, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "out" / "tools" / "faq" / "index.html").read_text()
    island = html.split('class="dt-data"><script type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in island and "\u2028" not in island
    assert json.loads(island)["title"] == json.loads(hostile)


def test_material_search_indexes_every_question_and_outcome(site):
    index = json.loads((site / "search" / "search_index.json").read_text())
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"] if doc["location"].startswith("tools/"))
    for tree in TREES.values():
        # A listed tree shows its topics and the readers' questions, not the questions that pick them.
        shown = [a.label for a in tree.questions[tree.start].answers] if tree.id in LISTED else None
        for question in tree.questions.values():
            if shown is None:
                assert escape_like_search(question.text) in text, question.id
        for label in shown or ():
            assert escape_like_search(label) in text, label
        for outcome in tree.outcomes.values():
            assert escape_like_search(outcome.title) in text, outcome.id


def test_search_opens_each_result_on_its_own_page_not_in_the_outline(site):
    # With the player running, the outline is hidden: a hit there would open the tool at its start.
    index = json.loads((site / "search" / "search_index.json").read_text())
    for tree_id, tree in TREES.items():
        tool = " ".join(
            doc["title"] + " " + doc["text"]
            for doc in index["docs"]
            if doc["location"].startswith(f"tools/{tree_id}/#") or doc["location"] == f"tools/{tree_id}/"
        )
        first = tree.questions[tree.start]
        for text in [a.label for a in first.answers] if tree_id in LISTED else [first.text]:  # a list: its topics
            assert escape_like_search(text) in tool
        for outcome in tree.outcomes.values():
            own = [doc for doc in index["docs"] if doc["location"] == f"tools/{tree_id}/{outcome.id}/"]
            assert own and unescape(own[0]["title"]) == outcome.title, outcome.id  # shown as HTML, so as typed
            assert escape_like_search(outcome.summary or outcome.title) not in tool, outcome.id


def escape_like_search(text: str) -> str:
    """Return text as Material's search index stores it (HTML-escaped quotes and ampersands)."""
    from html import escape

    return escape(text, quote=False)
