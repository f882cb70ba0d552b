"""Site-level measurements for ./scripts/bench: byte budgets, build time with and without the trees,
and the time from an answer click to the next step rendered, measured in Chromium."""

from __future__ import annotations

import compileall
import re
import resource
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from decision_tree.published import EMBED

from . import budget
from .browser import ARGS, find_chromium
from .fileserver import serving
from .generate import wide_tree
from .project import ROOT, copy_project
from .site import mkdocs_build

BUILD_RATIO_BUDGET = 1.25
CARDS_RATIO_BUDGET = 1.15  # a build with every card already drawn, against one without cards
WIDE_SIZES = (1_000, 10_000)  # outcomes of one question, each with its own page
WIDE_GROWTH_BUDGET = 12.0
CLICK_BUDGET_MS = 16.0


# The home page's tool lengths (overrides/hooks/tool_length.py, which counts the trees), options included.
TOOL_LENGTH = re.compile(r"<!--\s*tool-length\s[^>]*-->")
PLUGIN = re.compile(r"^  - decision-tree(?::\n(?:(?:      |\s*#).*\n)*|\n)", re.M)  # with its options


def without_trees(project: Path) -> Path:
    """Make a copy of the project the same site with its tool pages plain: no plugin, embeds or trees."""
    config = project / "mkdocs.yml"
    text, found = PLUGIN.subn("", config.read_text())
    assert found == 1, "the decision-tree plugin is not listed in mkdocs.yml as expected"
    config.write_text(text)
    shutil.rmtree(project / "docs" / "trees")
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text()
        text = EMBED.sub("", text)
        page.write_text(TOOL_LENGTH.sub("a few questions", text))  # the hook counts trees
    return project


def without_cards(project: Path) -> Path:
    """Turn the link-preview cards off in a copy of the project: what is left is the trees' own cost."""
    config = project / "mkdocs.yml"
    text, found = re.subn(
        r"^  - decision-tree:\n", "  - decision-tree:\n      cards: false\n", config.read_text(), flags=re.M
    )
    assert found == 1, "the decision-tree plugin has no options block in mkdocs.yml"
    config.write_text(text)
    return project


def wide_project(target: Path, outcomes: int) -> Path:
    """Return a copy of the site with one more tool: one question leading to ``outcomes`` results (no
    cards: 10,000 of them are drawn once, then kept; the growth measured is the engine's)."""
    project = without_cards(copy_project(target))
    (project / "docs" / "trees" / "wide.yml").write_text(wide_tree(outcomes), encoding="utf-8")
    (project / "docs" / "tools" / "wide.md").write_text("# Wide\n\n<!-- decision-tree wide -->\n", encoding="utf-8")
    return project


def build_seconds(*projects: Path, runs: int = 5) -> list[list[float]]:
    """Return each project's build times, in CPU seconds (user + system) of the build process.

    The projects take turns, so drift hits them alike; CPU time, not wall time, as this machine is
    shared and a busy neighbour stretches the wall clock of one run and not the next.
    """
    times: list[list[float]] = [[] for _ in projects]
    for _ in range(runs):
        for project, found in zip(projects, times, strict=True):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            done = mkdocs_build(project, project / "out")
            assert done.returncode == 0, done.stderr
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            found.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return times


def paired_ratio(a: list[float], b: list[float]) -> float:
    """Return the median of the run-by-run ratios a/b: each pair ran back to back, at one speed."""
    return statistics.median(x / y for x, y in zip(a, b, strict=True))


def click_milliseconds(site: Path, clicks: int = 40) -> list[float]:
    """Return, per click, the time from an answer click to the next step laid out, in the page."""
    from playwright.sync_api import sync_playwright

    samples = []
    with serving(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=ARGS)
        page = browser.new_page()
        page.goto(f"{base}tools/need-mlops/")
        page.wait_for_selector(".dt-player button.dt-answer")
        for _ in range(clicks):
            samples.append(
                page.evaluate("""() => {
                const button = document.querySelector('.dt-player button.dt-answer');
                const before = document.querySelector('.dt-player h2').textContent;
                const start = performance.now();
                button.click();
                document.body.getBoundingClientRect();  // force style and layout of the new step
                const elapsed = performance.now() - start;
                if (document.querySelector('.dt-player h2').textContent === before) throw new Error('no step');
                return elapsed;
            }""")
            )
            page.locator(".dt-player button.dt-restart").click()
        browser.close()
    return samples


