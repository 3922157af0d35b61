"""A date is written one way: in the reader's language on the pages, in English in coordinators' reports."""

from __future__ import annotations

import datetime

import pytest
from babel.support import NullTranslations
from translations.context import language_context
from translations.languages import Language
from venues.site.present import format_date

DAY = datetime.date(2027, 1, 25)


@pytest.mark.parametrize(("code", "locale", "written"), [
    ("en", "en_GB", "25 January 2027"),
    ("uk", "uk", "25 січня 2027"),
    ("sq", "sq", "25 janar 2027"),
    ("ar", "ar", "25 يناير 2027"),
])
def test_pages_write_the_day_month_and_year_in_the_readers_language(code, locale, written):
    language = Language(code=code, name=code, locale=locale, reviewed=True, default=code == "en")
    assert language_context(language, NullTranslations())["format_date"](DAY) == written


def test_reports_write_dates_as_the_english_pages_do():
    english = Language(code="en", name="English", locale="en_GB", reviewed=True, default=True)
    pages = language_context(english, NullTranslations())["format_date"]
    for day in (DAY, datetime.date(2026, 3, 3), datetime.date(2026, 11, 27)):
        assert format_date(day) == pages(day)
    assert format_date(datetime.date(2026, 3, 3)) == "3 March 2026"
