"""An example place's map popup carries the same Example tag as its card in the list, in the reader's language."""

from __future__ import annotations

import pytest

from tests.browser import checks
from tests.browser.site_pages import languages, one_language_per_direction

pytestmark = pytest.mark.browser

POPUP = ".sos-venue-map .leaflet-popup-content"
MARKERS = ".sos-venue-map .leaflet-marker-icon:not(.marker-cluster)"


@pytest.mark.parametrize("code", one_language_per_direction())
def test_example_places_popups_carry_the_directorys_example_tag(site_url, tab, code):
    opened = tab(viewport=checks.PHONE)
    directory = opened.goto(f"{site_url}{languages()[code]}venues/")
    card_tag = directory.locator(".sos-venue-card .sos-tag--example").first
    word, colour = card_tag.inner_text(), card_tag.evaluate("el => getComputedStyle(el).backgroundColor")
    page = opened.goto(f"{site_url}{languages()[code]}map/")
    checks.wait_until_ready(page, "map")
    markers = page.locator(MARKERS)
    assert markers.count() >= 2  # every example venue is an example: the tag must be on each popup opened
    for index in range(2):
        markers.nth(index).focus()
        page.keyboard.press("Enter")
        popup = page.wait_for_selector(POPUP, state="visible")
        tag = popup.query_selector(".sos-tag--example")
        assert tag is not None and tag.is_visible(), popup.inner_html()
        assert tag.inner_text() == word
        # Same look as the card's tag, from the same stylesheet.
        assert tag.evaluate("el => getComputedStyle(el).backgroundColor") == colour
        page.keyboard.press("Escape")
        page.wait_for_selector(".sos-venue-map .leaflet-popup", state="detached")

