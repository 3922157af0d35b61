"""Without JavaScript the directory and every venue page show what they show with it; the map page shows the list."""

from __future__ import annotations

import pytest

from tests.browser import checks
from tests.browser.site_pages import page_of, venue_pages

pytestmark = pytest.mark.browser

# Extras that need JavaScript and stay hidden without it: search and filter controls, and the live
# "open now" line worked out from the reader's clock (the opening hours it comes from are there without
# JavaScript). Everything else must match.
JS_ONLY = "main form, main [role=search], main [data-open-status]"
SHOWN_TEXT = (f"(document.querySelectorAll('{JS_ONLY}').forEach(el => el.style.display = 'none'), "
              "document.querySelector('main').innerText)")
SHOWN_LINKS = "[...document.querySelectorAll('main a[href]')].filter(a => a.checkVisibility()).map(a => a.getAttribute('href'))"


def test_directory_and_venue_pages_show_the_same_without_javascript(example_site, site_url, tab, lang):
    with_js = tab(viewport=checks.PHONE)
    without_js = tab(viewport=checks.PHONE, java_script_enabled=False)
    pages = [page_of(example_site, lang, "directory"), *venue_pages(example_site, lang)]
    assert len(pages) > 2
    different = []
    for page in pages:
        shown = [opened.goto(site_url + page.path).evaluate(f"[{SHOWN_TEXT}, {SHOWN_LINKS}]") for opened in (with_js, without_js)]
        if shown[0] != shown[1]:
            different.append(f"/{page.path} differs without JavaScript")
        if not shown[1][0].strip():
            different.append(f"/{page.path} shows nothing without JavaScript")
    assert different == []


def test_the_map_page_shows_the_list_without_javascript(example_site, site_url, tab, lang):
    page = page_of(example_site, lang, "map")
    venues = venue_pages(example_site, lang)
    playwright_page = tab(viewport=checks.PHONE, java_script_enabled=False).goto(site_url + page.path)
    listed = playwright_page.eval_on_selector_all(
        "main a[href*='venues/']", "links => links.filter(a => a.checkVisibility()).map(a => new URL(a.href).pathname)")
    assert {"/" + venue.path for venue in venues} <= set(listed)
    # The reader is told why there is no map, and pointed to the list.
    assert playwright_page.locator("main .sos-noscript").is_visible()
