"""A training after the day the site is built as of (VENUES_TODAY) is refused by the build and by make validate."""

from __future__ import annotations

import datetime

import pytest
from venues.site.generator import VenueErrors
from venues.tools.cli import main

from tests.conftest import FIXTURES, build_site, only_languages

MINIMAL = FIXTURES / "venues" / "valid" / "minimal.yaml"
IN_THE_FUTURE = ("venues/december-venue.yaml:9:15: accreditation: trained_on (2026-12-01) is in the future: write the "
                 "day the training took place, as YYYY-MM-DD. Add a venue only once its training is done.")


@pytest.fixture
def folder(tmp_path):
    """A venues folder with one venue trained on 2026-12-01."""
    venues = tmp_path / "venues"
    venues.mkdir()
    text = MINIMAL.read_text(encoding="utf-8").replace("Minimal Test Venue", "December Venue")
    text = text.replace("trained_on: 2026-01-01", "trained_on: 2026-12-01").replace("renew_by: 2027-01-01",
                                                                                     "renew_by: 2027-12-01")
    (venues / "december-venue.yaml").write_text(text, encoding="utf-8")
    return venues


def test_a_build_before_the_training_day_stops_on_it(folder, tmp_path):
    with pytest.raises(VenueErrors) as stopped:
        build_site(tmp_path / "site", folder, VENUES_TODAY=datetime.date(2026, 11, 27))
    assert IN_THE_FUTURE in str(stopped.value)


def test_a_build_after_the_training_day_publishes_the_venue(folder, tmp_path):
    site = build_site(tmp_path / "site", folder, VENUES_TODAY=datetime.date(2026, 12, 2), **only_languages("en", "ar"))
    assert "December Venue" in (site / "venues" / "december-venue" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("day", "code", "out"), [("2026-11-27", 1, [IN_THE_FUTURE]), ("2026-12-02", 0, [])])
def test_make_validate_checks_as_of_the_day_given(folder, capsys, day, code, out):
    assert main([str(folder), "--date", day]) == code
    assert capsys.readouterr().out.splitlines() == out
