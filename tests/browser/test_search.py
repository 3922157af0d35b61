"""Search in Chromium: a place is found by its name, street, postcode or offer, in English and in Arabic pages,
with nothing fetched (the list on the page is the index); results link to the places' pages."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from tests.browser import checks
from tests.browser.site_pages import languages
from tests.browser.venue_facts import listed, shown_venues
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


def translated(lang: str, words: str) -> str:
    """Return the words as the reader's catalogue translates them."""
    if lang == "en":
        return words
    with (ROOT / "theme" / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as source:
        return read_po(source)[words].string


def open_search(tab, site_url, page_lang):
    opened = tab(viewport=checks.PHONE)
    requests: list[str] = []
    page = opened.goto(f"{site_url}{languages()[page_lang]}venues/")
    page.locator("[data-finder-panel] > summary").click()
    page.wait_for_load_state("networkidle")  # the page's own files, icons included
    # Search fetches nothing: the list on the page is its index.
    opened.page.on("request", lambda request: requests.append(request.url))
    return opened, page, requests


def by_name(venues, slugs) -> list[str]:
    return sorted(slugs, key=lambda slug: venues[slug]["name"].casefold())


def search(page, words: str) -> list[str]:
    page.locator("#finder-search").fill(words)
    return listed(page)


@pytest.mark.parametrize("page_lang", ["en", "ar"])
def test_search_finds_a_place_by_its_name_and_by_its_postcode(example_site, site_url, tab, page_lang):
    venues = shown_venues(example_site)
    opened, page, requests = open_search(tab, site_url, page_lang)
    for slug, venue in venues.items():
        assert search(page, venue["name"]) == [slug], venue["name"]
        postcode = venue["address"]["postcode"]
        same_postcode = by_name(venues, [s for s, v in venues.items() if v["address"]["postcode"] == postcode])
        assert search(page, postcode) == same_postcode, postcode
        assert search(page, postcode.replace(" ", "").lower()) == same_postcode, postcode
    # Part of a name, any case: "harbour" finds the Harbour Reading Room.
    assert search(page, "harbour") == ["example-harbour-library"]
    assert search(page, "no such place anywhere") == []
    assert page.locator("[data-finder-empty]").is_visible()
    assert requests == [], "search fetches nothing"
    assert opened.errors == []


@pytest.mark.parametrize("page_lang", ["en", "ar"])
def test_search_finds_places_by_street_and_by_offer_in_the_readers_language(example_site, site_url, tab, page_lang):
    venues = shown_venues(example_site)
    _, page, _ = open_search(tab, site_url, page_lang)
    assert search(page, "Sample Street") == ["example-corner-cafe"]
    printing = by_name(venues, [slug for slug, venue in venues.items() if "printing" in venue["offers"]])
    assert search(page, translated(page_lang, "Printing")) == printing
    wifi = by_name(venues, [slug for slug, venue in venues.items() if "wifi" in venue["offers"]])
    assert search(page, translated(page_lang, "Free Wi-Fi")) == wifi
    # Words together narrow the search: a postcode district and an offer.
    in_po1_with_wifi = [slug for slug in wifi if venues[slug]["address"]["postcode"].startswith("PO1 ")]
    assert search(page, "PO1 " + translated(page_lang, "Free Wi-Fi")) == in_po1_with_wifi
    assert 0 < len(in_po1_with_wifi) < len(wifi)


def test_a_result_links_to_the_places_page_and_back_keeps_the_search_out_of_the_address(site_url, tab):
    _, page, _ = open_search(tab, site_url, "ar")
    assert search(page, "PO6 3QG") == ["example-cosham-surgery"]
    page.locator("#finder-search").press("Enter")
    assert page.url.endswith("/ar/venues/")  # words typed (here a postcode) never go into the address
    page.locator("[data-venue-list] > li:not([hidden]) .sos-venue-card__link").click()
    page.wait_for_url("**/ar/venues/example-cosham-surgery/")
    page.go_back()
    page.wait_for_function("document.querySelector('#finder-search').value === 'PO6 3QG'")
    assert listed(page) == ["example-cosham-surgery"]


def test_arabic_vowel_marks_and_digits_do_not_stop_a_match(example_site, site_url, tab):
    venues = shown_venues(example_site)
    _, page, _ = open_search(tab, site_url, "ar")
    wifi = by_name(venues, [slug for slug, venue in venues.items() if "wifi" in venue["offers"]])
    assert search(page, "وَاي فَاي") == wifi
    assert search(page, "PO٦ ٣QG") == ["example-cosham-surgery"]


def test_search_looks_at_what_a_place_is_not_at_its_distance_or_open_now_line(site_url, tab):
    opened = tab(viewport=checks.PHONE, permissions=["geolocation"], geolocation={"latitude": 50.8, "longitude": -1.09})
    page = opened.goto(f"{site_url}venues/")
    page.locator("[data-finder-panel] > summary").click()
    page.locator("[data-near-me-locate]").click()
    page.wait_for_selector("[data-venue-distance]")
    for words in ["away", "on foot", "Hours not known"]:
        assert search(page, words) == [], words


def test_search_words_in_a_shared_address_are_used_then_taken_out_of_it(site_url, tab):
    page = tab(viewport=checks.PHONE).goto(f"{site_url}venues/?q=PO6+3QG&offer=safe-space")
    page.wait_for_function("document.querySelector('#finder-search').value === 'PO6 3QG'")
    assert listed(page) == ["example-cosham-surgery"]
    assert page.url.endswith("/venues/?offer=safe-space")
    assert page.locator("[data-map-link]").get_attribute("href").endswith("map/?offer=safe-space")
