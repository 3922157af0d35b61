"""Turn a schedule of opening hours into a week of openings, day by day."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..schedule import Schedule, build_schedule

DAYS_SHOWN = 7
WEEK_SCHEDULE_DAYS = DAYS_SHOWN + 1  # and the day after: the last night may run on past midnight
ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Opening:
    """One opening within a day; the theme writes it in the reader's language."""

    start: datetime.time
    end: datetime.time  # 00:00 means midnight at the end of the day
    next_day: bool = False  # ends after midnight, on the next day
    all_day: bool = False


@dataclass(frozen=True)
class HoursRow:
    """One day and its openings (none means closed)."""

    date: datetime.date
    openings: tuple[Opening, ...]

    @property
    def is_open(self) -> bool:
        return bool(self.openings)


def hours_rows(expression: str | None, start: datetime.date) -> list[HoursRow] | None:
    """Return one row per day for a week from start, or None when the hours are not known."""
    return week_rows(build_schedule(expression, start, WEEK_SCHEDULE_DAYS))


def week_rows(schedule: Schedule | None) -> list[HoursRow] | None:
    """Return one row per day for the first week of a schedule, or None when the hours are not known."""
    if schedule is None:
        return None
    if schedule.days < WEEK_SCHEDULE_DAYS:
        raise ValueError(f"hours: a schedule of {schedule.days} days cannot fill a week and its last night")
    start = schedule.start
    by_day: dict[datetime.date, list[Opening]] = {}
    # The same intervals as the schedule, so the table and the status computed in the browser agree.
    for interval_start, interval_end in schedule.moments():
        if interval_start.date() >= start + datetime.timedelta(days=DAYS_SHOWN):
            break
        for day, opening in _openings(interval_start, interval_end):
            by_day.setdefault(day, []).append(opening)
    return [HoursRow(day, tuple(by_day.get(day, ())))
            for day in (start + datetime.timedelta(days=offset) for offset in range(DAYS_SHOWN))]


def _openings(start: datetime.datetime, end: datetime.datetime):
    """Yield (day, opening) for one open interval; a night past midnight stays on the day it began."""
    if end - start < ONE_DAY:
        past_midnight = end.date() > start.date() and end.time() != datetime.time()
        yield start.date(), Opening(start.time(), end.time(), next_day=past_midnight)
        return
    day_start = datetime.datetime.combine(start.date(), datetime.time())
    while day_start < end:
        piece_start, piece_end = max(start, day_start), min(end, day_start + ONE_DAY)
        yield day_start.date(), Opening(piece_start.time(), piece_end.time(), all_day=piece_end - piece_start == ONE_DAY)
        day_start += ONE_DAY
