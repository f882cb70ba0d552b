"""Content quality: every page previews well, headings are in order, the editors' guide is complete."""

from __future__ import annotations

import itertools
import re

import pytest

from decision_tree.diagnostics import CODES
from decision_tree.schema import TREE
from devtools.project import ROOT

from .html import parse

EDITORS = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")


def _pages(site):
    return sorted(p for p in site.rglob("index.html") if p.parent.name != "search") + [site / "404.html"]


def test_every_page_has_its_own_description(site):
    default = parse(site / "index.html")  # the home page has its own description too
    missing = []
    for page in _pages(site):
        if page.name == "404.html":
            continue
        meta = parse(page).find("meta", name="description")
        if meta is None or not meta.attrs.get("content", "").strip():
            missing.append(str(page.relative_to(site)))
    assert not missing, missing
    assert default.find("meta", name="description") is not None


def test_headings_are_in_order_and_images_have_alt_text(site):
    problems = []
    for page in _pages(site):
        article = parse(page).find("div", class_="md-content")
        if article is None:
            continue
        levels = [int(e.tag[1]) for e in article.iter() if re.fullmatch(r"h[1-6]", e.tag)]
        if levels and levels[0] != 1:
            problems.append(f"{page.relative_to(site)}: first heading is h{levels[0]}")
        for before, after in itertools.pairwise(levels):
            if after > before + 1:
                problems.append(f"{page.relative_to(site)}: h{before} followed by h{after}")
        for image in article.find_all("img"):
            if "alt" not in image.attrs:
                problems.append(f"{page.relative_to(site)}: image {image.attrs.get('src')} has no alt text")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", sorted(CODES))
def test_editors_guide_explains_every_error_code(code):
    assert f"\n### {code}: {CODES[code]}\n" in EDITORS
    section = EDITORS.split(f"### {code}:", 1)[1].split("\n### ", 1)[0]
    assert "**Fix:**" in section


def test_editors_guide_lists_every_field_of_the_format():
    shapes = [TREE, *(f.of for f in TREE.fields.values() if hasattr(f.of, "fields"))]
    shapes += [f.of for s in shapes for f in s.fields.values() if hasattr(f.of, "fields")]
    for shape in shapes:
        for name in shape.fields:
            assert re.search(rf"\| {shape.name} \| `{name}` \|", EDITORS), f"{shape.name}.{name} is not documented"


def test_the_call_to_action_comes_from_one_place_in_the_config(site):
    from mkdocs.config import load_config

    contact = load_config(str(ROOT / "mkdocs.yml")).extra["contact"]
    for page in ("contact/index.html", "tools/need-mlops/index.html", "tools/need-mlops/hire-now/index.html"):
        cta = parse(site / page).find("aside", class_="cta")
        assert cta is not None, page
        button = cta.find("a")
        assert (button.attrs["href"], button.all_text) == (contact["url"], contact["label"])


def test_a_candidates_faq_answer_ends_with_their_call_to_action_not_the_employers(site):
    """FAQ answers for candidates close with an invitation to candidates; the employers' aside stays off them."""
    for answer in ("move-into-mlops", "candidate-pay", "system-design-prep"):
        page = parse(site / "tools" / "faq" / answer / "index.html")
        assert page.find("aside", class_="cta") is None, answer
        ending = page.find("div", class_="dt-body").find_all("p")[-1]
        assert ending.find_all("a")[-1].attrs["href"] == "../../../contact/#for-candidates", answer
    for answer in ("setting-pay", "ds-do-mlops"):
        assert parse(site / "tools" / "faq" / answer / "index.html").find("aside", class_="cta") is not None, answer
