"""Venue phone numbers: a number of the wrong length is refused, one in no range in use is a warning."""

from __future__ import annotations

import pytest
from venues.catalogue import read_catalogue
from venues.load import load_text
from venues.validate import check_rules, check_schema

from tests.conftest import BUILD_DAY, FIXTURES, ROOT

MINIMAL = (FIXTURES / "venues" / "valid" / "minimal.yaml").read_text(encoding="utf-8")


def problems_with_phone(phone: str, example: bool = False):
    text = MINIMAL + f'contact:\n  phone: "{phone}"\n' + ("example: true\n" if example else "")
    loaded, problems = load_text(text, "venues/x.yaml", "x")
    assert problems == []
    return [(problem.severity, problem.message) for problem in check_schema(loaded) + check_rules(loaded, BUILD_DAY)]


@pytest.mark.parametrize(("phone", "fix"), [
    ("023 92", "is too short for a UK phone number: write all of it, with the area code"),
    ("12", "is too short for a UK phone number: write all of it, with the area code"),
    ("960 123", "is too short for a UK phone number: write all of it, with the area code"),  # dials only locally
    ("+33 1 23", "is too short for a phone number: write all of it, with the area code"),
    # phonenumbers cannot read these at all: the country code written still tells which country they are in.
    ("+44 1", "is too short for a UK phone number: write all of it, with the area code"),
    ("0044 1", "is too short for a UK phone number: write all of it, with the area code"),
    ("00 33 1", "is too short for a phone number: write all of it, with the area code"),
    ("+44 1234 567 890 123 456 789", "is too long for a UK phone number: check for a digit typed twice, "
                                     "and write one number only"),
    ("01632 960 1234", "is too long for a UK phone number: check for a digit typed twice, and write one number only"),
])
def test_a_number_of_the_wrong_length_is_an_error_with_a_drama_number_as_example(phone, fix):
    assert problems_with_phone(phone) == [("error", f'contact: phone: "{phone}" {fix}, for example "01632 960 123".')]


@pytest.mark.parametrize("phone", ["023 9200", "029 9268 8000", "1234567"])
def test_a_number_in_no_range_in_use_is_a_warning(phone):
    assert problems_with_phone(phone) == [
        ("warning", f'contact: phone: "{phone}" is not a phone number in use in the UK: check each digit, '
                    "and that you wrote all of it with the area code.")]


@pytest.mark.parametrize("phone", ["0800 1111", "0808 801 0503", "+33 1 23 45 67 89"])
def test_a_number_in_use_passes(phone):
    assert problems_with_phone(phone) == []


@pytest.mark.parametrize("phone", ["01632 960 001", "+44 1632 960 999", "0044 1632 960123", "+44 01632 960 500"])
def test_a_drama_number_is_fine_on_an_example_venue_and_refused_once_on_a_real_one(phone):
    assert problems_with_phone(phone, example=True) == []
    assert problems_with_phone(phone) == [
        ("error", f'contact: phone: "{phone}" is a made-up number kept for examples (01632 960...). '
                  "Write the venue's own public phone number, or delete the line.")]


def test_the_example_venues_with_drama_numbers_have_no_problem_not_even_a_warning():
    catalogue = read_catalogue(ROOT / "venues", ROOT, BUILD_DAY)
    assert [str(problem) for problem in catalogue.problems] == []
    assert sum(1 for venue in catalogue.venues if venue.contact.get("phone")) >= 5
