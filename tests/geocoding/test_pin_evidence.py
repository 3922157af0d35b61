"""A pin is evidence: a tight limit, a reason for a far pin, no unchecked Nominatim point cached, offline checks."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from geocoding.resolve import resolve_venues
from geopy.distance import geodesic
from venues.model import Position
from venues.tools.cli import main as validate_main

from tests.conftest import FIXTURES

GUILDHALL_CENTRE = (50.797635, -1.092887)  # PO1 2AB in data/postcodes/po.csv
NO_ENV: dict = {}


@pytest.fixture(autouse=True)
def no_environment_overrides(monkeypatch):
    for name in ("GEOCODING_OFFLINE", "NOMINATIM_URL", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)


def away(metres: float, bearing: float = 0) -> tuple[float, float]:
    point = geodesic(meters=metres).destination(GUILDHALL_CENTRE, bearing=bearing)
    return round(point.latitude, 6), round(point.longitude, 6)


@pytest.mark.parametrize(("metres", "reason", "fails"), [
    (200, None, False), (300, None, True), (300, "The entrance is on the park side", False),
    (1400, "The entrance is on the park side", False), (1600, "The entrance is on the park side", True)])
def test_the_default_limit_is_tight_and_a_reason_allows_a_far_pin(settings, make_venue, metres, reason, fails):
    settings.pop("GEOCODING_MAX_DISTANCE_METRES")  # the defaults, as the build uses them
    venue = dataclasses.replace(make_venue(location=away(metres), line=9), location_reason=reason)
    positions, problems = resolve_venues([venue], settings, NO_ENV)
    assert [problem.severity for problem in problems] == (["error"] if fails else [])
    if fails and reason:
        assert "more than the 1,500 m allowed even with a reason" in problems[0].message
    elif fails:
        assert "more than the 250 m allowed, so the pin or the postcode may be wrong" in problems[0].message
        assert 'write why under location:, for example reason: "The entrance is on the park side"' in problems[0].message


def test_a_far_nominatim_point_is_not_cached_as_a_pin(nominatim, settings, make_venue, tmp_path):
    settings.pop("GEOCODING_MAX_DISTANCE_METRES")
    nominatim.answer = away(400)  # inside the service area, but among other postcodes' houses
    venue = make_venue()
    positions, problems = resolve_venues([venue], settings, NO_ENV)
    assert positions[venue.slug] == Position(*GUILDHALL_CENTRE, "postcode")
    assert [problem.severity for problem in problems] == ["warning"]
    cached = json.loads(Path(settings["GEOCODING_CACHE_PATH"]).read_text(encoding="utf-8"))
    assert [entry["source"] for entry in cached.values()] == ["postcode"]


def test_an_outside_nominatim_point_is_never_cached(nominatim, settings, make_venue):
    nominatim.mode = "outside"
    venue = make_venue(slug="gosport", street="1 High Street", postcode="PO12 1AA")
    assert [problem.severity for problem in resolve_venues([venue], settings, NO_ENV).problems] == ["error"]
    assert not Path(settings["GEOCODING_CACHE_PATH"]).exists()


def test_make_validate_checks_pins_against_the_postcode_without_the_network(tmp_path, capsys):
    folder = tmp_path / "venues"
    folder.mkdir()
    text = (FIXTURES / "venues" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    lat, lon = geodesic(meters=8700).destination((50.796627, -1.091657), bearing=0)[:2]  # 8.7 km north of PO1 2DX
    (folder / "far.yaml").write_text(text + f"location:\n  lat: {lat:.6f}\n  lon: {lon:.6f}\n", encoding="utf-8")
    assert validate_main([str(folder)]) == 1
    error = capsys.readouterr().out
    assert error.startswith("venues/far.yaml:11:1: the location: block (lat ")
    assert "8,700 m north of the centre of PO1 2DX, more than the 1,500 m allowed" in error


@pytest.mark.parametrize(("text", "where", "what"), [
    ("{not json", "1:2", "is not valid JSON"),
    ("[]", "1:1", "is not a JSON object"),
    ('{\n  "1 test road, portsmouth po1 2dx": {"lat": "x"}\n}\n', "2:3",
     'has a broken entry for "1 test road, portsmouth po1 2dx"')])
def test_a_broken_cache_is_an_error_at_its_line_offline(tmp_path, text, where, what):
    cache = tmp_path / "cache.json"
    cache.write_text(text, encoding="utf-8")
    settings = {"GEOCODING_OFFLINE": True, "GEOCODING_CACHE_PATH": str(cache)}
    [problem] = resolve_venues([], settings, NO_ENV).problems
    assert f"{problem.line}:{problem.column}" == where and problem.severity == "error"
    assert problem.file.endswith("cache.json")
    assert problem.message.startswith(f"the geocode cache {what}") and "run make geocode" in problem.message


def test_the_build_stops_on_a_broken_cache_naming_it(tmp_path):
    from tests.conftest import build_site

    folder = tmp_path / "venues"
    folder.mkdir()
    shutil.copy(FIXTURES / "venues" / "valid" / "minimal.yaml", folder / "minimal.yaml")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "geocode-cache.json").write_text("[]", encoding="utf-8")
    with pytest.raises(Exception) as stopped:
        build_site(tmp_path / "site", folder)
    assert "geocode-cache.json:1:1: the geocode cache is not a JSON object" in str(stopped.value)
