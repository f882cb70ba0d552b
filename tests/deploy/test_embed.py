"""The embed pages of the real site, served by nginx: the tool alone, framed only by mkdocs.yml's origins."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest

from decision_tree.check import check_directory
from devtools.headers import load_csp
from devtools.project import ROOT
from tests.site.html import parse

from .test_nginx import SECURITY_HEADERS, directives

csp = load_csp()
ORIGINS = csp.embed_origins(ROOT / "mkdocs.yml")
TREES = sorted(check_directory(ROOT / "docs" / "trees", ROOT / "docs").trees)
TOOLS = {"need-mlops": "tools/need-mlops/", "archetype": "tools/archetype/", "faq": "tools/faq/"}
EMBED_HEADERS = {name: value for name, value in SECURITY_HEADERS.items() if name != "X-Frame-Options"}


def test_mkdocs_yml_lists_the_origins_that_may_frame_the_tools():
    assert ORIGINS == ["https://jobs.selicor.example"]


@pytest.mark.parametrize("tree", TREES)
def test_each_tree_s_embed_page_may_be_framed_by_the_listed_origins_only(served, tree):
    status, headers, body = served.get(f"/embed/{tree}/")
    assert status == 200
    assert body == (served.site / "embed" / tree / "index.html").read_bytes()
    assert "X-Frame-Options" not in headers  # DENY would refuse the origins the policy lets in
    for name, value in EMBED_HEADERS.items():
        assert headers.get_all(name) == [value], name
    [policy] = headers.get_all("Content-Security-Policy")
    framed = directives(policy)
    assert framed.pop("frame-ancestors") == " ".join(ORIGINS)
    everywhere = directives(served.get("/")[1]["Content-Security-Policy"])
    assert everywhere.pop("frame-ancestors") == "'none'"
    assert framed == everywhere  # the rest of the policy is the site's


@pytest.mark.parametrize(
    "path",
    ["/", "/tools/faq/", "/tools/need-mlops/hire-now/", "/brief/", "/assets/decision-tree/player.js"],
)
def test_every_other_address_may_be_framed_by_nobody(served, path):
    status, headers, _ = served.get(path)
    assert status == 200
    assert headers.get_all("X-Frame-Options") == ["DENY"]
    assert directives(headers["Content-Security-Policy"])["frame-ancestors"] == "'none'"


@pytest.mark.parametrize("path", ["/embed/", "/embed/no-such-tool/", "/embed/faq/nothing-here"])
def test_a_missing_embed_address_is_the_404_page_framed_by_nobody(served, path):
    status, headers, body = served.get(path)
    assert status == 404
    assert body == (served.site / "404.html").read_bytes()
    assert headers.get_all("X-Frame-Options") == ["DENY"]
    assert directives(headers["Content-Security-Policy"])["frame-ancestors"] == "'none'"


def test_an_embed_address_without_its_slash_redirects_to_it(served):
    status, headers, _ = served.get("/embed/faq")
    assert (status, headers["Location"]) == (301, "/embed/faq/")


def test_nginx_is_told_the_same_policies_as_the_browser_gets(served):
    generated = served.conf / "generated"
    page = served.get("/")[1]["Content-Security-Policy"]
    framed = served.get("/embed/faq/")[1]["Content-Security-Policy"]
    assert f'add_header Content-Security-Policy "{page}" always;' in (generated / "csp.conf").read_text()
    embed_conf = (generated / "embed.conf").read_text()
    assert f'add_header Content-Security-Policy "{framed}" always;' in embed_conf
    assert "X-Frame-Options" not in embed_conf


@pytest.mark.parametrize("tree", TREES)
def test_an_embed_page_is_the_tool_alone(served, tree):
    page = parse(served.site / "embed" / tree / "index.html")
    tool = served.base + TOOLS[tree]
    head = {(m.attrs.get("name"), m.attrs.get("content")) for m in page.find_all("meta")}
    assert not [content for name, content in head if name == "robots"]  # the canonical address does the work
    assert [link.attrs["href"] for link in page.find_all("link", rel="canonical")] == [tool]
    assert [base.attrs for base in page.find_all("base")] == [{"target": "_blank"}]  # links leave the frame
    # No site header, navigation, tabs, search, footer or call to action; none of Material's script.
    for absent in ("md-header", "md-tabs", "md-sidebar", "md-search", "md-footer", "cta"):
        assert not page.find_all(class_=absent), absent
    scripts = [s.attrs["src"] for s in page.find_all("script") if "src" in s.attrs]
    assert scripts == ["../../assets/decision-tree/player.js"]
    [root] = page.find_all("div", data_decision_tree=tree)
    assert root.find(class_="dt-outline") is not None  # the tool, readable before any script runs
    stylesheets = [link.attrs["href"] for link in page.find_all("link", rel="stylesheet")]
    assert "../../assets/decision-tree/player.css" in stylesheets
    assert any("assets/stylesheets/palette." in href for href in stylesheets)  # the theme's light and dark


@pytest.mark.parametrize("tree", TREES)
def test_an_embed_page_s_links_go_to_the_main_site_and_its_outline_s_stay_in_the_frame(served, tree):
    page = parse(served.site / "embed" / tree / "index.html")
    here = f"{served.base}embed/{tree}/"
    island = json.loads(page.find("template", class_="dt-data").find("script").all_text)
    for outcome, data in island["outcomes"].items():  # "Read the full result", as the player draws it
        assert urljoin(here, data["url"]) == f"{served.base}{TOOLS[tree]}{outcome}/"
        assert (served.site / TOOLS[tree] / outcome / "index.html").is_file()
    for link in page.find("div", data_decision_tree=tree).find_all("a"):
        href = link.attrs["href"]
        if href.startswith("#"):
            assert link.attrs.get("target") == "_self", href
        else:
            assert "target" not in link.attrs and not urljoin(here, href).startswith(f"{served.base}embed/"), href


def test_embed_pages_are_kept_out_of_the_sitemap_and_the_search(served):
    sitemap = (served.site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{served.base}tools/faq/" in sitemap and "/embed/" not in sitemap
    index = json.loads((served.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] and not [doc for doc in index["docs"] if doc["location"].startswith("embed/")]
