"""Shared options and fixtures for the engine tests, the browser every browser test drives, and the
one rule that marks browser tests: ``pytest -m "not browser"`` never starts Chromium."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from devtools.browser import ARGS, find_chromium


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite golden files from the current output instead of comparing",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the ``browser`` fixture (directly or through another) as a browser test."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    """Chromium for the whole session: one sync Playwright, as a thread can hold only one."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=find_chromium(), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def write_tree(tmp_path: Path) -> Callable[..., Path]:
    """Return a function that writes tree text (str, or bytes as given) to a file in tmp_path."""

    def write(text: str | bytes, name: str = "t.yml") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        return path

    return write
