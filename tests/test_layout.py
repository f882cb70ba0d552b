"""Where result pages are published (outcome_url): each placeholder's value, and the template read from
a site's mkdocs.yml by the command line, MkDocs' own YAML tags and all. The wrong templates, and the
build that refuses them, are in tests/test_plugin_site.py."""

from __future__ import annotations

import pytest

from decision_tree.layout import DEFAULT, parse_layout, result_address, result_source
from decision_tree.siteconfig import site_layout


@pytest.mark.parametrize(
    ("layout", "home", "address"),
    [
        (DEFAULT, "tools/need-mlops.md", "tools/need-mlops/hire-now/"),  # where results have always been
        (DEFAULT, "tools/index.md", "tools/need-mlops/hire-now/"),
        (DEFAULT, "index.md", "need-mlops/hire-now/"),
        ("{page}{outcome}/", "tools/hiring.md", "tools/hiring/hire-now/"),
        ("{page}{outcome}/", "tools/index.md", "tools/hire-now/"),
        ("{page}{outcome}/", "index.md", "hire-now/"),
        ("{folder}{outcome}/", "guides/deep/tool.md", "guides/deep/hire-now/"),
        ("results/{tree}-{outcome}/", "tools/hiring.md", "results/need-mlops-hire-now/"),
    ],
)
def test_each_placeholder_takes_its_value_from_the_tool_page(layout, home, address):
    assert result_address(parse_layout(layout), home, "need-mlops", "hire-now") == address
    assert result_source(layout, home, "need-mlops", "hire-now") == address[:-1] + ".md"


def test_surrounding_spaces_are_not_part_of_the_template():
    assert parse_layout("  {page}{outcome}/ ") == "{page}{outcome}/"


def write_config(tmp_path, text: str):
    config = tmp_path / "mkdocs.yml"
    config.write_text(text)
    return config


def test_the_command_line_reads_outcome_url_past_mkdocs_own_tags(tmp_path):
    config = write_config(
        tmp_path,
        "site_name: Guide\n"
        "site_url: !ENV [SITE_URL, 'http://127.0.0.1:8000/']\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n"
        "  - search\n"
        "  - decision-tree:\n"
        "      trees_dir: trees\n"
        "      outcome_url: ' results/{tree}/{outcome}/'\n",
    )
    assert site_layout(config) == "results/{tree}/{outcome}/"


@pytest.mark.parametrize(
    "plugins",
    [
        "plugins:\n  - search\n  - decision-tree\n",  # no options
        "plugins:\n  - decision-tree:\n      cards: false\n",  # options, but not this one
        "plugins: [search]\n",  # not this plugin
        "theme: mkdocs\n",  # no plugins at all
        "",  # an empty file
    ],
)
def test_without_outcome_url_the_command_line_uses_the_default(tmp_path, plugins):
    assert site_layout(write_config(tmp_path, plugins)) == DEFAULT


def test_plugins_written_as_a_mapping_are_read_too(tmp_path):
    config = write_config(tmp_path, "plugins:\n  search: {}\n  decision-tree:\n    outcome_url: '{page}{outcome}/'\n")
    assert site_layout(config) == "{page}{outcome}/"


def test_a_wrong_outcome_url_in_mkdocs_yml_names_the_file_and_the_option(tmp_path):
    config = write_config(tmp_path, "plugins:\n  - decision-tree:\n      outcome_url: '{page}{tree}/'\n")
    with pytest.raises(ValueError) as raised:
        site_layout(config)
    assert str(raised.value) == (
        f"{config}: plugins: decision-tree: outcome_url: '{{page}}{{tree}}/' has no {{outcome}}: each result needs "
        "an address of its own, for example: {page}{outcome}/"
    )


def test_a_mkdocs_yml_that_is_not_yaml_is_one_line_of_error(tmp_path):
    config = write_config(tmp_path, "plugins: [decision-tree\n")
    with pytest.raises(ValueError, match=r"mkdocs.yml: could not be read as YAML \(") as raised:
        site_layout(config)
    assert "Traceback" not in str(raised.value)
