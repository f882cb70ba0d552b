"""The link-preview cards of a MkDocs build: which card a page gets, and putting it in the built site.

Drawing is cards.py's (no MkDocs there); this is the part that knows MkDocs' pages and folders. One
``Previews`` lives as long as the plugin, so the cache of drawn cards outlasts serve's rebuilds, and
each build puts every card it uses into its site folder once.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from .cards import HEIGHT, WIDTH, Card, CardCache, CardsUnavailable, fingerprint
from .model import Outcome, Tree

log = get_plugin_logger(__name__)

CARD_DIR = "assets/cards"  # the link-preview cards in the built site, named by their text's hash


class Previews:
    def __init__(self) -> None:
        self.cache: CardCache | None = None  # None: this build draws no cards
        self.placed: set[str] = set()  # the cards this build has put in site_dir

    def setup(self, config: MkDocsConfig, wanted: bool | None, cache_dir: str) -> None:
        """Keep the cache across serve's rebuilds; without Pillow or site_url, draw no cards (a warning
        only if mkdocs.yml asked for them, ``wanted`` being the plugin's ``cards`` option)."""
        previous, self.cache = self.cache, None
        if wanted is False:
            return
        say = log.warning if wanted else log.info
        if not config.site_url:
            say("link-preview cards need an absolute address: set site_url (or SITE_URL)")
            return
        try:
            fingerprint()
        except CardsUnavailable as error:
            say("%s; the pages get no preview card", error)
            return
        folder = Path(config.config_file_path).parent / cache_dir
        self.cache = previous if previous is not None and previous.folder == folder else CardCache(folder)

    def new_build(self) -> None:
        self.placed = set()

    def place(self, card: Card, config: MkDocsConfig) -> dict[str, Any] | None:
        """Put the card in the built site (drawn only if no build has drawn its text); return what the
        page's template gets: its absolute ``url``, ``alt``, ``width`` and ``height``."""
        if self.cache is None:
            return None
        drawn = self.cache.path(card)
        address = f"{CARD_DIR}/{drawn.name}"
        if address not in self.placed:
            target = Path(config.site_dir) / address
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)
            try:
                os.link(drawn, target)  # the cache and the site on one file system: no copy
            except OSError:
                shutil.copyfile(drawn, target)
            self.placed.add(address)
        alt = " - ".join(dict.fromkeys(part for part in (card.site, card.kicker, card.title) if part))
        return {"url": urljoin(config.site_url or "", address), "alt": alt, "width": WIDTH, "height": HEIGHT}


def site_card(config: MkDocsConfig) -> Card:
    """Return the site's own card, for a page without one (the 404 page)."""
    return Card(config.site_name, config.site_name, summary=config.site_description or "")


def page_card(page: Page, config: MkDocsConfig, result: tuple[Tree, Outcome] | None) -> Card:
    """Return what a page's card says: the site, the tool or section, the title, the summary. A
    result's page (``result``: its tree and outcome) says the result, under the tool's title."""
    site = config.site_name
    if result is not None:
        tree, outcome = result
        return Card(site, outcome.title, tree.title, outcome.summary or tree.summary or tree.title)
    summary = head_text(page.meta.get("description")) or config.site_description or ""
    if page.is_homepage:
        return Card(site, site, summary=summary)
    section = page.parent
    while section is not None and section.parent is not None:
        section = section.parent
    kicker = head_text(section.title) if section is not None else ""
    return Card(site, head_text(page.meta.get("title") or page.title) or site, kicker, summary)


def head_text(value: object) -> str:
    """Return a page's title or description as the text its head shows (the template's striptags)."""
    return str(Markup(value).striptags()) if isinstance(value, str) else ""
