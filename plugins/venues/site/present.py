"""Present a venue for the theme: its page object, with the links and tables its pages show in any language."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from translations.context import date_in_words
from translations.context import language_name as name_in

from ..model import Position, Venue
from ..phones import tel_href
from ..schedule import SCHEDULE_DAYS, Schedule, build_schedule
from ..text import safe_html
from .hours import WEEK_SCHEDULE_DAYS, HoursRow, hours_rows, week_rows


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


# Walking directions on OpenStreetMap's website to a point ({lat}, {lon}): an empty start, so OpenStreetMap asks
# where from; its walking router, as most readers walk or take a bus.
OSM_DIRECTIONS = "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=%3B{lat}%2C{lon}"


def directions(lat: float, lon: float) -> Directions:
    """Return directions links to a point."""
    return Directions(geo=f"geo:{lat:.6f},{lon:.6f}", osm=OSM_DIRECTIONS.format(lat=f"{lat:.6f}", lon=f"{lon:.6f}"))


@dataclass(frozen=True)
class VenuePage:
    """What the theme shows of one venue: the venue as its file says, and what its pages add to it.

    The venue itself is never changed. Templates read the file's facts through the page as well
    (`venue.name`, `venue.address`), so a template needs one object whichever it shows.
    """

    venue: Venue
    url: str  # from the language's root, by VENUES_URL
    position: Position | None  # where the map puts it, from geocoding (the file's location:, the cache, ...)
    description_html: dict[str, str]  # language code -> safe HTML
    schedule: Schedule | None  # open intervals for "open now"; None when the hours are not known
    hours: list[HoursRow] | None  # the week's table; None when the hours are not known
    directions: Directions | None
    report_url: str
    phone_href: str | None

    def __getattr__(self, name: str):
        # Only reached for names the page does not have itself: the file's facts.
        if name.startswith("__") or name == "venue":
            raise AttributeError(name)
        return getattr(self.venue, name)


def present(venue: Venue, today: datetime.date, report_url: str, schedule_days: int = SCHEDULE_DAYS,
            url: str | None = None, position: Position | None = None) -> VenuePage:
    """Return a venue's page object: its position, safe description, week of hours, schedule for "open now", links."""
    schedule = build_schedule(venue.opening_hours, today, schedule_days)
    # The week's table reads the same schedule when it is long enough, rather than working it out twice.
    long_enough = schedule_days >= WEEK_SCHEDULE_DAYS
    return VenuePage(
        venue=venue,
        url=venue.url if url is None else url,
        position=position,
        description_html={language: safe_html(text) for language, text in venue.description.items()},
        schedule=schedule,
        hours=week_rows(schedule) if long_enough else hours_rows(venue.opening_hours, today),
        directions=directions(position.lat, position.lon) if position else None,
        report_url=report_url.format(slug=venue.slug),
        phone_href=tel_href(venue.contact["phone"]) if venue.contact.get("phone") else None,
    )
