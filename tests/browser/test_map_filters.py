"""The map in Chromium with the directory's filters in its address: it shows exactly the places whose files say so,
on the map (single markers and the places inside clusters) and in the list under it, says which filters and how many;
"Show where I am" centres the map on the phone's position without sending it anywhere."""

from __future__ import annotations

import datetime
import re
import sys
from collections import Counter
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest

from tests.browser import checks
from tests.browser.site_pages import languages
from tests.browser.test_reduced_motion import RECORDER
from tests.browser.venue_facts import expected, listed, shown_venues, single_filters
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from venues import schema  # noqa: E402

pytestmark = pytest.mark.browser

ON_MAP = """() => ({
  singles: [...document.querySelectorAll('.sos-venue-map .leaflet-marker-icon:not(.marker-cluster)')].map(el => el.title),
  clusters: [...document.querySelectorAll('.sos-venue-map .marker-cluster')].map(el => +el.textContent),
})"""
MAP_LIST = "[data-map-list] > li"
STATUS = "[data-map-filter-status]"


def map_url(site_url: str, page_lang: str = "en", **choices) -> str:
    query = urlencode([(name, value) for name, values in choices.items() for value in values])
    return f"{site_url}{languages()[page_lang]}map/" + (f"?{query}" if query else "")


def open_map(tab, url: str, **context_options):
    opened = tab(viewport=checks.PHONE, **context_options)
    page = opened.goto(url)
    settle(page)
    return opened, page


def settle(page):
    """Wait until the places have joined the map (there may be none) and markercluster stands still."""
    page.wait_for_selector(".sos-venue-map[data-map-ready] .leaflet-map-pane", state="attached")
    page.wait_for_function("document.querySelector('[data-map-locate]') && !document.querySelector('[data-map-locate]').hidden")
    page.wait_for_function("!document.documentElement.classList.contains('sos-map-filtering')")
    page.wait_for_function("!document.querySelector('.leaflet-cluster-anim, .leaflet-zoom-anim, .leaflet-pan-anim')")


def on_the_map(page, venues: dict) -> tuple[list[str], int]:
    """Return the slugs of the places shown as single markers, and how many places the map shows in all."""
    shown = page.evaluate(ON_MAP)
    by_name = {venue["name"]: slug for slug, venue in venues.items()}
    return sorted(by_name[title] for title in shown["singles"]), len(shown["singles"]) + sum(shown["clusters"])


def map_list(page) -> list[str]:
    return page.eval_on_selector_all(MAP_LIST, "els => els.filter(el => el.checkVisibility()).map(el => el.dataset.slug)")


def check_shows(page, venues: dict, want: list[str], where: str) -> list[str]:
    """Return what is wrong with the map and its list against the places wanted."""
    singles, count = on_the_map(page, venues)
    wrong = []
    if not set(singles) <= set(want) or count != len(want):
        wrong.append(f"{where}: the map shows {count} places ({singles} alone), files say {want}")
    if map_list(page) != want:
        wrong.append(f"{where}: the list shows {map_list(page)}, files say {want}")
    return wrong


def test_each_filter_alone_shows_exactly_the_places_whose_files_say_so(example_site, site_url, tab):
    venues = shown_venues(example_site)
    opened, page = open_map(tab, map_url(site_url))
    wrong = []
    tried = Counter()
    for name, value, want in single_filters(venues):
        tried[name] += 1
        page.goto(map_url(site_url, **{name: [value]}))
        settle(page)
        wrong += check_shows(page, venues, want, f"{name}={value}")
        status = page.locator(STATUS).inner_text()
        if not status.startswith(f"Showing {len(want)} of {len(venues)} places."):
            wrong.append(f"{name}={value}: the map says {status!r}")
    assert wrong == []
    assert tried["offer"] > 5 and tried["lang"] > 5 and tried["access"] > 3
    assert opened.errors == []


