"""Build the real site once per test session, and helpers to build copies of the project."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..support import BUILD_ENV, ROOT, copy_project, mkdocs_build

__all__ = ["ENV", "ROOT", "copy_project", "mkdocs_build"]

ENV = BUILD_ENV


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
