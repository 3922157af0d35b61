"""The directory's filters in Chromium: each shows exactly the places whose files say so, alone and combined;
the address holds the choice and Back undoes it; the pages for readers without JavaScript list the same places."""

from __future__ import annotations

import datetime
import json
from collections import Counter
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import opening_hours
import pytest

from tests.browser import checks
from tests.browser.site_pages import languages
from tests.browser.venue_facts import expected, listed, shown_venues, single_filters
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


def directory(site_url: str, page_lang: str = "en", **choices) -> str:
    query = urlencode([(name, value) for name, values in choices.items() for value in values])
    return f"{site_url}{languages()[page_lang]}venues/" + (f"?{query}" if query else "")


def server_listing(page) -> list[str]:
    return page.eval_on_selector_all("main .sos-venue-list > li", "els => els.map(el => el.dataset.slug)")


def test_each_filter_alone_shows_exactly_the_places_whose_files_say_so(example_site, site_url, tab):
    venues = shown_venues(example_site)
    page = tab(viewport=checks.PHONE).page
    wrong = []
    tried = Counter()
    for name, value, want in single_filters(venues):
        tried[name] += 1
        page.goto(directory(site_url, **{name: [value]}))
        if listed(page) != want:
            wrong.append(f"{name}={value}: shows {listed(page)}, files say {want}")
        # The address restored the filter: its box is ticked and the count says so.
        assert page.locator(f"input[name={name}][value='{value}']").is_checked()
        assert page.locator("[data-finder-status]").inner_text().startswith(f"Showing {len(want)} of {len(venues)}")
    assert wrong == []
    assert tried["offer"] > 5 and tried["lang"] > 5 and tried["access"] > 3


@pytest.mark.parametrize("choices", [
    {"offer": ["wifi", "toilets"]},
    {"offer": ["hot-drink"], "lang": ["ar"]},
    {"lang": ["ps", "ti"]},
    {"offer": ["call-for-help"], "lang": ["uk", "fa"], "access": ["hearing-loop"]},
    {"offer": ["printing", "food"]},
], ids=["two-offers", "offer-and-language", "two-languages", "offer-languages-access", "none-match"])
def test_filters_combined(example_site, site_url, tab, choices):
    venues = shown_venues(example_site)
    page = tab(viewport=checks.PHONE).goto(directory(site_url, **choices))
    want = expected(venues, offers=choices.get("offer", ()), langs=choices.get("lang", ()), access=choices.get("access", ()))
    assert listed(page) == want
    empty = page.locator("[data-finder-empty]")
    assert empty.is_visible() == (want == [])


def test_ticking_boxes_filters_at_once_puts_the_choice_in_the_address_and_back_undoes_it(example_site, site_url, tab):
    venues = shown_venues(example_site)
    opened = tab(viewport=checks.PHONE)
    page = opened.goto(directory(site_url, "ar"))
    everyone = listed(page)
    assert len(everyone) == len(venues)
    page.locator("[data-finder-panel] > summary").click()
    assert not page.locator("[data-finder-clear]").is_visible(), "nothing to clear yet"
    page.locator("label[for='filter-offer-wifi']").click()
    assert listed(page) == expected(venues, offers=["wifi"])
    assert page.url.endswith("/ar/venues/?offer=wifi")
    page.locator("label[for='filter-lang-uk']").click()
    assert listed(page) == expected(venues, offers=["wifi"], langs=["uk"])
    assert page.url.endswith("/ar/venues/?offer=wifi&lang=uk")
    # The map link carries the same choice.
    assert page.locator("[data-map-link]").get_attribute("href").endswith("map/?offer=wifi&lang=uk")
    page.go_back()
    assert page.url.endswith("/ar/venues/?offer=wifi")
    assert listed(page) == expected(venues, offers=["wifi"])
    assert not page.locator("#filter-lang-uk").is_checked()
    page.go_back()
    assert listed(page) == everyone
    assert not page.locator("#filter-offer-wifi").is_checked()
    page.go_forward()
    assert listed(page) == expected(venues, offers=["wifi"])
    # Clearing shows everyone again, as a new step in the history.
    page.locator("[data-finder-clear]").click()
    page.wait_for_function("!location.search")
    assert listed(page) == everyone
    assert opened.errors == []


def test_a_shared_filtered_address_ticks_its_choices_and_shows_its_places_first(site_url, tab):
    page = tab(viewport=checks.PHONE).goto(directory(site_url, "fa", offer=["food"], lang=["ps"]))
    # The places come first, under the status line naming the choices; the closed panel holds the ticked boxes.
    assert page.locator("[data-finder-panel]").evaluate("el => el.open") is False
    assert page.locator("[data-finder-status]").bounding_box()["y"] < checks.PHONE["height"] / 2
    assert page.locator("#filter-offer-food").is_checked() and page.locator("#filter-lang-ps").is_checked()
    page.reload()
    assert page.locator("#filter-offer-food").is_checked()


