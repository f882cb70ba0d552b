"""Command line: ``python -m decision_tree check|paths|report|schema|init``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import keys as published
from . import paths as manifest
from .check import Result, check_files, display_path, tree_files
from .diagnostics import report
from .init import InitError, init
from .layout import DEFAULT as DEFAULT_LAYOUT
from .report import count_routes, report_data, report_text
from .schema import schema_text
from .siteconfig import site_options

DEFAULT_DOCS = Path("docs")
DEFAULT_DIR = DEFAULT_DOCS / "trees"
SITE_CONFIG = Path("mkdocs.yml")  # where the result pages are (outcome_url, outcome_pages), when there is one


def _files(args: list[str]) -> list[Path]:
    if not args:
        return tree_files(DEFAULT_DIR)
    found: list[Path] = []
    for arg in args:
        path = Path(arg)
        found += tree_files(path) if path.is_dir() else [path]
    return found


def _docs(ns: argparse.Namespace) -> Path:
    """Return the docs folder links are read against: --docs, else the site's (docs/)."""
    return Path(ns.docs) if ns.docs else DEFAULT_DOCS


def _check(files: list[Path], ns: argparse.Namespace) -> Result | None:
    """Check ``files`` as the site's build would: links against its docs folder, result pages where its
    mkdocs.yml puts them, for the trees it gives them. Return None, having said why, if mkdocs.yml gives an
    outcome_url or outcome_pages that is wrong."""
    try:
        layout, outcome_pages = site_options(SITE_CONFIG) if SITE_CONFIG.is_file() else (DEFAULT_LAYOUT, True)
    except ValueError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return None
    return check_files(files, _docs(ns), layout, outcome_pages)


def _print_problems(result: Result, style: str) -> None:
    print(report(result.diagnostics, style))
    files = len({d.path for d in result.diagnostics})
    count = len(result.diagnostics)
    print(f"{count} problem{'s' * (count != 1)} in {files} file{'s' * (files != 1)}", file=sys.stderr)


def cmd_check(ns: argparse.Namespace) -> int:
    files = _files(ns.paths)
    if not files:
        print(f"error: no tree files (*.yml) found in {' '.join(ns.paths) or DEFAULT_DIR}", file=sys.stderr)
        return 1
    result = _check(files, ns)
    if result is None:
        return 1
    if not result.ok:
        _print_problems(result, ns.format)
        return 1
    print(f"checked {len(files)} tree{'s' * (len(files) != 1)}: no problems", file=sys.stderr)
    return 0


def cmd_paths(ns: argparse.Namespace) -> int:
    if ns.tree and ns.update:
        print("error: give a tree or --update, not both", file=sys.stderr)
        return 2
    named_file = bool(ns.tree and Path(ns.tree).suffix)  # else a tree id, of the site's trees
    if ns.tree:
        files = [Path(ns.tree) if named_file else DEFAULT_DIR / f"{ns.tree}.yml"]
    elif ns.update:
        files = tree_files(DEFAULT_DIR)
    else:
        print("error: name a tree (for example: paths need-mlops), or pass --update", file=sys.stderr)
        return 2
    result = _check(files, ns)
    if result is None:
        return 1
    if not result.ok:
        _print_problems(result, "text")
        return 1
    status = 0
    for file in files:
        tree = result.trees[file.stem]
        text = manifest.manifest_text(tree)
        if not ns.update:
            sys.stdout.write(text)
            continue
        target = manifest.manifest_path(file)
        status |= _write(target, text)
        record = published.record_path(file)  # the keys published in links: only ever added to
        recorded = published.read_record(record.read_text(encoding="utf-8")) if record.is_file() else []
        status |= _write(record, published.record_text(tree, recorded))
    return status


def _write(target: Path, text: str) -> int:
    """Write a generated file unless it already holds ``text``; refuse to write through a link."""
    if target.is_symlink() or (target.exists() and not target.is_file()):
        # Writing through a link would overwrite whatever file it points to.
        print(
            f"error: {display_path(target)} is not an ordinary file (a symbolic link?): "
            "replace it with the file itself",
            file=sys.stderr,
        )
        return 1
    old = target.read_text(encoding="utf-8") if target.exists() else None
    if old != text:
        target.write_text(text, encoding="utf-8")
        print(f"updated {display_path(target)}", file=sys.stderr)
    return 0


def cmd_report(ns: argparse.Namespace) -> int:
    files: list[Path] = []
    for arg in ns.trees:
        path = Path(arg)
        files += tree_files(path) if path.is_dir() else [path if path.suffix else DEFAULT_DIR / f"{arg}.yml"]
    files = files if ns.trees else tree_files(DEFAULT_DIR)
    if not files:
        print(f"error: no tree files (*.yml) found in {' '.join(ns.trees) or DEFAULT_DIR}", file=sys.stderr)
        return 1
    result = _check(files, ns)
    if result is None:
        return 1
    if not result.ok:
        _print_problems(result, "text")
        return 1
    reports = [count_routes(result.trees[file.stem]) for file in files]
    if ns.format == "json":
        print(json.dumps({"trees": [report_data(r) for r in reports]}, indent=2, ensure_ascii=False))
    else:
        sys.stdout.write("\n".join(report_text(r) for r in reports))
    return 0


def cmd_schema(ns: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return 0


def cmd_init(ns: argparse.Namespace) -> int:
    try:
        written = init(Path(ns.folder))
    except (InitError, OSError) as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    print(
        "next: add the plugin to mkdocs.yml (plugins: [search, decision-tree]), then run mkdocs serve",
        file=sys.stderr,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m decision_tree", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check tree files (default: every tree in docs/trees/)")
    check.add_argument("paths", nargs="*", help="tree files or folders")
    check.add_argument(
        "--format", choices=["text", "github"], default="text", help="github: workflow annotations for GitHub Actions"
    )
    check.add_argument(
        "--docs",
        help="the docs folder that links in tree text name files of (default: docs/)",
    )
    check.set_defaults(run=cmd_check)
    paths = sub.add_parser("paths", help="list every start-to-outcome path of a tree")
    paths.add_argument("tree", nargs="?", help="tree id (file name without .yml) or path")
    paths.add_argument("--update", action="store_true", help="rewrite the committed path manifests")
    paths.add_argument("--docs", help="the docs folder that links in tree text name files of")
    paths.set_defaults(run=cmd_paths)
    report_cmd = sub.add_parser(
        "report", help="count each outcome's routes and each question's reach (counted, never enumerated)"
    )
    report_cmd.add_argument("trees", nargs="*", help="tree ids, files or folders (default: every tree in docs/trees/)")
    report_cmd.add_argument("--format", choices=["text", "json"], default="text", help="json: for tools")
    report_cmd.add_argument("--docs", help="the docs folder that links in tree text name files of")
    report_cmd.set_defaults(run=cmd_report)
    schema = sub.add_parser("schema", help="print the JSON Schema of the tree format")
    schema.set_defaults(run=cmd_schema)
    init_cmd = sub.add_parser("init", help="write a starter tree and the page that shows it, for a new site")
    init_cmd.add_argument("folder", nargs="?", default=".", help="the site's folder, where mkdocs.yml is (default: .)")
    init_cmd.set_defaults(run=cmd_init)
    ns = parser.parse_args(argv)
    return ns.run(ns)


if __name__ == "__main__":
    sys.exit(main())