@pytest.mark.parametrize("page_lang", ["en", "ar"])
@pytest.mark.parametrize("choices", [
    {"offer": ["wifi"]},
    {"offer": ["wifi", "toilets"]},
    {"offer": ["hot-drink"], "lang": ["ar"]},
    {"lang": ["ps", "ti"]},
    {"offer": ["call-for-help"], "lang": ["uk", "fa"], "access": ["hearing-loop"]},
    {"offer": ["printing", "food"]},
], ids=["wifi", "two-offers", "offer-and-language", "two-languages", "offer-languages-access", "none-match"])
def test_filters_combined_on_the_map_and_its_list(example_site, site_url, tab, page_lang, choices):
    venues = shown_venues(example_site)
    opened, page = open_map(tab, map_url(site_url, page_lang, **choices))
    want = expected(venues, offers=choices.get("offer", ()), langs=choices.get("lang", ()),
                    access=choices.get("access", ()))
    assert check_shows(page, venues, want, str(choices)) == []
    assert page.locator("[data-map-filter]").is_visible()
    # The same places as the directory with the same address.
    directory = page.context.new_page()
    directory.goto(map_url(site_url, page_lang, **choices).replace("/map/", "/venues/"))
    assert listed(directory) == want
    assert opened.errors == []


def test_the_map_without_filters_shows_every_place_and_no_filter_box(example_site, site_url, tab):
    venues = shown_venues(example_site)
    opened, page = open_map(tab, map_url(site_url))
    assert check_shows(page, venues, expected(venues), "no filters") == []
    assert not page.locator("[data-map-filter]").is_visible()
    assert opened.errors == []


def test_the_map_says_how_many_places_and_which_filters_and_links_to_all_and_to_the_list(example_site, site_url, tab):
    venues = shown_venues(example_site)
    offers = schema.offers()
    opened, page = open_map(tab, map_url(site_url, offer=["wifi", "toilets"], lang=["uk", "ar"],
                                         access=["step-free-entrance"]))
    want = expected(venues, offers=["wifi", "toilets"], langs=["uk", "ar"], access=["step-free-entrance"])
    assert 0 < len(want) < len(venues)
    status = page.locator(STATUS).inner_text()
    assert status == (f"Showing {len(want)} of {len(venues)} places. "
                      f"What it offers: {offers['wifi'].title} and {offers['toilets'].title}. "
                      "Languages spoken: Ukrainian or Arabic. "
                      f"Accessibility: {schema.accessibility_features()['step-free-entrance'].title}.")
    assert page.locator(STATUS).get_attribute("role") == "status"
    query = "offer=wifi&offer=toilets&lang=uk&lang=ar&access=step-free-entrance"
    change = page.get_by_role("link", name="Change the filters in the list")
    assert change.get_attribute("href") == f"../venues/?{query}"
    assert page.locator("[data-map-list-link]").get_attribute("href") == f"../venues/?{query}"
    # Show all: every place again, in the same page; Back brings the filters back.
    page.get_by_role("link", name="Show all places on the map").click()
    page.wait_for_function("!location.search")
    settle(page)
    assert check_shows(page, venues, expected(venues), "after show all") == []
    assert not page.locator("[data-map-filter]").is_visible()
    assert page.locator("[data-map-list-link]").get_attribute("href") == "../venues/"
    page.go_back()
    page.wait_for_function("location.search")
    settle(page)
    assert check_shows(page, venues, want, "after Back") == []
    # Changing the filters opens the directory with the same choices made.
    change.click()
    page.wait_for_url(re.compile(r"/venues/\?"))
    assert page.locator("#filter-offer-wifi").is_checked() and page.locator("#filter-lang-uk").is_checked()
    assert listed(page) == want
    assert opened.errors == []


def test_the_directorys_map_link_opens_the_map_with_its_filters(example_site, site_url, tab):
    venues = shown_venues(example_site)
    page = tab(viewport=checks.PHONE).goto(f"{site_url}fa/venues/?offer=wifi&lang=ar")
    page.locator("[data-map-link]").click()
    page.wait_for_url(re.compile(r"/fa/map/\?offer=wifi&lang=ar$"))
    settle(page)
    assert check_shows(page, venues, expected(venues, offers=["wifi"], langs=["ar"]), "from the directory") == []
    # The sentence is in the page's language, with the offer and language named in it.
    status = page.locator(STATUS).inner_text()
    assert "Showing" not in status and "What it offers" not in status
    assert "چه چیزهایی دارد:" in status


