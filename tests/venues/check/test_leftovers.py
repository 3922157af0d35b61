"""Values a coordinator forgot to replace: the template's stand-ins, and contacts made up for examples."""

from __future__ import annotations

import pytest
from venues.check.leftovers import TEMPLATE_PATH, check_leftovers
from venues.check.load import load_text

TEMPLATE = TEMPLATE_PATH.read_text(encoding="utf-8")


def leftovers(text: str) -> list[str]:
    loaded, problems = load_text(text, "venues/test.yaml", "test")
    assert problems == []
    return [f"{problem.line}:{problem.column}: {problem.message}" for problem in check_leftovers(loaded)]


def line_of(text: str) -> int:
    """Return the line of the template that holds a text, counting from 1."""
    return next(number for number, line in enumerate(TEMPLATE.splitlines(), 1) if text in line)


def test_the_template_as_it_is_names_every_stand_in_once():
    # Each stand-in is said once: the template's phone is also a drama number, its email and website example
    # domains, but one mistake gets one message.
    assert leftovers(TEMPLATE) == [
        f'{line_of("name: Name of")}:7: name: "Name of the Venue" is left over from venues/_template.yaml. '
        "Write this venue's own name.",
        f'{line_of("street: 1 Example")}:11: address: street: "1 Example Street" is left over from '
        "venues/_template.yaml. Write this venue's own street.",
        f'{line_of("phone: ")}:10: contact: phone: "01632 960 000" is left over from venues/_template.yaml. '
        "Write this venue's own public phone number, or delete the line.",
        f'{line_of("email: ")}:10: contact: email: "hello@example.org" is left over from venues/_template.yaml. '
        "Write this venue's own public email address, or delete the line.",
        f'{line_of("website: ")}:12: contact: website: "https://example.org" is left over from '
        "venues/_template.yaml. Write this venue's own website, or delete the line.",
        f'{line_of("  reason: ")}:11: location: reason: "Why the entrance is far from its postcode" is left over '
        "from venues/_template.yaml. Write this venue's own reason why the entrance is far from its postcode, "
        "or delete the line.",
        f'{line_of("  en: Ask at")}:7: description: en: the text is left over from venues/_template.yaml. '
        "Write a few sentences about this venue, or delete it.",
        f'{line_of("lat: ")}:8: location: 50.7976, -1.0929 is the map point from venues/_template.yaml, not this '
        "venue's. Write the position of the venue's entrance, or delete the lines location:, lat: and lon: to "
        "let the website find it from the address.",
    ]


def test_leftovers_match_whatever_the_case_and_spacing():
    assert leftovers("name: '  name of  THE venue'\ndescription: ask at the front desk for help.  "
                     "Staff can call someone for you.\n") == [
        "1:7: name: \"  name of  THE venue\" is left over from venues/_template.yaml. Write this venue's own name.",
        "2:14: description: the text is left over from venues/_template.yaml. Write a few sentences about this "
        "venue, or delete it.",
    ]


def test_made_up_contacts_and_links_are_refused_on_any_subdomain_and_case():
    text = ("contact:\n  email: a@mail.Example.COM\n  website: https://www.example.net/x\n  phone: '01632 960 555'\n"
            "description:\n  en: '[us](https://example.com/a) [m](mailto:b@example.org) [j](javascript:x.example.org)'\n")
    assert leftovers(text) == [
        '2:10: contact: email: "a@mail.Example.COM" is a made-up address: example.com is kept for examples. '
        "Write the venue's own public email address, or delete the line.",
        '3:12: contact: website: "https://www.example.net/x" is a made-up address: example.net is kept for '
        "examples. Write the venue's own website, or delete the line.",
        '4:10: contact: phone: "01632 960 555" is a made-up number kept for examples (01632 960...). '
        "Write the venue's own public phone number, or delete the line.",
        '6:7: description: the link "https://example.com/a" is made up: example.com is kept for examples. '
        "Link to the venue's own page or address, or take the link out.",
        '6:7: description: the link "mailto:b@example.org" is made up: example.org is kept for examples. '
        "Link to the venue's own page or address, or take the link out.",
    ]


@pytest.mark.parametrize("text", [
    "name: The Real Café\naddress:\n  street: 3 Real Road\n  town: Portsmouth\n  postcode: PO1 2AB\n",
    "contact:\n  email: hello@notexample.org\n  website: https://example.organic.shop\n  phone: '023 9212 3456'\n",
    "location:\n  lat: 50.7976\n  lon: -1.09\n",
    "opening_hours: 'Mo-Fr 09:00-17:00; Sa 10:00-13:00; PH off'\nkind: community-centre\n",
])
def test_values_a_real_venue_may_share_pass(text):
    assert leftovers(text) == []
