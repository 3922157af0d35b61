"""venues.model: a Venue is what its file says, frozen once loaded, and knows where each of its fields was written."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from venues.model import Problem, Venue, venue_from_data

DATA = {
    "name": "  Corner   Cup  Café ",
    "kind": "cafe",
    "address": {"street": " 12  Sample Street ", "postcode": "po1 2ab"},
    "offers": ["wifi", "hot-drink"],
    "languages": ["en", "ar"],
    "accreditation": {"trained_on": "2026-01-10", "renew_by": "2027-01-10", "schemes": ["warm-welcome"]},
    "description": "Come in.",
    "location": {"lat": 50.8, "lon": -1.09, "reason": " The door is on  the park side "},
}


def venue(town: str = "Portsmouth") -> Venue:
    return venue_from_data(DATA, "corner-cup", "venues/corner-cup.yaml", line=2, town=town,
                           key_marks={("location",): (14, 1)}, value_marks={("address", "postcode"): (6, 13)})


def test_the_file_is_read_with_spaces_and_the_postcode_normalised():
    read = venue()
    assert read.name == "Corner Cup Café"
    assert (read.address.street, read.address.postcode, read.address.town) == ("12 Sample Street", "PO1 2AB",
                                                                                "Portsmouth")
    assert read.address.one_line() == "12 Sample Street, Portsmouth PO1 2AB"
    assert read.description == {"en": "Come in."}  # one text is the English description
    assert read.accreditation.trained_on == datetime.date(2026, 1, 10)
    assert read.accreditation.schemes == ("warm-welcome",)
    assert (read.location.lat, read.location.lon, read.location.source) == (50.8, -1.09, "file")
    assert read.location_reason == "The door is on the park side"
    assert read.url == "venues/corner-cup/"
    assert venue(town="Merrowby").address.town == "Merrowby"  # the site's city, when the file names none


def test_a_venue_is_frozen_so_no_pass_can_change_it():
    read = venue()
    with pytest.raises(dataclasses.FrozenInstanceError):
        read.name = "Another"  # type: ignore[misc]
    assert not hasattr(read, "position")  # where the map puts it belongs to its page, not to the file's facts
    assert dataclasses.replace(read, name="Another").name == "Another" and read.name == "Corner Cup Café"


def test_a_field_is_found_at_its_line_or_at_the_venues_first_line():
    read = venue()
    assert read.key_at("location") == (14, 1)
    assert read.value_at("address", "postcode") == (6, 13)
    assert read.key_at("opening_hours") == (2, 1) and read.value_at("name") == (2, 1)


def test_a_problem_reads_as_file_line_column_and_message():
    assert str(Problem("venues/x.yaml", 3, 5, "fix it")) == "venues/x.yaml:3:5: fix it"
    assert Problem("venues/x.yaml", 3, 5, "fix it").severity == "error"
