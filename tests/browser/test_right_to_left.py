"""Right-to-left pages in Chromium: the layout mirrors, English names stay isolated, nothing scrolls sideways."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

VENUE = "venues/example-corner-cafe/"  # an English name and address inside an Arabic page


def test_arabic_venue_page_reads_right_to_left_with_english_names_isolated(tab, site_url):
    page = tab(viewport={"width": 360, "height": 740}).goto(f"{site_url}/ar/{VENUE}")
    assert page.eval_on_selector("main", "el => getComputedStyle(el).direction") == "rtl"
    # The heading's text starts at the right edge: the mirror of the English page.
    assert page.eval_on_selector("main h1", "el => getComputedStyle(el).textAlign") in {"start", "right"}
    name = page.locator("main h1 bdi")
    assert name.inner_text() == "Corner Cup Café (example)"
    assert name.get_attribute("translate") == "no"
    assert name.get_attribute("lang") == "en"  # a screen reader reads it with an English voice
    # <bdi> isolates the English name: its own direction is worked out from its text, left to right.
    assert name.evaluate("el => getComputedStyle(el).unicodeBidi") == "isolate"
    assert name.evaluate("el => el.matches(':dir(ltr)')") is True
    assert page.locator(".sos-address bdi").evaluate("el => el.matches(':dir(ltr)')") is True
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_skip_link_and_switcher_mirror(tab, site_url):
    page = tab(viewport={"width": 360, "height": 740}).goto(f"{site_url}/fa/")
    page.keyboard.press("Tab")
    skip = page.locator(".sos-skip-link").first
    box = skip.bounding_box()
    assert box["x"] + box["width"] > 360 / 2, "in a right-to-left page the skip link sits on the right"
    summary = page.locator(".sos-language-switcher__summary").bounding_box()
    english = tab(viewport={"width": 360, "height": 740}).goto(f"{site_url}/")
    english_summary = english.locator(".sos-language-switcher__summary").bounding_box()
    # Mirrored: the switcher's distance from the right edge in Persian is its distance from the left in English.
    assert abs((360 - (summary["x"] + summary["width"])) - english_summary["x"]) <= 2
