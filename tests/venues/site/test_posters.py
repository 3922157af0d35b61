"""venues.site.posters: the printed sheets' helpers: a QR code as inline SVG, the public address, the languages."""

from __future__ import annotations

import dataclasses
import re

import pytest
from pelican.settings import read_settings
from venues.site.posters import Translator, print_languages, public_site_url, qr_side, qr_svg

from tests.conftest import ROOT
from tests.geocoding.conftest import build_venue

WELCOME = "You are welcome here: this is a Space of Sanctuary"


@pytest.fixture(scope="module")
def settings():
    return read_settings(str(ROOT / "pelicanconf.py"))


def test_the_qr_code_is_inline_svg_that_scales_with_a_quiet_zone():
    svg = str(qr_svg("https://example.org/ar/venues/cafe/"))
    opening = re.match(r'<svg viewBox="0 0 (\d+) (\d+)" class="sos-qr__code">', svg)
    assert opening and "width" not in svg and "height" not in svg
    # A full QR code (21 + 4n modules a side, never a micro code) inside a quiet zone of 4 modules each side.
    side = int(opening.group(1)) - 8
    assert side >= 21 and (side - 21) % 4 == 0
    assert "M4 4.5h7" in svg  # the first finder pattern starts at the quiet zone's edge


def test_a_second_copy_can_draw_the_first_by_its_path_in_the_same_viewbox():
    text = "https://example.org/ar/venues/cafe/"
    named = str(qr_svg(text, path_id="sos-qr-path"))
    assert named.count('id="sos-qr-path"') == 1 and named.startswith(f'<svg viewBox="0 0 {qr_side(text)} {qr_side(text)}"')
    assert named.replace(' id="sos-qr-path"', "") == str(qr_svg(text))


def test_printed_links_use_the_published_address_without_a_final_slash():
    assert public_site_url({"SITEURL": "https://a.example/site/", "VENUES_PUBLIC_SITEURL": "https://b.example"}) \
        == "https://a.example/site"
    assert public_site_url({"SITEURL": "", "VENUES_PUBLIC_SITEURL": "https://b.example/"}) == "https://b.example"
    assert public_site_url({}) == ""


def test_sheets_are_printed_in_the_default_language_and_the_ones_the_staff_speak(settings):
    venue = build_venue()
    assert print_languages(venue, settings) == {"en"}
    speaking = dataclasses.replace(venue, languages=("en", "ar", "pt-BR", "uk"))
    assert print_languages(speaking, settings) == {"en", "ar", "uk"}  # pt-BR: the site has no pages in it


def test_the_welcome_is_in_english_first_then_each_translated_language_with_its_direction(settings):
    lines = Translator(settings).lines(WELCOME, ["ar", "pt-BR", "en", "uk"])
    assert [(line.lang, line.dir) for line in lines] == [("en", "ltr"), ("ar", "rtl"), ("uk", "ltr")]
    assert lines[0].text == WELCOME and all(line.text != WELCOME for line in lines[1:])
