"""A venue's sheets page: the poster prints on one A4 page, the card (at #card) on one A6 page; QR codes read back."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from tests.browser import checks
from tests.browser.chromium import serve
from tests.browser.site_pages import languages, venue_pages

pytestmark = pytest.mark.browser

A4_WIDTH_PX = round(210 / 25.4 * 96)  # the width of A4 in CSS pixels
MIN_QR_MM = 45  # scannable from a metre away
# One page holds both sheets: the poster's code, and the counter card's.
POSTER_QR = ".sos-poster:not(.sos-poster--card) .sos-qr__code"
CARD_QR = ".sos-poster--card .sos-qr__code"


@pytest.fixture(scope="module")
def published(published_site):
    """Serve the published-style build on the port its SITEURL names; yield the folder and that URL."""
    folder, site_url = published_site
    port = int(site_url.rsplit(":", 1)[1])
    with serve(folder, port=port):
        yield folder, site_url


def slugs(folder, code: str = "en") -> list[str]:
    """Return the venues whose sheets are printed in a language: the default's all, another's those who speak it."""
    every = [page.path.split("/")[-2] for page in venue_pages(folder, "en")]
    return [slug for slug in every if (folder / languages()[code] / "venues" / slug / "poster" / "index.html").is_file()]


@pytest.mark.parametrize("code", ["en", "ar"])
def test_every_poster_prints_on_exactly_one_a4_page(published, tab, code):
    folder, site_url = published
    opened = tab(viewport={"width": A4_WIDTH_PX, "height": 1123})
    counted = {}
    for slug in slugs(folder, code):
        page = opened.goto(f"{site_url}/{languages()[code]}venues/{slug}/poster/")
        pdf = page.pdf(format="A4", print_background=True)
        counted[slug] = len(PdfReader(io.BytesIO(pdf)).pages)
    assert counted and set(counted.values()) == {1}, counted


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_qr_code_is_45_mm_or_more_and_reads_as_the_venues_address(published, tab, code):
    folder, site_url = published
    opened = tab(viewport={"width": A4_WIDTH_PX, "height": 1123})
    prefix = languages()[code]
    assert slugs(folder, code)
    for slug in slugs(folder, code):
        page = opened.goto(f"{site_url}/{prefix}venues/{slug}/poster/")
        page.emulate_media(media="print")
        code = page.locator(POSTER_QR)
        box = code.bounding_box()
        side_mm = min(box["width"], box["height"]) * 25.4 / 96
        assert side_mm >= MIN_QR_MM, f"{slug}: the QR code is {side_mm:.1f} mm across"
        png = code.screenshot()
        found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
        assert [result.text for result in found] == [f"{site_url}/{prefix}venues/{slug}/"], slug


def test_the_poster_says_welcome_in_the_venues_languages(published):
    folder, _ = published
    html = (folder / "venues" / "example-college-hub" / "poster" / "index.html").read_text(encoding="utf-8")
    assert 'lang="en" dir="ltr">You are welcome here: this is a Space of Sanctuary' in html
    assert 'lang="ar" dir="rtl">' in html and 'lang="uk" dir="ltr">' in html and 'lang="fa" dir="rtl">' in html


def test_the_venue_page_links_to_its_poster(published):
    folder, _ = published
    html = (folder / "ar" / "venues" / "example-college-hub" / "index.html").read_text(encoding="utf-8")
    assert "/ar/venues/example-college-hub/poster/" in html


def test_sheets_are_printed_in_the_venues_languages_and_the_default_only(published):
    folder, _ = published
    hub = folder / "ps" / "venues" / "example-college-hub"  # its staff speak en, ar, uk, sq and fa, not Pashto
    assert not (hub / "poster").exists()
    assert (folder / "ar" / "venues" / "example-college-hub" / "poster" / "index.html").is_file()
    html = (hub / "index.html").read_text(encoding="utf-8")
    assert "/venues/example-college-hub/poster/" in html and "/ps/venues/example-college-hub/poster/" not in html
    poster = (folder / "ar" / "venues" / "example-college-hub" / "poster" / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="ar"' in poster and 'hreflang="ps"' not in poster


A6_POINTS = (298, 420)


def test_the_venue_page_links_to_its_counter_card_on_the_sheets_page(published):
    folder, _ = published
    html = (folder / "venues" / "example-college-hub" / "index.html").read_text(encoding="utf-8")
    assert '/venues/example-college-hub/poster/#card"' in html
    sheets = (folder / "venues" / "example-college-hub" / "poster" / "index.html").read_text(encoding="utf-8")
    assert 'id="card"' in sheets and sheets.count('class="sos-poster ') == 2


def test_every_counter_card_prints_on_one_a6_page_with_a_qr_code_that_reads(published, tab):
    folder, site_url = published
    opened = tab(viewport={"width": 397, "height": 560})
    for slug in slugs(folder):
        page = opened.goto(f"{site_url}/venues/{slug}/poster/#card")
        pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
        assert [tuple(round(float(number)) for number in sheet.mediabox[2:]) for sheet in pdf.pages] == [A6_POINTS], slug
        page.emulate_media(media="print")
        png = page.locator(CARD_QR).screenshot()
        assert [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))] == [
            f"{site_url}/venues/{slug}/"], slug


@pytest.mark.parametrize("code", ["en", "ar"])
def test_axe_finds_nothing_on_the_counter_card(published, tab, code):
    folder, site_url = published
    page = tab(viewport=checks.PHONE).goto(f"{site_url}/{languages()[code]}venues/{slugs(folder, code)[0]}/poster/#card")
    assert checks.axe_violations(page, "card") == []
