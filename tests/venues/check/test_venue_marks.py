"""A Venue keeps where each of its fields was written, so other plugins point messages at a line without reading files."""

from __future__ import annotations

from venues.check.catalogue import read_catalogue

from tests.conftest import BUILD_DAY

# Written with a comment first and the keys out of their usual order, so no line number is a coincidence.
VENUE = """\
# A test venue.

kind: other
name: Marked Venue
offers: [safe-space, wifi]
languages: [en]
accreditation:
  trained_on: 2026-01-01
  renew_by: 2027-01-01
address:
  street: 1 Test Road
  postcode:   po1 2dx
location:
  lat: 50.79731
  lon: -1.09125
"""


def marked_venue(tmp_path):
    folder = tmp_path / "venues"
    folder.mkdir(parents=True)
    (folder / "marked.yaml").write_text(VENUE, encoding="utf-8")
    catalogue = read_catalogue(folder, tmp_path, BUILD_DAY)
    assert catalogue.problems == []
    [venue] = catalogue.venues
    return folder, venue


def test_a_loaded_venue_knows_the_line_and_column_of_each_key_and_value(tmp_path):
    _, venue = marked_venue(tmp_path)
    assert venue.line == 3  # the first key, for messages about the whole venue
    assert venue.key_at("location") == (13, 1)
    assert venue.key_at("address") == (10, 1)
    assert venue.key_at("address", "postcode") == (12, 3)
    assert venue.value_at("address", "postcode") == (12, 15)  # where "po1 2dx" starts, though it is kept as PO1 2DX
    assert venue.value_at("offers", 1) == (5, 22)  # wifi


def test_a_field_the_file_does_not_have_falls_back_to_the_first_line(tmp_path):
    _, venue = marked_venue(tmp_path)
    assert venue.key_at("opening_hours") == (3, 1)
    assert venue.value_at("contact", "phone") == (3, 1)


def test_the_marks_are_those_of_the_file_as_loaded_not_as_it_is_now(tmp_path):
    folder, venue = marked_venue(tmp_path)
    (folder / "marked.yaml").write_text("\n\n\n" + VENUE, encoding="utf-8")
    assert venue.key_at("location") == (13, 1)
    (folder / "marked.yaml").unlink()
    assert venue.value_at("address", "postcode") == (12, 15)

