"""A map point must sit near its postcode: file locations and cached points are checked, unknown postcodes named.

Through the real paths: Pelican builds of venue files (tests/conftest.py build_site), the geocode command,
scripts/pr_summary.py, and geopy against the fake Nominatim.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from geocoding.cli import main as geocode_main
from geocoding.resolve import resolve_venues
from geopy.distance import geodesic
from venues.check.catalogue import read_catalogue
from venues.city import City

from scripts.pr_summary import main as pr_summary_main
from tests.conftest import BUILD_DAY, build_site, only_languages

PORTSMOUTH = City("Portsmouth")  # the example venues leave out town:, as a coordinator may

ROOT = Path(__file__).resolve().parents[2]
CAFE = "example-corner-cafe.yaml"  # has a location: block near the centre of its postcode, PO1 2AY
LIBRARY = "example-harbour-library.yaml"  # has no location: block
COSHAM = "PO6 3LY"  # a real postcode of the extract, about 6 km north of PO1 2AY
GUILDHALL_CENTRE = (50.797635, -1.092887)  # PO1 2AB in data/postcodes/po.csv
COVERAGE = "Spaces of Sanctuary Portsmouth covers the PO postcodes in data/postcodes/po.csv: PO1, PO2, PO3, PO4, PO5, PO6"


@pytest.fixture(autouse=True)
def no_environment_overrides(monkeypatch):
    for name in ("GEOCODING_OFFLINE", "NOMINATIM_URL", "GITHUB_ACTIONS", "GITHUB_OUTPUT"):
        monkeypatch.delenv(name, raising=False)


def venue_copy(tmp_path: Path, name: str, *edits: tuple[str, str]) -> tuple[Path, str]:
    """Copy one example venue into tmp_path/venues with text replacements; return the folder and the new text."""
    folder = tmp_path / "venues"
    folder.mkdir(exist_ok=True)
    text = (ROOT / "venues" / name).read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, f"{name} no longer contains {old!r}: update this test's edit"
        text = text.replace(old, new)
    (folder / name).write_text(text, encoding="utf-8")
    return folder, text


def line_of(text: str, pattern: str) -> int:
    """Return the 1-based number of the first line matching a regular expression."""
    return next(number for number, line in enumerate(text.splitlines(), 1) if re.search(pattern, line))


def metres_in(message: str) -> float:
    return float(re.search(r"puts .*?([\d,]+) m (?:north|south|east|west)", message).group(1).replace(",", ""))


def test_build_stops_on_a_copied_location_block_kilometres_from_the_postcode(tmp_path):
    # The reviewer's case: a copied file kept its map point while the address moved to Cosham.
    folder, text = venue_copy(tmp_path, CAFE, ("postcode: PO1 2AY", f"postcode: {COSHAM}"))
    with pytest.raises(Exception) as stopped:
        build_site(tmp_path / "site", folder)
    message = str(stopped.value)
    where = f"venues/{CAFE}:{line_of(text, r'^location:')}:1: "
    [line] = [line for line in message.splitlines() if line.startswith(where)]
    assert "the location: block (lat 50.79731, lon -1.09125) puts the map pin " in line
    assert f" m south of the centre of {COSHAM}, more than the 1,500 m allowed" in line
    assert 5000 < metres_in(line) < 7000
    assert "check the two numbers against the entrance on openstreetmap.org, lat first, then lon" in line
    assert line.endswith("or check the postcode under address:")
    assert not (tmp_path / "site" / "output" / "venues" / "example-corner-cafe").exists()


def test_build_stops_on_a_mistyped_latitude_digit_inside_the_service_area(tmp_path):
    folder, text = venue_copy(tmp_path, CAFE, ("lat: 50.79731", "lat: 50.89731"))
    with pytest.raises(Exception, match=re.escape(f"venues/{CAFE}:{line_of(text, r'^location:')}:1: ")) as stopped:
        build_site(tmp_path / "site", folder)
    assert " m north of the centre of PO1 2AY, more than the 1,500 m allowed" in str(stopped.value)
    assert 10_000 < metres_in(str(stopped.value)) < 12_000


def test_build_accepts_the_untouched_venue_it_was_copied_from(tmp_path):
    folder, _ = venue_copy(tmp_path, CAFE)
    output = build_site(tmp_path / "site", folder, **only_languages("en", "ar"))
    assert (output / "venues" / "example-corner-cafe" / "index.html").exists()



def test_a_problem_points_at_the_line_the_venue_was_loaded_from_without_reading_the_file_again(nominatim, settings, tmp_path):
    folder, text = venue_copy(tmp_path, CAFE, ("postcode: PO1 2AY", f"postcode: {COSHAM}"))
    [venue] = read_catalogue(folder, tmp_path, BUILD_DAY, city=PORTSMOUTH).venues
    (folder / CAFE).unlink()  # the Venue carries its marks: no VENUES_PATH in settings, and no file to read
    positions, problems = resolve_venues([venue], settings, {})
    assert [(p.file, p.line, p.column, p.severity) for p in problems] == [
        (f"venues/{CAFE}", line_of(text, r"^location:"), 1, "error")]
    assert line_of(text, r"^location:") != venue.line and nominatim.requests == []

@pytest.mark.parametrize(("metres", "fails"), [(1400, False), (1600, True)])
def test_the_limit_is_geocoding_max_distance_metres(nominatim, settings, make_venue, metres, fails):
    point = geodesic(meters=metres).destination(GUILDHALL_CENTRE, bearing=90)
    venue = make_venue(location=(point.latitude, point.longitude), line=9)
    positions, problems = resolve_venues([venue], settings, {})
    assert [(p.line, p.severity) for p in problems] == ([(9, "error")] if fails else [])
    if fails:
        assert f"{metres:,} m east of the centre of PO1 2AB" in problems[0].message
    assert positions[venue.slug].source == "file" and nominatim.requests == []


def test_every_example_venue_is_within_the_limit_of_its_postcode(tmp_path, capsys):
    cache = tmp_path / "geocode-cache.json"
    shutil.copy(ROOT / "data" / "geocode-cache.json", cache)
    assert geocode_main(["--offline", "--cache", str(cache)]) == 0, capsys.readouterr().err
    assert "allowed" not in capsys.readouterr().err


def test_a_far_cached_point_is_an_error_at_the_address_and_nominatim_is_not_asked(nominatim, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NOMINATIM_URL", nominatim.url)
    # The key holds the whole address, so only a hand edit (or a changed limit or extract) makes an entry far.
    folder, text = venue_copy(tmp_path, LIBRARY)
    cache = tmp_path / "cache.json"
    far = geodesic(meters=3000).destination((50.797645, -1.097711), bearing=0)  # 3 km north of PO1 3AA
    entry = {"lat": round(far.latitude, 6), "lon": round(far.longitude, 6), "source": "nominatim"}
    cache.write_text(json.dumps({"1 example quay, portsmouth po1 3aa": entry}), encoding="utf-8")
    before = cache.read_bytes()

    assert geocode_main(["--venues", str(folder), "--cache", str(cache)]) == 1
    [error] = capsys.readouterr().err.splitlines()
    assert error.startswith(f"venues/{LIBRARY}:{line_of(text, r'^address:')}:1: the geocode cache (")
    assert '"1 Example Quay, Portsmouth PO1 3AA" 3,000 m north of the centre of PO1 3AA' in error
    assert "delete that entry from " in error and "and run make geocode, or add a location: block" in error
    assert nominatim.requests == []
    assert cache.read_bytes() == before


def test_build_points_an_unknown_postcode_without_location_at_its_line_with_the_fix(tmp_path):
    folder, text = venue_copy(tmp_path, LIBRARY, ("postcode: PO1 3AA", "postcode: SO14 7DU"))
    postcode_line = line_of(text, r"^  postcode:")
    postcode_at = f"{postcode_line}:{text.splitlines()[postcode_line - 1].index('SO14') + 1}"
    with pytest.raises(Exception) as stopped:
        build_site(tmp_path / "site", folder)
    [line] = [line for line in str(stopped.value).splitlines() if "cannot place" in line]
    assert line.startswith(f"venues/{LIBRARY}:{postcode_at}: cannot place ")
    assert "Nominatim is not asked in offline mode, and SO14 7DU is not in the site's postcode list" in line
    assert f"check the postcode ({COVERAGE}), or add a location: block with lat: and lon:" in line


def test_an_unknown_postcode_nominatim_cannot_find_is_pointed_at_too(nominatim, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NOMINATIM_URL", nominatim.url)
    nominatim.mode = "not_found"
    folder, text = venue_copy(tmp_path, LIBRARY, ("postcode: PO1 3AA", "postcode: SO14 7DU"))
    assert geocode_main(["--venues", str(folder), "--cache", str(tmp_path / "cache.json")]) == 1
    [error] = capsys.readouterr().err.splitlines()
    assert error.startswith(f"venues/{LIBRARY}:{line_of(text, r'^  postcode:')}:13: cannot place ")
    assert "Nominatim found nothing, and SO14 7DU is not in the site's postcode list; check the postcode (" in error
    assert len(nominatim.requests) == 1


def test_build_warns_about_an_unknown_postcode_when_the_file_has_a_location(tmp_path, caplog):
    folder, text = venue_copy(tmp_path, CAFE, ("postcode: PO1 2AY", "postcode: PO4 9ZZ"))
    with caplog.at_level(logging.WARNING):
        output = build_site(tmp_path / "site", folder, **only_languages("en", "ar"))
    assert (output / "venues" / "example-corner-cafe" / "index.html").exists()
    warnings = [record.getMessage() for record in caplog.records if "not a postcode we know" in record.getMessage()]
    assert warnings == [
        f"venues: venues/{CAFE}:{line_of(text, r'^  postcode:')}:13: PO4 9ZZ is not a postcode we know: check it "
        f"({COVERAGE}); the map uses the point from the location: block, which cannot be checked against the "
        "postcode's centre"
    ]


def test_pr_summary_require_pinned_fails_on_a_pin_far_from_its_postcode(tmp_path, capsys):
    cache = tmp_path / "cache.json"
    shutil.copy(ROOT / "data" / "geocode-cache.json", cache)
    folder, text = venue_copy(tmp_path, CAFE)
    arguments = ["--all", "--require-pinned", "--venues", str(folder), "--cache", str(cache)]
    assert pr_summary_main(arguments) == 0
    capsys.readouterr()

    folder, text = venue_copy(tmp_path, CAFE, ("postcode: PO1 2AY", f"postcode: {COSHAM}"))
    assert pr_summary_main(arguments) == 1
    captured = capsys.readouterr()
    [error] = captured.err.splitlines()
    assert error.startswith(f"venues/{CAFE}:{line_of(text, r'^location:')}:1: the location: block ")
    assert f"**error** in `venues/{CAFE}` line {line_of(text, r'^location:')}: the location: block" in captured.out
