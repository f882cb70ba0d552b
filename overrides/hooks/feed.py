"""This site's own hook: the Insights feed's image is our icon, at the site's public address.

mkdocs-rss-plugin writes its ``image`` option as given, and ``<url>None</url>`` without one; an RSS
image must be an absolute URL to a PNG, GIF or JPEG, and the site's address is only known at build
time (SITE_URL), so it is set here, before the plugin reads it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

FEED_IMAGE = "assets/apple-touch-icon.png"  # docs/assets: the logo drawn as a PNG


@event_priority(100)  # before the feed plugin's own on_config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    feed = config.plugins.get("rss")
    if feed is not None and not feed.config.image and config.site_url:
        feed.config.image = config.site_url.rstrip("/") + "/" + FEED_IMAGE
    return config
