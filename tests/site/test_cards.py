"""Every built page previews with a card of its own: og:image under site_url, a 1200x630 PNG in the
site, twitter:card summary_large_image; a result's card is drawn from its text; a rebuild draws only
the cards whose text changed; the home page previews as the site."""

from __future__ import annotations

import urllib.request

from mkdocs.config import load_config

from decision_tree.cards import Card, card_key
from decision_tree.check import check_directory
from devtools.fileserver import free_port
from devtools.project import ROOT
from devtools.site import mkdocs_build

from ..test_cards import png_size
from .html import parse
from .test_page_head import pages
from .test_serve import _get, _wait_for, serving

CONFIG = load_config(str(ROOT / "mkdocs.yml"))
TREES = check_directory(ROOT / "docs" / "trees").trees
CARDS = "assets/cards/"


def _meta(head, **attrs) -> str | None:
    element = head.find("meta", **attrs)
    return element.attrs["content"] if element is not None else None


def test_every_page_has_a_card_of_the_size_it_declares(site):
    sizes = {}
    for page in pages(site):
        head = parse(page).find("head")
        image = _meta(head, property="og:image")
        assert image and image.startswith(CONFIG.site_url + CARDS) and image.endswith(".png"), page
        card = site / image.removeprefix(CONFIG.site_url)
        if card not in sizes:
            sizes[card] = png_size(card.read_bytes())
        assert sizes[card] == (1200, 630), page
        assert (_meta(head, property="og:image:width"), _meta(head, property="og:image:height")) == ("1200", "630")
        assert _meta(head, property="og:image:type") == "image/png"
        assert _meta(head, property="og:image:alt"), page
        assert _meta(head, name="twitter:card") == "summary_large_image", page
        assert _meta(head, name="twitter:image") == image, page
        assert _meta(head, name="twitter:image:alt") == _meta(head, property="og:image:alt"), page
    assert set(sizes) == set((site / CARDS).iterdir())  # no card nobody names


def test_the_home_page_previews_as_the_site(site):
    head = parse(site / "index.html").find("head")
    assert _meta(head, property="og:title") == CONFIG.site_name
    assert _meta(head, name="twitter:title") == CONFIG.site_name
    assert _meta(head, property="og:image:alt") == CONFIG.site_name


def test_each_result_s_card_is_drawn_from_its_own_title_tool_and_summary(site):
    seen = set()
    for tree_id, tree in TREES.items():
        for outcome in tree.outcomes.values():
            head = parse(site / "tools" / tree_id / outcome.id / "index.html").find("head")
            card = Card(CONFIG.site_name, outcome.title, tree.title, outcome.summary or tree.summary or tree.title)
            assert _meta(head, property="og:image") == f"{CONFIG.site_url}{CARDS}{card_key(card)}.png"
            assert _meta(head, property="og:image:alt") == f"{CONFIG.site_name} - {tree.title} - {outcome.title}"
            seen.add(card_key(card))
    assert len(seen) == sum(len(tree.outcomes) for tree in TREES.values())


def test_a_rebuild_draws_only_the_card_whose_text_changed(project, tmp_path):
    cache = project / ".cache" / "decision-tree" / "cards"
    assert mkdocs_build(project, tmp_path / "one").returncode == 0
    first = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert len(first) == len(list((tmp_path / "one" / CARDS).iterdir()))
    tree = project / "docs" / "trees" / "faq.yml"
    old = "    title: Can our data scientists do MLOps themselves?\n"
    assert old in tree.read_text(encoding="utf-8")
    tree.write_text(tree.read_text(encoding="utf-8").replace(old, old[:-2] + ", <really>?\n"), encoding="utf-8")
    done = mkdocs_build(project, tmp_path / "two")
    assert done.returncode == 0, done.stderr
    second = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    drawn = sorted(second.keys() - first.keys())
    assert len(drawn) == 1  # the edited result's card, and no other
    assert {name: second[name] for name in first} == first  # the others were not drawn or written again
    head = parse(tmp_path / "two" / "tools" / "faq" / "ds-do-mlops" / "index.html").find("head")
    assert _meta(head, property="og:image").endswith("/" + drawn[0])
    assert (tmp_path / "two" / CARDS / drawn[0]).read_bytes() == (cache / drawn[0]).read_bytes()


def test_the_site_s_own_card_on_a_page_with_none(site):
    """The 404 page, drawn from a template and not a page, shows the site's card."""
    head = parse(site / "404.html").find("head")
    card = Card(CONFIG.site_name, CONFIG.site_name, summary=CONFIG.site_description)
    assert _meta(head, property="og:image") == f"{CONFIG.site_url}{CARDS}{card_key(card)}.png"


def test_serve_rebuilds_draw_only_the_edited_card_and_serve_every_card(project, tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    cache = project / ".cache" / "decision-tree" / "cards"
    tree = project / "docs" / "trees" / "faq.yml"
    old = "    title: Can our data scientists do MLOps themselves?\n"
    with serving(project, port, tmp_path / "serve.log"):
        page = _wait_for(lambda: _get(f"{base}tools/faq/ds-do-mlops/"), what="the first build")
        image = _meta(parse(page), property="og:image")
        assert image.startswith(base + CARDS)
        with urllib.request.urlopen(image, timeout=10) as response:
            assert png_size(response.read()) == (1200, 630)
        first = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
        tree.write_text(tree.read_text(encoding="utf-8").replace(old, "    title: Edited in serve\n"), encoding="utf-8")
        page = _wait_for(
            lambda: (text := _get(f"{base}tools/faq/ds-do-mlops/")) and "Edited in serve" in text and text,
            what="the rebuild",
        )
        edited = _meta(parse(page), property="og:image")
        with urllib.request.urlopen(edited, timeout=10) as response:
            assert png_size(response.read()) == (1200, 630)
    second = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert sorted(second.keys() - first.keys()) == [edited.rsplit("/", 1)[1]]
    assert {name: second[name] for name in first} == first
