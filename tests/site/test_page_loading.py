"""How the built pages load: scripts never hold up the first paint, instant navigation stays off, and
nothing a page loads is missing (Lighthouse's render-blocking-resources, total-blocking-time and
errors-in-console; ./scripts/audit runs Lighthouse itself, which takes minutes and varies)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config

from devtools.project import ROOT

from .html import parse

CONFIG = load_config(str(ROOT / "mkdocs.yml"))
AUDITED = [
    "index.html",
    "insights/what-mlops-means/index.html",
    "tools/need-mlops/index.html",
    "tools/archetype/index.html",
    "tools/faq/index.html",
    "tools/need-mlops/hire-now/index.html",
    "brief/index.html",
    "embed/need-mlops/index.html",
]


def pages(site: Path) -> list[Path]:
    """Every page of the site but the embed pages, which load only the player (tests/deploy/test_embed.py)."""
    found = (p for p in site.rglob("index.html") if p.parent.name != "search" and p.parts[-3] != "embed")
    return sorted(found) + [site / "404.html"]


def local_file(site: Path, page: Path, url: str) -> Path | None:
    """Return the file a page's relative or root-relative address points to; None for other hosts."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = parts.path
    target = (site / path.lstrip("/")) if path.startswith("/") else (page.parent / path)
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def test_every_script_file_is_deferred_and_keeps_its_order(site):
    """Material's bundle and the extra scripts do not hold up the first paint, and run bundle first."""
    extra = [Path(str(s)).name for s in CONFIG.extra_javascript] + ["player.js"]  # the plugin adds the player
    for page in pages(site):
        scripts = [s for s in parse(page).find_all("script") if "src" in s.attrs]
        assert scripts, page
        for script in scripts:
            assert "defer" in script.attrs, f"{page.relative_to(site)}: {script.attrs['src']} is not deferred"
        names = [Path(urlsplit(s.attrs["src"]).path).name for s in scripts]
        assert names[0].startswith("bundle.") and names[1:] == extra, (page, names)  # the bundle first


def test_no_page_turns_on_instant_navigation(site):
    """Material's instant navigation added a third to its script's start-up work (100-180 ms of
    blocking time against 30-90 ms without; performance 96-98 against 99-100)."""
    for page in pages(site):
        config = json.loads(parse(page).find("script", id="__config").all_text)
        assert "navigation.instant" not in config["features"], page.relative_to(site)


@pytest.mark.parametrize("page", AUDITED)
def test_every_file_an_audited_page_loads_exists(site, page):
    """No 404 for a stylesheet, script, icon or source map."""
    file = site / page
    document = parse(file)
    urls = [e.attrs["src"] for e in document.find_all("script") if "src" in e.attrs]
    urls += [e.attrs["href"] for e in document.find_all("link") if e.attrs.get("rel") in ("stylesheet", "icon")]
    urls += [e.attrs["src"] for e in document.find_all("img")]
    missing = [u for u in urls if (target := local_file(site, file, u)) is not None and not target.is_file()]
    assert not missing, missing
    for url in urls:
        target = local_file(site, file, url)
        if target is None or target.suffix not in (".js", ".css"):
            continue
        mapping = re.search(r"sourceMappingURL=(\S+?)\s*(?:\*/)?\s*$", target.read_text(encoding="utf-8"))
        if mapping:
            assert (target.parent / mapping.group(1)).is_file(), f"{target.name}: {mapping.group(1)} is missing"
