"""venues.site.posters: the printed sheets' helpers: the public address and the languages."""

from __future__ import annotations

import dataclasses

import pytest
from pelican.settings import read_settings
from venues.site.posters import Translator, language_codes, print_languages, public_site_url

from tests.conftest import ROOT
from tests.geocoding.conftest import build_venue

WELCOME = "You are welcome here: this is a Space of Sanctuary"


@pytest.fixture(scope="module")
def settings():
    return read_settings(str(ROOT / "pelicanconf.py"))


def test_printed_links_use_the_published_address_without_a_final_slash():
    assert public_site_url({"SITEURL": "https://a.example/site/", "VENUES_PUBLIC_SITEURL": "https://b.example"}) \
        == "https://a.example/site"
    assert public_site_url({"SITEURL": "", "VENUES_PUBLIC_SITEURL": "https://b.example/"}) == "https://b.example"
    assert public_site_url({}) == ""


def test_sheets_are_printed_in_the_default_language_and_the_ones_the_staff_speak(settings):
    venue, codes = build_venue(), language_codes(settings)
    assert codes[0] == "en"
    assert print_languages(venue, codes) == {"en"}
    speaking = dataclasses.replace(venue, languages=("en", "ar", "pt-BR", "uk"))
    assert print_languages(speaking, codes) == {"en", "ar", "uk"}  # pt-BR: the site has no pages in it


def test_the_welcome_is_in_english_first_then_each_translated_language_with_its_direction(settings):
    lines = Translator(settings).lines(WELCOME, ["ar", "pt-BR", "en", "uk"])
    assert [(line.lang, line.dir) for line in lines] == [("en", "ltr"), ("ar", "rtl"), ("uk", "ltr")]
    assert lines[0].text == WELCOME and all(line.text != WELCOME for line in lines[1:])
