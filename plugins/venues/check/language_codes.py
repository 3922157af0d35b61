"""Check language codes, and name the code a coordinator likely meant: "ar" for "Arabic"."""

from __future__ import annotations

import re
from functools import cache

from babel import Locale, UnknownLocaleError

from ..model import Problem
from ..schema import venue_schema
from .load import LoadedFile

LANGUAGE_CODE = re.compile(venue_schema()["properties"]["languages"]["items"]["pattern"])
LANGUAGE_HINT = 'is not a language code. Use a short code such as en, ar, fa, ps, ckb, ti, uk, sq or vi.'


def check_language_codes(loaded: LoadedFile) -> list[Problem]:
    """Check the codes in languages: and the language keys of description:, each once."""
    data = loaded.data
    problems = []
    languages = data.get("languages") if isinstance(data.get("languages"), list) else []
    for index, code in enumerate(languages):
        if isinstance(code, str) and not _is_language_code(code):
            problems.append(Problem(loaded.source, *loaded.where(("languages", index)),
                                    f'languages (item {index + 1}): "{code}" {_language_hint(code)}'))
    description = data.get("description")
    for key in description if isinstance(description, dict) else {}:
        where = loaded.where(("description", key), key=True)
        typed = loaded.key_text.get(("description", key))
        code = suggested_code(typed) if typed and key in ("True", "False") else None
        if code:  # no: (Norwegian) is read as False
            problems.append(Problem(loaded.source, *where, f'description: {typed} is read as true or false, not as a '
                                                           f'language code: put the code in quotes ("{code}":) at the '
                                                           'start of the line.'))
        elif not _is_language_code(key):
            word = typed or key
            problems.append(Problem(loaded.source, *where, f'description: "{word}" {_language_hint(word)} Each text in a '
                                                           'description starts with its language code, for example "  ar: ...".'))
    return problems


def _is_language_code(code: str) -> bool:
    """Tell whether a code has the schema's form and names a language Babel knows."""
    if not LANGUAGE_CODE.match(code):
        return False
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True


@cache
def _codes_by_language_name() -> dict[str, str]:
    """Map English language names ("arabic") to their codes ("ar"), from Babel's data."""
    return {name.casefold(): code for code, name in Locale("en").languages.items() if LANGUAGE_CODE.match(code)}


def suggested_code(word: str) -> str | None:
    """Return the code a coordinator likely meant: "ar" for "Arabic" or "AR", or None."""
    code = _codes_by_language_name().get(word.strip().casefold())
    if code is None and _is_language_code(word.strip().lower()):
        code = word.strip().lower()
    return code


def _language_hint(word: str) -> str:
    """Say that a word is not a language code, and which code to write when one is likely."""
    code = suggested_code(word)
    return f'{LANGUAGE_HINT} Write "{code}" instead.' if code else LANGUAGE_HINT
