"""docs/plugin.md ("Use it on your own site") says what the code does: its options table lists the
plugin's options, its command table every command, its example is examples/minimal's mkdocs.yml, and
the page is kept out of the navigation, search and search engines like the editors' guide."""

from __future__ import annotations

import contextlib
import re

import yaml

from decision_tree.__main__ import main
from decision_tree.config import DecisionTreeConfig, EmbedConfig
from decision_tree.init import TREE_TEXT
from devtools.project import ROOT

PAGE = (ROOT / "docs" / "plugin.md").read_text()


def table_first_cells(heading: str) -> list[str]:
    section = PAGE.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return [row.split("|")[1].strip() for row in section.splitlines() if row.startswith("| `")]


def test_the_page_is_for_maintainers_only():
    front = yaml.safe_load(PAGE.split("---\n")[1])
    assert front["robots"] == "noindex"
    assert front["search"] == {"exclude": True}
    assert front["description"]
    nav = (ROOT / "mkdocs.yml").read_text().split("\nnav:\n", 1)[1]
    assert "plugin.md" not in nav  # listed in not_in_nav, in no menu


def test_the_options_table_lists_every_option():
    documented = [cell.strip("`") for cell in table_first_cells("Options")]
    options = [name for name, _option in DecisionTreeConfig._schema if name != "embed"]
    options += [f"embed.{name}" for name, _option in EmbedConfig._schema]
    assert sorted(documented) == sorted(options)


def test_the_command_table_lists_every_command(capsys):
    with contextlib.suppress(SystemExit):
        main(["--help"])
    commands = re.search(r"\{([a-z,]+)\}", capsys.readouterr().out).group(1).split(",")
    documented = [
        re.match(r"`python -m decision_tree (\w+)", cell).group(1) for cell in table_first_cells("The command line")
    ]
    assert sorted(documented) == sorted(commands)


def test_the_example_is_the_minimal_site():
    config = (ROOT / "examples" / "minimal" / "mkdocs.yml").read_text()
    assert f"```yaml\n{config}```" in PAGE
    first_line = TREE_TEXT.splitlines()[0]
    assert f"```yaml\n{first_line}\n```" in PAGE
