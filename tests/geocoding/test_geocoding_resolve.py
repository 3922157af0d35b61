"""Resolution order, cache behaviour and checks of the geocoding plugin, through geopy's real HTTP client."""

import json
import types

import blinker
import pytest
from geocoding import register
from geocoding.resolve import origin_of, resolve_venues
from venues.model import Position

GUILDHALL_CENTRE = (50.797635, -1.092887)  # PO1 2AB in data/postcodes/po.csv
NO_ENV = {}  # keep the machine's NOMINATIM_URL / GEOCODING_OFFLINE out of these tests


def read_cache(settings):
    with open(settings["GEOCODING_CACHE_PATH"], encoding="utf-8") as handle:
        return handle.read()


def write_cache(settings, entries):
    with open(settings["GEOCODING_CACHE_PATH"], "w", encoding="utf-8") as handle:
        handle.write(json.dumps(entries, sort_keys=True, indent=2) + "\n")


def test_file_location_wins_with_zero_requests(nominatim, settings, make_venue, tmp_path):
    venue = make_venue(location=(50.8, -1.09))
    positions, problems = resolve_venues([venue], settings, NO_ENV)
    assert problems == []
    assert positions[venue.slug] == Position(50.8, -1.09, "file")
    assert nominatim.requests == []
    assert not (tmp_path / "geocode-cache.json").exists()


