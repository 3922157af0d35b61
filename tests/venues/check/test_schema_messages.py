"""Schema errors in plain words: the field named as the coordinator reads it, and the fix written out."""

from __future__ import annotations

import pytest
from venues.check.load import load_text
from venues.check.schema_messages import field_name, is_required, schema_messages
from venues.check.validate import _validator

# A valid venue, one top-level field per entry, so a case can replace or add one field.
BASE = {
    "name": "name: Minimal Test Venue\n",
    "kind": "kind: other\n",
    "address": "address:\n  street: 1 Test Road\n  postcode: PO1 2DX\n",
    "offers": "offers: [safe-space]\n",
    "languages": "languages: [en]\n",
    "accreditation": "accreditation:\n  trained_on: 2026-01-01\n  renew_by: 2027-01-01\n",
}


def explain(**fields: str) -> list[tuple[tuple, bool, str]]:
    """Return schema_messages for every schema error in the base venue with some fields written anew."""
    text = "".join({**BASE, **fields}.values())
    loaded, problems = load_text(text, "venues/test.yaml", "test")
    assert problems == []
    return [item for error in _validator().iter_errors(loaded.data) for item in schema_messages(error, loaded)]


def test_the_base_venue_is_valid():
    assert explain() == []


@pytest.mark.parametrize(("path", "words"), [
    ((), "the file"),
    (("name",), "name"),
    (("address", "postcode"), "address: postcode"),
    (("languages", 2), "languages (item 3)"),
    ((0,), "item 1"),
    (("accreditation", "schemes", 0), "accreditation: schemes (item 1)"),
])
def test_field_name(path, words):
    assert field_name(path) == words


@pytest.mark.parametrize(("path", "required"), [
    (("name",), True), (("address", "postcode"), True), (("address", "town"), False),
    (("contact",), False), (("accreditation", "renew_by"), True), (("languages", 0), False), ((), False),
])
def test_is_required_reads_the_schema(path, required):
    assert is_required(path) is required


@pytest.mark.parametrize(("fields", "expected"), [
    ({"status": "status: yes\n"},
     [(("status",), False, 'status: "yes" is not one of the choices. Use one of: active, suspended.')]),
    ({"kind": "kind: libary\n"},
     [(("kind",), False, 'kind: "libary" is not one of the choices. Did you mean "library"? Use one of: ')]),
    ({"phone_number": "phone_number: 1\n"},
     [(("phone_number",), True, '"phone_number" is not a field we know. Fields allowed here: name, kind, address, '
                                "location, offers, languages, opening_hours, accessibility, contact, description, "
                                "accreditation, status, example. Remove it or fix the spelling.")]),
    ({"contact": "contact:\n"},
     [(("contact",), False, 'contact is empty: write its fields on the lines under "contact:", each indented by two '
                            'spaces, or delete the line "contact:".')]),
    ({"example": "example: 'yes'\n"},
     [(("example",), False, 'example: "yes" is in quotes. Write example: true or example: false, without quotes.')]),
    ({"contact": "contact:\n  phone: 02371234567\n"},
     [(("contact", "phone"), False, 'contact: phone: 02371234567 was read as a number, so its leading 0 is lost: '
                                    'put it in quotes, phone: "023 7123 4567".')]),
    ({"languages": "languages: -en\n"},
     [(("languages",), False, 'languages: "-en" is not a list: each "-" needs a space after it. Or put the items '
                              "in square brackets, separated by commas: languages: [en].")]),
    ({"languages": "languages: [en, en]\n"},
     [(("languages",), False, "languages lists the same item twice. Keep each item once.")]),
    ({"languages": "languages: [ar]\n"},
     [(("languages",), False, "languages must include en (English): staff are trained in English.")]),
    ({"address": "address:\n  street: 1 Test Road\n"},
     [(("address",), False, '"postcode" is missing under address. Add it: ')]),
    ({"accreditation": "accreditation:\n  trained_on: 2026-13-01\n  renew_by: 2027-01-01\n"},
     [(("accreditation", "trained_on"), False, 'accreditation: trained_on: "2026-13-01" is not a date. Write it as '
                                               "YYYY-MM-DD, for example 2026-03-14.")]),
    ({"location": "location:\n  lat: 95\n  lon: 1\n"},
     [(("location", "lat"), False, "location: lat: 95 is out of range. ")]),
    ({"description": "description:\n  ar: مرحبا\n"},
     [(("description",), True, 'description: the English text is missing. Add a line "  en: ..." under '
                               '"description:": every description needs English; other languages are optional.')]),
])
def test_each_kind_of_error_is_explained_with_its_fix(fields, expected):
    # A message ending in a space is compared by its start: the schema's own description follows it.
    found = explain(**fields)
    assert len(found) == len(expected)
    for (path, at_key, message), (want_path, want_key, want) in zip(found, expected, strict=True):
        assert (path, at_key) == (want_path, want_key)
        assert message.startswith(want) if want.endswith(" ") else message == want


def test_a_language_key_written_out_is_left_to_the_language_check():
    # "EN:" is English under a wrong key: check_language_codes says to write en, once.
    assert explain(description="description:\n  EN: Hello\n") == []
