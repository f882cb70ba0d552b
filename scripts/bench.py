"""Benchmark: check and compile generated trees of 1,000, 10,000 and 100,000 nodes.

Each size runs in a fresh child process: the best of a few timed runs, then one run under
tracemalloc for peak memory. Goals (issue 2): 10,000 nodes in at most 1 s; ten times the nodes
in at most twelve times the time; a chain 10,000 questions deep works.
Then the site budgets (bench_site.py). Run with ./scripts/bench; --quick skips the 100,000-node
tree, --engine-only the site.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

SIZES = (1_000, 10_000, 100_000)
GOAL_10K_SECONDS = 1.0
GOAL_GROWTH = 12.0


def _compile(tree) -> int:
    """Render the outline and JSON island; Markdown fields pass through escaped, timed separately."""
    from html import escape

    from decision_tree.render import Links, tree_html

    return len(tree_html(tree, escape, Links()))


def _markdown(tree) -> int:
    """Convert every help and body with Python-Markdown, as a site build would."""
    import markdown

    md = markdown.Markdown()
    texts = [q.help for q in tree.questions.values() if q.help] + [o.body for o in tree.outcomes.values()]
    return sum(len(md.reset().convert(text)) for text in texts)


def child(kind: str, size: int, repeats: int) -> dict:
    """Measure one tree in this process; return seconds and peak MiB."""
    from decision_tree.check import check_files
    from decision_tree.generate import branching_tree, chain_tree
    from decision_tree.paths import walk

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.yml"
        path.write_text(chain_tree(size) if kind == "chain" else branching_tree(size), encoding="utf-8")
        check_times, compile_times, markdown_times = [], [], []
        for _ in range(repeats):
            start = time.perf_counter()
            result = check_files([path])
            check_times.append(time.perf_counter() - start)
            assert result.ok, result.diagnostics[:3]
            start = time.perf_counter()
            _compile(result.trees["bench"])
            compile_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            _markdown(result.trees["bench"])
            markdown_times.append(time.perf_counter() - start)
        paths = sum(1 for _ in walk(result.trees["bench"])) if kind == "chain" else None
        tracemalloc.start()
        _compile(check_files([path]).trees["bench"])
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        size_bytes = path.stat().st_size
    return {"check": min(check_times), "compile": min(compile_times), "markdown": min(markdown_times),
            "peak_mib": peak, "paths": paths,
            "bytes": size_bytes}


def run_child(kind: str, size: int, repeats: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(size), str(repeats)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        print(json.dumps(child(argv[1], int(argv[2]), int(argv[3]))))
        return 0
    sizes = SIZES[:2] if "--quick" in argv else SIZES
    print("Decision-tree engine. check: load + shape + rules. compile: outline HTML + JSON island.")
    print("total = check + compile, the engine's own work, judged against the goals. markdown: Python-Markdown")
    print("converting every help and body, as a site build also does; shown, not part of the goal.\n")
    print(f"{'tree':<20}{'file MB':>8}{'check s':>9}{'compile s':>10}{'total s':>9}{'markdown s':>11}{'peak MiB':>9}")
    totals: dict[int, float] = {}
    for size in sizes:
        m = run_child("branching", size, 3 if size <= 10_000 else 1)
        totals[size] = m["check"] + m["compile"]
        print(f"{f'{size:,} nodes':<20}{m['bytes'] / 1e6:>8.1f}{m['check']:>9.3f}{m['compile']:>10.3f}"
              f"{totals[size]:>9.3f}{m['markdown']:>11.3f}{m['peak_mib']:>9.1f}")
    chain = run_child("chain", 10_000, 1)
    print(f"{'chain 10,000 deep':<20}{chain['bytes'] / 1e6:>8.1f}{chain['check']:>9.3f}{chain['compile']:>10.3f}"
          f"{chain['check'] + chain['compile']:>9.3f}{chain['markdown']:>11.3f}{chain['peak_mib']:>9.1f}")
    print()
    ok = True
    verdict = totals[10_000] <= GOAL_10K_SECONDS
    ok &= verdict
    print(f"10,000 nodes in {totals[10_000]:.3f} s (goal <= {GOAL_10K_SECONDS} s): {'ok' if verdict else 'MISSED'}")
    for small, large in zip(sizes, sizes[1:]):
        growth = totals[large] / totals[small]
        verdict = growth <= GOAL_GROWTH
        ok &= verdict
        print(f"growth {small:,} -> {large:,}: x{growth:.1f} (goal <= x{GOAL_GROWTH:.0f}): {'ok' if verdict else 'MISSED'}")
    verdict = chain["paths"] == 10_001  # each question's "stop" answer, plus the end of the chain
    ok &= verdict
    print(f"chain 10,000 deep: checked, compiled and walked ({chain['paths']:,} paths): {'ok' if verdict else 'MISSED'}")
    if "--engine-only" not in argv:
        import bench_site

        ok &= bench_site.main()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
