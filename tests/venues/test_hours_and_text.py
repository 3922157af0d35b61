"""Opening hours in words, and venue text made safe."""

from __future__ import annotations

import datetime

import pytest
from venues.site.hours import Opening, hours_rows
from venues.text import normalise_postcode, safe_html

THURSDAY_BEFORE_CHRISTMAS = datetime.date(2026, 12, 24)


def words(opening: Opening) -> str:
    if opening.all_day:
        return "all day"
    return f"{opening.start:%H:%M}-{opening.end:%H:%M}" + (" next day" if opening.next_day else "")


def texts(expression, start=THURSDAY_BEFORE_CHRISTMAS):
    return [(f"{row.date:%a %d}", ", ".join(map(words, row.openings)) or "closed")
            for row in hours_rows(expression, start)]


def test_unknown_hours_are_none_not_closed():
    assert hours_rows(None, THURSDAY_BEFORE_CHRISTMAS) is None


def test_weekdays_and_public_holidays():
    assert texts("Mo-Fr 09:00-17:00; PH off") == [
        ("Thu 24", "09:00-17:00"),
        ("Fri 25", "closed"),  # Christmas Day
        ("Sat 26", "closed"),
        ("Sun 27", "closed"),
        ("Mon 28", "closed"),  # Boxing Day, moved to the Monday
        ("Tue 29", "09:00-17:00"),
        ("Wed 30", "09:00-17:00"),
    ]


def test_hours_past_midnight_stay_on_the_day_they_start():
    rows = texts("Fr 18:00-02:00", datetime.date(2026, 11, 27))
    assert rows[0] == ("Fri 27", "18:00-02:00 next day")
    assert rows[1] == ("Sat 28", "closed")


def test_open_all_day_every_day():
    assert {text for _day, text in texts("24/7")} == {"all day"}


def test_a_long_opening_is_split_by_day():
    assert texts("Mo-Fr 08:00-24:00; Sa 00:00-12:00", datetime.date(2026, 11, 27))[:2] == [
        ("Fri 27", "08:00-00:00"), ("Sat 28", "00:00-12:00")]


def test_two_openings_in_a_day():
    rows = dict(texts("Tu 09:00-12:00,13:00-17:00"))
    assert rows["Tue 29"] == "09:00-12:00, 13:00-17:00"


def test_markdown_keeps_safe_links_and_drops_scripts():
    html = safe_html("Hi **there** [call](tel:+441632960000) [bad](javascript:alert(1)) <script>x()</script>")
    assert "<strong>there</strong>" in html
    assert 'href="tel:+441632960000"' in html
    assert "javascript" not in html
    assert "<script" not in html


@pytest.mark.parametrize("written", ["po12ab", "PO1 2AB", " po1  2ab "])
def test_postcode_normalisation(written):
    assert normalise_postcode(written) == "PO1 2AB"

