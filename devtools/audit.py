"""Run Lighthouse on the site's main pages and print their scores against the goals.

    ./scripts/audit [--runs N] [--page PATH ...] [--dark] [--save DIR]

Installs the locked Node packages first (npm ci) when node_modules is missing or older than the lock.

Builds the site into a temporary folder for http://127.0.0.1:PORT/ (its own address, as a
deployment is built for its public one), serves it with Python's http.server on that loopback port,
and runs the pinned Lighthouse (package.json) with the local Chromium: mobile emulation and simulated throttling (its
defaults), categories performance, accessibility, best practices and SEO. Nothing leaves the machine:
the pages are local, Chromium's background networking is off and its host resolver answers only
for 127.0.0.1, and Lighthouse's error reporting is off.

Goals on every page: performance 98 or more, accessibility, best practices and SEO 100. Performance
varies from run to run, so every page is run --runs times (default 5, as Lighthouse's guide on
variability advises: the median of five halves the spread) and each category reports the median of
its runs. Every page gets every run: stopping at a first good run would favour lucky pages. The
table lists, for each category below its goal, the audits that cost it points with a one-line
reason. Exit status 1 if any page misses a goal.

The server compresses text like the production server (deploy/nginx.conf: gzip for HTML, CSS, JS,
JSON, XML and SVG of 256 bytes or more), so the transfer sizes are the ones readers get.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .browser import find_chromium
from .fileserver import QuietHandler, free_port, serving
from .node import npm_ci
from .project import ROOT
from .site import mkdocs_build

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"

PAGES = (
    "/",  # home
    "/insights/what-mlops-means/",  # the article
    "/tools/need-mlops/",  # the three tools
    "/tools/archetype/",
    "/tools/faq/",
    "/tools/need-mlops/hire-now/",  # an outcome page
    "/brief/",  # the hiring brief
    "/embed/need-mlops/",  # a tool alone, as a partner's page frames it
    "/404.html",  # the page for an address that is gone
)
CATEGORIES = {"performance": "perf", "accessibility": "a11y", "best-practices": "best pr.", "seo": "SEO"}
GOALS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}

CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    # Belt and braces for "no request leaves the machine": every host but the local server fails to
    # resolve, so a stray request would show up in the report as a failed request or console error.
    '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"',  # quoted: Lighthouse splits on spaces
]

# What deploy/nginx.conf compresses (text/html always, then gzip_types), and its minimum length.
GZIP_TYPES = {
    "text/html",
    "text/css",
    "text/plain",
    "text/xml",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "image/svg+xml",
}
GZIP_MIN_LENGTH = 256
# Hints about the local server rather than the site: caching headers are the production server's job
# (deploy/nginx.conf), and this server sends none.
LOCAL_ONLY = {"cache-insight", "uses-long-cache-ttl"}


class CompressingHandler(QuietHandler):
    """Serve the built site without logging, compressing text as the production server does."""

    def do_GET(self):
        body, content_type = self._compressed()
        if body is None:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def _compressed(self) -> tuple[bytes | None, str]:
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return None, ""
        url_path = unquote(urlsplit(self.path).path)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return None, ""  # http.server redirects to the address with a slash
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        if not path.is_file() or content_type.split(";")[0] not in GZIP_TYPES:
            return None, ""
        data = path.read_bytes()
        if len(data) < GZIP_MIN_LENGTH:
            return None, ""
        if content_type.startswith("text/") and "charset" not in content_type:
            content_type += "; charset=utf-8"  # nginx.conf: charset utf-8
        return gzip.compress(data, compresslevel=5, mtime=0), content_type


def build(site_dir: Path, base: str) -> None:
    done = mkdocs_build(ROOT, site_dir, site_url=base)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit("audit: the site did not build")


def lighthouse(url: str, chromium: str, report: Path, dark: bool) -> dict:
    """Run Lighthouse once on ``url``; return its JSON result (the LHR)."""
    flags = CHROME_FLAGS + (["--force-dark-mode"] if dark else [])
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(flags)}",
        "--no-enable-error-reporting",
    ]
    done = subprocess.run(command, env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True)
    if done.returncode != 0 or not report.is_file():
        raise SystemExit(f"audit: Lighthouse failed on {url}\n{done.stderr[-3000:]}")
    lhr = json.loads(report.read_text(encoding="utf-8"))
    if lhr.get("runtimeError"):
        raise SystemExit(f"audit: Lighthouse could not audit {url}: {lhr['runtimeError'].get('message')}")
    return lhr


def offsite_requests(lhr: dict, base: str) -> list[str]:
    """Return the addresses the page requested from anywhere but the local server."""
    items = lhr["audits"]["network-requests"].get("details", {}).get("items", [])
    return [i["url"] for i in items if not i["url"].startswith((base, "data:", "blob:"))]


def scores(lhr: dict) -> dict[str, int]:
    return {c: round((lhr["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}


def meets_goals(score: dict[str, int]) -> bool:
    return all(score[c] >= GOALS[c] for c in CATEGORIES)


def losses(lhr: dict, category: str) -> list[str]:
    """Return one line for each audit that costs ``category`` points, the costliest first."""
    audits = lhr["audits"]
    lost = []
    for ref in lhr["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            lost.append((ref["weight"] * (1 - audit["score"]), ref["id"], audit))
    lines = []
    for _, audit_id, audit in sorted(lost, key=lambda item: -item[0]):
        value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
        detail = f", score {round(audit['score'] * 100)}" if category == "performance" else ""
        lines.append(f"{audit_id}: {audit['title']}{value}{detail}")
    if category == "performance":  # the biggest savings Lighthouse estimates
        savings = [
            (a["metricSavings"].get("LCP", 0) + a["metricSavings"].get("FCP", 0), i, a)
            for i, a in audits.items()
            if a.get("metricSavings") and a["score"] is not None and a["score"] < 1 and i not in LOCAL_ONLY
        ]
        for saved, audit_id, audit in sorted(savings, key=lambda item: -item[0])[:3]:
            if saved > 0:
                lines.append(f"  hint {audit_id}: {audit['title']} ({audit.get('displayValue', '')})")
    return lines


@dataclass
class PageResult:
    path: str
    runs: list[dict]

    @property
    def median(self) -> dict[str, int]:
        return {c: round(statistics.median(scores(run)[c] for run in self.runs)) for c in CATEGORIES}

    def median_run(self, category: str) -> dict:
        """The run whose score in ``category`` is the median (the first, if several are)."""
        target = self.median[category]
        return min(self.runs, key=lambda run: abs(scores(run)[category] - target))


def audit_page(url: str, path: str, chromium: str, runs: int, save: Path, dark: bool) -> PageResult:
    result = PageResult(path, [])
    for number in range(1, runs + 1):
        name = (path.strip("/").replace("/", "_") or "home") + f".run{number}.json"
        result.runs.append(lighthouse(url, chromium, save / name, dark))
        print(
            f"  {path} run {number}: " + " ".join(f"{CATEGORIES[c]} {v}" for c, v in scores(result.runs[-1]).items()),
            file=sys.stderr,
        )
    return result


def table(results: list[PageResult]) -> str:
    width = max(len(r.path) for r in results)
    header = (
        f"{'page':<{width}}  "
        + "  ".join(f"{CATEGORIES[c]:>8}" for c in CATEGORIES)
        + "  runs  perf per run  CPU index"
    )
    lines = [header, "-" * len(header)]
    for r in results:
        median = r.median
        cells = "  ".join(f"{median[c]:>8}" for c in CATEGORIES)
        per_run = " ".join(str(scores(run)["performance"]) for run in r.runs)
        cpu = " ".join(str(round(run["environment"]["benchmarkIndex"])) for run in r.runs)
        lines.append(f"{r.path:<{width}}  {cells}  {len(r.runs):>4}  {per_run:<12}  {cpu}")
        for c in CATEGORIES:
            if median[c] < GOALS[c]:
                for line in losses(r.median_run(c), c):
                    lines.append(f"    {CATEGORIES[c]} < {GOALS[c]}: {line}")
    goals = ", ".join(f"{CATEGORIES[c]} >= {g}" for c, g in GOALS.items())
    lines.append(f"goals: {goals}; scores are the median of the runs. CPU index: Lighthouse's")
    lines.append("benchmarkIndex of this machine during each run (higher is faster; a busy machine scores lower")
    lines.append("and its total-blocking-time rises, since simulated throttling slows measured CPU work 4x).")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="./scripts/audit", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page (default 5)")
    parser.add_argument("--page", action="append", metavar="PATH", help="audit only this page (repeatable)")
    parser.add_argument("--dark", action="store_true", help="emulate prefers-color-scheme: dark")
    parser.add_argument("--save", type=Path, metavar="DIR", help="keep every Lighthouse JSON report here")
    args = parser.parse_args(argv)

    npm_ci("./scripts/audit")
    chromium = os.environ.get("CHROME_PATH") or find_chromium()
    if not chromium:
        raise SystemExit("audit: no Chromium found; install Debian's chromium or set CHROMIUM")
    if not LIGHTHOUSE.exists():
        raise SystemExit("audit: Lighthouse is not installed; run ./scripts/audit (it runs npm ci)")
    pages = args.page or list(PAGES)

    with tempfile.TemporaryDirectory(prefix="audit-") as temp_name:
        temp = Path(temp_name)
        save = args.save or temp / "reports"
        save.mkdir(parents=True, exist_ok=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        build(temp / "site", base)
        with serving(temp / "site", port, handler=CompressingHandler):
            results = [audit_page(base + p.lstrip("/"), p, chromium, args.runs, save, args.dark) for p in pages]
    scheme = "dark" if args.dark else "light"
    print(
        f"Lighthouse {results[0].runs[0]['lighthouseVersion']}, mobile, simulated throttling, "
        f"{scheme} colour scheme, {Path(chromium).name}"
    )
    print(table(results))
    offsite = sorted({url for r in results for run in r.runs for url in offsite_requests(run, base)})
    for url in offsite:
        print(f"request to another host: {url}")
    failed = [r.path for r in results if not meets_goals(r.median)]
    if offsite:
        print("the site must make no request to any other host")
        return 1
    if failed:
        print(f"{len(failed)} of {len(results)} pages miss a goal: {', '.join(failed)}")
        return 1
    print(f"all {len(results)} pages meet every goal")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
