"""The plugin's settings in mkdocs.yml, typed so that MkDocs validates them."""

from __future__ import annotations

import posixpath

from mkdocs.config import base
from mkdocs.config import config_options as c

from .embed import parse_origin
from .layout import DEFAULT, parse_layout, parse_outcome_pages


class Origin(c.BaseConfigOption[str]):
    """A site allowed to frame the embed pages: ``https://partner.example``, checked by embed.parse_origin."""

    def run_validation(self, value: object) -> str:
        try:
            return parse_origin(value)
        except ValueError as problem:
            raise c.ValidationError(str(problem)) from None


class Origins(c.ListOfItems[str]):
    """A list of origins, each once, in the order written."""

    def run_validation(self, value: object) -> list[str]:
        if value is None:  # "origins:" with every line below it removed or commented out
            return []
        if isinstance(value, str):
            raise c.ValidationError(f"write the origins as a list, one a line: - {value}")
        return list(dict.fromkeys(super().run_validation(value)))


class TreesDir(c.Type[str]):
    """The trees' folder, below docs_dir: relative, inside it, written with forward slashes.

    Whether it exists is checked once docs_dir is known (the plugin's on_config)."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value).strip().replace("\\", "/")
        folder = posixpath.normpath(text) if text else ""
        if not folder or folder == ".":
            raise c.ValidationError("name the folder below docs_dir that holds the tree files, for example: trees")
        if folder.startswith("/") or folder == ".." or folder.startswith("../") or ":" in folder.split("/")[0]:
            raise c.ValidationError(f"{text!r} is not below docs_dir: give a folder inside it, for example: trees")
        return folder


class OutcomePages(c.BaseConfigOption[bool | list[str]]):
    """Which trees' results get a page of their own: all (true), none (false), or the trees listed.

    Whether each listed tree exists is checked once the trees are read (the plugin's on_config)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = True

    def run_validation(self, value: object) -> bool | list[str]:
        try:
            return parse_outcome_pages(value)
        except ValueError as problem:
            raise c.ValidationError(str(problem)) from None


class OutcomeUrl(c.BaseConfigOption[str]):
    """Where each result's own page is published: a template checked by layout.parse_layout.

    Whether two results, or a result and a page, get one address is checked once the pages are known
    (the plugin's on_files)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = DEFAULT

    def run_validation(self, value: object) -> str:
        try:
            return parse_layout(value)
        except ValueError as problem:
            raise c.ValidationError(str(problem)) from None


class EmbedConfig(base.Config):
    # The origins that may frame /embed/<tree>/; none (the default) publishes no embed pages.
    origins = Origins(Origin(), default=[])


class DecisionTreeConfig(base.Config):
    trees_dir = TreesDir(default="trees")  # below docs_dir
    # A link-preview card (og:image) for every page (decision_tree/cards.py). Unset: drawn when the site
    # can have them (site_url set, Pillow installed), else quietly none; true: the same, with a warning
    # when they cannot be drawn; false: none.
    cards = c.Optional(c.Type(bool))
    outcome_pages = OutcomePages()  # which trees' results get their own page
    outcome_url = OutcomeUrl()  # where: "{folder}{tree}/{outcome}/" (tools/need-mlops/hire-now/)
    cards_cache = c.Type(str, default=".cache/decision-tree/cards")  # drawn cards, kept; relative to mkdocs.yml
    embed = c.SubConfig(EmbedConfig)
