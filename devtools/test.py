"""The whole suite: the tree check, lint and types, the player's JavaScript unit tests (after npm ci),
then pytest.

    python -m devtools.test [PYTEST OPTIONS]   (./scripts/test)

Browser tests drive a real Chromium: the system one if present, else Playwright's own download,
fetched here on first use. ``-m "not browser"`` selects the suite that never starts a browser.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from . import lint
from .browser import install_chromium, system_chromium
from .node import npm_ci
from .project import ROOT

JS_TESTS = ROOT / "tests" / "js"


def main(argv: list[str]) -> int:
    if subprocess.run([sys.executable, "-m", "decision_tree", "check"], cwd=ROOT).returncode != 0:
        return 1
    if lint.main() != 0:
        return 1
    chromium = system_chromium()
    if chromium:
        os.environ["CHROMIUM"] = chromium  # found once, for every browser test
    elif not install_chromium():
        print("error: no Chromium, and Playwright could not download one", file=sys.stderr)
        return 1
    if list(JS_TESTS.glob("*.test.mjs")):
        if not shutil.which("node"):
            print("error: node (20 or newer) is needed for tests/js", file=sys.stderr)
            return 1
        npm_ci("tests/js")  # esbuild: the shipped player must be what it makes of the source
        if subprocess.run(["node", "--test", str(JS_TESTS)], cwd=ROOT).returncode != 0:
            return 1
    os.execv(sys.executable, [sys.executable, "-m", "pytest", *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
