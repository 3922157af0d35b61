"""Make the template variables that depend on the reader's language."""

from __future__ import annotations

import datetime
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.dates import format_time as babel_format_time
from babel.numbers import format_decimal
from babel.support import NullTranslations
from jinja2 import pass_context
from jinja2.ext import _make_new_gettext, _make_new_ngettext  # Jinja's own newstyle wrappers

from .languages import Language

DATE_PATTERN = "d MMMM y"  # the one way the site writes a date in words, in every language
TIME_PATTERN = "HH:mm"  # and a time of day


def language_context(language: Language, translations: NullTranslations) -> dict:
    """Return gettext and formatters for one language, for a template's context."""
    locale = language.locale
    gettext = remembered_gettext(_make_new_gettext(translations.gettext))
    return {
        "LANG": language.code,
        "LANG_DIR": language.dir,
        "LANGUAGE": language,
        # Newstyle gettext, as the i18n extension installs it, resolved from the context per page.
        "gettext": gettext,
        # _() straight to it: the i18n extension's own _ looks gettext up in the context again on every call.
        "_": gettext,
        "ngettext": _make_new_ngettext(translations.ngettext),
        "format_date": lambda date: date_in_words(date, locale),
        "format_day": lambda date: formatted_date(date, "EEEE d MMMM", locale),
        "format_month": lambda date, pattern="LLLL y": formatted_date(date, pattern, locale),
        "format_time": lambda time: formatted_time(time, locale),
        "format_number": lambda number: format_decimal(number, locale=locale),
        "language_name": lambda code: language_name(code, locale),
        "own_language_name": lambda code: language_name(code, code.replace("-", "_")),
        "english_language_name": lambda code: language_name(code, "en"),
    }


def remembered_gettext(newstyle):
    """Return Jinja's newstyle gettext for one language, keeping each message without placeholders once translated."""
    # About a million messages in a 1,000-venue build, nearly all without placeholders: Jinja formats each one
    # (Markup % {}) on every call, about a tenth of the build. The answer for one message never changes.
    kept = {}

    @pass_context
    def gettext(context, message, /, **variables):  # positional only: a placeholder may be called message
        if variables or not context.eval_ctx.autoescape:
            return newstyle(context, message, **variables)
        if message not in kept:
            kept[message] = newstyle(context, message)
        return kept[message]

    return gettext


# Every venue page writes the same few weeks of days and hours in each language: Babel parses the locale and the
# pattern on every call (about 1.5 s of a 1,000-venue build), so each answer is kept.
@lru_cache(maxsize=4096)
def formatted_date(date: datetime.date, pattern: str, locale: str) -> str:
    """Write a date with a CLDR pattern in a locale's language."""
    return babel_format_date(date, pattern, locale=locale)


def formatted_time(time: datetime.time, locale: str) -> str:
    """Write a time of day as hours and minutes (HH:mm) in a locale's digits."""
    # Only naive times (the schedules' own) are kept: aware times that are equal at one instant would share an answer.
    return _naive_time(time, locale) if time.tzinfo is None else babel_format_time(time, TIME_PATTERN, locale=locale)


@lru_cache(maxsize=4096)
def _naive_time(time: datetime.time, locale: str) -> str:
    """Write a naive time of day, kept once per time and locale."""
    return babel_format_time(time, TIME_PATTERN, locale=locale)


def date_in_words(date: datetime.date, locale: str) -> str:
    """Write a date in words in a locale's language, e.g. 3 March 2026."""
    return formatted_date(date, DATE_PATTERN, locale)


@lru_cache(maxsize=4096)
def language_name(code: str, reader_locale: str) -> str:
    """Name a language in the reader's language (from CLDR); the code itself when CLDR has no name."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(reader_locale) or code
    except (UnknownLocaleError, ValueError):
        return code
    return name[:1].upper() + name[1:]
