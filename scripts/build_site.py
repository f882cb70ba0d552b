"""Build the site with --strict into a fresh folder, then swap it in for site/ in one step.

After mkdocs, deploy/csp.py writes the security headers for the new site (site/_headers and the
nginx snippet deploy/generated/csp.conf), so the headers always match the pages they protect.

A failed or interrupted build leaves site/ exactly as it was: the new site only replaces it after
mkdocs has succeeded, and the swap is a single atomic rename (Linux renameat2 RENAME_EXCHANGE),
so a reader of site/ sees either the whole old site or the whole new one.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from pathlib import Path

CSP = Path(__file__).resolve().parent.parent / "deploy" / "csp.py"  # writes the security headers
RENAME_EXCHANGE = 2
AT_FDCWD = -100


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; return False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return result == 0


def swap_in(new: Path, target: Path) -> None:
    """Make ``new`` the ``target`` folder, never leaving a half-written target behind."""
    if not target.exists():
        new.rename(target)
        return
    if not exchange(new, target):  # not Linux: two renames, with only a moment between them
        old = target.with_name(f".{target.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
        new.rename(target)
        new = old
    shutil.rmtree(new, ignore_errors=True)


def source_date_epoch(root: Path) -> str | None:
    """Return the time of the last commit, so dates in the build (the sitemap's) repeat exactly."""
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
    except OSError:
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None


def main(argv: list[str]) -> int:
    root = Path.cwd()  # scripts/build runs this from the project root
    target = root / "site"
    new = root / ".site-new"
    shutil.rmtree(new, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(new), *argv]
    env = dict(os.environ)
    epoch = env.get("SOURCE_DATE_EPOCH") or source_date_epoch(root)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch  # https://reproducible-builds.org/specs/source-date-epoch/
    headers = [sys.executable, str(CSP), str(new), "--nginx-conf", str(root / "deploy" / "generated" / "csp.conf")]
    if subprocess.run(command, cwd=root, env=env).returncode != 0 or subprocess.run(headers, cwd=root).returncode:
        shutil.rmtree(new, ignore_errors=True)
        print("build failed: site/ was left as it was", file=sys.stderr)
        return 1
    swap_in(new, target)
    print(f"site built in {target.relative_to(root)}/", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
