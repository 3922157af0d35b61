"""The split directory's search in Chromium at 360 × 740: the index fetched on first use, results as cards.

The large site (tests/conftest.py large_site) has more places than its directory shows as cards; search, filters
and "near me" run on venues/search.json, which js/directory-search.js fetches on the reader's first use.
"""

from __future__ import annotations

import datetime
import json
import math
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.browser import checks

pytestmark = pytest.mark.browser

PAGE = 20  # results shown at a time
TUESDAY_EVENING = datetime.datetime(2026, 12, 1, 19, 30)  # London time, within the large site's two weeks of hours
HERE = {"latitude": 50.7989, "longitude": -1.0912}  # Portsmouth, in the middle of the generated places


@pytest.fixture(scope="module")
def index(large_site: Path) -> dict:
    return json.loads((large_site / "venues" / "search.json").read_text(encoding="utf-8"))


def open_directory(tab, url: str, prefix: str, **options):
    """Open the directory, recording the requests for the index; return the page and that record."""
    opened = tab(viewport=checks.PHONE, **options)
    fetched: list[str] = []
    opened.page.on("request", lambda request: "search.json" in request.url and fetched.append(request.url))
    page = opened.goto(url + prefix + "venues/")
    return opened, page, fetched


def results(page) -> list[str]:
    return page.locator("[data-result-list] .sos-venue-card__title a").all_text_contents()


def open_finder(page):
    page.locator("summary.sos-finder__toggle").click()


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_the_index_comes_on_first_use_and_a_search_finds_a_place_whose_card_links_to_it(
        tab, large_url, index, prefix):
    opened, page, fetched = open_directory(tab, large_url, prefix)
    page.wait_for_timeout(300)
    assert fetched == [], "the index was fetched before anyone searched"
    open_finder(page)
    page.locator("#finder-search").focus()
    page.wait_for_function("() => true")
    page.locator("#finder-search").fill("Venue 42 Road")
    page.wait_for_function("document.querySelectorAll('[data-result-list] > li').length === 1")
    assert len(fetched) == 1
    assert [name.strip() for name in results(page)] == ["Benchmark Venue 42 (example)"]
    status = page.locator("[data-finder-status]")
    assert status.get_attribute("role") == "status"
    assert any(one in status.text_content() for one in ("1", "١"))  # as the language writes numbers
    card = page.locator("[data-result-list] .sos-venue-card")
    assert "42 Benchmark Road" in card.text_content()
    assert card.locator(".sos-offer-list__item").count() == 4
    assert card.locator("[data-open-status]").is_visible()
    found = checks.axe_violations(page, f"/{prefix}venues/ after a search")
    found += checks.sideways_overflow(page)
    assert found == [], "\n".join(found)
    card.locator("a").first.click()
    page.wait_for_load_state("load")
    assert page.url == large_url + prefix + "venues/benchmark-venue-42/"
    assert "Benchmark Venue 42" in page.locator("h1").text_content()
    assert opened.errors == []


def to_point(directions: str) -> tuple[float, float]:
    """Return the point an OpenStreetMap directions link goes to."""
    lat, lon = directions.rsplit("%3B", 1)[1].split("%2C")
    return float(lat), float(lon)


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_a_result_can_call_the_place_and_give_directions_as_its_own_card_does(tab, large_url, index, prefix):
    opened, page, _ = open_directory(tab, large_url, prefix)
    places = {place["name"]: place for place in index["places"]}
    # Places whose number no other place's name, street or postcode holds, so a search finds one place.
    said = ["".join([place["name"], place["street"], place["postcode"]]).replace(" ", "") for place in index["places"]]
    numbered = [place for place in index["places"]
                if sum(place["slug"].rsplit("-", 1)[1] in words for words in said) == 1]
    with_phone = next(place for place in numbered if "tel" in place)
    without = next(place for place in numbered if "tel" not in place)
    open_finder(page)
    for place in (with_phone, without):
        number = place["slug"].rsplit("-", 1)[1]
        page.locator("#finder-search").fill(f"Venue {number} Road")
        page.wait_for_function("document.querySelectorAll('[data-result-list] > li').length === 1 && "
                               f"document.querySelector('[data-result-list] a').textContent.includes('Venue {number} ')")
        card = page.locator("[data-result-list] .sos-venue-card")
        links = card.locator(".sos-card-actions a")
        hrefs = [links.nth(at).get_attribute("href") for at in range(links.count())]
        # The same links as the place's card on its area's page: call (if it has a number), then directions.
        own_card = opened.page.context.new_page()
        own_card.goto(large_url + prefix + "venues/" + place["slug"] + "/")
        own = own_card.locator("a[href^='https://www.openstreetmap.org/directions']").first.get_attribute("href")
        # The index's five decimals (within a metre) for the page's six: the same link to the same point.
        assert hrefs[-1].split("%3B")[0] == own.split("%3B")[0]
        assert to_point(hrefs[-1]) == pytest.approx(to_point(own), abs=6e-6)
        if "tel" in place:
            assert hrefs[0] == own_card.locator("a[href^='tel:']").first.get_attribute("href") == "tel:" + place["tel"]
        assert len(hrefs) == (2 if "tel" in place else 1)
        own_card.close()
        # Each link says what it does, then names the place for a screen reader's list of links.
        for at in range(links.count()):
            assert places[links.nth(at).locator("bdi").text_content()] is place
        open_finder(page)  # closed, so its bar at the bottom of the screen stands over no box
        found = checks.sideways_overflow(page) + checks.small_targets(page)
        assert found == [], "\n".join(found)
        open_finder(page)
    assert opened.errors == []


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_a_filter_shows_a_page_of_its_places_then_more(tab, large_url, index, prefix):
    opened, page, fetched = open_directory(tab, large_url, prefix)
    open_finder(page)
    want = [place["name"] for place in index["places"] if "wifi" in place["offers"].split()]
    assert len(want) > PAGE
    page.locator("label[for='filter-offer-wifi']").click()
    page.wait_for_function("document.querySelectorAll('[data-result-list] > li').length > 0")
    assert len(fetched) == 1
    assert "offer=wifi" in page.url
    assert results(page) == want[:PAGE]
    more = page.locator("[data-result-more]")
    more.click()
    assert results(page) == want[:2 * PAGE]
    # The first new card's link has the focus, so a keyboard or screen reader goes on where the list grew.
    assert page.evaluate("document.activeElement.textContent.trim()") == want[PAGE]
    assert more.is_hidden() == (len(want) <= 2 * PAGE)
    found = checks.axe_violations(page, f"/{prefix}venues/?offer=wifi")
    found += checks.sideways_overflow(page)
    assert found == [], "\n".join(found)
    assert opened.errors == []


