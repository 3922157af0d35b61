"""After every action in the directory, at 360 × 740, the places it found are on the screen and the count is said:
a sent search, ticked boxes and "Show the places found", a postcode sort, "Use my location", and the home page's ways in."""

from __future__ import annotations

import pytest

from tests.browser import checks
from tests.browser.site_pages import languages
from tests.browser.venue_facts import expected, listed, shown_venues

pytestmark = pytest.mark.browser

# English, a right-to-left language, and one whose words run longest on the first screen.
PAGE_LANGS = ["en", "ar", "uk"]
PLACE_IN_VIEW = """() => [...document.querySelectorAll('[data-venue-list] > li:not([hidden]) .sos-venue-card__link')]
  .some(link => { const box = link.getBoundingClientRect();
                  return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight; })"""


def open_finder(tab, site_url, page_lang, **context_options):
    opened = tab(viewport=checks.PHONE, **context_options)
    page = opened.goto(f"{site_url}{languages()[page_lang]}venues/")
    page.locator("[data-finder-panel] > summary").click()
    return opened, page


def assert_results_in_view(page, page_lang: str, action: str):
    """A link to a place's page is inside the viewport, and the status line says how many places show."""
    assert page.evaluate(PLACE_IN_VIEW), f"{page_lang}, {action}: no place's link on the screen"
    status = page.locator("[data-finder-status]")
    assert status.get_attribute("role") == "status"
    count = page.evaluate("([lang, n]) => new Intl.NumberFormat(lang).format(n)", [page_lang, len(listed(page))])
    assert count in status.inner_text(), f"{page_lang}, {action}: the status line does not say {count}"


@pytest.mark.parametrize("page_lang", PAGE_LANGS)
def test_a_sent_search_shows_its_results(site_url, tab, page_lang):
    opened, page = open_finder(tab, site_url, page_lang)
    page.locator("#finder-search").fill("PO1")
    page.locator("#finder-search").press("Enter")
    assert_results_in_view(page, page_lang, "search")
    assert opened.errors == []


@pytest.mark.parametrize("page_lang", PAGE_LANGS)
def test_ticked_boxes_then_show_the_places_found(example_site, site_url, tab, page_lang):
    venues = shown_venues(example_site)
    opened, page = open_finder(tab, site_url, page_lang)
    page.locator("label[for='filter-offer-wifi']").click()
    page.locator("label[for='filter-lang-uk']").click()
    want = expected(venues, offers=["wifi"], langs=["uk"])
    assert listed(page) == want
    # The button at the bottom of the open panel is on the screen and counts what the boxes found.
    show = page.locator("[data-finder-show-button]")
    box = show.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= checks.PHONE["height"]
    count = page.evaluate("([lang, n]) => new Intl.NumberFormat(lang).format(n)", [page_lang, len(want)])
    assert count in show.inner_text()
    show.click()
    assert_results_in_view(page, page_lang, "filters")
    assert opened.errors == []


@pytest.mark.parametrize("page_lang", PAGE_LANGS)
def test_a_postcode_sort_shows_the_nearest_places(site_url, tab, page_lang):
    opened, page = open_finder(tab, site_url, page_lang)
    page.locator("#near-me-postcode").fill("PO4 0HL")
    page.locator("[data-near-me-form] button[type=submit]").click()
    page.wait_for_selector("[data-venue-distance]")
    assert_results_in_view(page, page_lang, "postcode sort")
    # The nearest is the first place on the screen.
    first = page.locator("[data-venue-list] > li").first.locator(".sos-venue-card__link").bounding_box()
    assert 0 <= first["y"] < checks.PHONE["height"]
    assert opened.errors == []


@pytest.mark.parametrize("page_lang", PAGE_LANGS)
def test_use_my_location_shows_the_nearest_places(site_url, tab, page_lang):
    opened, page = open_finder(tab, site_url, page_lang, permissions=["geolocation"],
                               geolocation={"latitude": 50.7840, "longitude": -1.0700})
    page.locator("[data-near-me-locate]").click()
    page.wait_for_selector("[data-venue-distance]")
    assert_results_in_view(page, page_lang, "use my location")
    assert opened.errors == []


@pytest.mark.parametrize("page_lang", PAGE_LANGS)
def test_open_now_from_the_home_page_shows_open_places_at_once(site_url, tab, page_lang):
    opened = tab(viewport=checks.PHONE)
    page = opened.goto(site_url + languages()[page_lang])
    page.locator("main .sos-actions a[href$='?open=1']").click()
    page.wait_for_function("!document.querySelector('[data-open-now-filter]').hidden")
    assert page.locator("#filter-open-1").is_checked()
    assert page.evaluate(PLACE_IN_VIEW), "no open place on the first screen"
    # The status line names the choice, so a reader knows the list is filtered.
    assert page.locator("label[for='filter-open-1']").inner_text() in page.locator("[data-finder-status]").inner_text()
    assert opened.errors == []


def test_places_near_me_from_the_home_page_opens_the_finder_at_near_me(site_url, tab):
    opened = tab(viewport=checks.PHONE)
    page = opened.goto(site_url + "ar/")
    page.locator("main .sos-actions a[href$='#near-me']").click()
    page.wait_for_function("document.querySelector('[data-finder-panel]').open")
    locate = page.locator("[data-near-me-locate]").bounding_box()
    assert locate["y"] >= 0 and locate["y"] + locate["height"] <= checks.PHONE["height"]
    assert opened.errors == []
