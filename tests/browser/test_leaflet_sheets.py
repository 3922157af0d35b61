"""The city-wide leaflet: the examples on one A4 sheet (two sides); 100 venues on the sheets docs/leaflet.md says."""

from __future__ import annotations

import io

import pytest
import yaml
from pypdf import PdfReader
from venues.site.leaflet import VENUES_PER_SIDE, sheet_count

from tests.browser.chromium import serve
from tests.browser.site_pages import languages
from tests.conftest import ROOT, build_site

pytestmark = pytest.mark.browser

A4_LANDSCAPE_POINTS = (842, 595)
NINE_POINTS_IN_PX = 12  # 9 pt at 96 CSS pixels to the inch


def printed(tab, url: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Print a page as Chromium does, at the page size its stylesheet asks for; return page sizes and small text."""
    page = tab().goto(url)
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    sizes = [tuple(round(float(number)) for number in sheet.mediabox[2:]) for sheet in PdfReader(io.BytesIO(pdf)).pages]
    page.emulate_media(media="print")
    small = page.evaluate("""(minimum) => [...document.querySelectorAll('.sos-leaflet *')]
        .filter(el => el.checkVisibility() && [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
                      && !el.closest('.sos-visually-hidden') && parseFloat(getComputedStyle(el).fontSize) < minimum - 0.01)
        .map(el => `${getComputedStyle(el).fontSize} ${el.className}: ${el.textContent.trim().slice(0, 30)}`)""",
                          NINE_POINTS_IN_PX)
    return sizes, small


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_examples_print_on_two_a4_sides(example_site, site_url, tab, code):
    sizes, small = printed(tab, f"{site_url}{languages()[code]}leaflet/")
    assert sizes == [A4_LANDSCAPE_POINTS] * 2
    assert small == [], "type below 9 pt"
    html = (example_site / languages()[code] / "leaflet" / "index.html").read_text(encoding="utf-8")
    assert 'data-sheets="1"' in html


def write_network(folder, count: int) -> None:
    """Write count fictional venues with long names, many offers and hours, across the Portsmouth districts."""
    offers = ["safe-space", "call-for-help", "signposting", "phone-charging", "wifi", "toilets", "drinking-water",
              "hot-drink", "food", "warm-space", "quiet-space", "baby-changing", "interpreting", "computer-access"]
    postcodes = ["PO1 2AB", "PO2 7AA", "PO3 5AA", "PO4 9AA", "PO5 3AA", "PO6 3AA"]
    for number in range(count):
        venue = {
            "name": f"Community Welcome Centre and Family Drop-in Café Number {number} (example)",
            "kind": "other",
            "address": {"street": f"Unit {number}, The Long Parade Shopping Arcade, {number} Commercial Road",
                        "postcode": postcodes[number % len(postcodes)]},
            "offers": offers[: 4 + number % 11],
            "languages": ["en", "ar"],
            "opening_hours": "Mo-Fr 09:00-12:00,13:00-17:00; Sa 10:00-16:00; Su 11:00-15:00; PH off",
            "accreditation": {"trained_on": "2026-06-01", "renew_by": "2027-06-01"},
            "example": True,
        }
        (folder / f"generated-{number}.yaml").write_text(yaml.safe_dump(venue, allow_unicode=True), encoding="utf-8")


def test_a_network_of_100_venues_takes_the_sheets_the_docs_say(tmp_path, tab):
    folder = tmp_path / "venues"
    folder.mkdir()
    write_network(folder, 100)
    site = build_site(tmp_path, folder)
    with serve(site) as url:
        sizes, small = printed(tab, f"{url}leaflet/")
    sheets = sheet_count(100)
    # docs/leaflet.md: one cover side, then a side for every 20 venues; two sides to a sheet.
    docs = (ROOT / "docs" / "leaflet.md").read_text(encoding="utf-8")
    assert f"{VENUES_PER_SIDE} venues" in docs and "| 100 | 6 | 3 |" in docs
    assert (len(sizes), sheets) == (6, 3)
    assert set(sizes) == {A4_LANDSCAPE_POINTS}
    assert small == [], "type below 9 pt"
    html = (site / "leaflet" / "index.html").read_text(encoding="utf-8")
    assert all(f"Café Number {number} (example)" in html for number in range(100))
    assert f'data-sheets="{sheets}"' in html
