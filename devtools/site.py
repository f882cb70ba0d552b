"""A strict MkDocs build of a project into a folder: the one way every tool builds the site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .project import ROOT

# The environment of a tool run in a throwaway copy of the project: devtools is not installed (it is
# not in the package), so the checkout goes on the import path, ahead of whatever the caller had.
ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
}


def mkdocs_command(site_dir: Path, *options: str) -> list[str]:
    """Return the command line of a strict build into ``site_dir``."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *options]


def mkdocs_build(
    project: Path, site_dir: Path, site_url: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Build ``project`` strictly into ``site_dir`` (for ``site_url``, if given); return the finished process."""
    env = {**(env or ENV), **({"SITE_URL": site_url} if site_url else {})}
    return subprocess.run(mkdocs_command(site_dir), cwd=project, env=env, capture_output=True, text=True)
