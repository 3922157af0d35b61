"""Describe the languages the site is written in, from the TRANSLATIONS_LANGUAGES setting."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale


# Asked once a page and again for each line in another language: CLDR's answer is read once a locale.
@cache
def direction(locale: str) -> str:
    """Return "rtl" or "ltr" for a Babel locale, from CLDR's character order."""
    return "rtl" if Locale.parse(locale).character_order == "right-to-left" else "ltr"


@dataclass(frozen=True)
class Language:
    """One language of the site: its code, its name in itself, direction and review state."""

    code: str  # BCP 47, as in <html lang> and the URL: "ar"
    name: str  # in the language itself: "العربية"
    locale: str  # Babel/CLDR locale for dates and numbers: "ar", "en_GB"
    reviewed: bool  # checked by a native speaker; machine-made until then
    default: bool = False

    @property
    def dir(self) -> str:
        """Return "rtl" or "ltr", from CLDR's character order for the language."""
        return direction(self.locale)

    @property
    def prefix(self) -> str:
        """Return the folder of this language's pages: "" for the default language, else "ar/"."""
        return "" if self.default else f"{self.code}/"


def site_languages(settings: dict) -> list[Language]:
    """Return the site's languages, the default language first."""
    default = settings.get("DEFAULT_LANG", "en")
    configured = settings.get("TRANSLATIONS_LANGUAGES") or {default: {"name": default, "reviewed": True}}
    languages = [
        Language(
            code=code,
            name=options["name"],
            locale=options.get("locale", code),
            reviewed=bool(options.get("reviewed", False)),
            default=code == default,
        )
        for code, options in configured.items()
    ]
    return sorted(languages, key=lambda language: not language.default)
