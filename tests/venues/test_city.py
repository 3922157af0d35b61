"""The city is configuration: its name fills a missing town:, its places are no one's name, a build needs it."""

from __future__ import annotations

import json

import pytest
from venues.check.catalogue import read_catalogue
from venues.city import City, CityNotSet, city_of

from tests.conftest import BUILD_DAY, FIXTURES, build_site

MINIMAL = (FIXTURES / "venues" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
NAMED = 'description: Our volunteers were trained at {place} Library.\n'


def read_one(tmp_path, text: str, city: City):
    folder = tmp_path / "venues"
    folder.mkdir(exist_ok=True)
    (folder / "venue.yaml").write_text(text, encoding="utf-8")
    return read_catalogue(folder, tmp_path, BUILD_DAY, city)


def test_a_venue_without_town_is_in_the_sites_city(tmp_path):
    assert "town:" not in MINIMAL
    [venue] = read_one(tmp_path, MINIMAL, City("Tolworth Ferry")).venues
    assert venue.address.town == "Tolworth Ferry"
    assert venue.address.one_line() == f"{venue.address.street}, Tolworth Ferry {venue.address.postcode}"


def test_without_a_city_the_address_has_no_town(tmp_path):
    [venue] = read_one(tmp_path, MINIMAL, City()).venues
    assert venue.address.one_line() == f"{venue.address.street}, {venue.address.postcode}"


def test_the_citys_places_are_not_taken_for_a_persons_name(tmp_path):
    text = MINIMAL + NAMED.format(place="Marrow Quay")
    named = [p.message for p in read_one(tmp_path, text, City("Tolworth Ferry")).problems if "name" in p.message]
    assert len(named) == 1  # "Marrow Quay" looks like a person's name to a city that does not know it
    known = City("Tolworth Ferry", frozenset({"Marrow Quay"}))
    assert [p for p in read_one(tmp_path, text, known).problems if "name" in p.message] == []


def test_the_settings_describe_the_city():
    city = city_of({"VENUES_CITY": " Tolworth  Ferry ", "VENUES_PLACE_NAMES": ["Marrow Quay"]})
    assert city == City("Tolworth Ferry", frozenset({"Marrow Quay"}), ("sos",))  # Spaces of Sanctuary alone, by default
    assert city.words == {"tolworth", "ferry", "marrow", "quay"}


def test_a_build_without_the_citys_name_stops_and_says_what_to_write(tmp_path):
    with pytest.raises(CityNotSet, match='VENUES_CITY is not set.*for example VENUES_CITY = "Leeds"'):
        build_site(tmp_path, VENUES_CITY="")


def test_a_scheme_the_city_has_no_part_in_is_refused(tmp_path):
    text = MINIMAL.replace("  renew_by: 2027-01-01\n", "  renew_by: 2027-01-01\n  schemes: [sos, psss]\n")
    catalogue = read_one(tmp_path, text, City("Tolworth Ferry", schemes=("sos",)))
    assert [problem.message for problem in catalogue.errors] == [
        'accreditation: schemes: "psss" (Pompey Safe Spaces Scheme) is not a scheme of this site. Write sos, '
        "or take it out."]
    assert read_one(tmp_path, text, City("Tolworth Ferry", schemes=("sos", "psss"))).errors == []


def test_publishing_the_citys_schema_leaves_the_checks_schema_as_written():
    from venues.schema import venue_schema
    from venues.site.schema_file import site_schema

    before = json.dumps(venue_schema())
    published = site_schema({"VENUES_CITY": "Tolworth Ferry", "VENUES_PUBLIC_SITEURL": "https://tf.example"})
    assert published["properties"]["address"]["properties"]["town"]["default"] == "Tolworth Ferry"
    assert published["$id"] == "https://tf.example/schema/venue.schema.json"
    assert json.dumps(venue_schema()) == before
