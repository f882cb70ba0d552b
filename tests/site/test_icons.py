"""Our own logo and icons: served from the site itself, readable on the header in both palettes."""

from __future__ import annotations

import posixpath
import re
import struct
from pathlib import Path

from .html import parse, site_pages

ICON_RELS = ("icon", "apple-touch-icon")


def pages(site: Path) -> list[Path]:
    return site_pages(site, with_404=True)


def resolve(site: Path, page: Path, href: str) -> Path:
    if href.startswith("/"):
        return site / href.lstrip("/")
    return site / posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), href))


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_page_uses_our_logo_and_icons_from_this_site(site):
    for page in pages(site):
        document = parse(page)
        logo = document.find("a", class_="md-logo").find("img")
        assert logo.attrs["src"].endswith(".svg") and resolve(site, page, logo.attrs["src"]).is_file(), page
        head = document.find("head")
        icons = [link for rel in ICON_RELS for link in head.find_all("link", rel=rel)]
        assert {link.attrs["rel"] for link in icons} == set(ICON_RELS), page
        for link in icons:
            assert not re.match(r"[a-z]+:", link.attrs["href"]), link.attrs  # no other host
            assert resolve(site, page, link.attrs["href"]).is_file(), (page, link.attrs["href"])
        svg_icon = head.find("link", rel="icon")
        assert svg_icon.attrs.get("type") == "image/svg+xml" and svg_icon.attrs["href"].endswith(".svg")


def test_the_logo_is_drawn_in_light_strokes_on_its_own_dark_tile(site):
    """The tile keeps the logo readable on any header colour; its light marks stand out on the tile."""
    svg = (site / "assets" / "logo.svg").read_text(encoding="utf-8")
    assert "<title>" in svg and not re.search(r"(href|src)=\"(https?:)?//", svg)
    tile = re.search(r'<rect[^>]*fill="(#[0-9a-fA-F]{6})"', svg)
    assert tile
    marks = set(re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{3,6})"', svg)) - {tile.group(1)}
    assert marks
    for mark in marks:
        full = mark if len(mark) == 7 else "#" + "".join(c * 2 for c in mark[1:])
        assert contrast(full, tile.group(1)) >= 4.5, mark


def test_browsers_without_svg_icons_find_a_favicon_ico_and_a_png(site):
    ico = (site / "favicon.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 2  # an icon file with several sizes
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32} <= sizes
    png = (site / "assets" / "apple-touch-icon.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (180, 180)
