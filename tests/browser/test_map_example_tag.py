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
    slugs = directory.eval_on_selector_all(
        ".sos-venue-card:has(.sos-tag--example) a[href*='/venues/']",
        "links => [...new Set(links.map(a => a.getAttribute('href').split('/').filter(Boolean).pop()))]")
    assert len(slugs) >= 2  # every example venue is an example: the tag must be on each popup opened
    for slug in slugs[:2]:
        # Opened as "See on the map" opens it, whether the place stands alone or in a cluster at this size.
        page = opened.goto(f"{site_url}{languages()[code]}map/#{slug}")
        # This place's popup (the one before may still be fading out).
        link = page.wait_for_selector(f"{POPUP} a[href$='/{slug}/']", state="visible")
        popup = link.evaluate_handle("el => el.closest('.leaflet-popup-content')").as_element()
        checks.wait_for_popup_details(page, popup)  # the tag shows once the details file says the place is an example
        tag = popup.query_selector(".sos-tag--example")
        assert tag is not None and tag.is_visible(), popup.inner_html()
        assert tag.inner_text() == word
        # Same look as the card's tag, from the same stylesheet.
        assert tag.evaluate("el => getComputedStyle(el).backgroundColor") == colour
    # And opened from a marker, as a reader taps it.
    checks.wait_until_ready(page, "map")
    page.keyboard.press("Escape")
    marker = page.locator(MARKERS).first
    marker.focus()
    page.keyboard.press("Enter")
    popup = page.wait_for_selector(POPUP, state="visible")
    checks.wait_for_popup_details(page, popup)
    assert popup.query_selector(".sos-tag--example").inner_text() == word
