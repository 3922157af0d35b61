"""The map's tiles in Chromium: sharp on a phone's screen (four tiles of the next zoom in the place of each), the
plain ones on a screen of one device pixel to a CSS pixel, and the plain ones when the browser says to save data
or measures 3G or slower."""

from __future__ import annotations

import re

import pytest

from tests.browser import checks
from tests.browser.test_map_filters import map_url, settle

pytestmark = pytest.mark.browser

TILES = """() => [...document.querySelectorAll('.sos-venue-map img.leaflet-tile-loaded')].map(img => ({
  zoom: +img.src.match(/tile\\.openstreetmap\\.org\\/(\\d+)\\//)[1],
  width: img.getBoundingClientRect().width,
  natural: img.naturalWidth,
}))"""

# What Chromium's NetworkInformation says on a phone whose reader asked to save data, or on 2G.
CONNECTION = """Object.defineProperty(Navigator.prototype, 'connection', {
  configurable: true, get: () => ({saveData: %s, effectiveType: '%s'}),
});"""


def tiles_on(tab, site_url: str, scale: float, connection: tuple[str, str] | None = None) -> tuple[set[int], set[float]]:
    """Open the map at a device scale; return the zooms its tiles were asked for at, and their widths in CSS px."""
    opened = tab(viewport=checks.PHONE, device_scale_factor=scale, reduced_motion="reduce")
    if connection:
        opened.context.add_init_script(CONNECTION % connection)
    page = opened.goto(map_url(site_url))
    settle(page)
    page.wait_for_function("document.querySelectorAll('.sos-venue-map img.leaflet-tile-loaded').length > 0")
    tiles = page.evaluate(TILES)
    assert {tile["natural"] for tile in tiles} == {256}
    assert opened.errors == []
    return {tile["zoom"] for tile in tiles}, {round(tile["width"]) for tile in tiles}


def test_a_sharp_screen_gets_tiles_of_the_next_zoom_at_half_size(site_url, tab):
    plain_zooms, plain_widths = tiles_on(tab, site_url, 1)
    sharp_zooms, sharp_widths = tiles_on(tab, site_url, 1.75)
    assert plain_widths == {256}
    # 256 device-pixel pictures shown 128 CSS px wide: 2 device pixels each, sharp at 1.75 (Lighthouse's
    # image-size-responsive wants at least 0.75 x 1.5 x the shown size).
    assert sharp_widths == {128}
    assert sharp_zooms == {zoom + 1 for zoom in plain_zooms}


def test_a_screen_under_one_and_a_half_keeps_the_plain_tiles(site_url, tab):
    assert tiles_on(tab, site_url, 1.25)[1] == {256}


@pytest.mark.parametrize("connection", [("true", "4g"), ("false", "3g"), ("false", "2g"), ("false", "slow-2g")],
                         ids=["save-data", "3g", "2g", "slow-2g"])
def test_saving_data_or_a_slow_connection_keeps_the_plain_tiles(site_url, tab, connection):
    plain_zooms, _ = tiles_on(tab, site_url, 1)
    zooms, widths = tiles_on(tab, site_url, 2, connection)
    assert widths == {256}
    assert zooms == plain_zooms


def test_folium_leaves_the_choice_of_tiles_to_map_js(example_site):
    # An explicit "detectRetina" from folium (false by default) would override the default map.js sets.
    page = (example_site / "map" / "index.html").read_text("utf-8")
    assert not re.search(r"detectRetina", page)


# Lighthouse's image-size-responsive rule: device pixels per CSS pixel rounded down to 1, 1.5 or 2; an image
# shown larger than 64 px may have three quarters of that.
PICTURES = """(scale) => [...document.querySelectorAll('img')].filter(img => img.getBoundingClientRect().width > 1)
  .map(img => {
    const box = img.getBoundingClientRect();
    const factor = (box.width > 64 || box.height > 64) ? 0.75 : 1;
    const needed = Math.ceil(factor * scale * box.width);
    return {src: img.src.split('/').slice(-2).join('/'), shown: Math.round(box.width), natural: img.naturalWidth, needed,
            vector: img.src.endsWith('.svg')};
  })"""


def test_every_picture_on_the_map_is_sharp_on_a_phone_screen(site_url, tab):
    opened = tab(viewport=checks.PHONE, device_scale_factor=1.75, reduced_motion="reduce")
    requests: list[str] = []
    opened.page.on("request", lambda request: requests.append(request.url))
    page = opened.goto(map_url(site_url))
    settle(page)
    page.wait_for_function("document.querySelectorAll('.sos-venue-map img.leaflet-tile-loaded').length > 0")
    pictures = page.evaluate(PICTURES, 1.5)
    # The places' pins are our own vector drawing (sharp at any size); every other picture is checked.
    assert any(picture["src"] == "icons/place-pin.svg" and picture["vector"] for picture in pictures)
    assert [picture for picture in pictures if not picture["vector"] and picture["natural"] < picture["needed"]] == []
    assert not [url for url in requests if "marker-icon" in url]
    # Leaflet's marker shadow has no sharp version: the markers go without it.
    assert page.locator(".leaflet-marker-shadow").count() == 0
    assert not [url for url in requests if "marker-shadow" in url]
