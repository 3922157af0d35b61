"""No dead ends in the directory: when nothing matches, it says which choice to drop and what that gives (for
"open now", which place opens next); search finds places by the languages spoken, offers and kinds, in the
reader's language and in English."""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

import opening_hours
import pytest

from tests.browser import checks
from tests.browser.site_pages import languages
from tests.browser.venue_facts import expected, listed, shown_venues

pytestmark = pytest.mark.browser

# Tuesday 1 December 2026, 21:30 in London: every place with food and Arabic has closed for the night.
LATE = datetime.datetime(2026, 12, 1, 21, 30)


def directory(site_url, page_lang="en", query=""):
    return f"{site_url}{languages()[page_lang]}venues/{query}"


def next_to_open(venues: dict, slugs: list[str], at: datetime.datetime) -> tuple[set[str], datetime.datetime]:
    """Return the names of the places among slugs that open first after at, and when."""
    opens = {slug: opening_hours.OpeningHours(venues[slug]["opening_hours"], country="GB").next_change(at)
             for slug in slugs if venues[slug].get("opening_hours")}
    first = min(opens.values())
    return {venues[slug]["name"] for slug, when in opens.items() if when == first}, first


@pytest.mark.parametrize("page_lang", ["en", "ar"])
def test_nothing_open_now_says_how_many_open_later_and_which_opens_next(example_site, site_url, tab, page_lang):
    venues = shown_venues(example_site)
    later = expected(venues, offers=["food"], langs=["ar"])
    assert len(later) >= 2
    opened = tab(viewport=checks.PHONE)
    page = opened.page
    page.clock.set_fixed_time(LATE.replace(tzinfo=ZoneInfo("Europe/London")))
    page.goto(directory(site_url, page_lang, "?offer=food&lang=ar&open=1"))
    page.wait_for_function("!document.querySelector('[data-open-now-filter]').hidden")
    assert listed(page) == []
    empty = page.locator("[data-finder-empty]")
    assert empty.is_visible()
    # Which place opens next, and when: the words the place's own card uses.
    names, when = next_to_open(venues, later, LATE)
    said = page.locator("[data-finder-next-open]").inner_text()
    assert any(name in said for name in names), said
    assert when.strftime("%H:%M") in said.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")), said
    # Dropping "open now" is offered, with the count it gives; taking it shows those places.
    open_now = page.locator("label[for='filter-open-1']").inner_text().strip()
    count = page.evaluate("([lang, n]) => new Intl.NumberFormat(lang).format(n)", [page_lang, len(later)])
    suggestion = page.locator("[data-finder-suggestions] button", has_text=open_now)
    assert suggestion.count() == 1 and count in suggestion.inner_text()
    assert suggestion.bounding_box()["height"] >= checks.MIN_TARGET - 0.5
    suggestion.click()
    assert listed(page) == later
    assert "open=1" not in page.url
    assert not page.locator("#filter-open-1").is_checked()
    assert opened.errors == []


def test_each_choice_that_would_give_places_is_offered_with_its_count(example_site, site_url, tab):
    venues = shown_venues(example_site)
    page = tab(viewport=checks.PHONE).goto(directory(site_url, query="?offer=printing&offer=food"))
    assert listed(page) == []
    offered = page.locator("[data-finder-suggestions] button").all_inner_texts()
    # Without "Printing" the places with food show; without "Food", those with printing.
    assert len(offered) == 2
    assert re.search(rf"Printing.*\b{len(expected(venues, offers=['food']))} places", offered[0]), offered
    assert re.search(rf"Food.*\b{len(expected(venues, offers=['printing']))} places", offered[1]), offered
    # Words that find nothing are offered too.
    page.locator("[data-finder-panel] > summary").click()
    page.locator("label[for='filter-offer-food']").click()
    page.locator("#finder-search").fill("zebra")
    page.locator("#finder-search").press("Enter")
    assert listed(page) == []
    words = page.locator("[data-finder-suggestions] button", has_text="zebra")
    assert words.count() == 1
    words.click()
    assert listed(page) == expected(venues, offers=["printing"])
    assert page.locator("#finder-search").input_value() == ""


def test_the_readers_words_are_isolated_in_a_right_to_left_suggestion(site_url, tab):
    # Latin words inside an Arabic sentence would otherwise take the sentence's punctuation with them.
    page = tab(viewport=checks.PHONE).goto(directory(site_url, "ar", query="?offer=printing"))
    page.locator("[data-finder-panel] > summary").click()
    page.locator("#finder-search").fill("zebra cafe")
    page.locator("#finder-search").press("Enter")
    assert listed(page) == []
    words = page.locator("[data-finder-suggestions] button", has_text="zebra")
    assert "\u2068zebra cafe\u2069" in words.text_content()


@pytest.mark.parametrize("page_lang, words, code", [
    ("en", "arabic", "ar"), ("en", "Ukrainian", "uk"), ("ar", "عربي", "ar"), ("ar", "arabic", "ar"),
    ("fa", "عربی", "ar"), ("fa", "پشتو", "ps"), ("uk", "арабська", "ar"), ("ti", "tigrinya", "ti"),
])
def test_search_finds_places_by_a_language_spoken(example_site, site_url, tab, page_lang, words, code):
    venues = shown_venues(example_site)
    page = tab(viewport=checks.PHONE).goto(directory(site_url, page_lang))
    page.locator("[data-finder-panel] > summary").click()
    page.locator("#finder-search").fill(words)
    assert listed(page) == expected(venues, langs=[code])


@pytest.mark.parametrize("page_lang", ["ar", "uk"])
def test_search_finds_kinds_and_offers_in_english_on_a_translated_page(example_site, site_url, tab, page_lang):
    venues = shown_venues(example_site)
    page = tab(viewport=checks.PHONE).goto(directory(site_url, page_lang))
    page.locator("[data-finder-panel] > summary").click()
    page.locator("#finder-search").fill("library")
    assert listed(page) == [slug for slug in expected(venues) if venues[slug]["kind"] == "library"]
    page.locator("#finder-search").fill("baby changing")
    assert listed(page) == expected(venues, offers=["baby-changing"])
