"""A venue's page object: safe description, hours, links, and the venue itself left as its file says."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from venues.check.catalogue import read_catalogue
from venues.model import Position
from venues.schedule import build_schedule
from venues.site.hours import hours_rows
from venues.site.present import VenuePage, directions, format_date, language_name, present

from tests.conftest import BUILD_DAY, FIXTURES, ROOT

REPORT_URL = "https://github.com/example/sanctuary/issues/new?title={slug}"


def fixture_venue(slug: str):
    return next(v for v in read_catalogue(FIXTURES / "venues" / "valid", FIXTURES, BUILD_DAY).venues if v.slug == slug)


def example_venue(slug: str):
    return next(venue for venue in read_catalogue(ROOT / "venues").venues if venue.slug == slug)


def test_language_is_named_in_itself():
    assert language_name("ar").own_name == "العربية"
    assert language_name("uk").own_name == "Українська"
    assert language_name("fa").name == "Persian"
    assert language_name("fa", "ar").name == "الفارسية"


def test_directions_links():
    links = directions(50.8, -1.09)
    assert links.geo == "geo:50.800000,-1.090000"
    assert links.osm == "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=%3B50.800000%2C-1.090000"


def test_format_date_writes_the_day_in_words():
    assert format_date(datetime.date(2026, 3, 3)) == "3 March 2026"


def test_the_page_adds_links_and_safe_text_and_leaves_the_venue_alone():
    venue = fixture_venue("full")
    before = dataclasses.replace(venue)
    page = present(venue, BUILD_DAY, REPORT_URL, position=Position(50.7808, -1.0893, "file"))
    assert isinstance(page, VenuePage) and page.venue is venue and venue == before
    assert page.position == Position(50.7808, -1.0893, "file") and not hasattr(venue, "position")
    assert page.report_url == "https://github.com/example/sanctuary/issues/new?title=full"
    assert page.phone_href == "tel:+441632960123"
    assert page.directions == directions(50.7808, -1.0893)
    assert page.description_html["en"] == (
        '<p>Welcome. <a href="tel:+441632960123" rel="noopener noreferrer">Call us</a> or '
        '<a href="mailto:test@example.org" rel="noopener noreferrer">write</a>.</p>')
    assert page.description_html["ar"] == "<p>مرحبا</p>"
    # The file's facts read through the page, so a template needs one object.
    assert (page.name, page.slug, page.address) == (venue.name, venue.slug, venue.address)


def test_a_description_cannot_smuggle_a_script():
    venue = dataclasses.replace(fixture_venue("minimal"),
                                description={"en": '<script>alert(1)</script>[x](javascript:alert(1)) <b onclick="x">hi</b>'})
    html = present(venue, BUILD_DAY, "").description_html["en"]
    assert "<script" not in html and "javascript:" not in html and "onclick" not in html


def test_a_venue_with_no_position_or_phone_has_no_directions_or_phone_link():
    venue = fixture_venue("minimal")
    assert not venue.contact.get("phone")
    page = present(venue, BUILD_DAY, "")
    assert page.position is None and page.directions is None and page.phone_href is None


def test_a_name_neither_page_nor_venue_has_is_an_attribute_error():
    page = present(fixture_venue("minimal"), BUILD_DAY, "")
    with pytest.raises(AttributeError):
        page.no_such_field  # noqa: B018
    assert not hasattr(page, "__html__")


@pytest.mark.parametrize("days", [60, 14, 3])
def test_present_ships_the_schedule_for_the_days_asked_and_always_a_full_week(days):
    venue = present(example_venue("example-night-pharmacy"), BUILD_DAY, "", schedule_days=days)
    assert (venue.schedule.start, venue.schedule.days) == (BUILD_DAY, days)
    assert venue.schedule == build_schedule(venue.opening_hours, BUILD_DAY, days)
    assert venue.hours == hours_rows(venue.opening_hours, BUILD_DAY)
    assert len(venue.hours) == 7


def test_present_gives_no_schedule_when_the_hours_are_not_known():
    venue = present(example_venue("example-family-centre"), BUILD_DAY, "")
    assert venue.opening_hours is None
    assert venue.schedule is None and venue.hours is None
