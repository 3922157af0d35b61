"""Personal data stays out: a mobile number, a personal email and a named person's checks are warned about."""

from __future__ import annotations

import pytest
from venues.check.catalogue import read_catalogue

from tests.conftest import BUILD_DAY, FIXTURES, ROOT

MINIMAL = (FIXTURES / "venues" / "valid" / "minimal.yaml").read_text(encoding="utf-8")


def warnings(tmp_path, extra: str, kind: str = "other") -> list[str]:
    folder = tmp_path / "venues"
    folder.mkdir()
    (folder / "venue.yaml").write_text(MINIMAL.replace("kind: other", f"kind: {kind}") + extra, encoding="utf-8")
    catalogue = read_catalogue(folder, tmp_path, BUILD_DAY)
    assert [venue.slug for venue in catalogue.venues] == ["venue"]  # warned about, still published
    return [problem.message for problem in catalogue.problems if "personal" in problem.message
            or "mobile" in problem.message or "person's name" in problem.message]


def test_a_mobile_number_as_the_contact_is_a_warning(tmp_path):
    assert warnings(tmp_path, 'contact:\n  phone: "07700 900123"\n') == [
        'contact: phone: "07700 900123" is a mobile number. A mobile is often someone\'s own phone, and everything in '
        "the file is published for anyone to ring: write the venue's public landline, or leave the mobile only if it "
        "is the venue's own public number."]


def test_a_mobile_number_in_a_description_is_a_warning(tmp_path):
    [message] = warnings(tmp_path, "description:\n  en: Ring Sam on +44 7700 900456 any time.\n")
    assert message.startswith('description: en: "+44 7700 900456" is a mobile number.')


@pytest.mark.parametrize(("kind", "warned"), [("community-centre", True), ("library", True), ("cafe", False),
                                              ("shop", False)])
def test_a_personal_email_is_a_warning_unless_the_venue_is_a_persons_business(tmp_path, kind, warned):
    found = warnings(tmp_path, "contact:\n  email: jane.smith@gmail.com\n", kind)
    assert found == ([
        'contact: email: "jane.smith@gmail.com" is a personal email address (gmail.com), often someone\'s own inbox: '
        "write the venue's public address (for example enquiries@ the venue's own website), or leave it only if the "
        "venue itself uses it."] if warned else [])


@pytest.mark.parametrize("text", ["Jane Smith has a DBS certificate.", "Ask for Mr Patel, our trained volunteer.",
                                  "Volunteer coordinator: Amira Haddad."])
def test_a_persons_name_next_to_dbs_volunteer_or_trained_is_a_warning(tmp_path, text):
    [message] = warnings(tmp_path, f'description:\n  en: "{text}"\n')
    assert "looks like a person's name next to" in message and 'write "trained staff"' in message


@pytest.mark.parametrize("text", ["Our volunteers are trained every year by Portsmouth City of Sanctuary.",
                                  "Staff at the Central Library are DBS checked.", "Trained staff on Monday Evenings."])
def test_words_that_are_not_a_persons_name_are_not_warned_about(tmp_path, text):
    assert warnings(tmp_path, f'description:\n  en: "{text}"\n') == []


def test_the_example_venues_publish_no_personal_data():
    catalogue = read_catalogue(ROOT / "venues", ROOT, BUILD_DAY)
    assert [problem for problem in catalogue.problems if problem.severity == "warning"] == []
