"""Author text is data: hostile or unusual text in a tree reaches every place it is shown as the
characters typed (head, title, meta, Open Graph, search index, outline, JSON island, outcome page),
and a page's Markdown cannot add a script the site does not mean to have."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from devtools.headers import load_csp
from devtools.project import copy_project
from devtools.site import mkdocs_build

from ..test_cards import png_size
from .html import parse

csp = load_csp()
SITE_NAME = "The MLOps hiring guide"

# Each breaks out of a different context if printed raw: an attribute, <title>, a script, a comment.
TREE_TITLE = "FAQ </title><script>alert('tree')</script> 🧭"
TREE_SUMMARY = "'\"><script>alert(1)</script> naïve café — 日本語 ✅"
OUTCOME_TITLE = "</title><script>alert(2)</script> 🚀 Ünïcode & co"
OUTCOME_SUMMARY = "\"'><img src=x onerror=alert(3)> 😀 <!-- & end 👩‍💻 ❤️ 🇬🇧"
QUESTION = "Which one? <script>alert(4)</script> 🤔"
LABEL = "<b onmouseover=alert(5)>Deciding</b> & more 👍"


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    tree = project / "docs" / "trees" / "faq.yml"
    text = tree.read_text(encoding="utf-8")
    text = text.replace("title: MLOps hiring FAQ\n", f"title: {_yaml(TREE_TITLE)}\n", 1)
    text = re.sub(r"^summary: .*$", f"summary: {_yaml(TREE_SUMMARY)}", text, count=1, flags=re.M)
    text = text.replace(
        "    title: Can our data scientists do MLOps themselves?\n", f"    title: {_yaml(OUTCOME_TITLE)}\n", 1
    )
    text = re.sub(
        r"^(  ds-do-mlops:\n    title: .*\n)    summary: .*$",
        rf"\g<1>    summary: {_yaml(OUTCOME_SUMMARY)}",
        text,
        count=1,
        flags=re.M,
    )
    text = text.replace("    text: What would you like to know about?\n", f"    text: {_yaml(QUESTION)}\n", 1)
    text = text.replace("      - label: Deciding whether to hire\n", f"      - label: {_yaml(LABEL)}\n", 1)
    text = text.replace("{topic: Deciding whether to hire,", f"{{topic: {_yaml(LABEL)},")  # scenarios name it
    tree.write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile-site")
    done = mkdocs_build(project, out)
    assert done.returncode == 0, done.stderr
    return out


def _meta(page, **attrs) -> str | None:
    element = page.find("meta", **attrs)
    return element.attrs["content"] if element is not None else None


def test_an_outcome_s_title_and_summary_reach_the_head_as_text(hostile_site):
    page = parse(hostile_site / "tools" / "faq" / "ds-do-mlops" / "index.html")
    assert page.find("title").all_text == f"{OUTCOME_TITLE} - {SITE_NAME}"
    assert _meta(page, name="description") == OUTCOME_SUMMARY
    assert _meta(page, property="og:title") == OUTCOME_TITLE
    assert _meta(page, property="og:description") == OUTCOME_SUMMARY
    assert _meta(page, name="twitter:title") == OUTCOME_TITLE
    assert page.find("h1").all_text == OUTCOME_TITLE
    assert page.find("p", class_="dt-summary").all_text == OUTCOME_SUMMARY


def test_the_tree_s_text_reaches_the_tool_page_as_text(hostile_site):
    page = parse(hostile_site / "tools" / "faq" / "index.html")
    assert _meta(page, name="description") == TREE_SUMMARY
    assert _meta(page, property="og:description") == TREE_SUMMARY
    # The page lists the tree: the topic is a heading, and a heading of the table of contents.
    assert page.find("h2", id="faq--deciding").all_text == LABEL
    toc = page.find("nav", class_="md-nav--secondary")
    assert LABEL in [" ".join(a.all_text.split()) for a in toc.find_all("a", class_="md-nav__link")]
    # The guided tool's outline (the embed page) shows the first question too.
    outline = parse(hostile_site / "embed" / "faq" / "index.html")
    question = outline.find("section", id="faq--topic")
    assert question.find("h2").all_text == QUESTION
    assert question.find("a").all_text == LABEL
    island = page.find("script", type="application/json")
    data = json.loads(island.all_text)
    assert data["title"] == TREE_TITLE
    assert data["questions"]["topic"]["text"] == QUESTION
    assert data["questions"]["topic"]["answers"][0]["label"] == LABEL
    assert data["outcomes"]["ds-do-mlops"]["title"] == OUTCOME_TITLE


def test_no_page_holds_an_element_or_script_made_of_author_text(hostile_site):
    """No <img onerror>, <b onmouseover> or <script> from the text, and the policy allows no more."""
    scan = csp.scan_site(hostile_site)
    assert scan.problems == []
    for page in hostile_site.rglob("*.html"):
        for element in parse(page).iter():
            assert not any(name.startswith("on") for name in element.attrs), (page, element.tag)
            if element.tag == "script" and element.attrs.get("type") != "application/json":
                assert "alert" not in element.text, page


def test_the_search_index_holds_the_text_escaped(hostile_site):
    """Material shows a result's title and text as HTML: they must be escaped text, never tags."""
    docs = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    mine = [doc for doc in docs if doc["location"].startswith("tools/faq/ds-do-mlops/")]
    assert mine
    for doc in mine:
        for field in ("title", "text"):
            assert "<script" not in doc[field] and "<img" not in doc[field], doc
    assert any(parse_fragment(doc["title"]) == OUTCOME_TITLE for doc in mine)
    assert any("onerror=alert(3)> 😀" in parse_fragment(doc["text"]) for doc in mine)


def parse_fragment(html: str) -> str:
    """Return the text a browser shows for an HTML fragment."""
    return parse_text(f"<div>{html}</div>")


def parse_text(html: str) -> str:
    from html.parser import HTMLParser

    parts: list[str] = []

    class Text(HTMLParser):
        def handle_data(self, data):
            parts.append(data)

    reader = Text(convert_charrefs=True)
    reader.feed(html)
    reader.close()
    return "".join(parts)


@pytest.mark.parametrize(
    "markdown, position, what",
    [
        ("# Contact\n\nWrite to us.\n\n<script>alert(1)</script>\n", "5:1", "an inline script"),
        ('# Contact\n\nText <span onclick="go()">here</span>.\n', "3:6", "an onclick attribute on <span>"),
        ("---\ntitle: Contact\n---\n# Contact\n\n[x](javascript:alert(1))\n", "6:5", "a javascript: address on <a>"),
        ("# Contact\n\n<div markdown>\n<img src=x onerror=alert(1)>\n</div>\n", "4:1", "an onerror attribute on <img>"),
    ],
)
def test_a_page_s_markdown_cannot_add_a_script(tmp_path, markdown, position, what):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "contact.md").write_text(markdown, encoding="utf-8")
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 1
    assert f"docs/contact.md:{position}: {what}" in done.stderr


def test_an_outcome_s_preview_card_is_drawn_and_named_from_its_text(hostile_site):
    page = parse(hostile_site / "tools" / "faq" / "ds-do-mlops" / "index.html")
    assert _meta(page, property="og:image:alt") == f"{SITE_NAME} - {TREE_TITLE} - {OUTCOME_TITLE}"
    assert _meta(page, name="twitter:image:alt") == f"{SITE_NAME} - {TREE_TITLE} - {OUTCOME_TITLE}"
    card = hostile_site / _meta(page, property="og:image").split("/", 3)[3]
    assert png_size(card.read_bytes()) == (1200, 630)