def metres(place: dict) -> float:
    """Distance from HERE, near enough to order the places as the page does."""
    lat, lon = math.radians(HERE["latitude"]), math.radians(HERE["longitude"])
    dlat, dlon = math.radians(place["lat"]) - lat, math.radians(place["lon"]) - lon
    a = math.sin(dlat / 2) ** 2 + math.cos(lat) * math.cos(math.radians(place["lat"])) * math.sin(dlon / 2) ** 2
    return 2 * 6371008.8 * math.asin(math.sqrt(a))


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_near_me_lists_the_nearest_places_first_with_their_distance(tab, large_url, index, prefix):
    opened, page, fetched = open_directory(tab, large_url, prefix, geolocation=HERE, permissions=["geolocation"])
    open_finder(page)
    page.locator("[data-near-me-locate]").click()
    page.wait_for_function("document.querySelectorAll('[data-result-list] > li').length > 0")
    nearest = sorted(index["places"], key=metres)[:PAGE]
    assert results(page) == [place["name"] for place in nearest]
    assert page.locator("[data-result-list] [data-result-distance]:visible").count() == PAGE
    assert page.locator("[data-near-me-reset]").is_visible()
    found = checks.axe_violations(page, f"/{prefix}venues/ near me")
    found += checks.sideways_overflow(page)
    assert found == [], "\n".join(found)
    assert opened.errors == []


def open_at(place: dict, index: dict, moment: datetime.datetime) -> bool:
    """Say whether a place of the index is open at a London wall-clock moment, from its hours as the page reads them."""
    start = datetime.date.fromisoformat(index["hours"]["from"])
    minute = (moment.date() - start).days * 1440 + moment.hour * 60 + moment.minute
    numbers = [int(number) for number in place.get("hours", "").split()]
    at = 0
    for gap, length in zip(numbers[::2], numbers[1::2], strict=False):
        if at + gap <= minute < at + gap + length:
            return True
        at += gap + length
    return False


def test_open_now_shows_the_places_open_at_the_readers_time(tab, large_url, index):
    opened = tab(viewport=checks.PHONE)
    opened.page.clock.set_fixed_time(TUESDAY_EVENING.replace(tzinfo=ZoneInfo("Europe/London")))
    page = opened.goto(large_url + "venues/?open=1")
    page.wait_for_function("document.querySelectorAll('[data-result-list] > li').length > 0")
    want = [place["name"] for place in index["places"] if open_at(place, index, TUESDAY_EVENING)]
    assert 0 < len(want) < len(index["places"])
    assert results(page) == want[:PAGE]
    assert page.locator("#filter-open-1").is_checked()
    statuses = page.locator("[data-result-list] [data-open-status]")
    assert all(statuses.nth(number).get_attribute("data-open-state") == "open" for number in range(statuses.count()))
    assert opened.errors == []


def test_the_first_screen_shows_a_few_places_and_a_filtered_address_its_results(tab, large_url):
    opened = tab(viewport=checks.PHONE)
    opened.page.clock.set_fixed_time(TUESDAY_EVENING.replace(tzinfo=ZoneInfo("Europe/London")))
    fetched: list[str] = []
    opened.page.on("request", lambda request: "search.json" in request.url and fetched.append(request.url))
    page = opened.goto(large_url + "venues/")
    first = page.locator("[data-first-places-list] > li:visible")
    assert 1 <= first.count() <= 5
    assert all(first.nth(number).locator("[data-open-status]").get_attribute("data-open-state") == "open"
               for number in range(first.count()))
    assert page.locator("[data-first-places]").is_visible()
    assert fetched == []
    page = opened.goto(large_url + "venues/?offer=food")
    page.wait_for_function("document.querySelectorAll('[data-result-list] > li').length > 0")
    assert page.locator("[data-first-places]").is_hidden()
    assert page.locator("#filter-offer-food").is_checked()
    assert opened.errors == []
