"""venue_map.generator: the MAP_* settings read, and the map page built with a real Pelican run."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from venue_map.generator import map_options
from venue_map_fixtures import build, make_venue, spread_venues


def local_assets(page: str) -> list[str]:
    return re.findall(r'(?:src|href)="(\.\./theme/[^"]+)"', page)


def test_map_page_is_written_with_its_parts_and_its_assets_exist(map_site: Path):
    page_path = map_site / "map" / "index.html"
    page = page_path.read_text(encoding="utf-8")

    places = json.loads((map_site / "map" / "places.json").read_text(encoding="utf-8"))["places"]
    assert [place["slug"] for place in places] == [venue.slug for venue in spread_venues()]
    assert 'class="sos-venue-map"' in page
    assert 'data-places="../map/places.json"' in page
    assert 'data-details="../map/details.json"' in page
    details = json.loads((map_site / "map" / "details.json").read_text(encoding="utf-8"))["details"]
    assert [place["address"] for place in details] == [venue.address.one_line() for venue in spread_venues()]
    # Every <script> is a file of the site's own: nothing inline for a Content Security Policy to refuse.
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", page, re.S)
    assert scripts and all('src="../theme/' in attributes and not body for attributes, body in scripts)
    assets = local_assets(page)
    assert len(assets) == 7  # two stylesheets; Leaflet, supercluster, i18n.js, map-places.js and map.js
    for asset in assets:
        assert (page_path.parent / asset).resolve().is_file(), asset
    # Leaflet finds its marker images next to its stylesheet.
    assert (map_site / "theme" / "vendor" / "leaflet" / "images" / "marker-icon.png").is_file()
    assert "viewport\" content=\"width=device-width, initial-scale=1\"" in page  # the template's own, only
    assert "user-scalable" not in page


def test_map_page_with_twelve_venues_and_its_assets_stay_light(map_site: Path):
    page_path = map_site / "map" / "index.html"
    files = [page_path, map_site / "map" / "places.json"] + [
        (page_path.parent / asset).resolve() for asset in local_assets(page_path.read_text())]
    gzipped = sum(len(gzip.compress(path.read_bytes(), 9)) for path in files)
    # 80 KB is the budget for the whole page; leave room for the real theme's page and stylesheet.
    assert gzipped < 68_000, gzipped


def test_two_builds_of_the_same_venues_are_byte_identical(tmp_path: Path, map_site: Path):
    again = build(tmp_path, spread_venues())
    for name in ["index.html", "places.json", "details.json"]:
        assert (again / "map" / name).read_bytes() == (map_site / "map" / name).read_bytes(), name


def test_other_venues_give_another_page(tmp_path: Path, map_site: Path):
    venues = spread_venues()[:11] + [make_venue("new-place", "New Place", lat=50.83, lon=-1.06)]
    other = build(tmp_path, venues)
    data = (other / "map" / "places.json").read_text(encoding="utf-8")
    assert data != (map_site / "map" / "places.json").read_text(encoding="utf-8")
    assert '"name":"New Place"' in data


def test_map_save_as_is_followed(tmp_path: Path):
    output = build(tmp_path, spread_venues()[:2], MAP_SAVE_AS="where/index.html", MAP_DATA_SAVE_AS="where/places.json",
                   MAP_DETAILS_SAVE_AS="where/details.json")
    page = (output / "where" / "index.html").read_text(encoding="utf-8")
    assert not (output / "map").exists()
    assert '"../theme/vendor/leaflet/leaflet.js"' in page
    assert 'data-places="../where/places.json"' in page
    assert 'data-details="../where/details.json"' in page
    assert '"url":"venues/harbour-reading-room/"' in (output / "where" / "places.json").read_text(encoding="utf-8")


def test_build_without_the_plugin_writes_no_map(tmp_path: Path, map_site: Path):
    # map_site first: the plugin's receiver is connected, yet a build that does not list it gets no map.
    output = build(tmp_path, spread_venues()[:2], PLUGINS=["fake_venues"])
    assert not (output / "map").exists()


@pytest.mark.parametrize(("settings", "data_url"), [
    ({}, "map/places.json"), ({"MAP_DATA_SAVE_AS": "where/p.json"}, "where/p.json")])
def test_the_places_file_follows_its_setting(settings, data_url):
    assert map_options(settings).data_save_as == data_url


@pytest.mark.parametrize(("settings", "details_url"), [
    ({}, "map/details.json"), ({"MAP_DETAILS_SAVE_AS": "where/d.json"}, "where/d.json")])
def test_the_details_file_follows_its_setting(settings, details_url):
    assert map_options(settings).details_save_as == details_url
