"""The embed option in mkdocs.yml: origins that may frame the tools, checked and written as the policy needs."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from decision_tree.config import DecisionTreeConfig
from decision_tree.embed import frame_ancestors, framed
from devtools.project import ROOT
from devtools.site import ENV


def validate(origins) -> tuple[list[str], list[str]]:
    """Return (the origins as the plugin keeps them, the problems MkDocs reports) for an embed option."""
    config = DecisionTreeConfig()
    config.load_dict({"embed": {"origins": origins}})
    errors, _warnings = config.validate()
    return (list(config.embed.origins) if not errors else []), [str(error) for _key, error in errors]


@pytest.mark.parametrize(
    "written, kept",
    [
        (["https://partner.example"], ["https://partner.example"]),
        (["HTTPS://Jobs.Partner.Example/"], ["https://jobs.partner.example"]),  # a trailing slash is no path
        (
            ["https://partner.example:443", "http://localhost:8123"],
            ["https://partner.example", "http://localhost:8123"],
        ),
        (["https://a.example", "https://b.example", "https://A.example"], ["https://a.example", "https://b.example"]),
        ([" https://partner.example:8443 "], ["https://partner.example:8443"]),
        ([], []),
        (None, []),  # origins: with every line below it commented out
    ],
)
def test_an_origin_is_kept_as_the_policy_writes_it(written, kept):
    assert validate(written) == (kept, [])


@pytest.mark.parametrize(
    "written, problem",
    [
        ("partner.example", "'partner.example' has no scheme: write https://partner.example"),
        ("https://partner.example/jobs", "'https://partner.example/jobs' has a path: an origin is only the scheme"),
        ("https://partner.example?x=1", "has a path"),
        ("https://*.partner.example", "has a wildcard: list each site that may frame the tools"),
        ("*", "has a wildcard"),
        ("'self'", "is a keyword, not an origin"),
        ("none", "is a keyword, not an origin"),
        ("ftp://partner.example", "has the scheme 'ftp': an origin starts https://"),
        ("https://user@partner.example", "has a user name"),
        ("http://partner.example", "'http://partner.example' is not served over https: write https://partner.example"),
        ("https://partner.example:99999", "its port is not a number from 1 to 65535"),
        ("https://partner.example;script-src 'unsafe-inline'", "is not one origin: write each on a line of its own"),
        ("https://partner.example https://other.example", "is not one origin"),
        ("https://partner.example,https://other.example", "is not one origin"),
        ("https://part_ner.example", "has no valid host name"),
        ("https://", "has no valid host name"),
        ("", "is not an origin"),
        (3, "3 is not an origin"),
    ],
)
def test_anything_but_an_origin_is_refused_in_plain_words(written, problem):
    kept, problems = validate([written])
    assert kept == [] and len(problems) == 1
    assert problems[0].startswith("Sub-option 'origins': ") and problem in problems[0]


def test_one_origin_written_without_a_list_says_to_write_a_list():
    assert validate("https://partner.example")[1] == [
        "Sub-option 'origins': write the origins as a list, one a line: - https://partner.example"
    ]


def test_the_build_stops_on_a_bad_origin_and_names_it(tmp_path):
    plugin = "  - decision-tree:\n      embed:\n        origins:\n          - partner.example\n"
    done = build(tiny_project(tmp_path, plugin))
    assert done.returncode == 1
    assert (
        "Plugin 'decision-tree' option 'embed': Sub-option 'origins': "
        "'partner.example' has no scheme: write https://partner.example"
    ) in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "site").exists()


def test_the_policy_lists_the_origins_or_lets_nobody_frame():
    assert frame_ancestors(["https://a.example", "http://localhost:8123"]) == "https://a.example http://localhost:8123"
    assert frame_ancestors([]) == "'none'"


def test_in_a_frame_the_outline_s_own_links_stay_and_every_other_link_leaves():
    html = '<a href="#faq--topic" data-key="x">A</a> <a href="../../tools/faq/drift/">B</a>'
    assert (
        framed(html) == '<a target="_self" href="#faq--topic" data-key="x">A</a> <a href="../../tools/faq/drift/">B</a>'
    )


TREE = """title: Pick a letter
start: letter
questions:
  letter:
    text: Which letter?
    answers:
      - label: A
        next: a
      - label: B
        next: b
outcomes:
  a:
    title: A it is
    body: Go with A.
  b:
    title: B it is
    body: Go with B.
"""


def tiny_project(folder, plugin: str, overrides: bool = True):
    """Write a one-tree site whose mkdocs.yml configures the plugin as ``plugin`` (YAML, indented)."""
    (folder / "docs" / "trees").mkdir(parents=True)
    (folder / "docs" / "trees" / "letters.yml").write_text(TREE, encoding="utf-8")
    (folder / "docs" / "index.md").write_text("# Letters\n\n<!-- decision-tree letters -->\n", encoding="utf-8")
    theme = "theme:\n  name: material\n" + ("  custom_dir: overrides\n" if overrides else "")
    if overrides:
        shutil.copytree(ROOT / "overrides", folder / "overrides")
    text = f"site_name: Letters\n{theme}exclude_docs: |\n  trees/\nplugins:\n{plugin}"
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    return folder


def build(project) -> subprocess.CompletedProcess:
    env = {**ENV, "PYTHONPATH": str(ROOT)}  # this checkout's plugin, wherever the project is installed from
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)


LISTED = "  - decision-tree:\n      embed:\n        origins:\n          - https://jobs.partner.example\n"


def test_with_origins_each_embedded_tree_gets_an_embed_page_and_without_none(tmp_path):
    listed = build(tiny_project(tmp_path / "listed", LISTED))
    assert listed.returncode == 0, listed.stderr
    assert sorted(p.parent.name for p in (tmp_path / "listed" / "site" / "embed").glob("*/index.html")) == ["letters"]
    unlisted = build(tiny_project(tmp_path / "unlisted", "  - decision-tree\n"))
    assert unlisted.returncode == 0, unlisted.stderr
    assert not (tmp_path / "unlisted" / "site" / "embed").exists()


def test_origins_without_the_embed_template_stop_the_build_saying_what_is_missing(tmp_path):
    done = build(tiny_project(tmp_path, LISTED, overrides=False))
    assert done.returncode == 1
    assert "the theme has no embed.html, the embed pages' template: keep overrides/embed.html" in done.stderr


def test_a_page_of_its_own_at_an_embed_address_stops_the_build(tmp_path):
    project = tiny_project(tmp_path, LISTED)
    (project / "docs" / "embed").mkdir()
    (project / "docs" / "embed" / "letters.md").write_text("# Mine\n", encoding="utf-8")
    done = build(project)
    assert done.returncode == 1
    assert "docs/embed/letters.md: this address is kept for the tool's embed page; move the page" in done.stderr
