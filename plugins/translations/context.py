"""Make the template variables that depend on the reader's language."""

from __future__ import annotations

import datetime
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.dates import format_time as babel_format_time
from babel.numbers import format_decimal
from babel.support import NullTranslations
from jinja2 import pass_eval_context
from markupsafe import Markup

from .languages import Language

DATE_PATTERN = "d MMMM y"  # the one way the site writes a date in words, in every language
TIME_PATTERN = "HH:mm"  # and a time of day


def language_context(language: Language, translations: NullTranslations) -> dict:
    """Return gettext and formatters for one language, for a template's context."""
    locale = language.locale
    gettext = remembered_gettext(translations.gettext)
    return {
        "LANG": language.code,
        "LANG_DIR": language.dir,
        "LANGUAGE": language,
        # Newstyle gettext, as the i18n extension installs it, resolved from the context per page.
        "gettext": gettext,
        # _() straight to it: the i18n extension's own _ looks gettext up in the context again on every call.
        "_": gettext,
        "ngettext": newstyle_ngettext(translations.ngettext),
        "format_date": lambda date: date_in_words(date, locale),
        "format_day": lambda date: formatted_date(date, "EEEE d MMMM", locale),
        "format_month": lambda date, pattern="LLLL y": formatted_date(date, pattern, locale),
        "format_time": lambda time: formatted_time(time, locale),
        "format_number": lambda number: format_decimal(number, locale=locale),
        "language_name": lambda code: language_name(code, locale),
        "own_language_name": lambda code: language_name(code, code.replace("-", "_")),
        "english_language_name": lambda code: language_name(code, "en"),
    }


# Jinja's own newstyle gettext and ngettext (jinja2.ext._make_new_gettext) take the whole template context, only to
# read its autoescape flag: Jinja then copies the page's context, about 250 names, twice for every call made inside a
# loop or a block that sets a variable (Context.derived): about 390,000 copies in a 1,000-venue build. These take the
# evaluation context alone, and otherwise do as Jinja's do: the translation is Markup where the template autoescapes,
# and always a format string, so "%%" reads "%" with or without placeholders.


def remembered_gettext(translate):
    """Return newstyle gettext for one language, keeping each message without placeholders once translated."""
    # About a million messages in a 1,000-venue build, nearly all without placeholders: formatting each one
    # (Markup % {}) on every call was about a tenth of the build. The answer for one message never changes.
    kept = {}

    @pass_eval_context
    def gettext(eval_ctx, message, /, **variables):  # positional only: a placeholder may be called message
        if variables or not eval_ctx.autoescape:
            return _formatted(translate(message), eval_ctx, variables)
        if message not in kept:
            kept[message] = _formatted(translate(message), eval_ctx, {})
        return kept[message]

    return gettext


def newstyle_ngettext(translate):
    """Return newstyle ngettext for one language: the plural form for num, with num among its placeholders."""

    @pass_eval_context
    def ngettext(eval_ctx, singular, plural, num, /, **variables):
        variables.setdefault("num", num)
        return _formatted(translate(singular, plural, num), eval_ctx, variables)

    return ngettext


def _formatted(translation: str, eval_ctx, variables: dict) -> str:
    """Fill a translation's placeholders, escaping the values where the template autoescapes."""
    return (Markup(translation) if eval_ctx.autoescape else translation) % variables


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
