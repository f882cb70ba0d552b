"""The plugin on someone else's site: examples/minimal and `init` build strictly, the trees stay out of
the published files, and mistakes in the plugin's options stop the build with a plain message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from decision_tree.__main__ import main
from decision_tree.check import check_directory
from decision_tree.init import FILES
from devtools.site import mkdocs_build

from .support import EXAMPLE, example_copy, with_plugin_options

MINIMAL_CONFIG = "site_name: Decision tree example\ntheme: mkdocs\nplugins:\n  - search\n  - decision-tree\n"


def published(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def test_the_example_is_five_lines_of_config_and_what_init_writes(tmp_path):
    assert (EXAMPLE / "mkdocs.yml").read_text() == MINIMAL_CONFIG
    assert main(["init", str(tmp_path)]) == 0
    for name in FILES:
        assert (tmp_path / name).read_text() == (EXAMPLE / name).read_text(), name


def test_init_writes_a_valid_starter_that_builds_strictly(tmp_path, capsys):
    assert main(["init", str(tmp_path)]) == 0
    written = capsys.readouterr().err
    assert f"wrote {tmp_path / 'docs/trees/example.yml'}" in written
    assert f"wrote {tmp_path / 'docs/tools/example.md'}" in written
    result = check_directory(tmp_path / "docs" / "trees", tmp_path / "docs")
    assert result.ok, result.diagnostics
    tree = result.trees["example"]
    assert len(tree.questions) >= 2 and len(tree.outcomes) >= 2
    assert tree.scenarios and tree.never
    tree_text = (tmp_path / "docs/trees/example.yml").read_text()
    assert tree_text.startswith("# yaml-language-server: $schema=../../decision-tree.schema.json\n")
    (tmp_path / "mkdocs.yml").write_text(MINIMAL_CONFIG)
    done = mkdocs_build(tmp_path, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr
    site = published(tmp_path / "site")
    assert {"tools/example/index.html", *(f"tools/example/{o}/index.html" for o in tree.outcomes)} <= site
    assert 'data-decision-tree="example"' in (tmp_path / "site/tools/example/index.html").read_text()


def test_init_never_overwrites(tmp_path, capsys):
    page = tmp_path / "docs" / "tools" / "example.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Mine\n")
    assert main(["init", str(tmp_path)]) == 1
    error = capsys.readouterr().err
    assert error == (f"error: {page} already exists: nothing was written; move or rename it first\n")
    assert page.read_text() == "# Mine\n"
    assert not (tmp_path / "docs" / "trees").exists()  # all or nothing


def test_tree_files_are_never_published(tmp_path):
    """The example has no exclude_docs rule: the plugin itself keeps its files out of site/."""
    project = example_copy(tmp_path)
    assert "exclude_docs" not in (project / "mkdocs.yml").read_text()
    trees = project / "docs" / "trees"
    (trees / "example.paths").write_text("steps\n")
    (trees / "example.keys").write_text("steps\n")
    (trees / "picture.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')  # not the plugin's: kept
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    site = published(tmp_path / "site")
    assert not [name for name in site if name.endswith((".yml", ".yaml", ".paths", ".keys"))]
    assert "trees/picture.svg" in site
    assert "tools/example/make-tree/index.html" in site


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            "      trees_dir: decisions\n",
            "decision-tree: trees_dir: docs/decisions is not a folder. Create it and put the tree files in it",
        ),
        ("      trees_dir: 5\n", "option 'trees_dir': Expected type: <class 'str'> but received: <class 'int'>"),
        ("      trees_dir: ../trees\n", "option 'trees_dir': '../trees' is not below docs_dir"),
        ("      trees_dir: /srv/trees\n", "option 'trees_dir': '/srv/trees' is not below docs_dir"),
        ("      cards: often\n", "option 'cards': Expected type: <class 'bool'> but received: <class 'str'>"),
        ("      embed:\n        origins: https://partner.example\n", "write the origins as a list"),
        (
            "      outcome_pages: [exmple]\n",
            "outcome_pages: there is no tree 'exmple' in trees/; did you mean 'example'?",
        ),
        ("      outcome_pages: example\n", "option 'outcome_pages': write true, false or a list of tree ids"),
        ("      outcome_pages: 3\n", "option 'outcome_pages': write true, false or a list of tree ids"),
        ("      tree_dir: trees\n", "Config value 'plugins': Plugin 'decision-tree' option 'tree_dir': Unrecognised"),
        (
            '      outcome_url: "{page}{result}/"\n',
            "option 'outcome_url': '{page}{result}/' has {result}, which is not a placeholder: "
            "use {folder}, {page}, {tree}, {outcome}",
        ),
        (
            '      outcome_url: "{page}{outcom}/"\n',
            "option 'outcome_url': '{page}{outcom}/' has {outcom}, which is not a placeholder: did you mean {outcome}?",
        ),
        (
            '      outcome_url: "results/{tree}/"\n',
            "option 'outcome_url': 'results/{tree}/' has no {outcome}: each result needs an address of its own",
        ),
        (
            '      outcome_url: "/results/{outcome}/"\n',
            "option 'outcome_url': '/results/{outcome}/' starts with /: give the address below the site's root",
        ),
        (
            '      outcome_url: "{folder}../{outcome}/"\n',
            "option 'outcome_url': '{folder}../{outcome}/' goes up a folder (..): the result pages stay inside",
        ),
        (
            '      outcome_url: "{page}{outcome}.html"\n',
            "option 'outcome_url': '{page}{outcome}.html' does not end with /: write the address as a folder, "
            "{page}{outcome}/ (with use_directory_urls: false",
        ),
        (
            '      outcome_url: "{page}/{outcome}/"\n',
            "option 'outcome_url': '{page}/{outcome}/': {page} already ends with /, so write {page}{outcome}/",
        ),
        (
            '      outcome_url: "results/{page}{outcome}/"\n',
            "option 'outcome_url': 'results/{page}{outcome}/': {page} is an address of its own, so it can only "
            "start the template",
        ),
        (
            '      outcome_url: "results/{outcome}?/"\n',
            "option 'outcome_url': 'results/{outcome}?/' has '?': besides the placeholders, write letters, digits",
        ),
        (
            '      outcome_url: "results/{outcome/"\n',
            "option 'outcome_url': 'results/{outcome/' has a { or } that opens or closes no placeholder",
        ),
        (
            '      outcome_url: ".results/{outcome}/"\n',
            "option 'outcome_url': '.results/{outcome}/' has a name starting with .: MkDocs leaves such files out",
        ),
        (
            "      outcome_url: {outcome}\n",  # unquoted, YAML reads a mapping
            "option 'outcome_url': write the address of a result's page as text, for example: {page}{outcome}/",
        ),
    ],
)
def test_wrong_options_stop_the_build_with_a_plain_message(tmp_path, options, message):
    project = example_copy(tmp_path)
    with_plugin_options(project, options)
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 1
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_trees_dir_names_another_folder(tmp_path):
    project = example_copy(tmp_path)
    (project / "docs" / "trees").rename(project / "docs" / "decisions")
    with_plugin_options(project, "      trees_dir: decisions/\n")
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    site = published(tmp_path / "site")
    assert "tools/example/keep-page/index.html" in site
    assert not any(name.startswith("decisions/") for name in site)


def test_cards_asked_for_but_impossible_warn(tmp_path):
    """Unset, cards are drawn only when they can be; `cards: true` on a site without site_url warns
    (and so fails a strict build), `cards: false` is silent."""
    project = example_copy(tmp_path)
    with_plugin_options(project, "      cards: true\n")
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 1
    assert "WARNING -  decision_tree: link-preview cards need an absolute address: set site_url" in done.stderr


@pytest.mark.parametrize(("setting", "pages"), [("false", False), ("[example]", True), ("[]", False), ("true", True)])
def test_outcome_pages_says_which_trees_results_get_pages(tmp_path, setting, pages):
    project = example_copy(tmp_path)
    with_plugin_options(project, f"      outcome_pages: {setting}\n")
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    site = published(tmp_path / "site")
    results = {f"tools/example/{outcome}/index.html" for outcome in ("make-tree", "keep-page", "write-guide")}
    assert (results <= site) is pages and (results & site == set()) is not pages
    tool = (tmp_path / "site" / "tools" / "example" / "index.html").read_text()
    assert ('href="make-tree/"' in tool) is pages
    assert "Make it a decision tree" in tool  # the result is still on the tool page


LAYOUT = "results/{tree}/{outcome}/"
KEEP = "A heading per option and a sentence on when to pick it is all a reader needs."


def moved_results(tmp_path: Path) -> Path:
    """The example with its results at results/<tree>/<outcome>/, one of them renamed (keep-page is now
    stay-page, its old id an alias), and a link in its text to another result's new address."""
    project = example_copy(tmp_path)
    with_plugin_options(project, f'      outcome_url: "{LAYOUT}"\n')
    tree = project / "docs" / "trees" / "example.yml"
    text = tree.read_text().replace("keep-page", "stay-page") + "aliases:\n  keep-page: stay-page\n"
    assert KEEP in text
    tree.write_text(text.replace(KEEP, KEEP + " Else [make it a tree](/results/example/make-tree.md)."))
    return project


