"""Find Chromium: the system one ($CHROMIUM, then PATH), else the one Playwright downloaded.

    python -m devtools.browser [--install]

prints the browser found; with --install, asks Playwright to download one if there is none.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
# Quiet and local: no background requests, updates or first-run screens.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def system_chromium() -> str | None:
    """Return $CHROMIUM, or the first Chromium on PATH."""
    return os.environ.get("CHROMIUM") or next(filter(None, map(shutil.which, NAMES)), None)


def playwright_chromium() -> str | None:
    """Return the Chromium Playwright downloaded for its own version, if it is there."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        path = p.chromium.executable_path
    return path if Path(path).is_file() else None


def find_chromium() -> str | None:
    """Return the system Chromium, else Playwright's download, else None."""
    return system_chromium() or playwright_chromium()


def install_chromium() -> str | None:
    """Return the Chromium found, after asking Playwright to download one if there is none."""
    found = find_chromium()
    if not found:
        print("No Chromium found: asking Playwright to download one ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"])
        found = find_chromium()
    return found


def main(argv: list[str]) -> int:
    found = install_chromium() if "--install" in argv else find_chromium()
    if not found:
        print("no Chromium found: install Debian's chromium, set CHROMIUM, or run with --install", file=sys.stderr)
        return 1
    print(found)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
