"""TRANSLATING.md's rule for names: the network's name and the city's stay in English in every language."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from pelican.settings import read_settings
from translations.catalogues import catalogue_path
from translations.languages import site_languages

from tests.conftest import ROOT

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
OTHER_LANGUAGES = [language.code for language in site_languages(SETTINGS) if not language.default]
# The network's name may change number ("Spaces" for "Space") to fit a sentence; it is never translated.
NETWORK = re.compile(r"Spaces? of Sanctuary")
CITY = "%(city)s"  # the city's name is a placeholder, filled from VENUES_CITY


def kept(english: str, translated: str) -> list[str]:
    """Return the names the English holds that the translation lost."""
    lost = []
    if NETWORK.search(english) and not NETWORK.search(translated):
        lost.append("Spaces of Sanctuary")
    if CITY in english and CITY not in translated:
        lost.append(CITY)
    return lost


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_every_message_keeps_the_networks_and_the_citys_names_in_english(code):
    with catalogue_path(SETTINGS["TRANSLATIONS_PATH"], code).open("rb") as source:
        catalogue = read_po(source)
    found = []
    for message in catalogue:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for translated in strings:
            lost = kept(ids[-1] if len(strings) > 1 else ids[0], translated)
            if translated and lost:
                found.append(f"{code}: {ids[0]!r} loses {', '.join(lost)}: {translated!r}")
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_every_page_title_keeps_the_networks_name_in_english(code):
    found = []
    for english in sorted((ROOT / "content" / "pages").glob("*.md")):
        translated = ROOT / "content" / "pages" / code / english.name
        if not translated.is_file():
            continue
        titles = [re.search(r"^Title:(.*)$", path.read_text(encoding="utf-8"), re.M).group(1)
                  for path in (english, translated)]
        if kept(*titles):
            found.append(f"content/pages/{code}/{english.name}: Title {titles[1].strip()!r} loses {kept(*titles)}")
    assert found == [], "\n".join(found)

