"""The leaflet's usual week per venue, and how many sheets it takes."""

from __future__ import annotations

import datetime

import pytest
from venues.site.leaflet import ALL_DAY, MONDAY, hours_summary, sheet_count

WEDNESDAY = datetime.date(2026, 12, 9)
# Monday 28 December 2026 is a bank holiday in England (Boxing Day falls on a Saturday).
BANK_HOLIDAY_WEEK = datetime.date(2026, 12, 30)


def day(weekday: int) -> datetime.date:
    """Return the leaflet's date for a weekday (0 is Monday): it names weekdays, not this week's dates."""
    return MONDAY + datetime.timedelta(days=weekday)


def summary(expression: str, today: datetime.date = WEDNESDAY) -> list[tuple]:
    return [(group.first, group.last, group.times) for group in hours_summary(expression, today)]


def test_days_with_the_same_hours_are_one_run():
    assert summary("Mo-Fr 09:00-17:00; Sa 10:00-13:00") == [
        (day(0), day(4), (("09:00", "17:00"),)),
        (day(5), None, (("10:00", "13:00"),)),
    ]


def test_a_night_stays_on_its_evening():
    # Open Friday 18:00 to Saturday 02:00: the leaflet says Friday, not Friday and Saturday.
    assert summary("Fr 18:00-02:00") == [(day(4), None, (("18:00", "02:00"),))]


def test_sundays_night_into_monday_stays_on_sunday():
    assert summary("Su 22:00-06:00") == [(day(6), None, (("22:00", "06:00"),))]


def test_open_round_the_clock_is_all_day():
    groups = hours_summary("24/7", WEDNESDAY)
    assert [(group.first, group.last, group.all_day) for group in groups] == [(day(0), day(6), True)]
    assert groups[0].times == ((ALL_DAY, ""),)


@pytest.mark.parametrize("today", [WEDNESDAY, BANK_HOLIDAY_WEEK])
def test_a_bank_holiday_this_week_does_not_close_the_usual_monday(today):
    # A leaflet stays on a counter for months: it shows the usual week.
    assert summary("Mo-Fr 09:00-17:00; PH off", today) == [(day(0), day(4), (("09:00", "17:00"),))]


def test_two_openings_a_day_are_both_shown():
    assert summary("Mo 09:00-12:00,13:00-17:00") == [(day(0), None, (("09:00", "12:00"), ("13:00", "17:00")))]


@pytest.mark.parametrize("expression", [None, ""])
def test_unknown_hours_give_no_runs(expression):
    assert hours_summary(expression, WEDNESDAY) == ()


@pytest.mark.parametrize(("venues", "sheets"), [(0, 1), (1, 1), (20, 1), (21, 2), (60, 2), (61, 3), (100, 3)])
def test_sheets_are_the_cover_then_one_side_per_twenty_venues(venues, sheets):
    assert sheet_count(venues) == sheets
