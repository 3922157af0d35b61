"""Build the map parts (options, assets, places as data) from venues made in code."""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path

import folium
import folium.folium
import pytest
from venue_map.build import MapOptions, build_map
from venue_map_fixtures import HOSTILE_NAME, TILES_URL, make_venue, spread_venues
from venues.schedule import build_schedule
from venues.site.present import present

OPTIONS = MapOptions(
    tiles_url=TILES_URL,
    tiles_attribution="&copy; OpenStreetMap contributors",
    center=(50.8058, -1.0872),
    zoom=13,
)

FORBIDDEN = ["jquery", "bootstrap", "font-awesome", "fontawesome", "awesome-markers", "awesome_markers",
             "glyphicons", "cdn.", "cdnjs", "jsdelivr", "unpkg", "viewport", "user-scalable", "$("]


THEME_STATIC = Path(__file__).resolve().parents[2] / "theme" / "static"


def whole(parts) -> str:
    return "\n".join([*parts.stylesheets, *parts.scripts, json.dumps(parts.config), parts.places_json(), parts.details_json()])


def places(parts) -> list[dict]:
    """Return the places as the browser has them once it has read the places file and the details file."""
    markers = json.loads(parts.places_json())["places"]
    details = json.loads(parts.details_json())["details"]
    assert len(markers) == len(details)
    return [{**marker, **facts} for marker, facts in zip(markers, details, strict=True)]


def test_parts_are_data_and_use_only_our_copies_of_the_assets():
    parts = build_map(spread_venues(), OPTIONS)

    assert parts.scripts == (
        "vendor/leaflet/leaflet.js",
        "vendor/supercluster/supercluster.min.js",
        "js/i18n.js",
        "js/map-places.js",
        "js/map.js",
    )
    assert parts.stylesheets == ("vendor/leaflet/leaflet.css", "css/map.css")
    assert all((THEME_STATIC / path).is_file() for path in parts.scripts + parts.stylesheets)
    # Fetched by js/map.js only when the address holds filters: not in the page's own list.
    assert (THEME_STATIC / "js" / "filters.js").is_file() and (THEME_STATIC / "js" / "map-filters.js").is_file()
    text = whole(parts).lower()
    for word in FORBIDDEN:
        assert word not in text, word
    # No code at all: folium's per-marker script is never rendered.
    for code in ["L.marker", "L.map", "bindPopup", "function", "<script"]:
        assert code.lower() not in text, code
    assert parts.config["tiles"]["url"] == TILES_URL
    assert parts.data_url == "map/places.json"


def test_folium_class_level_asset_lists_are_left_alone():
    before = (list(folium.Map.default_js), list(folium.Map.default_css))
    build_map(spread_venues(), OPTIONS)
    after = (list(folium.Map.default_js), list(folium.Map.default_css))
    assert after == before
    assert folium.folium._default_js[0][1].startswith("https://cdn.jsdelivr.net/")


def test_the_configuration_is_folium_s_options_under_leaflet_s_names():
    config = build_map(spread_venues(), OPTIONS).config
    assert config["crs"] == "EPSG3857"
    assert config["map"] == {"zoom": 13, "zoomControl": True, "preferCanvas": False}
    assert config["cluster"] == {"radius": 48}  # for js/map-places.js's supercluster index
    tiles = config["tiles"]["options"]
    assert tiles["maxZoom"] == 19 and tiles["attribution"] == "&copy; OpenStreetMap contributors"
    # Whether to ask for sharp tiles is js/map.js's choice, in the browser.
    assert "detectRetina" not in tiles and "detect_retina" not in tiles


def test_each_place_is_named_and_carries_what_the_filters_choose_by():
    venues = spread_venues()
    venues[0] = dataclasses.replace(venues[0], kind="cafe", offers=("wifi", "hot-drink"), languages=("ar", "uk"),
                                    accessibility=("step-free-entrance", "hearing-loop"))
    found = places(build_map(venues, OPTIONS))
    assert len(found) == len(venues)
    assert found[0] == {"slug": venues[0].slug, "name": venues[0].name, "address": venues[0].address.one_line(),
                        "url": f"venues/{venues[0].slug}/", "lat": round(venues[0].position.lat, 5),
                        "lon": round(venues[0].position.lon, 5), "kind": "cafe", "offers": "wifi hot-drink", "langs": "ar uk",
                        "access": "step-free-entrance hearing-loop"}
    assert found[1]["offers"] == "safe-space" and found[1]["langs"] == "en" and found[1]["access"] == ""
    assert [place["slug"] for place in found] == [venue.slug for venue in venues]


def test_an_example_place_says_so():
    example = dataclasses.replace(make_venue("corner-cafe", "Corner Café"), example=True)
    found = places(build_map([example, make_venue("other", "Other")], OPTIONS))
    assert found[0]["example"] is True
    assert "example" not in found[1]


