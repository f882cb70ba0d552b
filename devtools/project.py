"""The project folder, and throwaway copies of what a build reads."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("docs", "overrides", "mkdocs.yml")  # what a site build reads


def copy_project(target: Path) -> Path:
    """Copy what a build reads into ``target``, to change it without touching the real project."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    return target
