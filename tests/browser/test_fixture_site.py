"""A changed copy of the site: renamed steps with aliases, two trees on one page, a strict CSP, and
Material's instant navigation turned on."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from decision_tree.check import check_directory
from devtools.project import ROOT, copy_project

from .conftest import built_and_served, enable_instant_navigation
from .guided import GUIDE

TWO_TREES = """---
description: Two tools on one page.
---
# Two tools

<!-- decision-tree faq -->

<!-- decision-tree archetype -->
"""


def inline_script_hashes(site: Path) -> list[str]:
    """Return the CSP hashes of every inline script the browser would run, across the built site."""
    found = set()
    for page in site.rglob("*.html"):
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", page.read_text(), re.S):
            if "src=" in attrs or "application/json" in attrs:
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            found.add(f"'sha256-{digest}'")
    return sorted(found)


def strict_csp(site: Path) -> dict[str, str]:
    policy = (
        "default-src 'self'; script-src 'self' "
        + " ".join(inline_script_hashes(site))
        + "; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'"
    )
    return {"Content-Security-Policy": policy}


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("changed-project"))
    tree = project / "docs" / "trees" / "need-mlops.yml"
    text = tree.read_text()
    text = re.sub(r"(?<!aliases: \[)\bhire-now\b", "hire-permanent", text)  # an old answer key stays as it was
    text = re.sub(r"\bincidents\b", "ownership", text)
    renames = "aliases:\n  hire-now: hire-permanent\n  incidents: ownership\n"
    # join any aliases the tree already has, so the file keeps a single aliases mapping
    text = re.sub(r"^aliases:\n", renames, text, flags=re.M) if re.search(r"^aliases:", text, re.M) else text + renames
    tree.write_text(text)
    (project / "docs" / "zz-two-trees.md").write_text(TWO_TREES)
    enable_instant_navigation(project)  # its fetches and re-run scripts must pass the policy too
    with built_and_served(project, tmp_path_factory.mktemp("changed-site"), headers=strict_csp) as base:
        yield base


def test_an_old_step_link_follows_the_aliases(page, changed_site):
    tree = check_directory(ROOT / "docs" / "trees").trees["need-mlops"]
    live = tree.questions["live"].answers[0]
    assert (live.next, live.key) == ("incidents", "incidents")  # its key is the id that the site renames
    renamed = tree.questions["incidents"]
    page.goto(f"{changed_site}tools/need-mlops/#need-mlops=live:{live.key}")
    expect(page.locator(".dt-player h2")).to_have_text(renamed.text)  # incidents, now called ownership
    expect(page).to_have_url(re.compile(r"need-mlops=live:ownership$"))  # the link now names the new id
    expect(page.locator(".dt-note")).to_have_count(0)
    page.goto(f"{changed_site}tools/need-mlops/#need-mlops=live:{live.key},incidents:zzz")
    expect(page.locator(".dt-note")).to_be_visible()


def test_an_old_result_page_sends_the_reader_to_the_new_one(page, changed_site):
    page.goto(f"{changed_site}tools/need-mlops/hire-now/")
    page.wait_for_url(f"{changed_site}tools/need-mlops/hire-permanent/")
    expect(page.locator("h1")).to_have_text("Hire MLOps now")


def test_two_trees_on_one_page_work_independently(page, changed_site):
    page.goto(f"{changed_site}zz-two-trees/")
    faq, archetype = page.locator("[data-decision-tree=faq]"), page.locator("[data-decision-tree=archetype]")
    faq.locator("button.dt-answer").first.click()
    archetype.locator("button.dt-answer").first.click()
    faq_heading = faq.locator(".dt-player h2").text_content()
    archetype_heading = archetype.locator(".dt-player h2").text_content()
    assert "faq=" in page.url and "archetype=" in page.url
    page.reload()
    expect(faq.locator(".dt-player h2")).to_have_text(faq_heading)
    expect(archetype.locator(".dt-player h2")).to_have_text(archetype_heading)
    faq.locator("button.dt-restart").click()
    expect(archetype.locator(".dt-player h2")).to_have_text(archetype_heading)
    assert "faq=" not in page.url and "archetype=" in page.url


def test_the_player_works_under_a_strict_content_security_policy(page, changed_site):
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    response = page.goto(changed_site)
    assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
    article = page.locator("article")
    article.get_by_role("link", name="MLOps hiring FAQ").first.click()  # instant navigation
    page.get_by_role("button", name=GUIDE).click()  # the FAQ lists its answers; the player is a button away
    page.locator(".dt-player button.dt-answer").first.click()
    page.locator(".dt-player button.dt-answer").first.click()
    expect(page.locator(".dt-player .dt-body")).to_be_visible()
    page.goto(changed_site)
    article.get_by_role("link", name="Which MLOps hire do you need?").first.click()
    page.locator(".dt-player button.dt-answer").first.click()
    expect(page.locator(".dt-player .dt-history li")).to_have_count(1)
    assert not violations, violations


def test_each_step_is_announced_in_the_live_region(page, changed_site):
    page.goto(f"{changed_site}embed/faq/")  # the guided FAQ alone (its page lists the answers)
    live = page.locator(".dt-player [role=status]")
    page.locator(".dt-player button.dt-answer").first.click()
    expect(live).not_to_be_empty()
    heading = page.locator(".dt-player h2").text_content()
    expect(live).to_contain_text(heading)
