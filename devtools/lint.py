"""Lint, format and type checks, configured in pyproject.toml: a finding fails the suite.

python -m devtools.lint   (run by ./scripts/test and the pre-commit hook)
"""

from __future__ import annotations

import subprocess
import sys

from .project import ROOT

CHECKS = (
    ("ruff check", ["-m", "ruff", "check", "--quiet", "."]),
    ("ruff format", ["-m", "ruff", "format", "--check", "--quiet", "."]),
    ("mypy", ["-m", "mypy"]),
)


def main() -> int:
    failed = [name for name, args in CHECKS if subprocess.run([sys.executable, *args], cwd=ROOT).returncode != 0]
    if failed:
        print(f"lint: {', '.join(failed)} found problems (ruff format . rewrites the formatting)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
