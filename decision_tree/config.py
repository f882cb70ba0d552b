"""The plugin's settings in mkdocs.yml, typed so that MkDocs validates them."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class DecisionTreeConfig(base.Config):
    trees_dir = c.Type(str, default="trees")  # below docs_dir
    cards = c.Type(bool, default=True)  # a link-preview card (og:image) for every page: decision_tree/cards.py
    cards_cache = c.Type(str, default=".cache/decision-tree/cards")  # drawn cards, kept; relative to mkdocs.yml
