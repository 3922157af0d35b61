"""The schedule shipped for "open now": past midnight, 24/7, off days and England's public holidays."""

from __future__ import annotations

import datetime

import pytest
from venues.schedule import SCHEDULE_DAYS, build_schedule, england_holidays
from venues.site.hours import hours_rows, week_rows

BUILD_DAY = datetime.date(2026, 11, 27)  # a Friday, as in the example site's test build
NIGHT_PHARMACY = "Mo-Th 09:00-23:00, Fr,Sa 18:00-02:00, Su 12:00-18:00"


def at(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text)


def test_unknown_hours_have_no_schedule():
    assert build_schedule(None, BUILD_DAY) is None
    assert build_schedule("", BUILD_DAY) is None


def test_covers_sixty_days_from_the_build():
    schedule = build_schedule("Mo-Fr 09:00-17:00", BUILD_DAY)
    assert schedule.days == SCHEDULE_DAYS >= 60
    assert schedule.until == datetime.date(2027, 1, 25)
    assert schedule.is_open(at("2027-01-25 10:00")) is True  # a Monday, the last day known
    assert schedule.is_open(at("2027-01-26 10:00")) is None  # after it: not known, not closed
    assert schedule.is_open(at("2026-11-26 10:00")) is None  # before the build


@pytest.mark.parametrize(("moment", "is_open"), [
    ("2026-11-27 17:59", False),  # Friday: opens at 18:00
    ("2026-11-27 18:00", True),
    ("2026-11-28 01:59", True),  # Saturday early morning: still Friday night
    ("2026-11-28 02:00", False),
    ("2026-11-28 23:30", True),  # Saturday night...
    ("2026-11-29 00:30", True),  # ...runs on into Sunday
    ("2026-11-29 02:00", False),
    ("2026-11-29 12:00", True),  # Sunday's own hours
    ("2026-11-29 23:30", False),  # Sunday night: closed until Monday 09:00
    ("2026-11-30 08:59", False),
    ("2026-11-30 09:00", True),
])
def test_hours_past_midnight(moment, is_open):
    assert build_schedule(NIGHT_PHARMACY, BUILD_DAY).is_open(at(moment)) is is_open


def test_a_night_past_midnight_is_one_interval():
    schedule = build_schedule(NIGHT_PHARMACY, BUILD_DAY, days=3)
    assert [(f"{start:%a %H:%M}", f"{end:%a %H:%M}") for start, end in schedule.moments()] == [
        ("Fri 18:00", "Sat 02:00"), ("Sat 18:00", "Sun 02:00"), ("Sun 12:00", "Sun 18:00")]


def test_open_all_the_time_is_one_interval_to_the_end():
    schedule = build_schedule("24/7", BUILD_DAY)
    assert schedule.intervals == ((0, SCHEDULE_DAYS * 24 * 60),)
    assert schedule.encoded == f"0 {SCHEDULE_DAYS * 24 * 60}"


def test_encoded_as_first_start_then_lengths():
    schedule = build_schedule("Mo-Fr 09:00-17:00; Sa,Su off", BUILD_DAY, days=4)  # Fri to Mon
    assert schedule.intervals == ((540, 1020), (3 * 1440 + 540, 3 * 1440 + 1020))
    assert schedule.encoded == "540 480 3840 480"
    assert schedule.times == [datetime.time(9), datetime.time(17)]


def test_england_has_easter_monday_and_the_august_bank_holiday():
    days = england_holidays(datetime.date(2027, 1, 1), datetime.date(2027, 12, 31))
    assert datetime.date(2027, 3, 29) in days  # Easter Monday
    assert datetime.date(2027, 8, 30) in days  # late summer bank holiday
    assert datetime.date(2027, 3, 17) not in days  # St Patrick's Day: Northern Ireland only
    assert datetime.date(2027, 8, 2) not in days  # Scotland's summer bank holiday


