"""Write the site's security headers, with a Content-Security-Policy that hashes every inline script.

    python deploy/csp.py [SITE] [--nginx-conf FILE] [--config-file MKDOCS_YML]

Material for MkDocs puts a few small inline scripts in every page (the base URL, the saved palette),
so a policy without 'unsafe-inline' must list the SHA-256 of each. They depend on the built HTML
(the base URL differs with a page's depth), so this runs after every build, reads SITE (default
``site``) and writes:

    SITE/_headers                for Netlify and Cloudflare Pages: every security header for /*, and
                                 year-long caching for Material's fingerprinted assets
    deploy/generated/csp.conf    the nginx ``add_header`` lines of the policy and X-Frame-Options,
                                 for every page but the embed pages: no page may be framed
    deploy/generated/embed.conf  the same for /embed/ (decision_tree/embed.py): the policy's
                                 frame-ancestors are the origins that mkdocs.yml lists, and no
                                 X-Frame-Options (its DENY would refuse them all)

The other headers come from deploy/security-headers.conf, so nginx and _headers always agree.
Only the inline scripts the site means to have are hashed: those written in the theme's templates
(Material's and overrides/), recognised by their text, never whatever a page happens to hold. Before
writing anything it checks every page for anything else: another inline script, an event-handler
attribute, a javascript: URL, a <style> element or a style attribute. If it finds any, it names
each by file, line and column and writes nothing. It needs the project's environment (Material, to
read its templates, and decision_tree.active).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import importlib.util
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# The engine of this checkout, whichever copy of the project the environment has installed: run as a
# script, Python looks for imports beside it, in deploy/, then in the environment.
sys.path.insert(0, str(ROOT))

from decision_tree import active, embed  # noqa: E402
from decision_tree.active import is_known, template_scripts  # noqa: E402

SECURITY_HEADERS = HERE / "security-headers.conf"
NGINX_CONF = HERE / "generated" / "csp.conf"
EMBED_CONF = "embed.conf"  # written beside NGINX_CONF
MKDOCS_YML = ROOT / "mkdocs.yml"
PLUGIN = "decision-tree"
# Sent with frame-ancestors 'none', for browsers that predate it; never on the embed pages, where
# DENY would refuse the origins the policy allows.
NO_FRAMING = ("X-Frame-Options", "DENY")

# The policy; script-src also gets one 'sha256-...' per distinct inline script. Material needs no more:
# its search worker is a same-origin file (worker-src 'self'), it fetches the index and, if instant
# navigation is on, the pages (connect-src 'self'), and its icons in CSS are data: URLs (img-src data:).
DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
)

# Material's own bundles carry a content hash in their names (bundle.a5f9d56c.min.js), so a new
# version is a new URL and the old one can be cached for a year. The same pattern is in nginx.conf.
FINGERPRINTED = re.compile(r"^assets/(javascripts|stylesheets)/.+\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$")
IMMUTABLE = "public, max-age=31536000, immutable"

ADD_HEADER = re.compile(r'^\s*add_header\s+([\w-]+)\s+"([^"]*)"(?:\s+always)?\s*;', re.M)


def theme_templates() -> list[Path]:
    """Return the template folders the site is drawn from: Material's, then the project's overrides."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "error: Material for MkDocs is not installed here, so its inline scripts cannot be "
            "recognised: run this with the project's .venv/bin/python"
        )
    return [Path(spec.submodule_search_locations[0]) / "templates", ROOT / "overrides"]


@dataclass
class Scan:
    """What the pages of a site hold that the policy must allow or would block."""

    scripts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def hashes(self) -> list[str]:
        return sorted({script_hash(text) for text in self.scripts})


