"""Write the city-wide leaflet (leaflet/): every shown venue by postcode district, on A4 sheets that fold to A5."""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass

from ..model import Venue
from ..schedule import open_intervals
from .progress import district

SAVE_AS = "leaflet/index.html"
# Each side of a sheet after the cover holds this many venues: 4 columns of 5 fixed-size boxes (docs/leaflet.md).
VENUES_PER_SIDE = 20
COVER_SIDES = 1  # the first side: front and back cover
SIDES_PER_SHEET = 2
ONE_DAY = datetime.timedelta(days=1)
MONDAY = datetime.date(2026, 11, 30)  # any Monday: the template names weekdays from dates in the reader's language


ALL_DAY = "24h"  # in a run's times: open all day


@dataclass(frozen=True)
class HoursGroup:
    """Days in a row open at the same times: first and last day (None for one day), and the (opens, closes) pairs."""

    first: datetime.date
    last: datetime.date | None
    times: tuple[tuple[str, str], ...]  # (ALL_DAY, "") when open all day

    @property
    def all_day(self) -> bool:
        return self.times == ((ALL_DAY, ""),)


@dataclass(frozen=True)
class Entry:
    """One venue on the leaflet; starts_group when it opens its district's list (or a new side)."""

    venue: Venue
    district: str
    starts_group: bool
    hours: tuple[HoursGroup, ...]


def hours_summary(expression: str | None, today: datetime.date) -> tuple[HoursGroup, ...]:
    """Return a venue's usual week as runs of days with the same hours, Monday first; a night stays on its evening."""
    if not expression:
        return ()
    monday = datetime.datetime.combine(today - datetime.timedelta(days=today.weekday()), datetime.time())
    # From the Sunday before: a night that runs into Monday belongs to that Sunday, not to this week's Monday.
    # A leaflet stays on a counter for months: it shows the usual week, never this week's bank holiday.
    joined = open_intervals(expression, (monday - ONE_DAY).date(), 9, with_holidays=False)
    by_day: dict[int, list[tuple[str, str]]] = {}
    for start, end in joined:
        if end - start >= ONE_DAY:  # open round the clock: every whole day it covers
            day = max(start, monday)
            while day + ONE_DAY <= end and day < monday + 7 * ONE_DAY:
                by_day.setdefault(day.weekday(), []).append((ALL_DAY, ""))
                day += ONE_DAY
        elif monday <= start < monday + 7 * ONE_DAY:
            by_day.setdefault(start.weekday(), []).append((start.strftime("%H:%M"), end.strftime("%H:%M")))
    runs: list[HoursGroup] = []
    for weekday in range(7):
        times = tuple(by_day.get(weekday, ()))
        if not times:
            continue
        day = MONDAY + datetime.timedelta(days=weekday)
        previous = runs[-1] if runs else None
        follows = previous and (previous.last or previous.first) == day - datetime.timedelta(days=1)
        if follows and previous.times == times:
            runs[-1] = HoursGroup(previous.first, day, times)
        else:
            runs.append(HoursGroup(day, None, times))
    return tuple(runs)


def sides(venues: list[Venue], today: datetime.date, per_side: int = VENUES_PER_SIDE) -> list[list[Entry]]:
    """Sort venues by district then name, and cut them into sides of per_side entries."""
    ordered = sorted(venues, key=lambda venue: (_natural(district(venue.address.postcode)), venue.name.casefold()))
    result: list[list[Entry]] = []
    for start in range(0, len(ordered), per_side):
        chunk = ordered[start:start + per_side]
        entries, previous = [], None
        for venue in chunk:
            area = district(venue.address.postcode)
            entries.append(Entry(venue, area, area != previous, hours_summary(venue.opening_hours, today)))
            previous = area
        result.append(entries)
    return result


def sheet_count(venues: int, per_side: int = VENUES_PER_SIDE) -> int:
    """Return the A4 sheets (printed both sides) the leaflet takes: the cover, then one side per per_side venues."""
    printed_sides = COVER_SIDES + math.ceil(venues / per_side)
    return math.ceil(printed_sides / SIDES_PER_SHEET)


def write_leaflet(generator, writer) -> None:
    """Write the leaflet in every language of the site."""
    settings = generator.settings
    per_side = int(settings.get("VENUES_LEAFLET_PER_SIDE") or VENUES_PER_SIDE)
    today = generator.context["today"]
    save_as = settings.get("VENUES_LEAFLET_SAVE_AS", SAVE_AS)
    listed = sides(generator.venues, today, per_side)
    writer.write_file(save_as, generator.get_template("leaflet"), generator.context,
                      relative_urls=settings.get("RELATIVE_URLS", False), leaflet_sides=listed,
                      leaflet_sheets=sheet_count(len(generator.venues), per_side), page_name=save_as.removesuffix(".html"))


def _natural(text: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]
