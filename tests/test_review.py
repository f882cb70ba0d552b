"""The pull-request summary: problems at file:line:col, route reports before and after, routes added and
removed, pinned advice, and generated files that need ./scripts/update-paths."""

from __future__ import annotations

import subprocess

from devtools.project import copy_project
from devtools.review import base_trees, main, summary


def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _repo(tmp_path):
    """A copy of the project in a git repository of its own, committed: the branch a change goes into."""
    repo = copy_project(tmp_path / "repo")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base")
    return repo


def test_a_routing_change_shows_its_effect_on_every_result_and_route(tmp_path):
    repo = _repo(tmp_path)
    tree = repo / "docs" / "trees" / "faq.yml"
    text = tree.read_text(encoding="utf-8")
    # Send one topic's answer to another result: one route removed, one added, shares move.
    tree.write_text(text.replace("next: ds-do-mlops", "next: too-early", 1), encoding="utf-8")
    text_out, ok = summary(base_trees("HEAD", repo), repo / "docs")
    assert "### MLOps hiring FAQ (`faq`)" in text_out
    assert "Routes added (1)" in text_out and "Routes removed (1)" in text_out
    assert "→ too-early" in text_out.split("Routes added (1)")[1].split("</details>")[0]
    assert "No route changed" in text_out  # the other trees
    # ds-do-mlops is now unreachable: the check's problem is listed with its place and hint, and it fails.
    assert "docs/trees/faq.yml:" in text_out and "error DT030" in text_out and "hint:" in text_out
    assert not ok


def test_an_unchanged_tree_with_stale_generated_files_says_what_to_run(tmp_path):
    repo = _repo(tmp_path)
    (repo / "docs" / "trees" / "faq.paths").write_text("# stale\n", encoding="utf-8")
    text_out, ok = summary(base_trees("HEAD", repo), repo / "docs")
    assert "**The check finds no problems.**" in text_out
    assert "`faq.paths`" in text_out and "./scripts/update-paths" in text_out
    assert not ok


def test_pinned_advice_is_listed_and_author_text_cannot_break_the_markdown(tmp_path):
    repo = _repo(tmp_path)
    text_out, ok = summary(base_trees("HEAD", repo), repo / "docs")
    assert ok, text_out
    assert "- Scenario: " in text_out and "- Never `" in text_out
    tree = repo / "docs" / "trees" / "faq.yml"
    tree.write_text(tree.read_text(encoding="utf-8").replace("title: MLOps hiring FAQ", "title: A | <b>FAQ</b>", 1))
    text_out, _ok = summary(base_trees("HEAD", repo), repo / "docs")
    assert "### A \\| &lt;b>FAQ&lt;/b> (`faq`)" in text_out


def test_the_command_needs_a_base_revision(capsys):
    assert main([]) == 2
    assert "usage: python -m devtools.review BASE" in capsys.readouterr().err
