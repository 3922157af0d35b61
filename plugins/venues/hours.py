"""Turn OpenStreetMap opening hours into rows a person can read."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import opening_hours
from babel.dates import format_date, format_time

DAYS_SHOWN = 7


@dataclass(frozen=True)
class HoursRow:
    """One day of opening hours, in words."""

    date: datetime.date
    day: str  # e.g. "Monday 30 November"
    text: str  # e.g. "09:00 to 17:00" or "Closed"
    is_open: bool


def hours_rows(expression: str | None, start: datetime.date, locale: str = "en_GB") -> list[HoursRow] | None:
    """Return one row per day for a week from start, or None when the hours are not known."""
    if not expression:
        return None
    schedule = opening_hours.OpeningHours(expression, country="GB")
    begin = datetime.datetime.combine(start, datetime.time())
    end = begin + datetime.timedelta(days=DAYS_SHOWN)
    opened_by_day: dict[datetime.date, list[str]] = {}
    previous_end = None
    for interval_start, interval_end, state, _comment in schedule.intervals(begin, end + datetime.timedelta(days=1)):
        if state != opening_hours.State.OPEN:
            previous_end = None
            continue
        if previous_end == interval_start:
            continue  # the night before's opening runs on past midnight: already written on that day
        previous_end = interval_end
        for day, text in _describe(interval_start, interval_end, locale):
            opened_by_day.setdefault(day, []).append(text)
    rows = []
    for offset in range(DAYS_SHOWN):
        day = start + datetime.timedelta(days=offset)
        texts = opened_by_day.get(day)
        rows.append(HoursRow(day, format_date(day, "EEEE d MMMM", locale=locale),
                             ", ".join(texts) if texts else "Closed", bool(texts)))
    return rows


def _describe(start: datetime.datetime, end: datetime.datetime, locale: str):
    """Yield (day, words) for one open interval; a night past midnight stays on the day it began."""
    one_day = datetime.timedelta(days=1)
    if end - start < one_day:
        text = f"{_time(start, locale)} to {_time(end, locale)}"
        if end.date() > start.date() and end.time() != datetime.time():
            text += " (next day)"
        yield start.date(), text
        return
    day_start = datetime.datetime.combine(start.date(), datetime.time())
    while day_start < end:
        piece_start, piece_end = max(start, day_start), min(end, day_start + one_day)
        if piece_end - piece_start == one_day:
            yield day_start.date(), "Open 24 hours"
        else:
            yield day_start.date(), f"{_time(piece_start, locale)} to {_time(piece_end, locale)}"
        day_start += one_day


def _time(moment: datetime.datetime, locale: str) -> str:
    if moment.time() == datetime.time():
        return "midnight"
    return format_time(moment.time(), "HH:mm", locale=locale)
