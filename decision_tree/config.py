"""The plugin's settings in mkdocs.yml, typed so that MkDocs validates them."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from .embed import parse_origin


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


class EmbedConfig(base.Config):
    # The origins that may frame /embed/<tree>/; none (the default) publishes no embed pages.
    origins = Origins(Origin(), default=[])


class DecisionTreeConfig(base.Config):
    trees_dir = c.Type(str, default="trees")  # below docs_dir
    cards = c.Type(bool, default=True)  # a link-preview card (og:image) for every page: decision_tree/cards.py
    cards_cache = c.Type(str, default=".cache/decision-tree/cards")  # drawn cards, kept; relative to mkdocs.yml
    embed = c.SubConfig(EmbedConfig)
