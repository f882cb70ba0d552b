"""Paths and small helpers shared by the engine tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from decision_tree.check import check_files
from decision_tree.diagnostics import Diagnostic
from devtools.project import ROOT

TREES = ROOT / "docs" / "trees"
BROKEN = Path(__file__).resolve().parent / "fixtures" / "broken"
GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLE = ROOT / "examples" / "minimal"  # another site: two pages on the stock mkdocs theme, one tree


def shipped_trees() -> list[Path]:
    """Return the tree files the site publishes."""
    return sorted(TREES.glob("*.yml"))


def pinned(diagnostic: Diagnostic) -> tuple:
    """Return what a test pins of a diagnostic: line, column, code, message and hint."""
    return (diagnostic.pos.line, diagnostic.pos.col, diagnostic.code, diagnostic.message, diagnostic.hint)


def diagnose(path: Path) -> list[tuple]:
    """Check one file and return its pinned diagnostics, in file order."""
    return [pinned(d) for d in check_files([path], docs=path.parent.parent).diagnostics]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """Run ``python -m decision_tree`` from the repository root, as an editor or CI would.

    Whatever the input, an editor must never see a traceback.
    """
    done = subprocess.run(
        [sys.executable, "-m", "decision_tree", *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8"
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done


def example_copy(target: Path) -> Path:
    """Copy examples/minimal to ``target``/project and return that folder."""
    project = target / "project"
    shutil.copytree(EXAMPLE, project)
    return project


def with_plugin_options(project: Path, options: str) -> None:
    """Give the decision-tree plugin of a copied example these option lines (indented under it)."""
    config = project / "mkdocs.yml"
    text = config.read_text()
    assert "  - decision-tree\n" in text
    config.write_text(text.replace("  - decision-tree\n", "  - decision-tree:\n" + options))


def with_theme(project: Path, theme: str) -> None:
    """Replace a copied example's ``theme: mkdocs`` line with ``theme`` (YAML lines)."""
    config = project / "mkdocs.yml"
    text = config.read_text()
    assert "theme: mkdocs\n" in text
    config.write_text(text.replace("theme: mkdocs\n", theme))
