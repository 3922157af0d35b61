"""translations.context: each page's gettext and formatters speak the page's language."""

from __future__ import annotations

import datetime

from babel.support import NullTranslations
from translations.context import language_context, language_name
from translations.languages import Language

ARABIC = Language("ar", "العربية", "ar", reviewed=False)


def test_the_context_carries_the_language_its_direction_and_formatters():
    context = language_context(ARABIC, NullTranslations())
    assert (context["LANG"], context["LANG_DIR"], context["LANGUAGE"]) == ("ar", "rtl", ARABIC)
    assert context["format_number"](1234.5) == "1,234.5"  # CLDR: Arabic as used here writes Latin digits
    assert context["format_time"](datetime.time(9, 5)) == "09:05"
    assert context["own_language_name"]("uk") == "Українська"
    assert context["english_language_name"]("ckb") == "Central Kurdish"
    english = language_context(Language("en", "English", "en_GB", reviewed=True, default=True), NullTranslations())
    assert english["LANG_DIR"] == "ltr" and english["format_day"](datetime.date(2026, 12, 7)) == "Monday 7 December"


def test_a_language_cldr_does_not_know_is_named_by_its_code():
    assert language_name("xx-unknown", "en") == "xx-unknown"
    assert language_name("fa", "en") == "Persian"
