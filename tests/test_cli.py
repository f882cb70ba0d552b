"""The command line an editor and CI run: exit codes, what goes to stdout, and what to stderr."""

from __future__ import annotations

import json
import re

from decision_tree.__main__ import main
from decision_tree.diagnostics import Diagnostic, Pos
from devtools.project import ROOT, copy_project

from .support import BROKEN, TREES, run_cli, shipped_trees


def test_check_without_arguments_checks_the_shipped_trees():
    done = run_cli("check")
    assert done.returncode == 0, done.stdout
    assert done.stdout == ""
    assert done.stderr == f"checked {len(shipped_trees())} trees: no problems\n"


def test_check_a_folder():
    assert run_cli("check", "docs/trees").returncode == 0
    done = run_cli("check", "tests/fixtures/broken")
    assert done.returncode == 1
    files = len(list(BROKEN.glob("*.yml")))
    assert re.fullmatch(rf"\d+ problems in {files} files\n", done.stderr)


def test_check_a_broken_file_exits_1_and_says_where():
    done = run_cli("check", "tests/fixtures/broken/dt016-one-answer.yml")
    assert done.returncode == 1
    assert done.stdout == (
        'tests/fixtures/broken/dt016-one-answer.yml:7:9: error DT016: question "first" has only one answer\n'
        "    hint: a question needs two or more answers; if there is no choice, leave the question out\n"
    )
    assert done.stderr == "1 problem in 1 file\n"


def test_check_a_missing_file():
    done = run_cli("check", "docs/trees/no-such-tree.yml")
    assert done.returncode == 1
    assert done.stdout == (
        "docs/trees/no-such-tree.yml:1:1: error DT001: the file cannot be read (No such file or directory)\n"
    )


def test_check_a_folder_without_trees(tmp_path):
    done = run_cli("check", str(tmp_path))
    assert done.returncode == 1
    assert done.stderr == f"error: no tree files (*.yml) found in {tmp_path}\n"


def test_check_a_file_outside_the_working_directory_shows_its_full_path(tmp_path):
    path = tmp_path / "t.yml"
    path.write_text((BROKEN / "dt016-one-answer.yml").read_text(encoding="utf-8"), encoding="utf-8")
    assert run_cli("check", str(path)).stdout.startswith(f"{path}:7:9: error DT016: ")


def test_check_reads_links_against_the_docs_folder_it_is_given(tmp_path):
    """A tree kept outside any docs folder links to the site's pages when --docs names the site."""
    path = tmp_path / "t.yml"
    path.write_text(
        (BROKEN / "dt016-one-answer.yml")
        .read_text(encoding="utf-8")
        .replace("answers:", "help: See [the brief](/brief.md).\n    answers:", 1),
        encoding="utf-8",
    )
    site, elsewhere = (
        run_cli("check", "--docs", "docs", str(path)),
        run_cli("check", "--docs", str(tmp_path), str(path)),
    )
    assert [line.split(": error ")[1][:5] for line in site.stdout.splitlines() if ": error " in line] == ["DT016"]
    assert "DT029" in elsewhere.stdout


def test_paths_prints_the_committed_manifest():
    done = run_cli("paths", "need-mlops")
    assert done.returncode == 0
    assert done.stdout == (TREES / "need-mlops.paths").read_text(encoding="utf-8")


def test_paths_accepts_a_file_path():
    done = run_cli("paths", "docs/trees/need-mlops.yml")
    assert done.stdout == (TREES / "need-mlops.paths").read_text(encoding="utf-8")


def test_paths_update_never_writes_through_a_symbolic_link(tmp_path, monkeypatch, capsys):
    copy_project(tmp_path)
    (tmp_path / "docs" / "trees" / "archetype.paths").unlink()
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / "docs" / "trees" / "archetype.paths").symlink_to(victim)
    monkeypatch.chdir(tmp_path)
    assert main(["paths", "--update"]) == 1
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert capsys.readouterr().err == (
        "error: docs/trees/archetype.paths is not an ordinary file (a symbolic link?): "
        "replace it with the file itself\n"
    )
    assert (tmp_path / "docs" / "trees" / "faq.paths").read_text(encoding="utf-8") == (TREES / "faq.paths").read_text(
        encoding="utf-8"
    )  # the other manifests are still kept up to date


def test_paths_without_a_tree_exits_2():
    done = run_cli("paths")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == "error: name a tree (for example: paths need-mlops), or pass --update\n"


def test_paths_with_a_tree_and_update_exits_2():
    done = run_cli("paths", "need-mlops", "--update")
    assert done.returncode == 2
    assert done.stderr == "error: give a tree or --update, not both\n"


def test_paths_of_a_broken_tree_reports_its_problems():
    done = run_cli("paths", "tests/fixtures/broken/dt031-loop.yml")
    assert done.returncode == 1
    assert done.stdout.startswith("tests/fixtures/broken/dt031-loop.yml:15:15: error DT031: ")


def test_schema_prints_the_committed_schema():
    done = run_cli("schema")
    assert done.returncode == 0
    committed = (ROOT / "decision_tree" / "schema.json").read_text(encoding="utf-8")
    assert json.loads(done.stdout) == json.loads(committed)
    assert done.stdout == committed


def test_an_unknown_command_is_a_usage_error():
    done = run_cli("chekc")
    assert done.returncode == 2
    assert "invalid choice: 'chekc'" in done.stderr


def test_github_annotations_escape_what_would_end_a_property_or_a_line():
    diagnostic = Diagnostic("docs/a,b:c.yml", Pos(3, 4), "DT021", "100% wrong\nreally", "fix it")
    assert diagnostic.format_github() == (
        "::error file=docs/a%2Cb%3Ac.yml,line=3,col=4,title=DT021 next goes nowhere::"
        "100%25 wrong%0Areally%0Ahint: fix it"
    )
