"""Insights: a feed that readers' feed readers can follow, dated in British order, with no menus of one post."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path

import yaml

from devtools.project import ROOT
from devtools.site import ENV, mkdocs_build

from .html import parse, site_pages

POSTS = sorted((ROOT / "docs" / "insights" / "posts").glob("*.md"))
FEEDS = ("feed_rss_created.xml", "feed_rss_updated.xml")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def front_matter(post: Path) -> dict:
    return yaml.safe_load(post.read_text(encoding="utf-8").split("---\n")[1])


def british(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def pages(site: Path) -> list[Path]:
    return site_pages(site, with_404=True)


def feed_items(feed: Path) -> list[dict[str, str]]:
    channel = ET.parse(feed).getroot().find("channel")
    assert channel is not None
    return [{child.tag: (child.text or "") for child in item} for item in channel.findall("item")]


def check_feed_dates(site: Path) -> None:
    """Each post is in both feeds, at its own page, dated by its front matter (created, then updated)."""
    for feed, which in zip(FEEDS, ("created", "updated"), strict=True):
        items = {item["link"]: item for item in feed_items(site / feed)}
        assert len(items) == len(POSTS), feed
        for post in POSTS:
            meta = front_matter(post)
            link = next(link for link in items if link.rstrip("/").endswith("/" + meta["slug"]))
            path = link.split("://", 1)[1].split("/", 1)[1]
            assert (site / path / "index.html").is_file(), link
            expected = meta["date"].get(which) or meta["date"]["created"]
            assert parsedate_to_datetime(items[link]["pubDate"]).date() == expected, (feed, link)


def test_the_feeds_hold_every_post_dated_by_its_front_matter(site):
    check_feed_dates(site)


def test_the_feeds_image_is_our_icon_at_the_sites_address(site):
    for feed in FEEDS:
        url = ET.parse(site / feed).getroot().findtext("channel/image/url")
        assert url and url.startswith("http"), feed
        assert (site / url.split("://", 1)[1].split("/", 1)[1]).is_file(), url


def test_every_page_links_the_feeds_in_its_head(site):
    for page in pages(site):
        head = parse(page).find("head")
        hrefs = [link.attrs["href"] for link in head.find_all("link", rel="alternate", type="application/rss+xml")]
        assert len(hrefs) == len(FEEDS), page
        for href in hrefs:
            base = "" if page.name == "404.html" else page.parent.relative_to(site).as_posix()
            target = href.lstrip("/") if href.startswith("/") else posixpath.normpath(posixpath.join(base, href))
            assert (site / target).is_file(), (page, href)


def test_a_copy_without_git_and_without_network_builds_the_same_feed(project, tmp_path):
    """The dates come from front matter, not git (the copy has no .git), and nothing is fetched: every
    request would go to a proxy that is not there, and a failed one fails the strict build."""
    assert not (project / ".git").exists()
    dead = "http://127.0.0.1:9"
    env = {**ENV, "HTTP_PROXY": dead, "HTTPS_PROXY": dead, "http_proxy": dead, "https_proxy": dead, "NO_PROXY": ""}
    out = tmp_path / "site"
    done = mkdocs_build(project, out, env=env)
    assert done.returncode == 0, done.stderr
    check_feed_dates(out)


def test_post_dates_read_in_british_order(site):
    """2 December 2026, on the post and on the Insights page that lists it."""
    listed = {t.all_text.strip() for t in parse(site / "insights" / "index.html").find_all("time")}
    assert listed == {british(front_matter(post)["date"]["created"]) for post in POSTS}
    for post in POSTS:
        meta = front_matter(post)
        page = parse(site / "insights" / meta["slug"] / "index.html")
        shown = [t.all_text.strip() for t in page.find_all("time")]
        expected = {british(d) for d in meta["date"].values()}
        assert shown and set(shown) == expected, shown
        for text in shown:
            assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", text), text


def primary_nav_labels(page: Path) -> list[str]:
    nav = parse(page).find("nav", class_="md-nav--primary")
    assert nav is not None
    return [a.all_text.strip() for a in nav.find_all("a") if a.all_text.strip()]


def test_insights_appears_once_in_the_navigation(site):
    for page in [site / "insights" / "index.html", *(site / "insights").glob("*/index.html")]:
        labels = primary_nav_labels(page)
        assert labels.count("Insights") == 1, (page, labels)


def test_no_archive_or_category_menu_of_a_single_post(site):
    """An archive or category menu is worth its place only once it lists more than one post."""
    labels = primary_nav_labels(site / "insights" / "index.html")
    menus = [m for m in ("Archive", "Categories") if m in labels]
    menus += [folder for folder in ("archive", "category") if (site / "insights" / folder).exists()]
    assert len(POSTS) > 1 or not menus, menus
