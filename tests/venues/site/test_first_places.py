"""The split directory's first places: a few, chosen so that some are open at most hours of the week."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from venues.schedule import build_schedule
from venues.site.first_places import HOURS_A_WEEK, first_places, open_hours

MONDAY = datetime.date(2026, 11, 30)


def place(name: str, hours: str | None):
    return SimpleNamespace(name=name, schedule=build_schedule(hours, MONDAY, 14) if hours else None)


def test_open_hours_are_the_hours_of_the_first_week_open_at_half_past():
    assert open_hours(place("a", "Mo 09:00-11:00")) == {9, 10}
    assert open_hours(place("b", "Tu 23:00-01:00")) == {24 + 23, 48}
    assert open_hours(place("c", "24/7")) == set(range(HOURS_A_WEEK))
    assert open_hours(place("d", None)) == set()


def test_the_places_cover_the_week_before_doubling_up_and_keep_their_order():
    venues = [place("days", "Mo-Fr 09:00-17:00"), place("days too", "Mo-Fr 09:00-17:00"),
              place("evenings", "Mo-Su 18:00-23:00"), place("never", None), place("nights", "Mo-Su 00:00-06:00")]
    chosen = first_places(venues, most=3, at_once=1)
    assert [venue.name for venue in chosen] == ["days", "evenings", "nights"]
    assert [venue.name for venue in first_places(venues, most=10, at_once=2)] == [
        "days", "days too", "evenings", "nights"]


def test_no_hours_known_means_no_first_places():
    assert first_places([place("a", None), place("b", None)]) == []
