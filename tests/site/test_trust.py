"""Builds you can trust: the same input gives the same bytes, and an interrupted build harms nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from devtools.build import source_date_epoch
from devtools.project import ROOT
from devtools.site import ENV, mkdocs_build

from .test_build import BUILD, _digest


def test_two_builds_of_the_same_input_are_byte_identical(project, tmp_path):
    env = {**ENV, "SOURCE_DATE_EPOCH": "1764000000"}
    outputs = []
    for name in ("one", "two"):
        out = tmp_path / name
        done = mkdocs_build(project, out, env=env)
        assert done.returncode == 0, done.stderr
        outputs.append(out)
        time.sleep(1.1)  # a build that wrote the time would now differ
    files = sorted(p.relative_to(outputs[0]) for p in outputs[0].rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(outputs[1]) for p in outputs[1].rglob("*") if p.is_file())
    differing = [str(f) for f in files if (outputs[0] / f).read_bytes() != (outputs[1] / f).read_bytes()]
    assert not differing


def test_scripts_build_dates_the_site_by_the_last_commit():
    expected = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    if expected.returncode != 0:
        pytest.skip("not a git checkout")
    assert source_date_epoch(ROOT) == expected.stdout.strip()


@pytest.mark.parametrize("delay", [0.3, 1.0, 2.0, 3.0])
def test_a_build_killed_part_way_leaves_the_old_or_the_new_site(project, delay):
    assert subprocess.run(BUILD, cwd=project, env=ENV, capture_output=True).returncode == 0
    old = _digest(project / "site")
    tree = project / "docs" / "trees" / "faq.yml"
    tree.write_text(tree.read_text().replace("title: MLOps hiring FAQ", "title: Changed FAQ", 1))
    build = subprocess.Popen(
        BUILD, cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    time.sleep(delay)
    os.killpg(build.pid, signal.SIGKILL)  # the script and mkdocs, mid-way
    build.wait()
    now = _digest(project / "site")
    if now != old:  # the swap happened before the kill: then it must be the complete new site
        assert subprocess.run(BUILD, cwd=project, env=ENV, capture_output=True).returncode == 0
        assert now == _digest(project / "site")
    finally_clean = subprocess.run(BUILD, cwd=project, env=ENV, capture_output=True)
    assert finally_clean.returncode == 0 and not (project / ".site-new").exists()
