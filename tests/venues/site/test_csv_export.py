"""venues.csv: a spreadsheet never runs a coordinator's text as a formula."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest
from venues.check.catalogue import read_catalogue
from venues.site.csv_export import as_text, venues_csv
from venues.site.present import present

from tests.conftest import BUILD_DAY, ROOT


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"https://bad.example\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(cell):
    assert as_text(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "Corner Cup Café", "St Mary's", "'quoted'", "PO1 2AY", "12 Sample Street"])
def test_ordinary_text_is_unchanged(cell):
    assert as_text(cell) == cell


def test_free_text_columns_are_guarded_and_checked_fields_kept_as_written():
    venue = next(venue for venue in read_catalogue(ROOT / "venues", ROOT, BUILD_DAY).venues
                 if venue.slug == "example-college-hub")
    venue = dataclasses.replace(venue, name="=1+1", description={"en": "@cmd", "ar": "-عربي"})
    page = present(venue, BUILD_DAY, "", position=venue.location)
    row = next(csv.DictReader(io.StringIO(venues_csv([page], "", ("en", "ar")), newline="")))
    assert (row["name"], row["description_en"], row["description_ar"]) == ("'=1+1", "'@cmd", "'-عربي")
    # A phone number is checked by the venue checks and starts with + or 0: it is data, not a formula.
    assert row["phone"] == venue.contact.get("phone", "")
