"""What a change does to the trees, in words an editor reads: the summary of a pull request.

``python -m devtools.review BASE`` compares the trees in the working folder with those at the git
revision BASE (the branch the pull request goes into) and prints Markdown: the problems the check
finds (``file:line:col`` with their hints), each tree's route report before and after, the routes
added and removed, the scenarios and never rules, and whether the path lists and link-key records
need ``./scripts/update-paths``. The pull-request workflow appends it to the job's summary page.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from decision_tree import keys, paths
from decision_tree.check import check_directory, check_files
from decision_tree.model import Tree
from decision_tree.report import count_routes, share_text

from .project import ROOT

MOST_ROUTES_LISTED = 5_000  # above this, routes are counted, not listed (a tree can have 2^60)
MOST_LINES = 40  # of routes added or removed, shown per tree


def base_trees(revision: str, repo: Path = ROOT, folder: str = "docs/trees") -> dict[str, Tree]:
    """Return the trees as they were at a git revision (those it could read; problems are the head's)."""
    listing = subprocess.run(
        ["git", "ls-tree", "--name-only", f"{revision}:{folder}"], cwd=repo, capture_output=True, text=True
    )
    if listing.returncode != 0:
        return {}  # no trees there yet
    with tempfile.TemporaryDirectory() as temp:
        files = []
        for name in listing.stdout.split():
            if name.endswith((".yml", ".yaml")):
                shown = subprocess.run(
                    ["git", "show", f"{revision}:{folder}/{name}"], cwd=repo, capture_output=True, check=True
                )
                path = Path(temp) / name
                path.write_bytes(shown.stdout)
                files.append(path)
        return check_files(files).trees


def summary(before: dict[str, Tree], docs: Path) -> tuple[str, bool]:
    """Return the Markdown summary of the trees in ``docs`` against ``before``, and whether all is well."""
    result = check_directory(docs / "trees", docs)
    lines = ["## What this change does to the tools", ""]
    if result.diagnostics:
        lines += [
            f"**{len(result.diagnostics)} problem{'s' * (len(result.diagnostics) != 1)} to fix** before this can "
            "be merged. Each says where to look (file:line:column) and, after `hint:`, how to fix it:",
            "",
            "```text",
            *(d.format() for d in sorted(result.diagnostics)),
            "```",
            "",
        ]
    else:
        lines += ["**The check finds no problems.**", ""]
    stale = _stale_files(result.trees, docs / "trees")
    if stale:
        lines += [
            "**Generated files out of date:** " + ", ".join(f"`{name}`" for name in stale) + ". Run "
            f"`{paths.UPDATE_COMMAND}` and commit what it changes (or ask a developer to).",
            "",
        ]
    for tree_id in sorted(set(before) | set(result.trees)):
        lines += _tree_section(tree_id, before.get(tree_id), result.trees.get(tree_id))
    return "\n".join(lines) + "\n", not result.diagnostics and not stale


def _stale_files(trees: dict[str, Tree], folder: Path) -> list[str]:
    stale = []
    for tree_id, tree in sorted(trees.items()):
        manifest = folder / f"{tree_id}{paths.MANIFEST_SUFFIX}"
        if count_routes(tree).routes <= MOST_ROUTES_LISTED and (
            not manifest.is_file() or manifest.read_text(encoding="utf-8") != paths.manifest_text(tree)
        ):
            stale.append(manifest.name)
        record = keys.record_path(folder / f"{tree_id}.yml")
        recorded = keys.read_record(record.read_text(encoding="utf-8")) if record.is_file() else []
        if keys.unrecorded(tree, recorded):
            stale.append(record.name)
    return stale


def _tree_section(tree_id: str, old: Tree | None, new: Tree | None) -> list[str]:
    title = (new or old).title if (new or old) else tree_id  # type: ignore[union-attr]
    lines = [f"### {_cell(title)} (`{tree_id}`)", ""]
    if new is None:
        return lines + ["This tree is removed, or could not be read (see the problems above).", ""]
    after = count_routes(new)
    if old is None:
        lines += [f"A new tree with {after.routes:,} routes.", ""]
    prior = count_routes(old) if old else None
    shares = {c.id: c for c in prior.outcomes} if prior else {}
    lines += [
        "Routes (sets of answers from the first question to a result): "
        + (f"{prior.routes:,} before, " if prior else "")
        + f"{after.routes:,} now.",
        "",
        "| Result | Before | Now | Read this |",
        "| --- | --- | --- | --- |",
    ]
    for count in after.outcomes:
        was = shares.pop(count.id, None)
        before_cell = f"{was.routes:,} ({share_text(was.share)})" if was else "new"
        lines.append(
            f"| {_cell(new.outcomes[count.id].title)} `{count.id}` | {before_cell} | "
            f"{count.routes:,} ({share_text(count.share)}) | {'; '.join(count.flags)} |"
        )
    for gone in shares.values():
        lines.append(f"| `{gone.id}` | {gone.routes:,} ({share_text(gone.share)}) | removed | |")
    lines += ["", *_route_changes(old, new, prior.routes if prior else 0, after.routes), ""]
    lines += _pins(new)
    return lines


def _route_changes(old: Tree | None, new: Tree, before: int, after: int) -> list[str]:
    if max(before, after) > MOST_ROUTES_LISTED:
        return [f"Too many routes to list the ones added and removed (more than {MOST_ROUTES_LISTED:,})."]
    was = {paths.format_path(p) for p in paths.walk(old)} if old else set()
    now = {paths.format_path(p) for p in paths.walk(new)}
    added, removed = sorted(now - was), sorted(was - now)
    if not added and not removed:
        return ["No route changed: every set of answers leads where it did."]
    lines = []
    for heading, routes in ((f"Routes added ({len(added)})", added), (f"Routes removed ({len(removed)})", removed)):
        if routes:
            shown = routes[:MOST_LINES]
            more = [f"... and {len(routes) - len(shown)} more"] if len(routes) > len(shown) else []
            lines += [f"<details><summary>{heading}</summary>", "", "```text", *shown, *more, "```", "</details>", ""]
    return lines


def _pins(tree: Tree) -> list[str]:
    if not tree.scenarios and not tree.never:
        return ["No scenarios or never rules pin this tree's advice.", ""]
    lines = [
        f"Pinned advice: {len(tree.scenarios)} scenarios and {len(tree.never)} never rules, checked above "
        "(a broken one is listed as a problem).",
        "",
    ]
    lines += [f"- Scenario: {_cell(s.name)} → `{s.expect}`" for s in tree.scenarios]
    lines += [f"- Never `{rule.outcome}`: {_cell(rule.because)}" for rule in tree.never]
    return lines + [""]


def _cell(text: str) -> str:
    """Return author text safe inside a Markdown table cell or list item: no markup, no pipes."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("`", "'")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m devtools.review BASE (a git revision, e.g. origin/main)", file=sys.stderr)
        return 2
    text, ok = summary(base_trees(args[0]), ROOT / "docs")
    sys.stdout.write(text)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