def test_a_place_carries_its_schedule_for_open_now():
    venue = dataclasses.replace(make_venue("corner-cafe", "Corner Café"), opening_hours="Mo-Fr 09:00-17:00")
    page = present(venue, datetime.date(2026, 11, 27), "", schedule_days=14, position=venue.position)
    assert page.schedule == build_schedule("Mo-Fr 09:00-17:00", datetime.date(2026, 11, 27), days=14)
    opening = places(build_map([page], OPTIONS))[0]["open"]
    assert opening["from"] == "2026-11-27" and opening["days"] == 14
    assert opening["hours"].startswith("540 480 ")
    assert "open" not in places(build_map([make_venue("corner-cafe", "Corner Café")], OPTIONS))[0]


def test_hostile_venue_text_stays_text_in_the_data():
    venue = dataclasses.replace(make_venue("trap", HOSTILE_NAME, street="</script><script>alert(1)</script>"),
                                offers=("</script><img src=x onerror=alert(1)>",), kind="${window.__pwned=1}")
    parts = build_map([venue], OPTIONS)
    found = places(parts)[0]
    # Exactly what the file says, as JSON strings: js/map.js sets them as text, never as markup or code.
    assert found["name"] == HOSTILE_NAME
    assert found["address"].startswith("</script><script>alert(1)</script>")
    assert found["offers"] == "</script><img src=x onerror=alert(1)>"
    assert found["kind"] == "${window.__pwned=1}"


def test_same_venues_give_identical_parts_and_different_venues_differ():
    first = build_map(spread_venues(), OPTIONS)
    second = build_map(spread_venues(), OPTIONS)
    assert first == second and first.places_json() == second.places_json()

    moved = spread_venues()
    moved[0] = make_venue(moved[0].slug, moved[0].name, lat=50.8001, lon=-1.1001)
    assert build_map(moved, OPTIONS).places_json() != first.places_json()
    assert build_map(moved, OPTIONS).config != first.config  # the fit follows the places
    renamed = spread_venues()
    renamed[3] = make_venue("eastney-shop", "Eastney Corner Shop", lat=50.7880, lon=-1.0470)
    assert build_map(renamed, OPTIONS).places_json() != first.places_json()


def test_map_fits_the_venues_and_leaves_out_those_without_a_position(caplog):
    venues = [
        make_venue("a", "Alpha", lat=50.79, lon=-1.10),
        make_venue("b", "Beta", lat=50.83, lon=-1.05),
        make_venue("c", "Nowhere", lat=None),
    ]
    parts = build_map(venues, OPTIONS)

    assert [place["slug"] for place in places(parts)] == ["a", "b"]
    assert "Nowhere" not in parts.places_json()
    assert "venue_map: venues/c.yaml has no position" in caplog.text
    assert parts.config["fit"] == {"bounds": [[50.79, -1.1], [50.83, -1.05]],
                                   "options": {"maxZoom": 16, "padding": (24, 24), "animate": False}}


def test_map_without_venues_uses_the_configured_centre_and_zoom():
    parts = build_map([], OPTIONS)
    assert parts.config["fit"] is None
    assert parts.config["center"] == [50.8058, -1.0872]
    assert parts.config["map"]["zoom"] == 13
    assert places(parts) == []


def test_without_a_centre_the_map_opens_over_its_places_or_over_great_britain():
    venues = spread_venues()
    parts = build_map(venues, dataclasses.replace(OPTIONS, center=None))
    lats = [venue.position.lat for venue in venues]
    lons = [venue.position.lon for venue in venues]
    assert parts.config["center"] == [pytest.approx((min(lats) + max(lats)) / 2), pytest.approx((min(lons) + max(lons)) / 2)]
    assert parts.config["fit"] is not None
    empty = build_map([], dataclasses.replace(OPTIONS, center=None))
    assert empty.config["center"] == [54.0, -2.5] and empty.config["map"]["zoom"] == 6


def test_the_places_file_is_one_compact_line_of_json():
    parts = build_map(spread_venues(), OPTIONS)
    for text in [parts.places_json(), parts.details_json()]:
        assert text.endswith("}\n") and text.count("\n") == 1
        assert ": " not in text and ", " not in text.replace(", Portsmouth", "")


def test_the_markers_carry_only_what_a_marker_needs_and_the_details_the_rest():
    venue = dataclasses.replace(make_venue("corner-cafe", "Corner Café", lat=50.7912345678, lon=-1.0876543219),
                                opening_hours="Mo-Fr 09:00-17:00")
    page = present(venue, datetime.date(2026, 11, 27), "", schedule_days=14, position=venue.position)
    parts = build_map([page], OPTIONS)
    marker = json.loads(parts.places_json())["places"][0]
    assert marker == {"slug": "corner-cafe", "name": "Corner Café", "url": "venues/corner-cafe/",
                      "lat": 50.79123, "lon": -1.08765}
    # The address and the hours, the heaviest part, wait in the details until a popup or a filter asks.
    assert venue.address.one_line() not in parts.places_json() and "540 480" not in parts.places_json()
    assert json.loads(parts.details_json())["details"][0]["address"] == venue.address.one_line()
