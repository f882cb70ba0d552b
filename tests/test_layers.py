"""The engine's core never imports MkDocs: only its adapter (the plugin, its typed settings and the
link-preview glue) does, so the checker, the command line and the renderer run without it."""

from __future__ import annotations

import ast
from pathlib import Path

import decision_tree

PACKAGE = Path(decision_tree.__file__).parent
ADAPTER = {"plugin.py", "config.py", "previews.py"}


def imported(module: Path) -> set[str]:
    """Return the top-level names of every package a module imports, at any depth of its code."""
    names = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_adapter_imports_mkdocs():
    users = {module.name for module in PACKAGE.glob("*.py") if "mkdocs" in imported(module)}
    assert users <= ADAPTER, f"the core imports mkdocs: {sorted(users - ADAPTER)}"
    assert "plugin.py" in users  # the check reads the imports it means to


def test_the_core_does_not_import_the_adapter():
    for module in sorted(PACKAGE.glob("*.py")):
        if module.name in ADAPTER:
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        relative = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1}
        assert not relative & {name.removesuffix(".py") for name in ADAPTER}, module.name
