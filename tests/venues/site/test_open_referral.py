"""venues.site.open_referral: a venue as an Open Referral UK service, with ids that never change between builds."""

from __future__ import annotations

import uuid

from venues.check.catalogue import read_catalogue
from venues.model import Position
from venues.site.open_referral import id_namespace, record_id, service_record, weekly_schedules
from venues.site.present import present

from tests.conftest import BUILD_DAY, ROOT


def test_schedules_come_from_the_opening_hours():
    assert weekly_schedules("Mo-Fr 09:00-17:00; Sa 10:00-16:00; PH off", BUILD_DAY) == [
        (("MO", "TU", "WE", "TH", "FR"), "09:00", "17:00"), (("SA",), "10:00", "16:00")]
    assert weekly_schedules("24/7", BUILD_DAY) == [(("MO", "TU", "WE", "TH", "FR", "SA", "SU"), "00:00", "23:59")]
    assert weekly_schedules(None, BUILD_DAY) == []


SITE = "https://example.org/site/"
NAMESPACE = id_namespace(SITE)


def test_ids_are_uuids_made_from_the_slug_and_the_part():
    service = record_id(NAMESPACE, "example-harbour-library", "service")
    assert uuid.UUID(service).version == 5
    assert service == record_id(NAMESPACE, "example-harbour-library", "service")
    assert service != record_id(NAMESPACE, "example-harbour-library", "location")
    assert service != record_id(NAMESPACE, "example-college-hub", "service")


def test_a_record_says_what_the_file_says_and_marks_an_example():
    venue = next(venue for venue in read_catalogue(ROOT / "venues", ROOT, BUILD_DAY).venues
                 if venue.slug == "example-harbour-library")
    point = Position(50.79812345, -1.10298765, "cache")
    record = service_record(present(venue, BUILD_DAY, "", position=point), BUILD_DAY, "https://example.org/site/")
    assert record["id"] == record_id(NAMESPACE, venue.slug, "service")
    assert record["name"] == f"Space of Sanctuary at {venue.name}" and record["status"] == "active"
    assert record["description"].startswith("Fictional example venue, not a real place. ")
    assert record["url"] == "https://example.org/site/venues/example-harbour-library/"
    location = record["service_at_locations"][0]["location"]
    assert location["addresses"][0]["postal_code"] == venue.address.postcode
    assert (location["latitude"], location["longitude"]) == (50.798123, -1.102988)
    unplaced = service_record(present(venue, BUILD_DAY, ""), BUILD_DAY)
    assert "latitude" not in unplaced["service_at_locations"][0]["location"]
