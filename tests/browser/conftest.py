"""Browser fixtures: the real site built for a loopback address, served, and pages in Chromium."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from devtools.fileserver import free_port, serving
from devtools.project import ROOT, copy_project
from devtools.site import mkdocs_build


@contextlib.contextmanager
def built_and_served(
    project: Path,
    out: Path,
    headers: Callable[[Path], dict[str, str]] | None = None,
    edit: Callable[[Path], None] | None = None,
) -> Iterator[str]:
    """Build ``project`` for http://127.0.0.1:PORT/ (its own address, as a deployment is) and serve it.

    ``headers`` makes the response headers from the built site; ``edit`` changes the built site before it
    is served. Yield the base URL.
    """
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    done = mkdocs_build(project, out, site_url=base)
    assert done.returncode == 0, done.stderr
    if edit:
        edit(out)
    with serving(out, port, headers(out) if headers else None):
        yield base


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The real site, built and served on a loopback port."""
    with built_and_served(ROOT, tmp_path_factory.mktemp("browser-site")) as base:
        yield base


@pytest.fixture(scope="session")
def instant_site(tmp_path_factory):
    """The real site with Material's instant navigation turned on, which the site leaves off.

    The player and the brief must keep working if an editor turns it on: pages then change without a
    reload, Material re-runs inline scripts and emits ``document$`` again for each page.
    """
    project = copy_project(tmp_path_factory.mktemp("instant-project"))
    enable_instant_navigation(project)
    with built_and_served(project, tmp_path_factory.mktemp("instant-site")) as base:
        yield base


def enable_instant_navigation(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text()
    assert "  features:\n" in text and "- navigation.instant" not in text
    config.write_text(text.replace("  features:\n", "  features:\n    - navigation.instant\n", 1))


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
