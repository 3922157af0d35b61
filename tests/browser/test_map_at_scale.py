"""The map above VENUES_DIRECTORY_MAX_CARDS places, in Chromium at 360 × 740: areas under it, every place on it.

The large site of generated venues (tests/conftest.py large_site), served on its own port.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser import checks
from tests.conftest import LARGE_SITE_VENUES

pytestmark = pytest.mark.browser


def places(site: Path) -> list[dict]:
    return json.loads((site / "map" / "places.json").read_text(encoding="utf-8"))["places"]


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_under_the_map_the_areas_stand_for_the_places_and_reach_every_one(large_site, large_url, tab, prefix):
    page = tab(viewport=checks.PHONE, java_script_enabled=False).goto(f"{large_url}{prefix}map/")
    assert page.locator("[data-map-list]").count() == 0
    links = page.locator("#places + ul a")
    hrefs = [links.nth(index).get_attribute("href") for index in range(links.count())]
    areas = sorted(path.name for path in (large_site / prefix / "venues" / "areas").iterdir())
    assert sorted(href.rstrip("/").rsplit("/", 1)[1] for href in hrefs) == areas
    assert page.locator("a.sos-skip-link[href='#places']").count() == 1  # "Skip the map" lands on them
    reached = set()
    for href in hrefs:
        page.goto(f"{large_url}{prefix}map/")
        page.locator(f"#places + ul a[href='{href}']").click()
        found = page.locator(".sos-venue-card__title a, .sos-venue-rows__link")
        reached |= {found.nth(index).get_attribute("href").rstrip("/").rsplit("/", 1)[1] for index in range(found.count())}
    assert reached >= {place["slug"] for place in places(large_site)}


def test_every_place_joins_the_map_and_an_address_opens_its_popup(large_site, large_url, tab):
    opened = tab(viewport=checks.PHONE)
    page = opened.goto(large_url + "map/")
    page.wait_for_selector(".sos-venue-map[data-map-ready]")
    counted = page.evaluate("""() => [...document.querySelectorAll('.sos-venue-map .leaflet-marker-icon')]
      .reduce((sum, icon) => sum + (icon.classList.contains('marker-cluster') ? Number(icon.textContent) : 1), 0)""")
    assert counted == LARGE_SITE_VENUES  # the clusters in view hold every place
    wanted = places(large_site)[LARGE_SITE_VENUES // 2]
    page.goto(f"{large_url}map/#{wanted['slug']}")
    popup = page.wait_for_selector(".sos-venue-map .leaflet-popup-content a[href]", state="visible")
    assert popup.text_content() == wanted["name"]
    assert opened.errors == []
