"""Network faults fall back to the postcode centre cleanly: a warning, no traceback, nothing cached."""

import logging
import socket
import time

import pytest
from geocoding.resolve import resolve_venues
from venues.model import Position

GUILDHALL_CENTRE = (50.797635, -1.092887)  # PO1 2AB in data/postcodes/po.csv
FAULTS = ["http_429", "http_503", "garbage", "wrong_shape", "slow", "drip", "error_object", "empty_object"]


def closed_port_url():
    """Return a URL on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def assert_clean_fallback(venues, positions, problems, caplog, tmp_path):
    """Check the postcode centre is used, a clear warning is logged, no traceback, nothing cached."""
    assert problems == []
    for venue in venues:
        assert positions[venue.slug] == Position(*GUILDHALL_CENTRE, "postcode")
    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert warnings[0].getMessage().startswith("geocoding: Nominatim at http://127.0.0.1:")
    assert "venues/first.yaml" in warnings[0].getMessage()
    assert not any(record.exc_info for record in caplog.records)
    assert "Traceback" not in caplog.text
    assert not (tmp_path / "geocode-cache.json").exists()


@pytest.mark.parametrize("mode", FAULTS)
def test_fault_falls_back_to_postcode_and_stops_asking(nominatim, settings, make_venue, caplog, tmp_path, mode):
    nominatim.mode = mode
    venues = [make_venue("first", "1 Guildhall Square"), make_venue("second", "2 Guildhall Square")]
    with caplog.at_level(logging.INFO):
        positions, problems = resolve_venues(venues, settings, {})
    assert_clean_fallback(venues, positions, problems, caplog, tmp_path)
    assert len(nominatim.requests) == 1  # no retry, and the second venue does not ask a failing server


def test_connection_refused_falls_back_to_postcode(settings, make_venue, caplog, tmp_path):
    settings["GEOCODING_NOMINATIM_URL"] = closed_port_url()
    venues = [make_venue("first", "1 Guildhall Square"), make_venue("second", "2 Guildhall Square")]
    positions, problems = resolve_venues(venues, settings, {})
    assert_clean_fallback(venues, positions, problems, caplog, tmp_path)
    assert "refused the connection" in caplog.text


def test_fault_then_recovery_asks_again_and_caches(nominatim, settings, make_venue):
    nominatim.mode = "http_503"
    resolve_venues([make_venue("first")], settings, {})
    nominatim.mode = "found"
    venue = make_venue("first")
    positions, found = resolve_venues([venue], settings, {})
    assert found == []
    assert positions[venue.slug].source == "nominatim"
    assert len(nominatim.requests) == 2


def test_fault_with_unknown_postcode_is_an_error_saying_add_a_location(nominatim, settings, make_venue, caplog):
    nominatim.mode = "http_503"
    venue = make_venue(slug="gosport", street="1 High Street", postcode="PO12 1AA", line=5)
    positions, problems = resolve_venues([venue], settings, {})
    assert [(p.file, p.line, p.severity) for p in problems] == [("venues/gosport.yaml", 5, "error")]
    assert "answered HTTP 503, and PO12 1AA is not in the site's postcode list" in problems[0].message
    assert "add a location: block with lat: and lon:" in problems[0].message
    assert "Traceback" not in caplog.text


def test_an_answer_trickling_in_is_cut_off_at_the_deadline(nominatim, settings, make_venue, caplog, tmp_path):
    # Each byte arrives well within the 0.3 s socket timeout; the whole answer would take about 25 s.
    nominatim.mode = "drip"
    started = time.monotonic()
    positions, problems = resolve_venues([make_venue("first")], settings, {})
    assert time.monotonic() - started < 5
    assert problems == [] and not (tmp_path / "geocode-cache.json").exists()
