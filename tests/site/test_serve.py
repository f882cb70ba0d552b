"""./scripts/serve's engine: an edit rebuilds; a broken edit is reported and the last good site stays."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from devtools.fileserver import free_port
from devtools.site import ENV


def _wait_for(condition, seconds: float = 60.0, what: str = "condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return None


@contextlib.contextmanager
def serving(project: Path, port: int, log: Path):
    """Run ``mkdocs serve`` on the project, its output in ``log``; stop it afterwards."""
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=ENV,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_rebuilds_on_tree_edits_and_survives_a_broken_one(project: Path):
    port = free_port()
    log = project / "serve.log"
    url = f"http://127.0.0.1:{port}/tools/faq/"
    tree = project / "docs" / "trees" / "faq.yml"
    original = tree.read_text()
    with serving(project, port, log) as server:
        _wait_for(lambda: _get(url), what="the first build")
        tree.write_text(original.replace("title: MLOps hiring FAQ", "title: Edited FAQ", 1))
        _wait_for(lambda: '"title":"Edited FAQ"' in (_get(url) or ""), what="the edit to show")

        tree.write_text(original.replace("title: MLOps hiring FAQ", "titel: Broken FAQ", 1))
        _wait_for(lambda: "error DT010" in log.read_text(), what="the diagnostics")
        assert '"title":"Edited FAQ"' in (_get(url) or ""), "the last good version is no longer served"
        assert 'did you mean "title"?' in log.read_text()

        tree.write_text(original.replace("title: MLOps hiring FAQ", "title: Fixed FAQ", 1))
        _wait_for(lambda: '"title":"Fixed FAQ"' in (_get(url) or ""), what="recovery after the fix")
        assert server.poll() is None, "the server stopped"
        assert "Traceback" not in log.read_text()


TITLE = '"title":"Which MLOps hire do you need?"'


def test_serve_keeps_answering_when_a_tree_file_is_deleted_or_renamed(project: Path):
    port = free_port()
    log = project / "serve.log"
    url = f"http://127.0.0.1:{port}/tools/archetype/"
    contact = f"http://127.0.0.1:{port}/contact/"
    tree = project / "docs" / "trees" / "archetype.yml"
    with serving(project, port, log) as server:
        _wait_for(lambda: _get(url), what="the first build")
        renamed = tree.with_name("archetype-old.yml")
        tree.rename(renamed)
        # need-mlops continues with archetype: its check fails too, and the last good trees are served
        _wait_for(lambda: "still serving the last good version" in log.read_text(), what="the error")
        _wait_for(
            lambda: "Reloading browsers" in log.read_text().rsplit("still serving the last good version", 1)[1],
            what="the rebuild to finish",
        )
        assert TITLE in (_get(url) or ""), "the last good tree is no longer served"
        assert _get(contact), "the server stopped answering"
        renamed.unlink()
        marker = log.read_text().count("Reloading browsers")
        _wait_for(lambda: log.read_text().count("Reloading browsers") > marker, what="a rebuild after deleting")
        assert _get(contact) and TITLE in (_get(url) or "")
        assert server.poll() is None, "the server stopped"
        assert "Traceback" not in log.read_text()
        assert "server will appear stuck" not in log.read_text()
