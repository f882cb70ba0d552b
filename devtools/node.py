"""The locked Node packages (package-lock.json): esbuild, which makes the shipped player, and Lighthouse."""

from __future__ import annotations

import shutil
import subprocess
import sys

from .project import ROOT


def npm_ci(needed_by: str) -> None:
    """Install the locked Node packages if node_modules is missing or older than the lock."""
    if not shutil.which("npm"):
        raise SystemExit(f"error: {needed_by} needs Node.js and npm (Debian: apt-get install nodejs npm).")
    # npm writes node_modules/.package-lock.json on every install: older than the lock means out of date.
    installed = ROOT / "node_modules" / ".package-lock.json"
    if not installed.is_file() or (ROOT / "package-lock.json").stat().st_mtime > installed.stat().st_mtime:
        print("Installing the locked Node packages (npm ci) ...", file=sys.stderr)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, stdout=sys.stderr, check=True)
