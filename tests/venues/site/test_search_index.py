"""venues/search.json: the directory's search index, one file for every language, small per place."""

from __future__ import annotations

import gzip
import json

import yaml
from venues.phones import tel_href
from venues.schedule import Schedule
from venues.site.present import directions

from tests.conftest import BUILD_DAY, LARGE_SITE_VENUES

# What a place may cost the phone that searches, gzipped (the Warm Spaces finder ships about 133 bytes a place).
BYTES_PER_PLACE = 160


def read_index(site):
    return json.loads((site / "venues" / "search.json").read_text(encoding="utf-8"))


def test_the_index_holds_every_shown_place_with_what_a_result_needs(large_site):
    index = read_index(large_site)
    assert index["url"] == "venues/{slug}/"
    # Directions to a place's position: its card's link, said once for every place.
    assert index["directions"].format(lat="50.800000", lon="-1.090000") == directions(50.8, -1.09).osm
    # Two weeks of hours (VENUES_SEARCH_SCHEDULE_DAYS), not the pages' sixty days: bytes for every place.
    assert index["hours"] == {"from": BUILD_DAY.isoformat(), "days": 14}
    places = {place["slug"]: place for place in index["places"]}
    assert len(places) == LARGE_SITE_VENUES
    for path in sorted((large_site.parent / "venues").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        place = places[path.stem]
        assert place["name"] == data["name"]
        assert place["street"] == data["address"]["street"]
        assert place["postcode"] == data["address"]["postcode"]
        assert place["district"] == data["address"]["postcode"].split()[0].lower()
        assert place["kind"] == data["kind"]
        assert place["offers"].split() == data["offers"]
        assert place["langs"].split() == data["languages"]
        # Five decimals, from the file's own location.
        assert place["lat"] == round(data["location"]["lat"], 5) and place["lon"] == round(data["location"]["lon"], 5)
        assert place["example"] is True
        # The number "Call" rings, as the place's own card's tel: link has it, without "tel:".
        phone = data.get("contact", {}).get("phone")
        assert place.get("tel") == (tel_href(phone).removeprefix("tel:") if phone else None)
        numbers = [int(number) for number in place["hours"].split()]
        assert numbers and all(number >= 0 for number in numbers)
        assert sum(numbers) <= 14 * 24 * 60


def test_the_index_is_one_file_for_every_language_and_the_directory_says_where(large_site):
    assert not (large_site / "ar" / "venues" / "search.json").exists()
    for prefix in ["", "ar/"]:
        page = (large_site / prefix / "venues" / "index.html").read_text(encoding="utf-8")
        assert "/venues/search.json" in page


def test_a_place_costs_the_phone_few_bytes(large_site):
    data = (large_site / "venues" / "search.json").read_bytes()
    per_place = len(gzip.compress(data, 9)) / LARGE_SITE_VENUES
    assert per_place < BYTES_PER_PLACE, f"{per_place:.0f} bytes a place, gzipped"


def test_the_example_index_has_the_example_places_and_no_markup(example_site):
    index = read_index(example_site)
    shown = (example_site / "venues" / "index.html").read_text(encoding="utf-8").count('class="sos-venue-card"')
    assert len(index["places"]) == shown
    text = json.dumps(index, ensure_ascii=False)
    assert "<" not in text and ">" not in text


def test_the_first_days_of_a_schedule_end_where_they_are_cut():
    day = 24 * 60
    week = Schedule(BUILD_DAY, 7, ((60, 120), (day - 60, day + 60), (3 * day, 3 * day + 10)))
    assert week.first_days(1) == Schedule(BUILD_DAY, 1, ((60, 120), (day - 60, day)))
    assert week.first_days(7) is week and week.first_days(30) is week
