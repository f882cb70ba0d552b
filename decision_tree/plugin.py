"""MkDocs adapter: check every tree before anything is written, embed trees, add outcome pages.

A page embeds a tree with a line of its own: ``<!-- decision-tree need-mlops -->``. Each outcome
of an embedded tree gets a generated page, by default next to the tool page (``tools/need-mlops/hire-now/``;
the option outcome_url, layout.py, moves them).
Checking, finding embeds, rendering and refusing active content live in the core modules; this
file connects them to MkDocs' events and files, and keeps serve going on the last good trees.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable
from html import escape
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from . import active
from . import embed as embedding
from .check import SUFFIXES, check_directory
from .config import DecisionTreeConfig
from .convert import relink, to_html
from .diagnostics import report
from .editors import report_html
from .keys import RECORD_SUFFIX
from .layout import result_address, result_source, with_pages
from .loading import swaps_pages, with_player
from .model import Tree, did_you_mean
from .paths import MANIFEST_SUFFIX
from .previews import Previews, page_card, site_card
from .published import EMBED, REPORT, embed_options, embed_problems, embeds_in
from .render import (
    Entry,
    Links,
    edit_link_html,
    head_as_text,
    list_entries,
    list_html,
    list_problem,
    outcome_page_html,
    redirect_html,
    result_island,
    tree_html,
)

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"
ASSET_DIR = "assets/decision-tree"
# What the site serves -> the file in assets/: the player ships minified (package.json's "player" and
# "player-css"; tests/js checks both are fresh).
SHIPPED = {"player.js": "player.min.js", "player.css": "player.min.css"}
# The plugin's own files in the trees folder: compiled into pages, never published as they are.
TREE_FILES = (*SUFFIXES, MANIFEST_SUFFIX, RECORD_SUFFIX)


class DecisionTreePlugin(BasePlugin[DecisionTreeConfig]):
    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance alive across `mkdocs serve` rebuilds.
        self.serving = command == "serve"
        self.last_good: dict[str, Tree] | None = None

    def _refuse(self, problem: str) -> None:
        """Fail the build; under ``mkdocs serve``, report it and go on, so the server keeps answering
        (MkDocs' server stops answering until a failed rebuild is fixed)."""
        if not getattr(self, "serving", False):
            raise PluginError(problem)
        log.error(problem)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        docs = Path(config.docs_dir)
        folder = docs / self.config.trees_dir
        if not folder.is_dir():
            shown = os.path.relpath(folder, os.path.dirname(config.config_file_path or "."))
            raise PluginError(
                f"decision-tree: trees_dir: {shown} is not a folder. Create it and put the tree files in it "
                "(python -m decision_tree init writes a first one), or set trees_dir to the folder below "
                "docs_dir that holds them"
            )
        result = check_directory(folder, docs, self.config.outcome_url, self.config.outcome_pages)
        trees = result.trees
        if not result.ok:
            problems = report(result.diagnostics)
            last_good = getattr(self, "last_good", None) if getattr(self, "serving", False) else None
            if not last_good:
                raise PluginError(f"the decision trees have problems:\n{problems}")
            log.error("the decision trees have problems; still serving the last good version:\n%s", problems)
            trees = last_good
        self.trees: dict[str, Tree] = dict(trees)
        self._check_outcome_pages()
        self.previews: Previews = getattr(self, "previews", None) or Previews()  # its cache outlives rebuilds
        self.previews.setup(config, self.config.cards, self.config.cards_cache)
        # The player loads only on the pages that show a tree (on_post_page), unless the theme swaps pages
        # in place, where any page may become a tree's without a load (loading.py).
        self.everywhere = swaps_pages(config.theme.name, config.theme.get("features"))
        for name, target in (("player.css", config.extra_css), ("player.js", config.extra_javascript)):
            if self.everywhere and f"{ASSET_DIR}/{name}" not in map(str, target):
                target.append(f"{ASSET_DIR}/{name}")
        return config

    def _check_outcome_pages(self) -> None:
        """Refuse an outcome_pages list that names a tree the trees folder does not hold."""
        listed = self.config.outcome_pages
        for tree_id in listed if isinstance(listed, list) else []:
            if tree_id not in self.trees:
                guess = did_you_mean(tree_id, self.trees)
                hint = f"did you mean {guess!r}?" if guess else f"the trees: {', '.join(sorted(self.trees)) or 'none'}"
                self._refuse(
                    f"decision-tree: outcome_pages: there is no tree {tree_id!r} in {self.config.trees_dir}/; {hint}"
                )

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # The tree files, their path lists and key records become pages: none is published as a file,
        # whether or not the site excludes them (exclude_docs) itself.
        trees = self.config.trees_dir + "/"
        for file in list(files):
            uri = file.src_uri
            if uri.startswith(trees) and "/" not in uri[len(trees) :] and uri.endswith(TREE_FILES):
                files.remove(file)
        for name, source in SHIPPED.items():
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", abs_src_path=str(ASSETS / source)))
        self.homes: dict[str, File] = {}
        self.embedded: dict[str, list[str]] = {}  # src_uri -> the trees the page embeds, read once
        for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
            self.embedded[file.src_uri] = [tree_id for tree_id, _line in self._embeds(file)]
            for tree_id in self.embedded[file.src_uri]:
                self.homes.setdefault(tree_id, file)
        self.islands: dict[str, str] = {}  # tree id -> its result pages' island, made once a build
        self.player_pages: set[str] = set()  # src_uri of each page that shows a tree, filled as they render
        self.styled_pages: set[str] = set()  # ... and of each that needs the player's styles only (the report)
        self.outcome_files: dict[tuple[str, str], File] = {}
        self.outcome_pages: dict[str, tuple[str, str]] = {}  # src_uri -> (tree id, outcome id)
        self._add_outcome_pages(files, config)
        self._add_embed_pages(files, config)
        return files

    def _add_outcome_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Add a page for each outcome of each embedded tree, where outcome_url puts it, and a redirect
        for each retired outcome id; refuse, all at once, results that would take a page's address."""
        layout = self.config.outcome_url
        taken = {file.dest_uri: f"the page docs/{file.src_uri}" for file in files}  # dest_uri -> what is there
        clashes: list[str] = []

        def add(file: File, what: str) -> bool:
            there = taken.setdefault(file.dest_uri, what)
            if there != what:
                clashes.append(
                    f"decision-tree: outcome_url {layout!r} puts {what} at {file.url or '/'}, "
                    f"the address of {there}: change outcome_url (or move the page)"
                )
                return False
            files.append(file)
            return True

        for tree_id, tree in self.trees.items():
            home = self.homes.get(tree_id)
            if home is None:
                log.warning(
                    "the tree %r is not embedded in any page: add <!-- decision-tree %s --> to one", tree_id, tree_id
                )
                continue
            if not with_pages(self.config.outcome_pages, tree_id):
                continue  # the results are shown on the tool page only
            for outcome in tree.outcomes.values():
                # No front matter: the title and description are set in on_page_markdown, as text.
                src = result_source(layout, home.src_uri, tree_id, outcome.id)
                generated = File.generated(config, src, content="", inclusion=InclusionLevel.NOT_IN_NAV)
                if add(generated, f"the result {outcome.id!r} of {tree_id}"):
                    self.outcome_files[(tree_id, outcome.id)] = generated
                    self.outcome_pages[src] = (tree_id, outcome.id)
            for retired, current in tree.aliases.items():  # links already sent to a retired result still work
                if (tree_id, current) in self.outcome_files:
                    address = result_address(layout, home.src_uri, tree_id, retired) + "index.html"
                    redirect = File.generated(config, address, content="")
                    target = self.outcome_files[(tree_id, current)].url_relative_to(redirect)
                    redirect.content_string = redirect_html(tree.outcomes[current].title, target)
                    add(redirect, f"the retired result {retired!r} of {tree_id}")
        if clashes:
            self._refuse("\n".join(clashes))

    def _add_embed_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Add /embed/<tree>/ for each embedded tree, when mkdocs.yml lists origins that may frame it."""
        self.embed_pages: dict[str, str] = {}  # src_uri -> tree id
        if not self.config.embed.origins:
            return
        if not any(os.path.isfile(os.path.join(folder, embedding.TEMPLATE)) for folder in config.theme.dirs):
            self._refuse(
                f"mkdocs.yml lists origins that may frame the tools, but the theme has no {embedding.TEMPLATE}, "
                "the embed pages' template: keep overrides/embed.html and theme.custom_dir: overrides"
            )
            return
        for tree_id in sorted(self.homes):
            src = embedding.page_source(tree_id)
            if files.get_file_from_path(src) is not None:
                self._refuse(f"docs/{src}: this address is kept for the tool's embed page; move the page")
                continue
            markdown = embedding.page_markdown(tree_id)
            files.append(File.generated(config, src, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
            self.embed_pages[src] = tree_id

    def _embed_page_meta(self, page: Page, config: MkDocsConfig) -> None:
        """Give an embed page its template, title and the tool page as its canonical address."""
        tree_id = getattr(self, "embed_pages", {}).get(page.file.src_uri)
        if tree_id is None:
            return
        tree = self.trees[tree_id]
        page.meta.update(template=embedding.TEMPLATE, title=tree.title, search={"exclude": True})
        page.meta["description"] = tree.summary or tree.title
        page.meta["decision_tree_embed"] = {
            "canonical": urljoin(config.site_url or "", self.homes[tree_id].url),
        }
        # No address of its own: the sitemap lists a page only when it has one.
        page.canonical_url = page.abs_url = None

    def _embeds(self, file: File) -> list[tuple[str, int]]:
        """Return (tree id, line) for each embed in a page; an unknown tree fails the build.

        Under serve, a tree whose file was just deleted or renamed is served as it last built.
        """
        text = file.content_string
        for tree_id, _number, problem in embed_problems(text, f"docs/{file.src_uri}", self.trees):
            last_good = getattr(self, "last_good", None) or {}
            if tree_id is not None and getattr(self, "serving", False) and tree_id in last_good:
                self.trees[tree_id] = last_good[tree_id]
                problem += "; still serving its last good version"
            self._refuse(problem)
        found = [(tree_id, number) for tree_id, number in embeds_in(text)[0] if tree_id in self.trees]
        lines = text.splitlines()
        for tree_id, number in found:
            match = EMBED.search(lines[number - 1])
            listed = [column for option, column in embed_options(match) if option == "list"] if match else []
            unlisted = list_problem(self.trees[tree_id]) if listed else None
            if unlisted:
                self._refuse(f"docs/{file.src_uri}:{number}:{listed[0]}: {unlisted}")
        return found

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["decision_tree_sidebars"] = {}  # results folder -> its pages' sidebars, drawn once a build
        self.previews.new_build()
        env.globals["decision_tree_site_card"] = self.previews.place(site_card(config), config)  # (404)
        return env

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if self.previews.cache is not None:
            mine = self.outcome_pages.get(page.file.src_uri)
            result = (self.trees[mine[0]], self.trees[mine[0]].outcomes[mine[1]]) if mine else None
            card = self.previews.place(page_card(page, config, result), config)
            context["decision_tree_card"] = card  # type: ignore[typeddict-unknown-key]
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.last_good = self.trees  # what this build published: what serve falls back on

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._embed_page_meta(page, config)
        mine = self.outcome_pages.get(page.file.src_uri)
        if mine:
            tree = self.trees[mine[0]]
            outcome = tree.outcomes[mine[1]]
            # The folder of the tree's result pages: their sidebars are all the same (see overrides/main.html).
            page.meta["decision_tree_result"] = posixpath.dirname(page.file.src_uri)
            page.meta["title"] = outcome.title
            page.meta["description"] = outcome.summary or tree.summary or tree.title
        else:
            embedded = self.embedded.get(page.file.src_uri, [])
            if len(embedded) == 1 and not page.meta.get("description"):
                summary = self.trees[embedded[0]].summary
                if summary:
                    page.meta["description"] = summary
        head_as_text(page.meta)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        mine = self.outcome_pages.get(page.file.src_uri)
        if mine:
            tree = self.trees[mine[0]]
            render = self._markdown_for(page, files)
            if tree.id not in self.islands:
                self.islands[tree.id] = result_island(tree)
            links = self._links(tree, page, files, with_outcomes=False)
            self.player_pages.add(page.file.src_uri)
            return outcome_page_html(tree, tree.outcomes[mine[1]], render, links, self.islands[tree.id])
        problem = active.page_problems(lambda: page.file.content_string, html, _shown_path(config, page.file))
        if problem:
            self._refuse(problem)
            html = f'<p class="dt-refused">{escape(problem)}</p>'  # under serve: shown, never run
        if REPORT.search(html):
            report = report_html(self.trees, {tid: self._links(t, page, files) for tid, t in self.trees.items()})
            html = REPORT.sub(lambda _match: report, html)
            self.styled_pages.add(page.file.src_uri)  # the diagrams' figures scroll (player.css)
        if not EMBED.search(html):
            return html
        render = self._markdown_for(page, files)

        framed = page.file.src_uri in getattr(self, "embed_pages", {})

        def embed(match: re.Match) -> str:
            tree = self.trees.get(match.group(1))  # anything else was in a code example: leave it
            if tree is None:
                return match.group(0)
            self.player_pages.add(page.file.src_uri)
            listed = any(option == "list" for option, _column in embed_options(match)) and not framed
            if listed and list_problem(tree) is None:  # (under serve, a tree that cannot be listed is guided)
                lists.append((match.start(), list_entries(tree)))
                html = list_html(tree, render, self._links(tree, page, files))
            else:
                html = tree_html(tree, render, self._links(tree, page, files))
            edit = self._edit_url(tree, config)
            at_home = self.homes.get(tree.id) is page.file
            return html + edit_link_html(edit) if edit and at_home and not framed else html

        lists: list[tuple[int, list[Entry]]] = []
        original = html
        html = EMBED.sub(embed, html)
        for position, entries in reversed(lists):
            _add_to_toc(page, original, position, entries)
        return embedding.framed(html) if framed else html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Load the player on a page that shows a tree, and its styles on the editors' report. An embed
        page's template prints none of the theme's scripts, so it gets the script even where every page
        loads the player."""
        uri = page.file.src_uri
        tree, styled = uri in self.player_pages, uri in self.player_pages or uri in self.styled_pages
        if not styled:
            return output
        framed = uri in getattr(self, "embed_pages", {})
        here = page.url
        stylesheet = None if self.everywhere else get_relative_url(f"{ASSET_DIR}/player.css", here)
        script = (
            None if not tree or self.everywhere and not framed else get_relative_url(f"{ASSET_DIR}/player.js", here)
        )
        return with_player(output, stylesheet, script)

    def _edit_url(self, tree: Tree, config: MkDocsConfig) -> str | None:
        """Return the address of the tree's file in the repository's web editor, from repo_url and edit_uri."""
        if not config.repo_url or not config.edit_uri:
            return None
        base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri.rstrip("/") + "/")
        return urljoin(base, f"{self.config.trees_dir.strip('/')}/{tree.id}.yml")

    @staticmethod
    def _markdown_for(page: Page, files: Files) -> Callable[[str], str]:
        """Return tree Markdown to HTML for this page, converted once per build, links pointed here."""

        def address_of(path: str) -> str | None:
            file = files.get_file_from_path(path)
            return file.url_relative_to(page.file) if file is not None else None

        return lambda text: relink(to_html(text), address_of)

    def _links(self, tree: Tree, page: Page, files: Files, with_outcomes: bool = True) -> Links:
        """Return the addresses a tree's HTML links to from this page (its outcomes' only if asked:
        an outcome's page links to none, and computing them for each would make the build quadratic)."""
        here = page.file
        outcomes = (
            {
                oid: self.outcome_files[(tree.id, oid)].url_relative_to(here)
                for oid in tree.outcomes
                if (tree.id, oid) in self.outcome_files
            }
            if with_outcomes
            else {}
        )
        trees = {
            tid: (t.title, self.homes[tid].url_relative_to(here)) for tid, t in self.trees.items() if tid in self.homes
        }
        home = self.homes.get(tree.id)
        return Links(outcomes=outcomes, trees=trees, tool=home.url_relative_to(here) if home else None)


def _add_to_toc(page: Page, html: str, position: int, entries: list[Entry]) -> None:
    """Put a listed tree's headings (topics, and their questions) in the page's table of contents, where
    the list stands among the page's own headings: under the page's h1, after the headings before it."""
    toc = page.toc.items if page.toc is not None else []
    siblings = toc[0].children if toc and toc[0].level == 1 else toc
    before = sum(1 for item in siblings if 0 <= html.find(f'id="{item.id}"') < position)

    def link(entry: Entry, level: int) -> AnchorLink:
        item = AnchorLink(escape(entry.text), entry.id, level)
        item.children = [link(child, level + 1) for child in entry.children]
        return item

    siblings[before:before] = [link(entry, 2) for entry in entries]
    if page.toc is None or not page.toc.items:
        page.toc = TableOfContents(siblings)


def _shown_path(config: MkDocsConfig, file: File) -> str:
    """Return a page's source as an editor finds it, relative to mkdocs.yml (docs/x.md)."""
    return os.path.relpath(os.path.join(config.docs_dir, file.src_path), os.path.dirname(config.config_file_path))
