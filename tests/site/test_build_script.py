"""scripts/build (devtools.build): one build at a time, never a mixed site, nothing left when stopped or refused."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from devtools import build as build_site
from devtools.site import ENV

from .test_build import BUILD


def _site_urls(site: Path) -> set[str]:
    """Return every canonical address the built pages give: one site_url per build."""
    found = set()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        at = text.find('<link rel="canonical" href="')
        if at >= 0:
            found.add(text[at + 28 :].split("/", 3)[2])
    return found


def test_two_builds_at_once_take_turns_and_publish_one_whole_site(project):
    first = subprocess.Popen(
        BUILD, cwd=project, env={**ENV, "SITE_URL": "https://one.example/"}, stderr=subprocess.PIPE, text=True
    )
    while not _children(first.pid) and first.poll() is None:  # the first runs mkdocs: it holds the lock
        time.sleep(0.01)
    second = subprocess.run(
        BUILD, cwd=project, env={**ENV, "SITE_URL": "https://two.example/"}, capture_output=True, text=True
    )
    first_err = first.communicate()[1]
    assert (first.returncode, second.returncode) == (0, 0), first_err + second.stderr
    assert _site_urls(project / "site") == {"two.example"}  # the later build, whole
    assert not list(project.glob(".site-new*"))


def test_a_second_build_says_it_is_waiting(project):
    import fcntl

    with open(project / ".site.lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        waiting = subprocess.Popen(BUILD, cwd=project, env=ENV, stderr=subprocess.PIPE, text=True)
        line = waiting.stderr.readline()
        assert "another build of this site is running: waiting" in line
        assert not (project / "site").exists()
    assert waiting.wait(timeout=300) == 0, waiting.stderr.read()
    assert (project / "site" / "index.html").is_file()


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(status.parent.name))
    return found


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_stopping_a_build_stops_mkdocs_and_leaves_nothing(project, how):
    build = subprocess.Popen(BUILD, cwd=project, env=ENV, stderr=subprocess.PIPE, text=True)
    children: list[int] = []
    while not children and build.poll() is None:  # mkdocs has started
        children = _children(build.pid)
        time.sleep(0.01)
    assert children, "the build ended before it started mkdocs"
    os.kill(build.pid, how)
    build.wait(timeout=60)
    for child in children:  # each child goes (a zombie of init is gone for our purposes)
        deadline = time.monotonic() + 60
        while Path(f"/proc/{child}").exists() and "Z" not in _state(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not Path(f"/proc/{child}").exists() or "Z" in _state(child), "mkdocs outlived the build"
    assert not (project / "site").exists()
    if how == signal.SIGTERM:
        assert not list(project.glob(".site-new*"))
        assert "build stopped (SIGTERM): site/ was left as it was" in build.stderr.read()
    done = subprocess.run(BUILD, cwd=project, env=ENV, capture_output=True, text=True)  # the next one works
    assert done.returncode == 0, done.stderr
    assert not list(project.glob(".site-new*"))


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_a_site_folder_it_cannot_replace_is_one_line_of_error(project, capsys):
    """A read-only or locked site/ (here: site/ is a mount point's stand-in, a file it cannot swap)."""
    (project / "site").mkdir()
    (project / "site" / "keep.txt").write_text("old")

    def refuse(new, target):
        raise PermissionError(13, "Permission denied", str(target))

    cwd = os.getcwd()
    os.chdir(project)
    try:
        original, build_site.swap_in = build_site.swap_in, refuse
        code = build_site.main([])
    finally:
        build_site.swap_in = original
        os.chdir(cwd)
    assert code == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"build failed: Permission denied ({project / 'site'}); site/ was left as it was"
    )
    assert (project / "site" / "keep.txt").read_text() == "old"
    assert not list(project.glob(".site-new*"))


@pytest.mark.parametrize(
    "url",
    [
        "",
        "http://127.0.0.1:8000/",
        "http://localhost:8080/",
        "http://guide.localhost/",
        "https://[::1]/",
        "http://0.0.0.0/",
        "http://10.1.2.3/",
        "http://192.168.0.10/",
        "http://intranet/",
        "http://guide.local/",
        "ftp://guide.example.com/",
        "guide.example.com",
        "https:///no-host/",
        "https://[not-an-address/",
    ],
)
def test_a_deployment_needs_a_public_http_address(url):
    assert build_site.address_problem(url)


@pytest.mark.parametrize(
    "url",
    ["https://guide.example.com/", "http://guide.example.com/sub/", "https://8.8.8.8/", "https://[2606:4700::1]/"],
)
def test_a_public_address_is_one_to_deploy_to(url):
    assert build_site.address_problem(url) is None


def test_a_deployment_build_without_a_public_address_is_refused_in_one_line(project):
    local = {key: value for key, value in ENV.items() if key != "SITE_URL"}
    for env, options in (
        ({**local, "SITE_URL": "http://127.0.0.1:8000/"}, []),  # SITE_URL set: a build for deployment
        ({**local, "SITE_URL": ""}, []),
        (local, ["--deploy"]),
        ({**local, "SITE_URL": "ftp://guide.example.com/"}, ["--deploy"]),
    ):
        done = subprocess.run(BUILD + options, cwd=project, env=env, capture_output=True, text=True)
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith("build refused: ") and len(done.stderr.splitlines()) == 1, done.stderr
        assert not (project / "site").exists() and not list(project.glob(".site-new*"))


def test_a_deployment_build_with_a_public_address_points_every_preview_there(project):
    env = {**ENV, "SITE_URL": "https://guide.example.com/"}
    done = subprocess.run(BUILD + ["--deploy"], cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _site_urls(project / "site") == {"guide.example.com"}
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:image" content="https://guide.example.com/assets/cards/' in home
