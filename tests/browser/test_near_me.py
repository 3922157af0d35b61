"""Near me in Chromium: a set position or a typed postcode orders the list by true distance, on the phone;
the postcode centres are fetched only when used, one district at a time, and nothing about the reader is sent."""

from __future__ import annotations

import re

import pytest

from tests.browser import checks
from tests.browser.site_pages import languages
from tests.browser.venue_facts import by_distance, haversine_metres, listed, postcode_centres, shown_venues

pytestmark = pytest.mark.browser

# A point by the Guildhall, one in Southsea and one in Cosham: three different orders.
POINTS = [(50.7980, -1.0920), (50.7840, -1.0700), (50.8480, -1.0800)]


def open_directory(tab, site_url, page_lang="en", **context_options):
    opened = tab(viewport=checks.PHONE, **context_options)
    requests: list[str] = []
    opened.page.on("request", lambda request: requests.append(request.url))
    page = opened.goto(f"{site_url}{languages()[page_lang]}venues/")
    page.locator("[data-finder-panel] > summary").click()
    return opened, page, requests


def distances_shown(page) -> list[str]:
    return page.eval_on_selector_all("[data-venue-list] > li", "els => els.map(el => "
                                     "(el.querySelector('[data-venue-distance]') || {}).textContent || '')")


@pytest.mark.parametrize("page_lang", ["en", "ar"])
@pytest.mark.parametrize("point", POINTS, ids=["guildhall", "southsea", "cosham"])
def test_my_location_sorts_the_list_by_true_distance(example_site, site_url, tab, page_lang, point):
    venues = shown_venues(example_site)
    lat, lon = point
    opened, page, requests = open_directory(tab, site_url, page_lang, permissions=["geolocation"],
                                            geolocation={"latitude": lat, "longitude": lon})
    by_name = listed(page)
    page.get_by_role("button", name=re.compile("Use my location|موقعي")).click()
    page.wait_for_function("document.querySelector('[data-venue-distance]')")
    order = by_distance(venues, lat, lon)
    assert listed(page) == order
    assert order != by_name
    assert all(distances_shown(page)), "every place says how far it is"
    # The nearest, in English: metres under a kilometre, and minutes' walk at about 80 metres a minute.
    if page_lang == "en":
        metres = haversine_metres(lat, lon, venues[order[0]]["lat"], venues[order[0]]["lon"])
        first = distances_shown(page)[0]
        minutes = max(1, round(metres / 80))
        assert f"{minutes} minute" in first, first
        assert (" m away" if metres < 1000 else " km away") in first, first
    assert page.locator("[data-finder-status]").inner_text() != ""
    # The position stays on the phone: no request after the page's own files, and none carries it.
    assert not [url for url in requests if str(lat) in url or str(lon) in url or "postcodes/" in url]
    assert str(lat) not in page.url
    assert opened.errors == []


def test_the_page_says_the_position_never_leaves_the_phone_next_to_the_button(site_url, tab):
    _, page, _ = open_directory(tab, site_url)
    section = page.locator("[data-near-me]")
    assert section.get_by_role("button", name="Use my location").is_visible()
    assert "Your position never leaves your phone" in section.inner_text()


def test_a_refused_position_says_so_and_keeps_the_list(site_url, tab):
    _, page, _ = open_directory(tab, site_url)  # no permission granted: the browser refuses
    by_name = listed(page)
    page.get_by_role("button", name="Use my location").click()
    page.wait_for_function("document.querySelector('[data-finder-status]').textContent.includes('did not give')")
    assert listed(page) == by_name


@pytest.mark.parametrize("typed, postcode", [("PO4 0HL", "PO4 0HL"), ("po63qg", "PO6 3QG"), (" Po1 2ay ", "PO1 2AY")])
def test_a_postcode_sorts_the_list_by_true_distance_from_its_centre(example_site, site_url, tab, typed, postcode):
    venues = shown_venues(example_site)
    lat, lon = postcode_centres()[postcode]
    opened, page, requests = open_directory(tab, site_url)
    assert not [url for url in requests if "/postcodes/" in url], "postcode data loads only when used"
    assert not page.get_by_role("button", name="Sort by name again").is_visible()
    page.get_by_label("Or type a postcode").fill(typed)
    page.get_by_role("button", name="Sort by distance").click()
    page.wait_for_function("document.querySelector('[data-venue-distance]')")
    assert listed(page) == by_distance(venues, lat, lon)
    assert f"Sorted by distance from {postcode}." in page.locator("[data-finder-status]").inner_text()
    district = postcode.split()[0]
    assert [url.split("/postcodes/")[1] for url in requests if "/postcodes/" in url] == [f"{district}.json"]
    # The postcode stays out of the address, so it is in no history, link or server log.
    assert "postcode" not in page.url and postcode.split()[1] not in page.url
    # Back to name order.
    page.get_by_role("button", name="Sort by name again").click()
    assert not page.get_by_role("button", name="Sort by name again").is_visible()
    assert listed(page) == sorted(venues, key=lambda slug: venues[slug]["name"].casefold())
    assert not any(distances_shown(page))
    assert opened.errors == []


def test_an_arabic_page_sorts_by_a_postcode_typed_with_arabic_digits(example_site, site_url, tab):
    venues = shown_venues(example_site)
    lat, lon = postcode_centres()["PO2 7SP"]
    _, page, _ = open_directory(tab, site_url, "ar")
    page.locator("#near-me-postcode").fill("PO٢ ٧SP")
    page.locator("[data-near-me-form] button[type=submit]").click()
    page.wait_for_function("document.querySelector('[data-venue-distance]')")
    assert listed(page) == by_distance(venues, lat, lon)


def test_a_postcode_outside_the_area_or_unknown_says_so(site_url, tab):
    opened, page, requests = open_directory(tab, site_url)
    by_name = listed(page)
    for typed in ["SW1A 1AA", "PO4 9ZZ", "hello"]:
        page.get_by_label("Or type a postcode").fill(typed)
        page.get_by_role("button", name="Sort by distance").click()
        page.wait_for_function("document.querySelector('[data-finder-status]').textContent.includes('do not know')")
        assert listed(page) == by_name
        page.evaluate("document.querySelector('[data-finder-status]').textContent = ''")
    assert [url.split("/postcodes/")[1] for url in requests if "/postcodes/" in url] == ["PO4.json"]
    assert opened.errors == []


def test_a_district_alone_sorts_from_its_middle(example_site, site_url, tab):
    venues = shown_venues(example_site)
    points = [point for postcode, point in postcode_centres().items() if postcode.startswith("PO3 ")]
    lat, lon = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    _, page, _ = open_directory(tab, site_url)
    page.get_by_label("Or type a postcode").fill("po3")
    page.get_by_role("button", name="Sort by distance").click()
    page.wait_for_function("document.querySelector('[data-venue-distance]')")
    assert listed(page) == by_distance(venues, lat, lon)




def test_a_nearby_po_postcode_outside_the_data_is_told_which_areas_the_list_knows(site_url, tab):
    # Havant's PO9 starts with PO like Portsmouth's, but the postcode centres cover only PO1 to PO6.
    opened, page, _ = open_directory(tab, site_url)
    page.get_by_label("Or type a postcode").fill("PO9 1AA")
    page.get_by_role("button", name="Sort by distance").click()
    page.wait_for_function("document.querySelector('[data-finder-status]').textContent.includes('do not know')")
    said = page.locator("[data-finder-status]").inner_text()
    assert "PO1, PO2, PO3, PO4, PO5, PO6" in said and "start with PO" not in said
    assert opened.errors == []
