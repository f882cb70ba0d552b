"""Build the site with --strict into a fresh folder, then swap it in for site/ in one step.

    python -m devtools.build [--deploy] [MKDOCS OPTIONS]   (./scripts/build; the Dockerfile and the workflow too)

A build for deployment (``SITE_URL`` set, or ``--deploy``) refuses to run unless ``SITE_URL`` is a
public http(s) address: the canonical links, the sitemap and the link previews (whose cards a
scraper fetches from it) all name it, and a loopback or private address in them fails quietly on
every shared link. Without either, it is a local build for ``http://127.0.0.1:8000/``.

After mkdocs, deploy/csp.py writes the security headers for the new site (site/_headers and the
nginx snippet deploy/generated/csp.conf), so the headers always match the pages they protect.

A failed or interrupted build leaves site/ exactly as it was: the new site only replaces it after
mkdocs has succeeded, and the swap is a single atomic rename (Linux renameat2 RENAME_EXCHANGE),
so a reader of site/ sees either the whole old site or the whole new one. Builds take turns (a
lock file, .site.lock): a second one waits for the first and says so. Stopping a build stops its
mkdocs too, and nothing half-built is left behind; a folder it can't write is one line of error.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import ipaddress
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from .headers import headers_command
from .site import mkdocs_command

RENAME_EXCHANGE = 2
PR_SET_PDEATHSIG = 1
LOCK = ".site.lock"  # one build at a time: two at once would race to swap in their sites
AT_FDCWD = -100


DEPLOY = "--deploy"
LOCAL_SUFFIXES = (".localhost", ".local", ".internal")  # names no reader outside can resolve


def address_problem(url: str | None) -> str | None:
    """Return why ``url`` cannot be a deployed site's address, or None if it is a public http(s) one."""
    if not url:
        return "a build for deployment needs SITE_URL, the site's public address (e.g. https://guide.example.com/)"
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:  # a malformed [IPv6] host
        return f"SITE_URL is not an address: {url!r}"
    if parts.scheme not in ("http", "https"):
        return f"SITE_URL must be an http or https address, not {url!r}"
    if not host:
        return f"SITE_URL has no host name: {url!r}"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        local = host == "localhost" or "." not in host or host.lower().endswith(LOCAL_SUFFIXES)
    else:
        local = not address.is_global
    if local:
        return (
            f"SITE_URL is {url!r}, which only this machine or network can reach: "
            "link previews and canonical links need the site's public address"
        )
    return None


def deploy_problem(argv: list[str], environ: Mapping[str, str]) -> str | None:
    """Return why this build, if it is one for deployment (SITE_URL set, or --deploy), must not run."""
    if DEPLOY not in argv and "SITE_URL" not in environ:
        return None  # a local build, for ./scripts/serve's address
    return address_problem(environ.get("SITE_URL"))


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


class Interrupted(Exception):
    """The build was asked to stop (Ctrl-C, kill, a closed terminal)."""


def _stop(signum, frame):
    raise Interrupted(signal.Signals(signum).name)


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Ask Linux to stop this child if the build is killed outright (SIGKILL runs no handler)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def run(command: list[str], **kwargs) -> int:
    """Run a step of the build; if the build is stopped, stop the step too, and wait for it."""
    with subprocess.Popen(
        command, preexec_fn=_die_with_parent if sys.platform == "linux" else None, **kwargs
    ) as process:
        try:
            return process.wait()
        except BaseException:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
            raise


@contextlib.contextmanager
def one_build_at_a_time(root: Path):
    """Hold the project's build lock; a second build waits for the first, and says so."""
    with open(root / LOCK, "a+b") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("another build of this site is running: waiting for it to finish ...", file=sys.stderr)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def build(root: Path, argv: list[str]) -> int:
    target = root / "site"
    for stale in root.glob(".site-new*"):  # left by a build killed outright; we hold the lock
        shutil.rmtree(stale, ignore_errors=True)
    new = Path(tempfile.mkdtemp(prefix=".site-new-", dir=root))
    try:
        umask = os.umask(0)
        os.umask(umask)
        new.chmod(0o777 & ~umask)  # as a folder mkdocs made would be, not mkdtemp's private 0700
        command = mkdocs_command(new, *argv)
        env = dict(os.environ)
        epoch = env.get("SOURCE_DATE_EPOCH") or source_date_epoch(root)
        if epoch:
            env["SOURCE_DATE_EPOCH"] = epoch  # https://reproducible-builds.org/specs/source-date-epoch/
        headers = headers_command(new, root / "deploy" / "generated" / "csp.conf")
        if run(command, cwd=root, env=env) != 0 or run(headers, cwd=root) != 0:
            print("build failed: site/ was left as it was", file=sys.stderr)
            return 1
        swap_in(new, target)
    finally:
        shutil.rmtree(new, ignore_errors=True)
    print(f"site built in {target.relative_to(root)}/", file=sys.stderr)
    return 0


def main(argv: list[str]) -> int:
    root = Path.cwd()  # scripts/build runs this from the project root, the Dockerfile from its copy
    problem = deploy_problem(argv, os.environ)
    if problem:
        print(f"build refused: {problem}", file=sys.stderr)
        return 2
    argv = [option for option in argv if option != DEPLOY]
    stops = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
    before = {signum: signal.signal(signum, _stop) for signum in stops}
    try:
        with one_build_at_a_time(root):
            return build(root, argv)
    except Interrupted as stop:
        print(f"build stopped ({stop}): site/ was left as it was", file=sys.stderr)
        return 130
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"build failed: {error.strerror or error}{where}; site/ was left as it was", file=sys.stderr)
        return 1
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
