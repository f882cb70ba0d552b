"""Opening a tool's guided player: on a page that lists its tree (the FAQ), by its button."""

from __future__ import annotations

from playwright.sync_api import expect

from devtools.project import ROOT

GUIDE = "Find your answer step by step"
TREE_IDS = [path.stem for path in (ROOT / "docs" / "trees").glob("*.yml")]
LISTED = {
    t for t in TREE_IDS if f"<!-- decision-tree {t} list -->" in (ROOT / "docs" / "tools" / f"{t}.md").read_text()
}


def open_tool(page, base: str, tree_id: str) -> None:
    """Go to a tool's page and, where the page lists the tree, open the guided player with its button."""
    page.goto(f"{base}tools/{tree_id}/")
    if tree_id in LISTED:
        page.get_by_role("button", name=GUIDE).click()
        expect(page.locator(".dt-player h2").first).to_be_focused()