def test_miss_asks_once_then_caches_sorted_and_stable(nominatim, settings, make_venue):
    nominatim.answer = (50.7976543219, -1.0928765432)
    venues = [make_venue("zeta", "1 Guildhall Square"), make_venue("alpha", "2  Guildhall   square ")]
    positions, found = resolve_venues(venues, settings, NO_ENV)
    assert found == []
    assert [positions[venue.slug].source for venue in venues] == ["nominatim", "nominatim"]
    assert positions[venues[0].slug].lat == pytest.approx(50.7976543219)
    assert len(nominatim.requests) == 2
    request = nominatim.requests[0]
    assert request.path == "/search"
    assert request.query["q"] == "1 Guildhall Square, Portsmouth PO1 2AB"
    assert request.query["countrycodes"] == "gb"
    assert request.user_agent == "spaces-of-sanctuary-tests/1.0"

    text = read_cache(settings)
    entry = {
        "display_name": "Guildhall Square, Portsmouth, England, PO1 2AB, United Kingdom",
        "lat": 50.797654,
        "lon": -1.092877,
        "source": "nominatim",
    }
    expected = {"1 guildhall square, portsmouth po1 2ab": entry, "2 guildhall square, portsmouth po1 2ab": entry}
    assert text == json.dumps(expected, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert text.index('"1 guildhall') < text.index('"2 guildhall')

    # The second build finds both in the cache: no request, and the file is not rewritten.
    again = [make_venue("zeta", "1 Guildhall Square"), make_venue("alpha", "2 Guildhall Square")]
    before = (read_cache(settings), _mtime(settings))
    positions, found = resolve_venues(again, settings, NO_ENV)
    assert found == []
    assert len(nominatim.requests) == 2
    assert [positions[venue.slug].source for venue in again] == ["cache", "cache"]
    assert (positions[again[0].slug].lat, positions[again[0].slug].lon) == (50.797654, -1.092877)
    assert (read_cache(settings), _mtime(settings)) == before
    assert origin_of(again[0], positions.get(again[0].slug), settings, NO_ENV) == "cache (nominatim)"


def _mtime(settings):
    import os

    return os.stat(settings["GEOCODING_CACHE_PATH"]).st_mtime_ns


def test_warm_cache_makes_zero_requests(nominatim, settings, make_venue):
    # A bare "postcode" entry, as caches written before misses were marked hold: it still loads, quietly.
    write_cache(settings, {"1 guildhall square, portsmouth po1 2ab": {"lat": 50.7977, "lon": -1.0929, "source": "postcode"}})
    venue = make_venue()
    positions, found = resolve_venues([venue], settings, NO_ENV)
    assert found == []
    assert nominatim.requests == []
    assert positions[venue.slug] == Position(50.7977, -1.0929, "cache")
    assert origin_of(venue, positions.get(venue.slug), settings, NO_ENV) == "cache (postcode)"


@pytest.mark.parametrize(
    ("setting", "environ"),
    [(True, {}), (False, {"GEOCODING_OFFLINE": "1"})],
    ids=["setting", "environment"],
)
def test_offline_never_asks_and_does_not_cache(nominatim, settings, make_venue, tmp_path, setting, environ):
    settings["GEOCODING_OFFLINE"] = setting
    venue = make_venue()
    positions, found = resolve_venues([venue], settings, environ)
    assert found == []
    assert nominatim.requests == []
    assert positions[venue.slug] == Position(*GUILDHALL_CENTRE, "postcode")
    assert not (tmp_path / "geocode-cache.json").exists()


def geocoding_answers(settings, venues, positions):
    """Send venues_loaded as the venues generator does; return what the geocoding receiver answered."""
    register()
    results = blinker.signal("venues_loaded").send(types.SimpleNamespace(settings=settings), venues=venues,
                                                   positions=positions)
    return [problems for receiver, problems in results if receiver.__module__ == "geocoding.resolve"]


def test_offline_environment_is_read_by_the_pelican_receiver(nominatim, settings, make_venue, monkeypatch):
    monkeypatch.setenv("GEOCODING_OFFLINE", "1")
    monkeypatch.delenv("NOMINATIM_URL", raising=False)
    venue, positions = make_venue(), {}
    assert geocoding_answers({**settings, "PLUGINS": ["venues", "geocoding"]}, [venue], positions) == [[]]
    assert positions == {venue.slug: Position(*GUILDHALL_CENTRE, "postcode")}
    assert nominatim.requests == []


def test_receiver_ignores_builds_without_the_plugin(nominatim, settings, make_venue):
    venue, positions = make_venue(), {}
    assert geocoding_answers({**settings, "PLUGINS": ["venues"]}, [venue], positions) == [[]]
    assert positions == {}
    assert nominatim.requests == []


def test_nominatim_url_environment_overrides_the_setting(nominatim, settings, make_venue):
    settings["GEOCODING_NOMINATIM_URL"] = "http://127.0.0.1:9"  # nothing listens there
    venue = make_venue()
    positions, found = resolve_venues([venue], settings, {"NOMINATIM_URL": nominatim.url})
    assert found == []
    assert positions[venue.slug].source == "nominatim"
    assert len(nominatim.requests) == 1


def test_not_found_uses_and_caches_the_postcode_centre_saying_why(nominatim, settings, make_venue):
    nominatim.mode = "not_found"
    venue = make_venue(line=4)
    positions, problems = resolve_venues([venue], settings, NO_ENV)
    assert positions[venue.slug] == Position(*GUILDHALL_CENTRE, "postcode")
    assert origin_of(venue, positions.get(venue.slug), settings, NO_ENV) == "postcode: Nominatim found nothing"
    assert [(p.file, p.line, p.severity) for p in problems] == [("venues/guildhall.yaml", 4, "warning")]
    assert_found_nothing_advice(problems[0].message)

    entry = json.loads(read_cache(settings))["1 guildhall square, portsmouth po1 2ab"]
    assert entry == {
        "lat": 50.797635,
        "lon": -1.092887,
        "source": "postcode",
        "nominatim_found": False,
        "note": problems[0].message,  # a reader of the cache learns the same as the build log
    }

    # The next build takes the miss from the cache: no request, no rewrite, the same advice.
    before = (read_cache(settings), _mtime(settings))
    again = make_venue(line=4)
    positions, found = resolve_venues([again], settings, NO_ENV)
    assert found == problems
    assert len(nominatim.requests) == 1
    assert positions[again.slug].source == "cache"
    assert origin_of(again, positions.get(again.slug), settings, NO_ENV) == "cache (postcode: Nominatim found nothing)"
    assert (read_cache(settings), _mtime(settings)) == before


def assert_found_nothing_advice(message):
    """Check a miss is explained in plain words, with both fixes."""
    assert message.startswith('Nominatim found nothing for "1 Guildhall Square, Portsmouth PO1 2AB"')
    assert "the map pin is only the centre of PO1 2AB" in message
    assert "check the street under address: in the venue file" in message
    assert "add a location: block with lat: and lon: to the file" in message


@pytest.mark.parametrize("mode", ["not_found", "found"])
def test_warm_cache_with_a_recorded_miss_makes_zero_requests(nominatim, settings, make_venue, mode):
    nominatim.mode = mode  # whatever the server would say now, it is not asked
    write_cache(
        settings,
        {
            "1 guildhall square, portsmouth po1 2ab": {
                "lat": 50.797635,
                "lon": -1.092887,
                "source": "postcode",
                "nominatim_found": False,
                "note": "older words",
            }
        },
    )
    venue = make_venue()
    positions, problems = resolve_venues([venue], settings, NO_ENV)
    assert nominatim.requests == []
    assert positions[venue.slug] == Position(*GUILDHALL_CENTRE, "cache")
    assert [p.severity for p in problems] == ["warning"]
    assert_found_nothing_advice(problems[0].message)  # worded afresh, not the stored note


def test_corrected_street_is_looked_up_afresh_and_the_miss_is_not_retried_unasked(nominatim, settings, make_venue):
    nominatim.mode = "not_found"
    resolve_venues([make_venue(street="1 Guildhal Square")], settings, NO_ENV)
    resolve_venues([make_venue(street="1 Guildhal Square")], settings, NO_ENV)
    assert len(nominatim.requests) == 1

    nominatim.mode = "found"
    fixed = make_venue(street="1 Guildhall Square")
    positions, found = resolve_venues([fixed], settings, NO_ENV)
    assert found == []
    assert [request.query["q"] for request in nominatim.requests] == [
        "1 Guildhal Square, Portsmouth PO1 2AB",
        "1 Guildhall Square, Portsmouth PO1 2AB",
    ]
    assert positions[fixed.slug].source == "nominatim"

    # The misspelt address keeps its miss until someone asks on purpose.
    misspelt = make_venue(street="1 Guildhal Square")
    positions = resolve_venues([misspelt], settings, NO_ENV).positions
    assert (len(nominatim.requests), positions[misspelt.slug].source) == (2, "cache")
    positions = resolve_venues([misspelt], settings, NO_ENV, retry_not_found=True).positions
    assert (len(nominatim.requests), positions[misspelt.slug].source) == (3, "nominatim")


def test_far_answer_is_distrusted_and_reported(nominatim, settings, make_venue):
    nominatim.mode = "far"
    venue = make_venue(line=7)
    positions, problems = resolve_venues([venue], settings, NO_ENV)
    assert [(p.file, p.line, p.severity) for p in problems] == [("venues/guildhall.yaml", 7, "warning")]
    assert "m from the centre of PO1 2AB" in problems[0].message
    assert "location:" in problems[0].message
    assert positions[venue.slug] == Position(*GUILDHALL_CENTRE, "postcode")

    # Cached as decided, and still reported on the next build without asking again.
    assert json.loads(read_cache(settings))["1 guildhall square, portsmouth po1 2ab"]["source"] == "postcode"
    again = make_venue(line=7)
    positions, found = resolve_venues([again], settings, NO_ENV)
    assert found == problems
    assert len(nominatim.requests) == 1


def test_answer_within_max_distance_is_trusted(nominatim, settings, make_venue):
    nominatim.answer = (GUILDHALL_CENTRE[0] + 0.01, GUILDHALL_CENTRE[1])  # about 1.1 km
    venue = make_venue()
    positions, found = resolve_venues([venue], settings, NO_ENV)
    assert found == []
    assert positions[venue.slug].source == "nominatim"


def test_file_location_outside_service_area_is_an_error_naming_file_and_line(nominatim, settings, make_venue):
    venue = make_venue(slug="swapped", location=(-1.09, 50.8), line=4)
    positions, problems = resolve_venues([venue], settings, NO_ENV)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.file, problem.line, problem.severity) == ("venues/swapped.yaml", 4, "error")
    assert str(problem).startswith("venues/swapped.yaml:4:1: ")
    assert "outside the service area" in problem.message
    assert "check lat: and lon: in the location: block" in problem.message


