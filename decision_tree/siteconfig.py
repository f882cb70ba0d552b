"""What the command line reads from the site's mkdocs.yml, so that its check agrees with the build:
the plugin's outcome_url and outcome_pages, where the result pages that tree text may link to are
generated, and for which trees.

Read without MkDocs: the file is YAML, and MkDocs' own tags (``!ENV``, ``!relative``,
``!!python/name:…``) stand for values this reading never needs, so each reads as nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import yaml

from .layout import DEFAULT, parse_layout, parse_outcome_pages

PLUGIN = "decision-tree"
T = TypeVar("T")


class _Loader(yaml.SafeLoader):
    """YAML as mkdocs.yml writes it, with every tag of its own read as None."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_layout(config: Path) -> str:
    """Return the outcome_url that ``config`` (a mkdocs.yml) gives the plugin (see ``site_options``)."""
    return site_options(config)[0]


def site_options(config: Path) -> tuple[str, bool | list[str]]:
    """Return the outcome_url and outcome_pages that ``config`` (a mkdocs.yml) gives the plugin, each
    its default when the file gives none; raise ValueError, naming the file and the option, when the
    file or an option is wrong."""
    try:
        data = yaml.load(config.read_text(encoding="utf-8-sig"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as problem:
        raise ValueError(f"{config}: could not be read as YAML ({problem})") from None
    options = _plugin_options(data.get("plugins") if isinstance(data, dict) else None)
    every: bool | list[str] = True  # outcome_pages' default: every tree's results get pages
    return (
        _option(config, options, "outcome_url", parse_layout, DEFAULT),
        _option(config, options, "outcome_pages", parse_outcome_pages, every),
    )


def _option(config: Path, options: dict, name: str, parse: Callable[[object], T], default: T) -> T:
    """Return option ``name`` as ``parse`` reads it, or ``default``; a wrong value names file and option."""
    if name not in options:
        return default
    try:
        return parse(options[name])
    except ValueError as problem:
        raise ValueError(f"{config}: plugins: {PLUGIN}: {name}: {problem}") from None


def _plugin_options(plugins: object) -> dict:
    """Return the options mkdocs.yml gives the plugin: plugins is a list (of names, or of one-key
    mappings) or a mapping of names to options."""
    entries = plugins if isinstance(plugins, list) else [plugins] if isinstance(plugins, dict) else []
    for entry in entries:
        if isinstance(entry, dict) and PLUGIN in entry:
            return entry[PLUGIN] if isinstance(entry[PLUGIN], dict) else {}
    return {}
