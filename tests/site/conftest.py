"""The real site, built once per test session, and a throwaway copy of the project per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools.project import ROOT, copy_project
from devtools.site import mkdocs_build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once with --strict."""
    out = tmp_path_factory.mktemp("site")
    done = mkdocs_build(ROOT, out)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")
