"""Links in a venue's description: found in the Markdown as rendered, and which kinds are allowed."""

from __future__ import annotations

import pytest
from venues.check.links import ALLOWED_LINK, description_links


def test_links_are_found_in_each_language_with_their_path():
    data = {"description": {
        "en": "[Call us](tel:+441632960123) or [write](mailto:test@example.org).",
        "ar": "<https://example.org/ar>",
    }}
    assert description_links(data) == [
        (("description", "en"), "tel:+441632960123"),
        (("description", "en"), "mailto:test@example.org"),
        (("description", "ar"), "https://example.org/ar"),
    ]


def test_a_plain_text_description_has_a_one_part_path():
    assert description_links({"description": "See ![map](http://example.org/map.png)"}) == [
        (("description",), "http://example.org/map.png"),
    ]


@pytest.mark.parametrize("data", [{}, {"description": None}, {"description": {"en": 42}}, {"description": "No link."}])
def test_no_text_or_no_link_gives_nothing(data):
    assert description_links(data) == []


@pytest.mark.parametrize(("link", "allowed"), [
    ("https://example.org", True),
    ("HTTP://example.org", True),
    ("tel:+441632960123", True),
    ("mailto:a@example.org", True),
    ("javascript:alert(1)", False),
    ("data:text/html,hi", False),
    ("ftp://example.org", False),
    ("//example.org", False),
])
def test_only_web_phone_and_email_links_are_allowed(link, allowed):
    assert bool(ALLOWED_LINK.match(link)) is allowed
