"""Browser fixtures: the real site built for a loopback address, served, and driven by Chromium."""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

import pytest
from playwright.sync_api import sync_playwright

from ..support import copy_project

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


def chromium_path() -> str | None:
    """Return the system Chromium, or None to let Playwright use its own download."""
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate:
            return candidate
    return None


class QuietHandler(SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}

    def log_message(self, format, *args):  # keep test output readable
        pass

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()


def build_and_serve(project: Path, out: Path, headers: Callable[[Path], dict[str, str]] | None = None):
    """Build ``project`` for http://127.0.0.1:PORT/ (its own address, as a deployment is) and serve it.

    ``headers`` makes the response headers from the built site. Return (base URL, server); call
    ``server.shutdown()`` when done.
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                          cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    handler_class = type("Handler", (QuietHandler,), {"extra_headers": headers(out) if headers else {}})
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler_class, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return base, server


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The real site, built and served on a loopback port."""
    base, server = build_and_serve(ROOT, tmp_path_factory.mktemp("browser-site"))
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def instant_site(tmp_path_factory):
    """The real site with Material's instant navigation turned on, which the site leaves off.

    The player and the brief must keep working if an editor turns it on: pages then change without a
    reload, Material re-runs inline scripts and emits ``document$`` again for each page.
    """
    project = copy_project(tmp_path_factory.mktemp("instant-project"))
    enable_instant_navigation(project)
    base, server = build_and_serve(project, tmp_path_factory.mktemp("instant-site"))
    yield base
    server.shutdown()


def enable_instant_navigation(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text()
    assert "  features:\n" in text and "- navigation.instant" not in text
    config.write_text(text.replace("  features:\n", "  features:\n    - navigation.instant\n", 1))


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1100, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    """A page that fails the test on any console error or uncaught exception."""
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    page.errors = errors
    yield page
    assert not errors, "\n".join(errors)