@pytest.mark.parametrize("page_lang", ["en", "ar"])
def test_pages_without_javascript_list_the_same_places_as_the_filters(example_site, site_url, tab, page_lang):
    venues = shown_venues(example_site)
    with_js = tab(viewport=checks.PHONE).page
    without_js = tab(viewport=checks.PHONE, java_script_enabled=False).page
    prefix = languages()[page_lang]
    without_js.goto(f"{site_url}{prefix}venues/")
    links = without_js.eval_on_selector_all(".sos-browse a", "els => els.map(a => new URL(a.href).pathname)")
    langs = sorted({code for venue in venues.values() for code in venue["languages"]})
    schema = json.loads((ROOT / "plugins" / "venues" / "schema.json").read_text(encoding="utf-8"))
    offers = [choice["const"] for choice in schema["properties"]["offers"]["items"]["oneOf"]
              if any(choice["const"] in venue["offers"] for venue in venues.values())]
    districts = sorted({venue["address"]["postcode"].split()[0].lower() for venue in venues.values()},
                       key=lambda key: (len(key), key))  # natural order: po9 before po10
    assert links == ([f"/{prefix}venues/offers/{offer}/" for offer in offers]
                     + [f"/{prefix}venues/languages/{code}/" for code in langs]
                     + [f"/{prefix}venues/areas/{key}/" for key in districts])
    different = []
    for name, folder, values in (("offer", "offers", offers), ("lang", "languages", langs)):
        for value in values:
            without_js.goto(f"{site_url}{prefix}venues/{folder}/{value}/")
            on_server = server_listing(without_js)
            with_js.goto(directory(site_url, page_lang, **{name: [value]}))
            files = expected(venues, **{"offers" if name == "offer" else "langs": [value]})
            if not on_server == listed(with_js) == files:
                different.append(f"{folder}/{value}: page {on_server}, filter {listed(with_js)}, files {files}")
    assert different == []


@pytest.mark.parametrize("page_lang", ["en", "ar"])
def test_the_open_finder_and_the_listing_pages_pass_axe_reflow_and_target_size(site_url, tab, page_lang):
    opened = tab(viewport=checks.PHONE, permissions=["geolocation"], geolocation={"latitude": 50.8, "longitude": -1.09})
    page = opened.goto(directory(site_url, page_lang, offer=["safe-space"]))
    page.locator("[data-finder-panel] > summary").click()
    page.locator("[data-near-me-locate]").click()
    page.wait_for_selector("[data-venue-distance]")
    found = []
    where = f"{page_lang} directory, finder open, sorted"
    found += checks.axe_violations(page, where)
    lines = checks.sideways_overflow(page) + checks.small_text(page) + checks.small_targets(page)
    found += [f"{where}: {line}" for line in lines]
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    found += [f"{where} at 200% text: {line}" for line in checks.sideways_overflow(page)]
    prefix = languages()[page_lang]
    for path in ["venues/offers/wifi/", "venues/languages/uk/"]:
        page = opened.goto(f"{site_url}{prefix}{path}")
        found += checks.axe_violations(page, path)
        found += [f"{path}: {line}" for line in checks.sideways_overflow(page) + checks.small_targets(page)]
    assert found == [], "\n".join(found)
    assert opened.errors == []


@pytest.mark.parametrize("moment", ["2026-12-01T10:00", "2026-11-29T00:30", "2026-11-29T23:30", "2026-12-25T10:00",
                                    "2026-12-01T21:30"],
                         ids=["weekday-morning", "saturday-night-past-midnight", "sunday-23-30", "christmas-day",
                              "weekday-late"])
def test_open_now_shows_exactly_the_places_open_at_that_moment_in_london(example_site, site_url, tab, moment):
    venues = shown_venues(example_site)
    at = datetime.datetime.fromisoformat(moment)  # London wall-clock time
    # Christmas Day and Boxing Day are public holidays in all of the UK: no England-only days in these moments.
    is_open = {slug: bool(venue.get("opening_hours"))
               and opening_hours.OpeningHours(venue["opening_hours"], country="GB").is_open(at)
               for slug, venue in venues.items()}
    page = tab(viewport=checks.PHONE, timezone_id="Asia/Kabul").page  # the phone's own zone does not matter
    page.clock.set_fixed_time(at.replace(tzinfo=ZoneInfo("Europe/London")))
    page.goto(directory(site_url, open=["1"]))
    page.wait_for_function("document.querySelector('[data-open-now-filter]') && "
                           "!document.querySelector('[data-open-now-filter]').hidden")
    want = [slug for slug in expected(venues) if is_open[slug]]
    assert listed(page) == want
    assert len(want) < len(venues)
    assert page.locator("#filter-open-1").is_checked()
    # Combined with an offer.
    page.goto(directory(site_url, offer=["phone-charging"], open=["1"]))
    page.wait_for_function("!document.querySelector('[data-open-now-filter]').hidden")
    assert listed(page) == [slug for slug in expected(venues, offers=["phone-charging"]) if is_open[slug]]


def test_an_open_now_list_drops_a_place_when_it_closes(site_url, tab):
    page = tab(viewport=checks.PHONE).page
    # Tuesday 1 December 2026, half a minute before the Harbour Reading Room closes at 18:00.
    page.clock.install(time=datetime.datetime(2026, 12, 1, 17, 59, 30, tzinfo=ZoneInfo("Europe/London")))
    page.goto(directory(site_url, open=["1"]))
    page.wait_for_function("!document.querySelector('[data-open-now-filter]').hidden")
    assert "example-harbour-library" in listed(page)
    page.clock.run_for(61_000)
    assert "example-harbour-library" not in listed(page)