@pytest.mark.parametrize(("expression", "moment", "is_open"), [
    ("Mo-Fr 09:00-17:00; PH off", "2027-03-29 10:00", False),  # Easter Monday
    ("Mo-Fr 09:00-17:00; PH off", "2027-03-30 10:00", True),  # the Tuesday after
    ("Mo-Fr 09:00-17:00; PH off", "2027-08-30 10:00", False),  # August bank holiday
    ("Mo-Fr 09:00-17:00; PH off", "2027-03-26 10:00", False),  # Good Friday
    ("Mo-Fr 09:00-17:00; PH off", "2026-12-25 10:00", False),  # Christmas Day
    ("Mo-Fr 09:00-17:00; PH off", "2026-12-28 10:00", False),  # Boxing Day, moved to the Monday
    ("Mo-Fr 09:00-17:00; PH off", "2027-01-01 10:00", False),  # New Year's Day
    ("Mo-Fr 09:00-17:00; PH 10:00-12:00", "2027-03-29 11:00", True),  # own hours on a holiday
    ("Mo-Fr 09:00-17:00; PH 10:00-12:00", "2027-03-29 13:00", False),
    ("Mo-Fr 09:00-17:00; Su,PH off", "2027-03-29 10:00", False),
    ("Mo-Fr 09:00-17:00; Su,PH off", "2027-03-31 10:00", True),
    ("Mo-Sa 09:00-17:00; PH Mo-Fr off", "2027-03-29 10:00", False),  # a holiday on a weekday
    ("Mo-Sa 09:00-17:00; PH Sa off", "2027-03-29 10:00", True),  # a Monday holiday is not a Saturday one
    ("Mo-Fr 09:00-17:00; PH +1 day off", "2027-03-30 10:00", False),  # the day after Easter Monday
    ("Mo-Fr 09:00-17:00; PH +1 day off", "2027-03-29 10:00", True),
    ("Mo-Fr 09:00-17:00", "2027-03-29 10:00", True),  # no PH rule: a holiday is a day like another
    ('Mo-Fr 09:00-17:00 "closed on PH? ask"', "2027-03-29 10:00", True),  # PH in a comment is words only
    ("Mo-Su 10:00-20:00; PH off", "2027-03-28 12:00", True),  # Easter Sunday is not a bank holiday in England
])
def test_public_holidays_in_england(expression, moment, is_open):
    moment = at(moment)
    start = moment.date() - datetime.timedelta(days=3)
    assert build_schedule(expression, start).is_open(moment) is is_open


def test_a_holiday_night_past_midnight_follows_the_rules_of_the_night_it_began():
    # Sunday night before Easter Monday: Sunday's hours run on into the holiday until a rule for the
    # holiday itself overrides them, as opening-hours-py does for any day ("Su 20:00-02:00; Mo off").
    with_override = build_schedule("Su 20:00-02:00; PH off", datetime.date(2027, 3, 27))
    without = build_schedule("Su 20:00-02:00", datetime.date(2027, 3, 27))
    assert without.is_open(at("2027-03-29 01:00")) is True
    assert with_override.is_open(at("2027-03-29 01:00")) is False
    assert with_override.is_open(at("2027-03-28 23:00")) is True


def test_the_week_table_follows_the_same_schedule():
    schedule = build_schedule("Mo-Fr 09:00-17:00; PH off", datetime.date(2027, 3, 26))  # Good Friday
    week = week_rows(schedule)
    assert [(f"{row.date:%a}", row.is_open) for row in week] == [
        ("Fri", False), ("Sat", False), ("Sun", False), ("Mon", False), ("Tue", True), ("Wed", True), ("Thu", True)]
    assert schedule.is_open(at("2027-03-30 10:00"))
    assert hours_rows("Mo-Fr 09:00-17:00; PH off", datetime.date(2027, 3, 26)) == week


def test_the_week_s_last_night_runs_on_past_midnight():
    # Built as of a Sunday, the week ends on a Saturday night that closes at 02:00 on Sunday.
    last_night = hours_rows(NIGHT_PHARMACY, datetime.date(2026, 11, 29))[-1]
    assert (f"{last_night.date:%a}", [(f"{o.start:%H:%M}", f"{o.end:%H:%M}", o.next_day) for o in last_night.openings]) \
        == ("Sat", [("18:00", "02:00", True)])
    with pytest.raises(ValueError, match="7 days"):  # a week's schedule would end that night at midnight
        week_rows(build_schedule(NIGHT_PHARMACY, datetime.date(2026, 11, 29), days=7))


def test_a_clock_change_keeps_wall_clock_hours():
    # Clocks go forward at 01:00 on 28 March 2027 and back at 02:00 on 31 October 2027.
    spring = build_schedule("Mo-Su 00:00-03:00", datetime.date(2027, 3, 27), days=3)
    autumn = build_schedule("Mo-Su 00:00-03:00", datetime.date(2027, 10, 30), days=3)
    assert spring.intervals == autumn.intervals == ((0, 180), (1440, 1620), (2880, 3060))