@pytest.mark.parametrize("page_lang, query, find", [
    ("en", "Harbour", "Harbour Reading Room"),
    ("en", "po6 3qg", "Hillside Health Centre"),
    ("ar", "PO6", "Hillside Health Centre"),
])
def test_a_search_in_the_address_finds_a_place_by_its_name_or_postcode(example_site, site_url, tab, page_lang,
                                                                        query, find):
    venues = shown_venues(example_site)
    want = [slug for slug, venue in venues.items() if venue["name"].startswith(find)]
    assert len(want) == 1
    opened, page = open_map(tab, map_url(site_url, page_lang, q=[query]))
    assert check_shows(page, venues, want, f"q={query}") == []
    assert query in page.locator(STATUS).inner_text()
    assert opened.errors == []


@pytest.mark.parametrize("moment", ["2026-12-01T10:00", "2026-11-29T23:30", "2026-12-25T10:00"],
                         ids=["weekday-morning", "sunday-23-30", "christmas-day"])
def test_open_now_shows_exactly_the_places_open_at_that_moment_in_london(example_site, site_url, tab, moment):
    opening_hours = pytest.importorskip("opening_hours")
    venues = shown_venues(example_site)
    at = datetime.datetime.fromisoformat(moment)  # London wall-clock time; no England-only holidays among these
    is_open = {slug: bool(venue.get("opening_hours"))
               and opening_hours.OpeningHours(venue["opening_hours"], country="GB").is_open(at)
               for slug, venue in venues.items()}
    opened = tab(viewport=checks.PHONE, timezone_id="America/New_York")  # the phone's own zone does not matter
    opened.page.clock.set_fixed_time(at.replace(tzinfo=ZoneInfo("Europe/London")))
    page = opened.goto(map_url(site_url, open=["1"]))
    settle(page)
    want = [slug for slug in expected(venues) if is_open[slug]]
    assert 0 < len(want) < len(venues) or moment == "2026-12-25T10:00"
    assert check_shows(page, venues, want, f"open at {moment}") == []
    assert "Only places open now." in page.locator(STATUS).inner_text()
    # Combined with an offer.
    page.goto(map_url(site_url, offer=["phone-charging"], open=["1"]))
    settle(page)
    want = [slug for slug in expected(venues, offers=["phone-charging"]) if is_open[slug]]
    assert check_shows(page, venues, want, f"phone charging open at {moment}") == []
    assert opened.errors == []


def test_an_open_now_map_drops_a_place_when_it_closes(example_site, site_url, tab):
    venues = shown_venues(example_site)
    opened = tab(viewport=checks.PHONE)
    # Tuesday 1 December 2026, half a minute before the Harbour Reading Room closes at 18:00.
    opened.page.clock.install(time=datetime.datetime(2026, 12, 1, 17, 59, 30, tzinfo=ZoneInfo("Europe/London")))
    page = opened.goto(map_url(site_url, open=["1"]))
    settle(page)
    assert "example-harbour-library" in map_list(page)
    before = on_the_map(page, venues)[1]
    page.clock.run_for(61_000)
    settle(page)
    assert "example-harbour-library" not in map_list(page)
    assert on_the_map(page, venues)[1] == before - 1


def map_centre_offset(page) -> tuple[float, float]:
    """Return how far the dot marking the reader is from the middle of the map, in CSS pixels."""
    return tuple(page.evaluate("""() => {
      const dot = document.querySelector('.sos-venue-map .sos-venue-map__you').getBoundingClientRect();
      const map = document.querySelector('.sos-venue-map').getBoundingClientRect();
      return [dot.left + dot.width / 2 - (map.left + map.width / 2), dot.top + dot.height / 2 - (map.top + map.height / 2)];
    }"""))


# Eastney, at the east of the city: away from the middle of the places, so the map has to move.
HERE = (50.7890, -1.0450)


