"""The open data files: venues.csv and venues.geojson agree, Open Referral UK validates, nothing hidden leaks."""

from __future__ import annotations

import copy
import csv
import io
import json
import uuid
from pathlib import Path

import jsonschema
import pytest
from venues.check.catalogue import hidden_reason, read_catalogue
from venues.site.csv_export import FIXED_COLUMNS, LIST_SEPARATOR
from venues.site.open_referral import id_namespace, record_id

from tests.conftest import BUILD_DAY, ROOT

SCHEMA = json.loads((ROOT / "data" / "open-referral" / "service.json").read_text(encoding="utf-8"))


def open_referral_errors(service: dict) -> list[str]:
    """Return every way a service breaks the UK profile's compiled schema (formats such as uuid included)."""
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(service)]


def csv_rows(site: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO((site / "venues.csv").read_text(encoding="utf-8"), newline="")))


def services(site: Path) -> dict:
    return json.loads((site / "open-referral" / "services.json").read_text(encoding="utf-8"))


def test_csv_and_geojson_round_trip_to_the_same_venues(example_site):
    rows = {row["slug"]: row for row in csv_rows(example_site)}
    features = json.loads((example_site / "venues.geojson").read_text(encoding="utf-8"))["features"]
    assert len(rows) == len(features) > 0
    for feature in features:
        properties = feature["properties"]
        row = rows[properties["slug"]]
        assert row["name"] == properties["name"]
        assert row["kind"] == properties["kind"]
        assert row["offers"].split(LIST_SEPARATOR) == properties["offers"]
        assert row["languages"].split(LIST_SEPARATOR) == properties["languages"]
        assert (row["street"], row["town"], row["postcode"]) == tuple(properties["address"][key]
                                                                      for key in ("street", "town", "postcode"))
        assert [float(row["longitude"]), float(row["latitude"])] == feature["geometry"]["coordinates"]
        assert row["example"] == str(properties["example"]).lower()


def test_csv_columns_are_the_documented_ones(example_site):
    header = (example_site / "venues.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert tuple(header[: len(FIXED_COLUMNS)]) == FIXED_COLUMNS
    assert header[len(FIXED_COLUMNS):][0] == "description_en"
    documented = (ROOT / "content" / "pages" / "open-data.md").read_text(encoding="utf-8")
    missing = [column for column in header if f"`{column}`" not in documented and not column.startswith("description_")]
    assert missing == [], "columns not described on the Open data page"


def test_csv_keeps_every_field_of_a_venue_file(example_site):
    catalogue = read_catalogue(ROOT / "venues", ROOT, BUILD_DAY)
    venue = next(venue for venue in catalogue.venues if venue.slug == "example-college-hub")
    row = next(row for row in csv_rows(example_site) if row["slug"] == venue.slug)
    assert row["opening_hours"] == venue.opening_hours
    assert row["accessibility"].split(LIST_SEPARATOR) == list(venue.accessibility)
    assert row["email"] == venue.contact["email"] and row["website"] == venue.contact["website"]
    assert row["volunteers_trained"] == str(venue.accreditation.volunteers_trained)
    assert row["description_en"] == venue.description["en"]


def test_nothing_hidden_is_in_any_open_data_file(example_site):
    catalogue = read_catalogue(ROOT / "venues", ROOT, BUILD_DAY)
    hidden = [venue for venue in catalogue.venues if hidden_reason(venue, BUILD_DAY)]
    shown = {venue.slug for venue in catalogue.venues} - {venue.slug for venue in hidden}
    assert hidden, "the examples should include hidden venues"
    for name in ("venues.csv", "venues.geojson", "open-referral/services.json"):
        text = (example_site / name).read_text(encoding="utf-8")
        leaked = [venue.slug for venue in hidden if venue.slug in text or venue.name in text]
        assert leaked == [], f"{name} holds hidden venues"
    assert {row["slug"] for row in csv_rows(example_site)} == shown
    names = {service["organization"]["name"] for service in services(example_site)["contents"]}
    assert names == {venue.name for venue in catalogue.venues if venue.slug in shown}


def test_open_referral_validates_against_the_uk_profile(published_site):
    site, site_url = published_site
    page = services(site)
    assert page["total_items"] == len(page["contents"]) == len(csv_rows(site)) > 0
    for service in page["contents"]:
        assert open_referral_errors(service) == [], service["name"]
        assert service["url"].startswith(site_url + "/venues/")
    ids = [service["id"] for service in page["contents"]]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("break_it", [
    lambda service: service.pop("status"),
    lambda service: service.update(status="open"),
    lambda service: service.update(id="venue-1"),
    lambda service: service["service_at_locations"][0]["location"]["addresses"][0].pop("postal_code"),
    lambda service: service["schedules"][0].update(freq="DAILY"),
    lambda service: service["organization"].pop("description"),
], ids=["no status", "unknown status", "id not a uuid", "address without postcode", "unknown frequency",
        "organisation without description"])
def test_an_invalid_record_fails_validation(example_site, break_it):
    service = copy.deepcopy(services(example_site)["contents"][0])
    assert open_referral_errors(service) == []
    break_it(service)
    assert open_referral_errors(service) != []


def test_the_open_data_is_linked_from_its_page_in_every_language(example_site):
    for prefix in ("", "ar/", "vi/"):
        page = (example_site / prefix / "open-data" / "index.html").read_text(encoding="utf-8")
        for name in ("venues.csv", "venues.geojson", "open-referral/services.json"):
            assert name in page, f"/{prefix}open-data/ does not link {name}"
        home = (example_site / prefix / "index.html").read_text(encoding="utf-8")
        assert "open-data/" in home, f"/{prefix}: the footer does not link the Open data page"


def test_identifiers_come_from_the_published_address_and_stay_what_partners_imported(example_site):
    services = json.loads((example_site / "open-referral" / "services.json").read_text(encoding="utf-8"))["contents"]
    library = next(service for service in services if "Harbour Reading Room" in service["name"])
    # Before the city was configuration, the namespace was this fixed one, made from Portsmouth's address.
    before = uuid.UUID("0770b6ac-9b61-5627-a069-c82611068d2e")
    assert id_namespace("https://portsmouth-sanctuary.github.io/spaces-of-sanctuary") == before
    assert library["id"] == record_id(before, "example-harbour-library", "service")
    assert id_namespace("https://merrowby-sanctuary.example/spaces") != before  # another city's never meet
