"""Write the site's security headers, with a Content-Security-Policy that hashes every inline script.

    python deploy/csp.py [SITE] [--nginx-conf FILE]

Material for MkDocs puts a few small inline scripts in every page (the base URL, the saved palette),
so a policy without 'unsafe-inline' must list the SHA-256 of each. They depend on the built HTML
(the base URL differs with a page's depth), so this runs after every build, reads SITE (default
``site``) and writes:

    SITE/_headers                for Netlify and Cloudflare Pages: every security header for /*, and
                                 year-long caching for Material's fingerprinted assets
    deploy/generated/csp.conf    the nginx ``add_header Content-Security-Policy`` line that
                                 deploy/security-headers.conf includes

The other headers come from deploy/security-headers.conf, so nginx and _headers always agree.
Before writing anything it checks every page for what the policy would block (a <style> element, a
style or on* attribute, a javascript: URL) and, if it finds any, names each by file and line and
writes nothing. Standard library only: it runs in the container's build stage as it is.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
SECURITY_HEADERS = HERE / "security-headers.conf"
NGINX_CONF = HERE / "generated" / "csp.conf"

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

# Script types a browser runs, so CSP governs them (https://html.spec.whatwg.org/#javascript-mime-type);
# any other type, such as application/json, is a data block that never runs and needs no hash.
RUNNABLE = {"", "module", "importmap", "speculationrules", "application/ecmascript", "application/javascript",
            "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/javascript",
            "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
            "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
            "text/x-ecmascript", "text/x-javascript"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href"}
ADD_HEADER = re.compile(r'^\s*add_header\s+([\w-]+)\s+"([^"]*)"(?:\s+always)?\s*;', re.M)


@dataclass
class Scan:
    """What the pages of a site hold that the policy must allow or would block."""

    scripts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def hashes(self) -> list[str]:
        return sorted({script_hash(text) for text in self.scripts})


class _PageReader(HTMLParser):
    """Collect the text of each inline script of one page, and note what a strict policy blocks."""

    def __init__(self, name: str, scan: Scan) -> None:
        super().__init__(convert_charrefs=True)
        self.name, self.scan = name, scan
        self.script: list[str] | None = None  # the text so far, inside a script that needs a hash

    def _problem(self, what: str) -> None:
        line, col = self.getpos()
        self.scan.problems.append(f"{self.name}:{line}:{col + 1}: {what}")

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script" and "src" not in values and (values.get("type") or "").strip().lower() in RUNNABLE:
            self.script = []
        if tag == "style":
            self._problem("a <style> element, which style-src 'self' blocks: move it to a stylesheet")
        for name, value in attrs:
            if name == "style":
                self._problem(f"a style attribute on <{tag}>, which style-src 'self' blocks: use a class")
            elif name.startswith("on"):
                self._problem(f"an {name} attribute on <{tag}>, which script-src blocks: add a listener in a .js file")
            elif name in URL_ATTRS and (value or "").strip().lower().startswith("javascript:"):
                self._problem(f"a javascript: URL on <{tag}>, which script-src blocks")

    def handle_data(self, data):
        if self.script is not None:
            self.script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            self.scan.scripts.append("".join(self.script))
            self.script = None


def script_hash(text: str) -> str:
    """Return the CSP source that allows an inline script with exactly this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def scan_site(site: Path) -> Scan:
    """Read every page of a built site."""
    scan = Scan()
    for page in sorted(site.rglob("*.html")):
        reader = _PageReader(str(page), scan)
        reader.feed(page.read_text(encoding="utf-8"))  # newlines become \n, as a browser's parser does
        reader.close()
    return scan


def policy(hashes: list[str]) -> str:
    """Return the Content-Security-Policy value allowing the given inline-script hashes."""
    parts = []
    for name, sources in DIRECTIVES:
        if name == "script-src":
            sources = " ".join([sources, *hashes])
        parts.append(f"{name} {sources}")
    return "; ".join(parts)


def static_headers(conf: Path = SECURITY_HEADERS) -> list[tuple[str, str]]:
    """Return the (name, value) of each add_header in the nginx snippet, comments left out."""
    text = "\n".join(line for line in conf.read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith("#"))
    return ADD_HEADER.findall(text)


def fingerprinted(site: Path) -> list[str]:
    """Return the site paths of the fingerprinted assets, as /assets/..."""
    found = (path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    return sorted(f"/{name}" for name in found if FINGERPRINTED.match(name))


def headers_file(csp: str, headers: list[tuple[str, str]], assets: list[str]) -> str:
    """Return a _headers file (Netlify, Cloudflare Pages) with the same headers nginx sends."""
    lines = ["# Written by deploy/csp.py from the built site; do not edit. Read by Netlify and Cloudflare Pages.",
             "/*", f"  Content-Security-Policy: {csp}"]
    lines += [f"  {name}: {value}" for name, value in headers]
    for asset in assets:  # only these: where rules overlap, both hosts join the values of a header
        lines += ["", asset, f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def nginx_conf(csp: str, scripts: int) -> str:
    """Return the nginx snippet that deploy/security-headers.conf includes."""
    return (f"# Written by deploy/csp.py from the built site ({scripts} inline scripts); do not edit.\n"
            f'add_header Content-Security-Policy "{csp}" always;\n')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python deploy/csp.py", description=__doc__.split("\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="the built site (default: site)")
    parser.add_argument("--nginx-conf", type=Path, default=NGINX_CONF,
                        help="where to write the nginx snippet (default: deploy/generated/csp.conf)")
    ns = parser.parse_args(argv)
    if not (ns.site / "index.html").is_file():
        print(f"error: {ns.site} holds no built site (no index.html): run ./scripts/build first", file=sys.stderr)
        return 1
    scan = scan_site(ns.site)
    if scan.problems:
        print("\n".join(scan.problems), file=sys.stderr)
        print(f"{len(scan.problems)} thing(s) the Content-Security-Policy would block; nothing written",
              file=sys.stderr)
        return 1
    headers = static_headers()
    if not headers:
        print(f"error: no add_header lines in {SECURITY_HEADERS}", file=sys.stderr)
        return 1
    csp = policy(scan.hashes)
    (ns.site / "_headers").write_text(headers_file(csp, headers, fingerprinted(ns.site)), encoding="utf-8")
    ns.nginx_conf.parent.mkdir(parents=True, exist_ok=True)
    ns.nginx_conf.write_text(nginx_conf(csp, len(scan.scripts)), encoding="utf-8")
    print(f"{len(scan.scripts)} inline scripts, {len(scan.hashes)} distinct: wrote {ns.site / '_headers'} "
          f"and {ns.nginx_conf}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