def main() -> bool:
    from decision_tree.check import check_directory

    trees = check_directory(ROOT / "docs" / "trees").trees
    ok = True
    print("\nSite budgets")
    sizes = budget.player_bytes()
    verdict = sizes["gz"] <= budget.PLAYER_BUDGET
    ok &= verdict
    print(
        f"player gzipped: js {sizes['js_gz']:,} B + css {sizes['css_gz']:,} B = {sizes['gz']:,} B "
        f"(budget {budget.PLAYER_BUDGET:,} B): {'ok' if verdict else 'MISSED'}"
    )
    # Both builds import compiled code: MkDocs and Material were compiled when installed; the engine,
    # installed editable, is compiled here (where PYTHONDONTWRITEBYTECODE is set, Python would compile
    # it again on every build instead of caching it, as it does on a usual machine).
    compileall.compile_dir(ROOT / "decision_tree", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        with_trees = without_cards(copy_project(Path(folder) / "with"))
        without = without_trees(copy_project(Path(folder) / "without"))
        runs_with, runs_without = build_seconds(with_trees, without, runs=7)
        carded = copy_project(Path(folder) / "cards")  # the site as published: cards drawn, then kept
        cold = build_seconds(carded, runs=1)[0][0]
        warm, plain = build_seconds(carded, with_trees, runs=5)
        ratio = paired_ratio(warm, plain)
        verdict = ratio <= CARDS_RATIO_BUDGET
        ok &= verdict
        print(
            f"preview cards: first build {cold:.2f} s (every card drawn), then {statistics.median(warm):.2f} s "
            f"against {statistics.median(plain):.2f} s without cards (CPU, median of 5 taking turns): x{ratio:.2f} "
            f"(budget x{CARDS_RATIO_BUDGET}): {'ok' if verdict else 'MISSED'}"
        )
        budget.add_plain_pages(with_trees, trees)  # after timing: the pages the tree pages are weighed against
        build_seconds(with_trees, runs=1)
        for tree_id, (tree_page, plain_page, ratio) in budget.page_ratios(with_trees / "out", trees).items():
            verdict = ratio <= budget.PAGE_RATIO_BUDGET
            ok &= verdict
            print(
                f"tools/{tree_id}/: {tree_page:,} B against a plain page of its text {plain_page:,} B: "
                f"x{ratio:.3f} (budget x{budget.PAGE_RATIO_BUDGET}): {'ok' if verdict else 'MISSED'}"
            )
        ratio = paired_ratio(runs_with, runs_without)
        verdict = ratio <= BUILD_RATIO_BUDGET
        ok &= verdict
        print(
            f"site build: {statistics.median(runs_with):.2f} s with the trees (no cards), "
            f"{statistics.median(runs_without):.2f} s without (CPU, median of 7 taking turns): x{ratio:.2f}, "
            "median of the paired ratios "
            f"(budget x{BUILD_RATIO_BUDGET}): {'ok' if verdict else 'MISSED'}"
        )
        wide = [wide_project(Path(folder) / f"wide-{size}", size) for size in WIDE_SIZES]
        small, large = build_seconds(*wide, runs=2)
        seconds = [min(small), min(large)]
        growth = seconds[1] / seconds[0]
        verdict = growth <= WIDE_GROWTH_BUDGET
        ok &= verdict
        print(
            f"site build with one question leading to {WIDE_SIZES[0]:,} / {WIDE_SIZES[1]:,} results: "
            f"{seconds[0]:.2f} s / {seconds[1]:.2f} s (CPU, best of 2, taking turns): x{growth:.1f} "
            f"(budget x{WIDE_GROWTH_BUDGET:.0f}): {'ok' if verdict else 'MISSED'}"
        )
        samples = click_milliseconds(with_trees / "out")
        median, worst = statistics.median(samples), max(samples)
        verdict = median <= CLICK_BUDGET_MS
        ok &= verdict
        print(
            f"answer click to next step laid out, Chromium, {len(samples)} clicks: median {median:.2f} ms, "
            f"95th {sorted(samples)[int(len(samples) * 0.95) - 1]:.2f} ms, worst {worst:.2f} ms "
            f"(budget {CLICK_BUDGET_MS:.0f} ms): {'ok' if verdict else 'MISSED'}"
        )
    return ok


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
