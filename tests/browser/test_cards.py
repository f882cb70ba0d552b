"""Link-preview cards in Chromium: each kind of page names a card that the browser decodes at 1200x630."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["", "tools/need-mlops/", "tools/need-mlops/hire-now/", "insights/", "404.html"])
def test_a_page_s_card_decodes_in_chromium_at_its_declared_size(page, served_site, path):
    page.goto(served_site + path)
    image = page.locator('meta[property="og:image"]').get_attribute("content")
    assert image.startswith(served_site + "assets/cards/")
    declared = [
        int(page.locator(f'meta[property="og:image:{side}"]').get_attribute("content")) for side in ("width", "height")
    ]
    assert page.locator('meta[name="twitter:card"]').get_attribute("content") == "summary_large_image"
    size = page.evaluate(
        """async (url) => {
            const image = new Image();
            image.src = url;
            await image.decode();
            return [image.naturalWidth, image.naturalHeight];
        }""",
        image,
    )
    assert size == declared == [1200, 630]
