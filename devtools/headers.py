"""The security-headers step of a build: deploy/csp.py, run on a freshly built site.

csp.py stays in deploy/, beside the nginx configuration it reads and writes; this is the one place
that runs it (devtools.build) or imports it (the tests of its functions).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from .project import ROOT

CSP = ROOT / "deploy" / "csp.py"


def headers_command(site: Path, nginx_conf: Path, config_file: Path | None = None) -> list[str]:
    """Return the command that writes ``site``/_headers and the nginx snippets ``nginx_conf`` and,
    beside it, embed.conf, for a site built from ``config_file`` (default: the project's mkdocs.yml)."""
    command = [sys.executable, str(CSP), str(site), "--nginx-conf", str(nginx_conf)]
    return command + (["--config-file", str(config_file)] if config_file else [])


def load_csp() -> ModuleType:
    """Import deploy/csp.py, a script rather than a package module, once per process."""
    if "deploy_csp" not in sys.modules:
        spec = importlib.util.spec_from_file_location("deploy_csp", CSP)
        assert spec is not None and spec.loader is not None, CSP
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up here
        spec.loader.exec_module(module)
    return sys.modules["deploy_csp"]