def test_nominatim_answer_outside_service_area_is_an_error(nominatim, settings, make_venue):
    # A postcode the extract does not cover, so there is no centre to compare with.
    nominatim.mode = "outside"
    venue = make_venue(slug="gosport", street="1 High Street", postcode="PO12 1AA")
    positions, problems = resolve_venues([venue], settings, NO_ENV)
    assert [(p.file, p.severity) for p in problems] == [("venues/gosport.yaml", "error")]
    assert "(from Nominatim) is outside the service area" in problems[0].message
    assert "check the street and postcode" in problems[0].message


def test_far_check_catches_an_outside_answer_when_the_postcode_is_known(nominatim, settings, make_venue):
    nominatim.mode = "outside"
    venue = make_venue()
    positions, problems = resolve_venues([venue], settings, NO_ENV)
    assert [p.severity for p in problems] == ["warning"]
    assert positions[venue.slug].source == "postcode"


def test_unknown_postcode_and_nothing_found_is_an_error_saying_add_a_location(nominatim, settings, make_venue):
    nominatim.mode = "not_found"
    venue = make_venue(slug="nowhere", street="1 Nowhere Lane", postcode="PO12 9ZZ", line=2)
    positions, problems = resolve_venues([venue], settings, NO_ENV)
    assert [(p.file, p.line, p.severity) for p in problems] == [("venues/nowhere.yaml", 2, "error")]
    assert "add a location: block with lat: and lon:" in problems[0].message
    assert venue.slug not in positions


def test_rate_limiter_spaces_requests(nominatim, settings, make_venue):
    settings["GEOCODING_MIN_DELAY_SECONDS"] = 0.25
    venues = [make_venue(f"venue-{n}", f"{n} Guildhall Square") for n in range(3)]
    positions, found = resolve_venues(venues, settings, NO_ENV)
    assert found == []
    times = [request.at for request in nominatim.requests]
    assert len(times) == 3
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    # Unlimited, local requests arrive milliseconds apart. The server stamps arrival in a handler
    # thread, which on a busy machine lags the client's send by up to tens of milliseconds.
    assert min(gaps) >= 0.2, gaps


def test_corrupt_cache_is_ignored_and_repaired(nominatim, settings, make_venue, caplog):
    with open(settings["GEOCODING_CACHE_PATH"], "w", encoding="utf-8") as handle:
        handle.write("{not json")
    venue = make_venue()
    positions, found = resolve_venues([venue], settings, NO_ENV)
    assert found == []
    assert positions[venue.slug].source == "nominatim"
    assert "geocoding: ignoring unreadable cache" in caplog.text
    assert json.loads(read_cache(settings))["1 guildhall square, portsmouth po1 2ab"]["source"] == "nominatim"
