"""Build the map parts from venues made in code."""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
from pathlib import Path

import folium
import folium.folium
import pytest
from folium.plugins import MarkerCluster
from markupsafe import Markup
from venue_map.build import MapOptions, build_map, popup_html
from venue_map.generator import map_options
from venue_map_fixtures import HOSTILE_NAME, TILES_URL, make_venue, spread_venues
from venues.schedule import build_schedule

OPTIONS = MapOptions(
    tiles_url=TILES_URL,
    tiles_attribution="&copy; OpenStreetMap contributors",
    center=(50.8058, -1.0872),
    zoom=13,
    site_url="../",
)

FORBIDDEN = ["jquery", "bootstrap", "font-awesome", "fontawesome", "awesome-markers", "awesome_markers",
             "glyphicons", "cdn.", "cdnjs", "jsdelivr", "unpkg", "viewport", "user-scalable", "$("]


THEME_STATIC = Path(__file__).resolve().parents[2] / "theme" / "static"


def whole(parts) -> str:
    return "\n".join([*parts.stylesheets, *parts.scripts, parts.html, parts.script])


def test_parts_are_markup_and_use_only_our_copies_of_the_assets():
    parts = build_map(spread_venues(), OPTIONS)

    assert isinstance(parts.html, Markup) and isinstance(parts.script, Markup)
    assert parts.scripts == (
        "vendor/leaflet/leaflet.js",
        "vendor/leaflet.markercluster/leaflet.markercluster.js",
        "js/map.js",
    )
    assert parts.stylesheets == (
        "vendor/leaflet/leaflet.css",
        "vendor/leaflet.markercluster/MarkerCluster.css",
        "vendor/leaflet.markercluster/MarkerCluster.Default.css",
        "css/map.css",
    )
    assert all((THEME_STATIC / path).is_file() for path in parts.scripts + parts.stylesheets)
    # Fetched by js/map.js only when the address holds filters: not in the page's own list.
    assert (THEME_STATIC / "js" / "filters.js").is_file() and (THEME_STATIC / "js" / "map-filters.js").is_file()
    text = whole(parts).lower()
    for word in FORBIDDEN:
        assert word not in text, word
    # The tile URL and the attribution link are the only outside addresses.
    outside = set(re.findall(r"https?://[^\s\"\\]+", whole(parts)))
    assert outside == {TILES_URL}


def test_folium_class_level_asset_lists_are_left_alone():
    before = (list(folium.Map.default_js), list(folium.Map.default_css), list(MarkerCluster.default_js))
    build_map(spread_venues(), OPTIONS)
    after = (list(folium.Map.default_js), list(folium.Map.default_css), list(MarkerCluster.default_js))
    assert after == before
    assert folium.folium._default_js[0][1].startswith("https://cdn.jsdelivr.net/")


def test_map_container_is_named_and_every_marker_is_named_by_its_venue():
    venues = spread_venues()
    parts = build_map(venues, OPTIONS)

    assert 'role="region"' in parts.html
    assert 'aria-labelledby="sos-map-title"' in parts.html
    assert parts.script.count("L.marker(") == len(venues)
    for venue in venues:
        encoded = json.dumps(venue.name).replace("&", "\\u0026")
        assert f'"title": {encoded}' in parts.script
        assert f'"alt": {encoded}' in parts.script
    assert "L.markerClusterGroup(" in parts.script
    assert '"maxClusterRadius": 48' in parts.script


def marker_options(script: str) -> list[dict]:
    """Return every marker's options, read back from folium's script as JSON."""
    found = re.findall(r"L\.marker\(\s*\[[^\]]*\],\s*(\{.*?\})\s*\)\.addTo", script, re.S)
    return [json.loads(re.sub(r",\s*\}$", "}", options)) for options in found]


def test_each_marker_carries_what_the_filters_choose_by():
    venues = spread_venues()
    venues[0] = dataclasses.replace(venues[0], kind="cafe", offers=("wifi", "hot-drink"), languages=("ar", "uk"),
                                    accessibility=("step-free-entrance", "hearing-loop"))
    options = marker_options(str(build_map(venues, OPTIONS).script))
    assert len(options) == len(venues)
    assert options[0] == {"title": venues[0].name, "alt": venues[0].name, "slug": venues[0].slug, "kind": "cafe",
                          "offers": "wifi hot-drink", "langs": "ar uk", "access": "step-free-entrance hearing-loop"}
    assert options[1]["offers"] == "safe-space" and options[1]["langs"] == "en" and options[1]["access"] == ""
    assert [option["slug"] for option in options] == [venue.slug for venue in venues]


