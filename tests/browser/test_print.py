"""A venue page and the directory print cleanly on A4: no map controls or navigation, web addresses written out."""

from __future__ import annotations

import re

import pytest

from tests.browser.site_pages import page_of

pytestmark = pytest.mark.browser

# A4 (210 mm) less Chromium's default 1 cm margins, at 96 CSS pixels to the inch.
A4_PRINTABLE_WIDTH = round((210 - 20) / 25.4 * 96)
HIDDEN_IN_PRINT = [".sos-skip-link", ".sos-nav", ".sos-language-switcher", ".leaflet-control-container", ".sos-map"]


@pytest.mark.parametrize("kind", ["venue", "directory"])
def test_prints_cleanly_on_a4(example_site, site_url, tab, lang, kind):
    opened = tab(viewport={"width": A4_PRINTABLE_WIDTH, "height": 1123})
    playwright_page = opened.goto(site_url + page_of(example_site, lang, kind).path)
    playwright_page.emulate_media(media="print")

    shown = playwright_page.evaluate("""(selectors) => selectors.filter(s =>
        [...document.querySelectorAll(s)].some(el => el.checkVisibility()))""", HIDDEN_IN_PRINT)
    assert shown == [], f"shown in print: {shown}"
    wide = playwright_page.evaluate("document.documentElement.scrollWidth")
    assert wide <= A4_PRINTABLE_WIDTH, f"the printed page is {wide}px wide, A4 holds {A4_PRINTABLE_WIDTH}px"
    # Every outside web address in the main content is written out after its link text.
    unwritten = playwright_page.evaluate("""() => [...document.querySelectorAll('main a[href^="http"]')]
        .filter(a => a.checkVisibility() && !getComputedStyle(a, '::after').content.includes(a.getAttribute('href')))
        .map(a => a.getAttribute('href'))""")
    assert unwritten == []

    pdf = playwright_page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert 1 <= pages <= (12 if kind == "directory" else 6), f"{pages} A4 pages"
