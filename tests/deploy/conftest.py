"""The real site, built and served by Debian's nginx with deploy/nginx.conf, on a loopback port."""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from devtools.fileserver import free_port
from devtools.headers import headers_command
from devtools.project import ROOT
from devtools.site import ENV, mkdocs_build

DEPLOY = ROOT / "deploy"
LISTEN = "listen 8080;"
MIME_TYPES = "/etc/nginx/mime.types"
NO_NGINX = (
    "nginx is not installed: the deployment tests serve the site with Debian's nginx "
    "(.ci/run installs it; on your machine: apt-get install nginx)"
)


def find_nginx() -> str:
    """Return the nginx binary; fail in CI and skip elsewhere when there is none."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(NO_NGINX, pytrace=False)
    pytest.skip(NO_NGINX)


def render_config(port: int, nginx: str) -> str:
    """Return deploy/nginx.conf listening on 127.0.0.1:port instead of the container's 8080."""
    text = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    assert text.count(LISTEN) == 1, f"deploy/nginx.conf should have one '{LISTEN}' line for the test to replace"
    text = text.replace(LISTEN, f"listen 127.0.0.1:{port};")
    if not Path(MIME_TYPES).exists():  # an nginx not from Debian: use the mime.types next to its own config
        version = subprocess.run([nginx, "-V"], capture_output=True, text=True).stderr
        conf_path = re.search(r"--conf-path=(\S+)", version)
        if conf_path:
            text = text.replace(MIME_TYPES, str(Path(conf_path.group(1)).with_name("mime.types")))
    return text


@dataclass
class Served:
    """A running nginx: its address, and the files it serves and was configured with."""

    base: str
    port: int
    site: Path
    conf: Path
    log: Path

    def get(self, path: str, headers: dict[str, str] | None = None):
        """Return (status, headers, body) of one GET, never following redirects."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()


def wait_for(port: int, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx exited with {process.returncode}:\n{log.read_text()}", pytrace=False)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail(f"nginx did not listen on 127.0.0.1:{port} within {seconds} s:\n{log.read_text()}", pytrace=False)


@contextlib.contextmanager
def nginx_serving(project: Path, prefix: Path) -> Iterator[Served]:
    """Build ``project`` for its loopback address, write its headers with csp.py, and serve it with nginx.

    The layout is the container's: PREFIX/site and PREFIX/run, and a config folder holding
    nginx.conf, security-headers.conf and generated/csp.conf and embed.conf.
    """
    nginx = find_nginx()
    site, conf, log = prefix / "site", prefix / "conf", prefix / "nginx.log"
    (prefix / "run").mkdir()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    # Its own address (instant navigation needs it); this checkout's engine, also for a copy of the project.
    done = mkdocs_build(project, site, site_url=base, env={**ENV, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    command = headers_command(site, conf / "generated" / "csp.conf", project / "mkdocs.yml")
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (conf / "nginx.conf").write_text(render_config(port, nginx), encoding="utf-8")
    shutil.copy2(DEPLOY / "security-headers.conf", conf / "security-headers.conf")
    command = [nginx, "-p", f"{prefix}/", "-c", str(conf / "nginx.conf"), "-e", "stderr"]
    if os.geteuid() == 0:  # as root nginx would run its workers as nobody, who cannot read pytest's 0700 folders
        command += ["-g", "user root;"]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, f"nginx -t rejected deploy/nginx.conf:\n{checked.stderr}"
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_for(port, process, log)
        yield Served(base, port, site, conf, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """The real site, built and served by nginx as deployed."""
    with nginx_serving(ROOT, tmp_path_factory.mktemp("nginx")) as site:
        yield site
