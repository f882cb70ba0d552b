"""The plugin's settings in mkdocs.yml, typed so that MkDocs validates them."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class DecisionTreeConfig(base.Config):
    trees_dir = c.Type(str, default="trees")  # below docs_dir
