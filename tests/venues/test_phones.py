"""Phone numbers (venues.phones): a wrong length refused, one in no range in use warned about, tel: links, mobiles found."""

from __future__ import annotations

import pytest
from venues.check.catalogue import read_catalogue
from venues.check.load import load_text
from venues.check.validate import check_rules, check_schema
from venues.phones import is_drama_phone, mobiles_in, spaced_phone, tel_href

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


@pytest.mark.parametrize(("written", "href"), [
    ("01632 960 000", "tel:+441632960000"),  # a UK number written the usual way rings from a foreign SIM too
    ("+44 1632 960 000", "tel:+441632960000"),
    ("0044 1632 960000", "tel:+441632960000"),
    ("023 9268 8000", "tel:+442392688000"),
    ("07700 900123", "tel:+447700900123"),
    ("+33 1 23 45 67 89", "tel:+33123456789"),  # a number with another country code keeps it
])
def test_tel_href_is_international(written, href):
    assert tel_href(written) == href


@pytest.mark.parametrize(("written", "href"), [
    ("+999 123456", "tel:+999123456"),  # no such country code: nothing to turn it into
    ("023 92", "tel:02392"),  # too short to be a number: validation refuses it
])
def test_tel_href_keeps_the_digits_of_what_is_not_a_number(written, href):
    assert tel_href(written) == href


@pytest.mark.parametrize(("typed", "spaced"), [
    ("02392688000", "023 9268 8000"),
    ("+442392688000", "+44 23 9268 8000"),
    ("023 92", "023 92"),  # cut short: no usual spacing, given back as typed
])
def test_a_number_is_spaced_the_usual_way(typed, spaced):
    assert spaced_phone(typed) == spaced


def test_mobiles_are_found_in_text_as_written_and_landlines_are_not():
    assert list(mobiles_in("Ring Sam on 07700 900123, or the desk on 023 9268 8000.")) == ["07700 900123"]
    assert list(mobiles_in("The desk: 023 9268 8000.")) == []


@pytest.mark.parametrize("written", ["Room 7123", "Benchmark Venue 7995 (example)", "7995 Benchmark Road",
                                     "Open 7 days", "Bus 700 stops outside"])
def test_a_short_number_starting_with_7_is_not_a_mobile(written):
    assert list(mobiles_in(written)) == []


@pytest.mark.parametrize("written", ["07700 900123", "07700900123", "+44 7700 900123", "7700 900123", "0770 090 0123"])
def test_a_mobile_is_found_however_it_is_spaced(written):
    assert list(mobiles_in(f"Ring {written} today")) == [written]


@pytest.mark.parametrize(("written", "drama"), [
    ("01632 960 123", True), ("+44 1632 960123", True), ("01632 961 123", False), ("023 9268 8000", False)])
def test_drama_numbers_are_known_however_written(written, drama):
    assert is_drama_phone(written) is drama
