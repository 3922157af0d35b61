"""geocoding.streets: a street Nominatim knows only under other postcode districts is worth a warning."""

from __future__ import annotations

import json

from geocoding.cache import GeocodeCache
from geocoding.resolve import resolve_venues
from geocoding.streets import districts_by_street, street_name, streets_elsewhere

NO_ENV: dict = {}
EASTNEY = "100, Eastney Road, Eastney, Portsmouth, England, PO4 9JA, United Kingdom"


def test_a_street_name_loses_its_house_number_unit_and_case():
    assert street_name("100 Eastney Road") == "eastney road"
    assert street_name("12a-14b  Albert   Road") == "albert road"
    assert street_name("Unit 3, 5 Commercial Road") == "commercial road"
    assert street_name("The Guildhall") == "the guildhall"  # no number: nothing to take away


def write_cache(path, entries):
    path.write_text(json.dumps(entries), encoding="utf-8")
    return GeocodeCache(path)


def test_only_nominatims_answers_say_where_a_street_is(tmp_path):
    cache = write_cache(tmp_path / "cache.json", {
        "1 eastney road, portsmouth po4 9ja": {"lat": 50.79, "lon": -1.06, "source": "nominatim", "display_name": EASTNEY},
        # A postcode centre is not an answer about the street, even with a name written beside it.
        "2 other road, portsmouth po1 2ab": {"lat": 50.8, "lon": -1.09, "source": "postcode",
                                             "display_name": "Other Road, PO1 2AB"},
    })
    found = districts_by_street(cache)
    assert found["eastney road"] == {"PO4"}
    assert "other road" not in found


def test_a_street_in_its_own_district_or_unknown_is_not_a_problem(tmp_path, make_venue):
    cache = write_cache(tmp_path / "cache.json", {"1 eastney road, portsmouth po4 9ja": {
        "lat": 50.79, "lon": -1.06, "source": "nominatim", "display_name": EASTNEY}})
    assert streets_elsewhere([make_venue("right", "2 Eastney Road", "PO4 9JA"),
                              make_venue("unknown", "1 Guildhall Square", "PO1 2AB")], cache) == []
    [problem] = streets_elsewhere([make_venue("wrong", "100 Eastney Road", "PO1 2AB")], cache)
    assert (problem.file, problem.severity) == ("venues/wrong.yaml", "warning")


def test_a_street_nominatim_knows_only_under_another_postcode_is_a_warning(tmp_path, make_venue):
    cache = tmp_path / "cache.json"
    answer = "100, Eastney Road, Eastney, Portsmouth, England, PO4 9JA, United Kingdom"
    cache.write_text(json.dumps({"1 eastney road, portsmouth po4 9ja": {
        "lat": 50.79, "lon": -1.06, "source": "nominatim", "display_name": answer}}), encoding="utf-8")
    wrong = make_venue("wrong", "100 Eastney Road", "PO1 2AB")
    right = make_venue("right", "2 Eastney Road", "PO4 9JA")
    other = make_venue("other", "1 Guildhall Square", "PO1 2AB")
    positions, problems = resolve_venues([wrong, right, other], {"GEOCODING_OFFLINE": True, "GEOCODING_CACHE_PATH": str(cache)},
                              NO_ENV)
    assert [(problem.file, problem.severity, problem.message) for problem in problems] == [(
        "venues/wrong.yaml", "warning", 'the street "Eastney Road" is in PO4 in OpenStreetMap\'s answers for other '
        f"addresses ({cache}), not in PO1: check the street and the postcode under address:")]