def script_hash(text: str) -> str:
    """Return the CSP source that allows an inline script with exactly this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def scan_site(site: Path, templates: list[Path] | None = None) -> Scan:
    """Read every page of a built site: its inline scripts, and anything the policy must refuse.

    An inline script is allowed only if it is one of the theme's own (``templates``, by default
    Material's and the overrides'), whatever else a page holds; any other is a problem, as are event
    handlers, javascript: addresses and inline styles.
    """
    known = template_scripts(theme_templates() if templates is None else templates)
    scan = Scan()
    for page in sorted(site.rglob("*.html")):
        for found in active.scan(page.read_text(encoding="utf-8")):
            if found.kind == "script" and is_known(found.detail, known):
                scan.scripts.append(found.detail)
            else:
                scan.problems.append(
                    f"{page}:{found.line}:{found.col}: {found.describe()}"
                    + (f": {_preview(found.detail)}" if found.kind == "script" else "")
                )
    return scan


def _preview(script: str) -> str:
    text = " ".join(script.split())
    return repr(text if len(text) <= 60 else text[:57] + "...")


def policy(hashes: list[str], frame_ancestors: str = "'none'") -> str:
    """Return the Content-Security-Policy value allowing the given inline-script hashes, and framing
    by ``frame_ancestors`` (by nobody, by default)."""
    parts = []
    for name, sources in DIRECTIVES:
        if name == "script-src":
            sources = " ".join([sources, *hashes])
        elif name == "frame-ancestors":
            sources = frame_ancestors
        parts.append(f"{name} {sources}")
    return "; ".join(parts)


def embed_origins(config_file: Path) -> list[str]:
    """Return the origins mkdocs.yml allows to frame the embed pages, as the build validated them."""
    from mkdocs.config import load_config  # here: the rest of this script does not need MkDocs

    config = load_config(str(config_file))
    plugin = config.plugins.get(PLUGIN)
    return list(plugin.config.embed.origins) if plugin is not None else []


def static_headers(conf: Path = SECURITY_HEADERS) -> list[tuple[str, str]]:
    """Return the (name, value) of each add_header in the nginx snippet, comments left out."""
    text = "\n".join(
        line for line in conf.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")
    )
    return ADD_HEADER.findall(text)


def fingerprinted(site: Path) -> list[str]:
    """Return the site paths of the fingerprinted assets, as /assets/..."""
    found = (path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    return sorted(f"/{name}" for name in found if FINGERPRINTED.fullmatch(name))


def headers_file(csp: str, headers: list[tuple[str, str]], assets: list[str]) -> str:
    """Return a _headers file (Netlify, Cloudflare Pages) with the same headers nginx sends, but for
    the embed pages: these hosts join the values of overlapping rules, so /embed/ keeps the /* rule's
    frame-ancestors 'none' there (deploy/README.md)."""
    lines = [
        "# Written by deploy/csp.py from the built site; do not edit. Read by Netlify and Cloudflare Pages.",
        "/*",
        f"  Content-Security-Policy: {csp}",
    ]
    lines += [f"  {name}: {value}" for name, value in [*headers, NO_FRAMING]]
    for asset in assets:  # only these: where rules overlap, both hosts join the values of a header
        lines += ["", asset, f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def nginx_conf(csp: str, scripts: int, framed_by: list[str] | None = None) -> str:
    """Return the nginx snippet of the policy that deploy/nginx.conf includes: for the pages no site
    may frame, or, given ``framed_by``, for the embed pages, which those origins may frame."""
    lines = [f"# Written by deploy/csp.py from the built site ({scripts} inline scripts); do not edit."]
    if framed_by is not None:
        lines.append(f"# The embed pages (/{embed.FOLDER}/): mkdocs.yml lets these origins frame them.")
    lines.append(f'add_header Content-Security-Policy "{csp}" always;')
    if not framed_by:  # no origins: the embed pages are refused like every page
        lines.append('add_header {} "{}" always;'.format(*NO_FRAMING))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python deploy/csp.py", description=__doc__.split("\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="the built site (default: site)")
    parser.add_argument(
        "--nginx-conf",
        type=Path,
        default=NGINX_CONF,
        help="where to write the nginx snippet (default: deploy/generated/csp.conf)",
    )
    parser.add_argument(
        "--templates",
        type=Path,
        action="append",
        help="a folder of the theme's templates, whose inline scripts are the allowed ones "
        "(repeatable; default: Material's templates and overrides/)",
    )
    parser.add_argument(
        "--config-file",
        type=Path,
        default=MKDOCS_YML,
        help="the mkdocs.yml the site was built from, for the origins that may frame its embed pages "
        "(default: the project's)",
    )
    ns = parser.parse_args(argv)
    if not (ns.site / "index.html").is_file():
        print(f"error: {ns.site} holds no built site (no index.html): run ./scripts/build first", file=sys.stderr)
        return 1
    scan = scan_site(ns.site, ns.templates)
    if scan.problems:
        print("\n".join(scan.problems), file=sys.stderr)
        print(f"{len(scan.problems)} thing(s) the site must not hold; nothing written", file=sys.stderr)
        return 1
    headers = static_headers()
    if not headers:
        print(f"error: no add_header lines in {SECURITY_HEADERS}", file=sys.stderr)
        return 1
    try:
        origins = embed_origins(ns.config_file)
    except Exception as error:  # MkDocs' own message: a missing file, an origin it refused
        print(f"error: cannot read the embed origins from {ns.config_file}: {error}", file=sys.stderr)
        return 1
    csp = policy(scan.hashes)
    framed = policy(scan.hashes, embed.frame_ancestors(origins))
    try:
        (ns.site / "_headers").write_text(headers_file(csp, headers, fingerprinted(ns.site)), encoding="utf-8")
        ns.nginx_conf.parent.mkdir(parents=True, exist_ok=True)
        ns.nginx_conf.write_text(nginx_conf(csp, len(scan.scripts)), encoding="utf-8")
        embed_conf = ns.nginx_conf.with_name(EMBED_CONF)
        embed_conf.write_text(nginx_conf(framed, len(scan.scripts), origins), encoding="utf-8")
    except OSError as error:
        print(f"error: cannot write the headers: {error.strerror or error} ({error.filename})", file=sys.stderr)
        return 1
    print(
        f"{len(scan.scripts)} inline scripts, {len(scan.hashes)} distinct; embed pages framed by "
        f"{embed.frame_ancestors(origins)}: wrote {ns.site / '_headers'}, {ns.nginx_conf} and {embed_conf}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
