"""Prepare the links and tables that the theme shows for a venue, in any language."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from translations.context import date_in_words
from translations.context import language_name as name_in

from .hours import WEEK_SCHEDULE_DAYS, hours_rows, week_rows
from .model import Venue
from .schedule import SCHEDULE_DAYS, build_schedule
from .text import safe_html, tel_href


@dataclass(frozen=True)
class Directions:
    """Links that open a venue's position in a maps app, or walking directions to it on OpenStreetMap's website.

    The https link works on Android and on an iPhone alike (geo: does nothing useful on iOS); the privacy page
    names the site it opens.
    """

    geo: str
    osm: str


@dataclass(frozen=True)
class LanguageName:
    """A language named in itself and in English, for coordinators' reports."""

    code: str
    own_name: str
    name: str


def language_name(code: str, reader_locale: str = "en") -> LanguageName:
    """Name a language by its own name (from CLDR) and in the reader's language."""
    return LanguageName(code, name_in(code, code.replace("-", "_")), name_in(code, reader_locale))


def format_date(date: datetime.date, locale: str = "en_GB") -> str:
    """Write a date in words, e.g. 3 March 2026 (the site's pages use the reader's locale instead)."""
    return date_in_words(date, locale)


def directions(lat: float, lon: float) -> Directions:
    """Return directions links to a point."""
    return Directions(
        geo=f"geo:{lat:.6f},{lon:.6f}",
        # An empty start, so OpenStreetMap asks where from; its walking router, as most readers walk or take a bus.
        osm=f"https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=%3B{lat:.6f}%2C{lon:.6f}",
    )


def present(venue: Venue, today: datetime.date, report_url: str, schedule_days: int = SCHEDULE_DAYS) -> Venue:
    """Add to a venue what its pages show: safe description, week of hours, schedule for "open now", links."""
    venue.description_html = {language: safe_html(text) for language, text in venue.description.items()}
    venue.schedule = build_schedule(venue.opening_hours, today, schedule_days)
    # The week's table reads the same schedule when it is long enough, rather than working it out twice.
    long_enough = schedule_days >= WEEK_SCHEDULE_DAYS
    venue.hours = week_rows(venue.schedule) if long_enough else hours_rows(venue.opening_hours, today)
    venue.directions = directions(venue.position.lat, venue.position.lon) if venue.position else None
    venue.report_url = report_url.format(slug=venue.slug)
    venue.phone_href = tel_href(venue.contact["phone"]) if venue.contact.get("phone") else None
    return venue