def test_marker_facts_are_escaped_like_the_popups():
    venue = dataclasses.replace(make_venue("trap", "Trap"), offers=("</script><img src=x onerror=alert(1)>",),
                                kind="${window.__pwned=1}")
    script = str(build_map([venue], OPTIONS).script)
    assert script.count("</script") == 1 and "<img" not in script
    assert marker_options(script)[0]["offers"] == "</script><img src=x onerror=alert(1)>"
    assert marker_options(script)[0]["kind"] == "${window.__pwned=1}"  # an ordinary string, not a template


def test_popup_holds_the_name_address_and_a_relative_link_to_the_venue_page():
    venue = make_venue("corner-cafe", "Corner Café", "2 Example Road", "PO5 1AA")
    assert popup_html(venue, "../") == (
        '<p class="sos-venue-map__popup"><a href="../venues/corner-cafe/"><bdi lang="en" translate="no">Corner Café</bdi></a>'
        '<br><bdi lang="en" translate="no">2 Example Road, Portsmouth PO5 1AA</bdi>'
        '<br><span class="sos-open-status" data-open-status></span></p>'  # hours not known: js/open-now.js says so
    )


def test_an_example_venues_popup_carries_an_example_tag_for_map_js_to_name():
    example = dataclasses.replace(make_venue("corner-cafe", "Corner Café"), example=True)
    tag = '<strong class="sos-tag sos-tag--example" data-example-tag></strong>'
    assert f'Corner Café</bdi></a> {tag}<br>' in popup_html(example, "../")
    assert "data-example-tag" not in popup_html(make_venue("corner-cafe", "Corner Café"), "../")


def test_popup_carries_the_schedule_for_open_now():
    venue = make_venue("corner-cafe", "Corner Café")
    venue.schedule = build_schedule("Mo-Fr 09:00-17:00", datetime.date(2026, 11, 27), days=14)
    assert ('<span class="sos-open-status" data-open-status data-open-from="2026-11-27" data-open-days="14"'
            ' data-open-hours="540 480 ') in popup_html(venue, "../")


def test_hostile_venue_text_is_inert_in_the_script():
    venue = make_venue("trap", HOSTILE_NAME, street="</script><script>alert(1)</script>")
    parts = build_map([venue], OPTIONS)
    script = str(parts.script)

    # One <script> opens and one closes: venue text cannot end it early or start another.
    assert script.count("<script") == 1
    assert script.count("</script") == 1
    assert "<img" not in script
    # The popup goes through our own bindPopup with a JSON string, never folium's jQuery template literal.
    assert "`" not in script
    assert ".bindPopup(" in script
    bound = re.search(r"\.bindPopup\((\".*\")\);", script).group(1)
    html_text = json.loads(bound)
    assert "&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;" in html_text
    assert "${window.__pwned=1}" in html_text  # shown as text: it is inside an ordinary string
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html_text


def test_same_venues_give_identical_parts_and_different_venues_differ():
    first = build_map(spread_venues(), OPTIONS)
    second = build_map(spread_venues(), OPTIONS)
    assert first == second

    moved = spread_venues()
    moved[0] = make_venue(moved[0].slug, moved[0].name, lat=50.8001, lon=-1.1001)
    assert build_map(moved, OPTIONS).script != first.script
    renamed = spread_venues()
    renamed[3] = make_venue("eastney-shop", "Eastney Corner Shop", lat=50.7880, lon=-1.0470)
    assert build_map(renamed, OPTIONS).script != first.script


def test_map_fits_the_venues_and_leaves_out_those_without_a_position(caplog):
    venues = [
        make_venue("a", "Alpha", lat=50.79, lon=-1.10),
        make_venue("b", "Beta", lat=50.83, lon=-1.05),
        make_venue("c", "Nowhere", lat=None),
    ]
    parts = build_map(venues, OPTIONS)

    assert parts.script.count("L.marker(") == 2
    assert "Nowhere" not in parts.script
    assert "venue_map: venues/c.yaml has no position" in caplog.text
    fit = re.search(r"\.fitBounds\(\s*\[\[50\.79, -1\.1\], \[50\.83, -1\.05\]\],\s*(\{.*?\})", parts.script, re.S)
    assert json.loads(fit.group(1)) == {"maxZoom": 16, "padding": [24, 24], "animate": False}
    # Fitted before the clusters join the map, so they are drawn once, at the final zoom.
    assert parts.script.index(".fitBounds(") < re.search(r"marker_cluster_\d+\.addTo\(map_", parts.script).start()


def test_map_without_venues_uses_the_configured_centre_and_zoom():
    parts = build_map([], OPTIONS)
    assert "fitBounds" not in parts.script
    assert "center: [50.8058, -1.0872]" in parts.script
    assert '"zoom": 13' in parts.script


@pytest.mark.parametrize(("save_as", "site_url"), [("map/index.html", "../"), ("map.html", "")])
def test_venue_links_are_relative_to_the_map_page(save_as, site_url):
    assert map_options({}, save_as).site_url == site_url
