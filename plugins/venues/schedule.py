"""Turn OpenStreetMap opening hours into open intervals, with England's public holidays."""

from __future__ import annotations

import datetime
import functools
import logging
import re
from dataclasses import dataclass

import holidays
import opening_hours

log = logging.getLogger(__name__)

# Days of hours each page carries for "open now"; VENUES_SCHEDULE_DAYS in the settings overrides it.
# The published site is rebuilt daily, so this never runs out in practice.
SCHEDULE_DAYS = 60
ONE_DAY = datetime.timedelta(days=1)
MINUTES_A_DAY = 24 * 60
WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_WEEKDAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
# "PH", "PH +1 day", or "PH Mo-Fr" (a holiday that is also one of those weekdays).
_HOLIDAY = re.compile(
    r"\bPH\b(?:\s*(?P<sign>[+-])\s*(?P<count>\d+)\s*days?\b)?"
    rf"(?:\s+(?P<weekdays>{_WEEKDAY}[^\s;,]*(?:,{_WEEKDAY}[^\s;,]*)*))?"
)


@dataclass(frozen=True)
class Schedule:
    """Open intervals in minutes from midnight at the start (London wall-clock time), for `days` days."""

    start: datetime.date
    days: int
    intervals: tuple[tuple[int, int], ...]

    @property
    def until(self) -> datetime.date:
        """Return the last day the schedule knows."""
        return self.start + datetime.timedelta(days=self.days - 1)

    # Cached: a venue's schedule is read by every card and page in nine languages (82,000 times at 1,000 venues).
    @functools.cached_property
    def encoded(self) -> str:
        """Return the intervals for a data attribute: first start, then lengths of openings and gaps in turn."""
        numbers, last = [], 0
        for start, end in self.intervals:
            numbers += [start - last, end - start]
            last = end
        return " ".join(map(str, numbers))

    @functools.cached_property
    def times(self) -> list[datetime.time]:
        """Return every time of day an opening starts or ends, for the page to name in its language."""
        minutes = {minute % MINUTES_A_DAY for interval in self.intervals for minute in interval}
        return [datetime.time(minute // 60, minute % 60) for minute in sorted(minutes)]

    def first_days(self, days: int) -> Schedule:
        """Return the schedule of its first `days` days only (all of it when it is no longer)."""
        if days >= self.days:
            return self
        end = days * MINUTES_A_DAY
        return Schedule(self.start, days, tuple((start, min(stop, end)) for start, stop in self.intervals if start < end))

    def is_open(self, moment: datetime.datetime) -> bool | None:
        """Say whether the venue is open at a London wall-clock moment; None outside the schedule."""
        minute = self.minute(moment)
        if not 0 <= minute < self.days * MINUTES_A_DAY:
            return None
        return any(start <= minute < end for start, end in self.intervals)

    def minute(self, moment: datetime.datetime) -> int:
        """Return a wall-clock moment as minutes from the start."""
        return (moment.date() - self.start).days * MINUTES_A_DAY + moment.hour * 60 + moment.minute

    def moments(self) -> list[tuple[datetime.datetime, datetime.datetime]]:
        """Return the intervals as wall-clock datetimes."""
        midnight = datetime.datetime.combine(self.start, datetime.time())
        return [(midnight + datetime.timedelta(minutes=start), midnight + datetime.timedelta(minutes=end))
                for start, end in self.intervals]


def build_schedule(expression: str | None, start: datetime.date, days: int = SCHEDULE_DAYS) -> Schedule | None:
    """Return the schedule of an opening_hours expression from start, or None when the hours are not known."""
    if not expression:
        return None
    midnight = datetime.datetime.combine(start, datetime.time())
    intervals = [(_minutes(open_from - midnight), _minutes(open_to - midnight))
                 for open_from, open_to in open_intervals(expression, start, days)]
    return Schedule(start, days, tuple(intervals))


def open_intervals(expression: str, start: datetime.date, days: int,
                   with_holidays: bool = True) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """Return the open intervals (wall-clock, naive) of the days from start, joined where they touch."""
    # Without holidays, PH matches no day: the usual week, as a printed leaflet shows it for months.
    mentions_holidays = with_holidays and bool(_HOLIDAY.search(_outside_comments(expression)))
    # England's calendar is read only for hours that name holidays (the leaflet's usual week never does).
    england = (england_holidays(start - datetime.timedelta(days=8), start + datetime.timedelta(days=days))
               if mentions_holidays else set())
    joined: list[list[datetime.datetime]] = []
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        # A day's hours come from its own rules and the night before's running past midnight, so
        # the expression is read as England's holidays stand on these two days.
        rules = _parsed(_as_in_england(expression, day, england) if mentions_holidays else expression)
        begin = datetime.datetime.combine(day, datetime.time())
        for open_from, open_to, state, _comment in rules.intervals(begin, begin + ONE_DAY):
            if state != opening_hours.State.OPEN:
                continue
            if joined and joined[-1][1] == open_from:
                joined[-1][1] = open_to
            else:
                joined.append([open_from, open_to])
    return [(open_from, open_to) for open_from, open_to in joined]


def england_holidays(first: datetime.date, last: datetime.date) -> set[datetime.date]:
    """Return England's bank holidays (with substitute days) between two dates, both included."""
    return {day for day in holidays.country_holidays("GB", subdiv="ENG", years=range(first.year, last.year + 1))
            if first <= day <= last}


def _as_in_england(expression: str, day: datetime.date, england: set[datetime.date]) -> str:
    """Rewrite each PH selector as the weekdays it matches on this day and the day before, in England."""
    # opening-hours-py's GB calendar lacks England's Easter Monday and August bank holiday, and takes
    # no calendar of ours. Seen from one day and the night before, the days a PH selector matches are
    # two distinct weekdays, which the expression can name instead.
    window = (day - ONE_DAY, day)

    def weekdays(match: re.Match) -> str:
        shift = int(match["count"] or 0) * (-1 if match["sign"] == "-" else 1)
        matched = [each for each in window if each - datetime.timedelta(days=shift) in england]
        if match["weekdays"]:  # "PH Mo-Fr": a holiday that is also one of these weekdays
            matched = [each for each in matched if _on_weekdays(match["weekdays"], each)]
        # The day after is a weekday neither day has: a selector that matches no day of the window.
        return ",".join(WEEKDAYS[each.weekday()] for each in matched) or WEEKDAYS[(day + ONE_DAY).weekday()]

    parts = re.split(r'("[^"]*")', expression)
    return "".join(part if index % 2 else _HOLIDAY.sub(weekdays, part) for index, part in enumerate(parts))


def _on_weekdays(weekdays: str, day: datetime.date) -> bool:
    """Say whether a weekday selector such as "Mo-Fr" or "Su[1]" matches a day."""
    return _parsed(weekdays).is_open(datetime.datetime.combine(day, datetime.time(12)))


def _outside_comments(expression: str) -> str:
    """Return the expression without its quoted comments."""
    return re.sub(r'"[^"]*"', "", expression)


@functools.lru_cache(maxsize=512)
def _parsed(expression: str) -> opening_hours.OpeningHours:
    """Parse an expression with no country: PH matches no day unless rewritten for England."""
    return opening_hours.OpeningHours(expression)


def _minutes(span: datetime.timedelta) -> int:
    return int(span.total_seconds()) // 60
