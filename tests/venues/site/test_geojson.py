"""GeoJSON of shown venues: longitude first, absolute links when the site's address is known."""

from __future__ import annotations

import json

from venues.check.catalogue import read_catalogue
from venues.model import Position
from venues.site.geojson import feature_collection
from venues.site.present import present

from tests.conftest import BUILD_DAY, FIXTURES


def full_venue():
    """Return the full valid fixture venue, placed as geocoding would place it."""
    venue = next(v for v in read_catalogue(FIXTURES / "venues" / "valid", FIXTURES, BUILD_DAY).venues
                 if v.slug == "full")
    return present(venue, BUILD_DAY, "", position=Position(50.78081234, -1.08929876, "file"))


def test_a_venue_is_a_point_with_longitude_first_rounded_to_six_places():
    feature = feature_collection([full_venue()])["features"][0]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [-1.089299, 50.780812]}


def test_properties_say_what_the_file_says():
    properties = feature_collection([full_venue()])["features"][0]["properties"]
    assert properties == {
        "slug": "full",
        "name": "Full Test Venue",
        "url": "venues/full/",
        "kind": "library",
        "offers": ["safe-space", "call-for-help", "wifi"],
        "languages": ["en", "ar", "ckb", "pt-BR"],
        "address": {"street": "2 Test Road", "town": "Southsea", "postcode": "PO5 3NS"},
        "example": True,
    }


def test_links_are_absolute_when_the_site_url_is_set_with_or_without_a_slash():
    for site_url in ("https://sanctuary.example.org", "https://sanctuary.example.org/"):
        feature = feature_collection([full_venue()], site_url)["features"][0]
        assert feature["properties"]["url"] == "https://sanctuary.example.org/venues/full/"


def test_no_venue_is_an_empty_collection_that_json_can_write():
    collection = feature_collection([])
    assert collection == {"type": "FeatureCollection", "features": []}
    assert json.loads(json.dumps(feature_collection([full_venue()])))["features"][0]["properties"]["slug"] == "full"