@pytest.mark.parametrize("page_lang", ["en", "ar"])
def test_show_where_i_am_centres_the_map_on_the_phone_and_sends_nothing(site_url, tab, page_lang):
    lat, lon = HERE
    opened = tab(viewport=checks.PHONE, permissions=["geolocation"], geolocation={"latitude": lat, "longitude": lon},
                 reduced_motion="reduce")
    opened.context.add_init_script(RECORDER)
    requests: list[str] = []
    opened.page.on("request", lambda request: requests.append(request.url))
    page = opened.goto(map_url(site_url, page_lang))
    settle(page)
    zoom_before = tile_zooms(requests)
    assert page.locator(".sos-venue-map__you").count() == 0
    # A real button, reached from the keyboard before the map's markers, next to the privacy sentence.
    button = page.locator("[data-map-locate-button]")
    for _ in range(40):
        page.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            break
    assert button.evaluate("el => el === document.activeElement"), "Tab never reached the button"
    assert button.evaluate("el => el.tagName") == "BUTTON"
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    privacy = page.locator("[data-map-locate]").inner_text()
    if page_lang == "en":
        assert page.get_by_role("button", name="Show where I am").is_visible()
        assert "Your position never leaves your phone" in privacy
    page.keyboard.press("Enter")
    page.wait_for_selector(".sos-venue-map .sos-venue-map__you")
    # Centred at once: with reduced motion nothing slides there.
    dx, dy = map_centre_offset(page)
    assert abs(dx) <= 1.5 and abs(dy) <= 1.5, (dx, dy)
    assert page.evaluate("window.__motion") == []
    if page_lang == "en":
        assert page.locator("[data-map-locate-status]").inner_text() == (
            "The map is centred on where you are, shown by a blue dot.")
    # The position went nowhere: no request carries it, the address does not hold it, and the map asked the
    # tile server for no closer pictures than before.
    coordinates = [str(lat), str(lon), f"{lat:.3f}", f"{lon:.3f}"]
    assert not [url for url in requests if any(number in url for number in coordinates)]
    assert str(lat) not in page.url
    assert tile_zooms(requests) == zoom_before
    # The dot is not a stop for the keyboard or a target for a finger.
    assert page.locator(".sos-venue-map__you").evaluate(
        "el => !el.hasAttribute('tabindex') && !el.classList.contains('leaflet-interactive')")
    assert opened.errors == []


def tile_zooms(requests: list[str]) -> set[int]:
    return {int(match.group(1)) for url in requests if (match := re.search(r"tile\.openstreetmap\.org/(\d+)/", url))}


def test_show_where_i_am_glides_there_without_reduced_motion(site_url, tab):
    lat, lon = HERE
    opened = tab(viewport=checks.PHONE, permissions=["geolocation"], geolocation={"latitude": lat, "longitude": lon},
                 reduced_motion="no-preference")
    opened.context.add_init_script(RECORDER)
    page = opened.goto(map_url(site_url))
    settle(page)
    page.get_by_role("button", name="Show where I am").click()
    page.wait_for_selector(".sos-venue-map .sos-venue-map__you")
    settle(page)
    page.wait_for_timeout(400)  # Leaflet's pan takes a quarter of a second
    dx, dy = map_centre_offset(page)
    assert abs(dx) <= 1.5 and abs(dy) <= 1.5, (dx, dy)
    assert page.evaluate("window.__motion"), "the recorder should see the map glide"


def test_a_refused_position_says_so_and_leaves_the_map(example_site, site_url, tab):
    venues = shown_venues(example_site)
    opened, page = open_map(tab, map_url(site_url, offer=["wifi"]))  # no permission granted: the browser refuses
    before = page.evaluate(ON_MAP)
    page.get_by_role("button", name="Show where I am").click()
    page.wait_for_function("document.querySelector('[data-map-locate-status]').textContent.includes('did not give')")
    assert page.locator(".sos-venue-map__you").count() == 0
    assert page.evaluate(ON_MAP) == before
    assert check_shows(page, venues, expected(venues, offers=["wifi"]), "refused") == []


