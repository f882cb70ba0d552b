"""The whole report for a file with many problems, compared with a golden file a reviewer can read.

Run ``pytest tests/test_golden.py --update-goldens`` to rewrite the golden file after a deliberate change.
"""

from __future__ import annotations

import re

from .support import GOLDEN, run_cli

SOURCE = "tests/golden/several-problems.yml"
EXPECTED = GOLDEN / "several-problems.txt"


def test_every_problem_of_a_file_is_reported_in_one_run(update_goldens):
    done = run_cli("check", SOURCE)
    assert done.returncode == 1
    if update_goldens:
        EXPECTED.write_text(done.stdout, encoding="utf-8", newline="")
    assert done.stdout == EXPECTED.read_text(encoding="utf-8")
    assert done.stderr == "12 problems in 1 file\n"


def test_the_report_is_sorted_by_line_and_covers_six_kinds_of_problem():
    heads = [line for line in run_cli("check", SOURCE).stdout.splitlines() if not line.startswith("    hint: ")]
    found = [re.match(rf"{re.escape(SOURCE)}:(\d+):(\d+): error (DT\d\d\d): .+", line) for line in heads]
    assert all(found), heads
    positions = [(int(m[1]), int(m[2])) for m in found]
    assert positions == sorted(positions)
    assert len({m[3] for m in found}) >= 6


def test_github_format_gives_one_workflow_annotation_per_problem():
    text = run_cli("check", SOURCE).stdout.splitlines()
    github = run_cli("check", "--format", "github", SOURCE)
    assert github.returncode == 1
    annotation = re.compile(
        r"::error file=tests/golden/several-problems\.yml,line=(\d+),col=(\d+),"
        r"title=(DT\d\d\d) [^:]+::(.+)"
    )
    found = [annotation.fullmatch(line) for line in github.stdout.splitlines()]
    assert all(found), github.stdout
    heads = [line for line in text if not line.startswith("    hint: ")]
    assert [f"{SOURCE}:{m[1]}:{m[2]}: error {m[3]}: {m[4].split('%0A')[0]}" for m in found] == heads
    assert "%0Ahint: did you mean" in github.stdout