def test_outcome_url_moves_the_result_pages_and_every_link_follows(tmp_path, monkeypatch, capsys):
    project = moved_results(tmp_path)
    monkeypatch.chdir(project)
    assert main(["check"]) == 0, capsys.readouterr()  # the command line reads outcome_url from mkdocs.yml
    config = project / "mkdocs.yml"
    config.write_text("site_url: https://example.org/guide/\n" + config.read_text())  # for the sitemap
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    site = published(tmp_path / "site")
    outcomes = ("make-tree", "stay-page", "write-guide")
    assert {f"results/example/{outcome}/index.html" for outcome in outcomes} <= site
    assert [name for name in site if name.startswith("tools/")] == ["tools/example/index.html"]
    tool = (tmp_path / "site" / "tools" / "example" / "index.html").read_text()
    for outcome in outcomes:  # the outline's links, and the addresses the player reads from its island
        assert f'href="../../results/example/{outcome}/"' in tool
        assert f'"url":"../../results/example/{outcome}/"' in tool
    stay = (tmp_path / "site" / "results" / "example" / "stay-page" / "index.html").read_text()
    assert 'href="../make-tree/"' in stay  # the link in the tree's text, to the new address
    assert 'data-tool="../../../tools/example/"' in stay
    moved = (tmp_path / "site" / "results" / "example" / "keep-page" / "index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../stay-page/">' in moved  # the retired id
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text()
    assert "<loc>https://example.org/guide/results/example/make-tree/</loc>" in sitemap


def test_the_command_line_checks_links_against_the_outcome_url_of_mkdocs_yml(tmp_path, monkeypatch, capsys):
    project = moved_results(tmp_path)
    monkeypatch.chdir(project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(f'      outcome_url: "{LAYOUT}"\n', "      cards: false\n"))
    assert main(["check"]) == 1  # the default layout: the result is at /tools/example/make-tree.md
    assert 'error DT029: the link "/results/example/make-tree.md" points to a page that does not exist' in (
        capsys.readouterr().out
    )
    config.write_text(config.read_text().replace("      cards: false\n", '      outcome_url: "/{outcome}/"\n'))
    assert main(["check"]) == 1
    assert capsys.readouterr().err == (
        "error: mkdocs.yml: plugins: decision-tree: outcome_url: '/{outcome}/' starts with /: give the address "
        "below the site's root, for example: {page}{outcome}/\n"
    )


def test_a_link_to_a_result_page_that_outcome_pages_turns_off_fails_the_check_and_the_build(
    tmp_path, monkeypatch, capsys
):
    """No page is generated for a tree whose results outcome_pages leaves out, so a link to one would
    break on the site: the command line (reading mkdocs.yml) and the build both refuse it."""
    project = example_copy(tmp_path)
    tree = project / "docs" / "trees" / "example.yml"
    assert KEEP in tree.read_text()
    tree.write_text(tree.read_text().replace(KEEP, KEEP + " Else [make it a tree](/tools/example/make-tree.md)."))
    monkeypatch.chdir(project)
    assert main(["check"]) == 0, capsys.readouterr()  # every result has its page: the link lands
    capsys.readouterr()
    with_plugin_options(project, "      outcome_pages: []\n")
    assert main(["check"]) == 1
    problem = 'error DT029: the link "/tools/example/make-tree.md" points to a page that does not exist'
    assert problem in capsys.readouterr().out
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 1 and "DT029" in done.stderr, done.stderr


def test_the_command_line_names_a_wrong_outcome_pages_in_mkdocs_yml(tmp_path, monkeypatch, capsys):
    project = example_copy(tmp_path)
    with_plugin_options(project, "      outcome_pages: example\n")
    monkeypatch.chdir(project)
    assert main(["check"]) == 1
    assert capsys.readouterr().err == (
        "error: mkdocs.yml: plugins: decision-tree: outcome_pages: write true, false or a list of tree ids, "
        "one a line: - example\n"
    )


def test_a_result_given_the_address_of_a_page_stops_the_build(tmp_path):
    project = example_copy(tmp_path)
    with_plugin_options(project, '      outcome_url: "{folder}{outcome}/"\n')
    (project / "docs" / "tools" / "make-tree.md").write_text("# Mine\n")
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 1
    assert (
        "decision-tree: outcome_url '{folder}{outcome}/' puts the result 'make-tree' of example at tools/make-tree/, "
        "the address of the page docs/tools/make-tree.md: change outcome_url (or move the page)"
    ) in done.stderr
    assert "Traceback" not in done.stderr


def test_two_results_given_one_address_stop_the_build_all_named_at_once(tmp_path):
    project = example_copy(tmp_path)
    with_plugin_options(project, '      outcome_url: "results/{outcome}/"\n')
    shutil.copy(project / "docs" / "trees" / "example.yml", project / "docs" / "trees" / "other.yml")
    (project / "docs" / "tools" / "other.md").write_text("# Other\n\n<!-- decision-tree other -->\n")
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 1
    for outcome in ("make-tree", "keep-page", "write-guide"):
        assert (
            f"outcome_url 'results/{{outcome}}/' puts the result '{outcome}' of other at results/{outcome}/, "
            f"the address of the result '{outcome}' of example: change outcome_url (or move the page)"
        ) in done.stderr
    assert "Traceback" not in done.stderr


def test_outcome_url_without_directory_urls_publishes_each_result_as_a_html_file(tmp_path):
    project = moved_results(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text("use_directory_urls: false\n" + config.read_text())
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    site = published(tmp_path / "site")
    assert {"results/example/make-tree.html", "results/example/stay-page.html", "tools/example.html"} <= site
    tool = (tmp_path / "site" / "tools" / "example.html").read_text()
    assert 'href="../results/example/make-tree.html"' in tool
    moved = (tmp_path / "site" / "results" / "example" / "keep-page" / "index.html").read_text()
    assert 'url=../stay-page.html"' in moved  # the retired id's old address still leads to the result