@pytest.mark.parametrize("page_lang", ["en", "ar"])
def test_the_filtered_map_with_its_position_passes_axe_reflow_and_target_size_and_mirrors(site_url, tab, page_lang):
    opened = tab(viewport=checks.PHONE, permissions=["geolocation"], geolocation={"latitude": HERE[0], "longitude": HERE[1]})
    page = opened.goto(map_url(site_url, page_lang, offer=["safe-space"], lang=["ar"]))
    settle(page)
    page.locator("[data-map-locate-button]").click()
    page.wait_for_selector(".sos-venue-map .sos-venue-map__you")
    settle(page)
    where = f"{page_lang} map, filtered and located"
    found = checks.axe_violations(page, where)
    found += [f"{where}: {line}" for line in checks.sideways_overflow(page) + checks.small_text(page)
              + checks.small_targets(page)]
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    found += [f"{where} at 200% text: {line}" for line in checks.sideways_overflow(page)]
    assert found == [], "\n".join(found)
    # The words above the map follow the page's direction; the map itself stays left to right.
    direction = "rtl" if page_lang == "ar" else "ltr"
    for selector in ["[data-map-filter]", "[data-map-locate]"]:
        assert page.locator(selector).evaluate("el => getComputedStyle(el).direction") == direction, selector
    assert page.locator(".sos-venue-map").evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert opened.errors == []


def test_on_a_filtered_map_the_keyboard_reaches_only_the_places_shown(example_site, site_url, tab):
    venues = shown_venues(example_site)
    want = expected(venues, offers=["wifi"])
    names = {venues[slug]["name"] for slug in want}
    opened, page = open_map(tab, map_url(site_url, offer=["wifi"]))
    reached: list[str] = []
    entered = 0
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => { const el = document.activeElement; return {inMap: !!el.closest('.sos-venue-map'),"
                                " marker: el.matches('.leaflet-marker-icon:not(.marker-cluster)'), title: el.title,"
                                " cluster: el.matches('.marker-cluster'), count: +el.textContent}; }")
        if focused["marker"]:
            reached.append(focused["title"])
        elif focused["cluster"] and entered < 3:
            # A cluster holds only places shown: go into it, as a reader would with Enter.
            assert focused["count"] <= len(want), focused
            entered += 1
            cluster = page.evaluate_handle("document.activeElement")
            page.keyboard.press("Enter")
            page.wait_for_function("(cluster) => !cluster.isConnected && !document.querySelector('.leaflet-zoom-anim') && "
                                   "document.activeElement.matches('.leaflet-marker-icon')", arg=cluster, timeout=3000)
            focused = page.evaluate("() => ({marker: document.activeElement.matches('.leaflet-marker-icon:not(.marker-cluster)'),"
                                    " title: document.activeElement.title})")
            if focused["marker"]:
                reached.append(focused["title"])
        elif reached and not focused["inMap"]:
            break
    assert reached and set(reached) <= names, reached
    assert opened.errors == []


def test_the_filter_code_is_fetched_only_for_an_address_with_filters(site_url, tab):
    opened = tab(viewport=checks.PHONE)
    requests: list[str] = []
    opened.page.on("request", lambda request: requests.append(request.url))
    page = opened.goto(map_url(site_url))
    settle(page)
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "filters.js" in url]
    page.goto(map_url(site_url, lang=["ar"]))
    settle(page)
    assert [url.rsplit("/", 1)[1] for url in requests if "filters.js" in url] == ["filters.js", "map-filters.js"]
    assert opened.errors == []


def test_every_place_shows_when_the_filter_code_does_not_come(example_site, site_url, tab):
    venues = shown_venues(example_site)
    opened = tab(viewport=checks.PHONE)
    opened.context.route("**/map-filters.js", lambda route: route.abort())
    page = opened.goto(map_url(site_url, offer=["wifi"]))
    settle(page)
    assert check_shows(page, venues, expected(venues), "without map-filters.js") == []
    assert page.locator(".sos-venue-map .leaflet-marker-pane").evaluate("el => getComputedStyle(el).visibility") == "visible"
