"""The dev tooling's helpers (devtools/): a project copy, the file server, the browser it picks, and
the Lighthouse that ./scripts/audit runs."""

from __future__ import annotations

import json
import re
import urllib.request

from devtools.browser import find_chromium
from devtools.fileserver import free_port, serving
from devtools.project import ROOT, copy_project


def test_a_copy_of_the_project_holds_what_a_build_reads(tmp_path):
    copy = copy_project(tmp_path / "copy")
    assert sorted(p.name for p in copy.iterdir()) == ["docs", "mkdocs.yml", "overrides"]
    assert (copy / "docs" / "trees" / "faq.yml").read_bytes() == (ROOT / "docs" / "trees" / "faq.yml").read_bytes()


def test_the_file_server_serves_a_folder_with_the_headers_asked_for(tmp_path, capsys):
    (tmp_path / "index.html").write_text("<p>hello</p>", encoding="utf-8")
    port = free_port()
    with serving(tmp_path, port, headers={"X-Test": "yes"}) as base:
        assert base == f"http://127.0.0.1:{port}/"
        with urllib.request.urlopen(base) as response:
            assert (response.read(), response.headers["X-Test"]) == (b"<p>hello</p>", "yes")
    assert capsys.readouterr() == ("", "")  # no log line per request


def test_the_chromium_named_in_the_environment_is_the_one_used(monkeypatch):
    monkeypatch.setenv("CHROMIUM", "/opt/chromium/chrome")
    assert find_chromium() == "/opt/chromium/chrome"


def test_lighthouse_is_pinned_to_one_version():
    """./scripts/audit gives comparable numbers only with the same Lighthouse every time."""
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = package["devDependencies"]["lighthouse"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), version
    assert lock["lockfileVersion"] == 3
    assert lock["packages"]["node_modules/lighthouse"]["version"] == version


def test_the_site_bench_weighs_a_copy_without_the_plugin_that_still_builds(tmp_path):
    """./scripts/bench compares the site with a copy whose tool pages are plain: no plugin, no embed
    line (listed trees too) and no tool-length line left for the site's hook, which needs the trees."""
    from devtools.bench_site import without_trees
    from devtools.site import mkdocs_build

    project = without_trees(copy_project(tmp_path / "project"))
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<!--\s*(decision-tree|tool-length)\s", text), page
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 0, done.stderr
