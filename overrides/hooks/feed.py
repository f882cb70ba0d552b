"""This site's own hook: the Insights feed's image is our icon, at the site's public address.

mkdocs-rss-plugin writes its ``image`` option as given, and ``<url>None</url>`` without one; an RSS
image must be an absolute URL to a PNG, GIF or JPEG, and the site's address is only known at build
time (SITE_URL), so it is set here, before the plugin reads it.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

FEED_IMAGE = "assets/apple-touch-icon.png"  # docs/assets: the logo drawn as a PNG


@event_priority(100)  # before the feed plugin's own on_config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    feed = config.plugins.get("rss")
    if feed is not None and not feed.config.image and config.site_url:
        feed.config.image = config.site_url.rstrip("/") + "/" + FEED_IMAGE
    return config


# The channel's dates: mkdocs-rss-plugin stamps them with the time of the build, so no two builds were
# the same and a rebuild could not be told from a change. The feed changes when its newest post does:
# its date is the channel's.
_ITEM_DATE = re.compile(r"<item>.*?<pubDate>(.*?)</pubDate>", re.S)
_CHANNEL_DATES = re.compile(r"<(pubDate|lastBuildDate)>[^<]*</\1>")


def on_post_build(config: MkDocsConfig) -> None:
    for name in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        path = Path(config.site_dir) / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        newest = _ITEM_DATE.search(text)
        if newest:
            head, items = text.split("<item>", 1)
            date = newest[1]
            head = _CHANNEL_DATES.sub(lambda m, date=date: f"<{m[1]}>{date}</{m[1]}>", head)
            path.write_text(head + "<item>" + items, encoding="utf-8")
