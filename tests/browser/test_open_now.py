"""Open now, honestly: the status worked out in Chromium at frozen instants, in London time, in every edge.

The example site is built as of Friday 27 November 2026 (tests/conftest.py BUILD_DAY), so its 60-day schedule runs
to 25 January 2027. Easter Monday needs a site built nearer to Easter: it gets a build of its own, which
also holds a fictional venue open on Sunday nights past midnight.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from venues.schedule import build_schedule

from tests.browser.chromium import serve
from tests.conftest import BUILD_DAY, ROOT, build_site

pytestmark = pytest.mark.browser

LONDON = ZoneInfo("Europe/London")
FAR_AWAY = "Asia/Kabul"  # the reader's phone may be set to another zone: the status is London's
SUNDAY_NIGHT_VENUE = ROOT / "tests" / "fixtures" / "venues" / "open-now" / "example-sunday-night-cafe.yaml"


def london(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=LONDON)


def open_page(tab, url: str, moment: str, **context_options):
    """Open url with the page's clock frozen at a London wall-clock moment; return the page."""
    context_options.setdefault("timezone_id", FAR_AWAY)
    page = tab(**context_options).page
    page.clock.set_fixed_time(london(moment))
    page.goto(url, wait_until="load")
    return page


def status(page) -> str:
    """Return the venue page's status line once open-now.js has written it."""
    element = page.locator("main [data-open-status]").first
    element.wait_for(state="visible", timeout=3000)
    return element.inner_text().strip()


def venue_url(site_url: str, slug: str, lang: str = "en") -> str:
    return f"{site_url}{'' if lang == 'en' else lang + '/'}venues/{slug}/"


@pytest.mark.parametrize(("slug", "moment", "expected"), [
    # A weekday morning: Tuesday 1 December 2026, 10:00 in Portsmouth (14:30 on the phone's clock).
    ("example-harbour-library", "2026-12-01T10:00", "Open now, closes 18:00"),
    ("example-night-pharmacy", "2026-12-01T10:00", "Open now, closes 23:00"),
    ("example-southsea-church", "2026-12-01T10:00", "Open now, closes 14:00"),
    ("example-southsea-church", "2026-11-30T10:00", "Closed, opens tomorrow at 10:00"),
    ("example-southsea-church", "2026-12-01T15:00", "Closed, opens Thursday 10:00"),
    ("example-harbour-library", "2026-12-01T08:00", "Closed, opens today at 09:00"),
    ("example-station-help-point", "2026-12-01T03:00", "Open now"),  # 24/7: no closing time to give
    # Hours past midnight: Fr,Sa 18:00-02:00 and Su 12:00-18:00.
    ("example-night-pharmacy", "2026-11-28T23:30", "Open now, closes 02:00"),  # Saturday night
    ("example-night-pharmacy", "2026-11-29T00:30", "Open now, closes 02:00"),  # Sunday, still Saturday night
    ("example-night-pharmacy", "2026-11-29T02:00", "Closed, opens today at 12:00"),
    ("example-night-pharmacy", "2026-11-29T23:30", "Closed, opens tomorrow at 09:00"),  # Sunday night
    ("example-night-pharmacy", "2026-11-27T22:00", "Open now, closes 02:00"),  # Friday night, closes Saturday
    # Christmas Day, a Friday: "PH off" venues stay shut through Boxing Day (Saturday) and its
    # substitute Monday; a venue without a PH rule keeps its usual hours.
    ("example-harbour-library", "2026-12-25T10:00", "Closed, opens Tuesday 09:00"),
    ("example-cosham-surgery", "2026-12-25T10:00", "Closed, opens Tuesday 08:00"),
    ("example-eastney-shop", "2026-12-25T10:00", "Open now, closes 22:00"),
    ("example-night-pharmacy", "2026-12-25T10:00", "Closed, opens today at 18:00"),
    # Hours not known: said, at any time, never "closed".
    ("example-family-centre", "2026-12-01T10:00", "Hours not known"),
    # After the schedule's last day the page does not guess.
    ("example-harbour-library", "2027-01-26T10:00",
     "We do not know the hours after 25 January 2027: please call before you visit."),
    ("example-harbour-library", "2027-01-25T10:00", "Open now, closes 18:00"),  # its last day is still known
])
def test_status_at_frozen_instants(site_url, tab, slug, moment, expected):
    page = open_page(tab, venue_url(site_url, slug), moment)
    assert status(page) == expected


def test_the_status_follows_london_not_the_phone(site_url, tab):
    # 23:30 on Saturday in Portsmouth is Sunday morning in Kabul and Saturday afternoon in Los Angeles.
    for zone in ["Asia/Kabul", "America/Los_Angeles", "UTC"]:
        page = open_page(tab, venue_url(site_url, "example-night-pharmacy"), "2026-11-28T23:30", timezone_id=zone)
        assert status(page) == "Open now, closes 02:00", zone


def test_summer_time_is_london_summer_time(site_url, tab):
    # Hours are London wall-clock hours: in January (GMT) and, below, across the change of clocks.
    page = open_page(tab, venue_url(site_url, "example-harbour-library"), "2027-01-04T17:59", timezone_id="UTC")
    assert status(page) == "Open now, closes 18:00"
    page = open_page(tab, venue_url(site_url, "example-harbour-library"), "2027-01-04T18:00", timezone_id="UTC")
    assert status(page) == "Closed, opens tomorrow at 09:00"


def test_without_javascript_the_page_makes_no_open_now_claim(site_url, tab):
    page = open_page(tab, venue_url(site_url, "example-night-pharmacy"), "2026-12-01T10:00", java_script_enabled=False)
    assert not page.locator("main [data-open-status]").is_visible()
    text = page.locator("main").inner_text()
    assert "Open now" not in text and "Closed," not in text
    assert page.locator("main table.sos-hours-table").is_visible()  # the week of hours, from the server
    page = open_page(tab, venue_url(site_url, "example-family-centre"), "2026-12-01T10:00", java_script_enabled=False)
    assert page.locator("main [data-open-status]").inner_text().strip() == "Hours not known"


def test_the_status_is_in_the_reader_s_language(site_url, tab, lang):
    page = open_page(tab, venue_url(site_url, "example-night-pharmacy", lang), "2026-11-28T23:30")
    words = page.evaluate("window.sosPageWords.openNow")  # from the language's words.js
    if lang != "en":
        english = open_page(tab, venue_url(site_url, "example-night-pharmacy"), "2026-11-28T23:30").evaluate(
            "window.sosPageWords.openNow")
        assert words["open"] != english["open"] and words["days"] != english["days"]
    assert status(page) == words["open"].replace("{time}", words["times"]["120"])  # closes 02:00
    assert "{" not in status(page)


def test_api_for_the_directory_filter(site_url, tab):
    page = open_page(tab, venue_url(site_url, "example-night-pharmacy"), "2026-12-01T10:00")
    status(page)
    answers = page.evaluate("""() => {
        const element = document.querySelector("main [data-open-status]");
        const at = (iso) => new Date(iso);
        return {
            now: window.sosOpenNow.isOpen(element),
            sundayNight: window.sosOpenNow.isOpen(element, at("2026-11-29T00:30:00Z")),
            sundayLate: window.sosOpenNow.stateOf(element, at("2026-11-29T23:30:00Z")),
            fromCard: window.sosOpenNow.isOpen(document.querySelector("main"), at("2026-11-29T00:30:00Z")),
        };
    }""")
    assert answers == {"now": True, "sundayNight": True, "fromCard": True,
                       "sundayLate": {"state": "closed", "text": "Closed, opens tomorrow at 09:00"}}


@pytest.mark.parametrize("moment", ["2026-11-28T23:30", "2026-11-29T00:30", "2026-12-01T08:45", "2026-12-25T19:00",
                                    "2026-12-28T12:00"])
def test_directory_cards_agree_with_the_schedule_built_in_python(site_url, tab, moment):
    page = open_page(tab, f"{site_url}venues/", moment)
    page.locator("main [data-open-status]").first.wait_for(state="visible", timeout=3000)
    shown = page.evaluate("""() => [...document.querySelectorAll("main .sos-venue-card")].map((card) => [
        card.querySelector("a").getAttribute("href").split("/").filter(Boolean).pop(),
        window.sosOpenNow.stateOf(card).state,
        card.querySelector("[data-open-status]").innerText.trim(),
    ])""")
    assert len(shown) == len(list((ROOT / "venues").glob("example-*.yaml"))) - 1  # all but the lapsed one
    expected = {}
    for slug, _state, _text in shown:
        hours = yaml.safe_load((ROOT / "venues" / f"{slug}.yaml").read_text(encoding="utf-8")).get("opening_hours")
        schedule = build_schedule(hours, BUILD_DAY)
        expected[slug] = "unknown" if schedule is None else "open" if schedule.is_open(london(moment)) else "closed"
    assert {slug: state for slug, state, _text in shown} == expected
    assert all(text for _slug, _state, text in shown)
    assert "open" in expected.values() and "closed" in expected.values()


def test_map_popup_says_whether_the_place_is_open(site_url, tab):
    page = open_page(tab, f"{site_url}map/", "2026-11-28T23:30", viewport={"width": 1600, "height": 1200})
    page.wait_for_selector(".sos-venue-map .leaflet-marker-icon")
    opened = page.evaluate("""(name) => new Promise((resolve) => {
        // Open the pharmacy's popup as a reader would, by its marker (zooming into its cluster first).
        const find = () => document.querySelector('.leaflet-marker-icon[title="' + name + '"]');
        const step = () => {
            const marker = find();
            if (marker) { marker.click(); return resolve(true); }
            const cluster = document.querySelector(".marker-cluster");
            if (!cluster) { return resolve(false); }
            cluster.click();
            setTimeout(step, 400);
        };
        step();
    })""", "Late Light Pharmacy (example)")
    assert opened
    popup = page.wait_for_selector(".leaflet-popup-content [data-open-status]", state="visible", timeout=3000)
    assert popup.inner_text().strip() == "Open now, closes 02:00"


@pytest.fixture(scope="module")
def easter_site(tmp_path_factory):
    """Serve the example venues and a Sunday-night café, built as of Monday 22 March 2027."""
    folder = tmp_path_factory.mktemp("easter-site")
    venues = folder / "venues"
    shutil.copytree(ROOT / "venues", venues)
    shutil.copy(SUNDAY_NIGHT_VENUE, venues / SUNDAY_NIGHT_VENUE.name)
    output = build_site(folder, venues, VENUES_TODAY=datetime.date(2027, 3, 22))
    with serve(Path(output)) as url:
        yield url


@pytest.mark.parametrize(("slug", "moment", "expected"), [
    # Easter Monday, 29 March 2027: a bank holiday in England that opening-hours-py's GB calendar lacks.
    ("example-college-hub", "2027-03-29T11:00", "Closed, opens tomorrow at 08:30"),  # PH off
    ("example-cosham-surgery", "2027-03-29T11:00", "Closed, opens tomorrow at 08:00"),  # PH off
    ("example-eastney-shop", "2027-03-29T11:00", "Open now, closes 22:00"),  # no PH rule
    ("example-cosham-surgery", "2027-03-26T11:00", "Closed, opens Tuesday 08:00"),  # Good Friday to Easter Monday
    ("example-college-hub", "2027-03-26T11:00", "Closed, opens tomorrow at 09:00"),  # Good Friday, then Saturday
    # Sunday 23:30 at a place open past midnight, on the night the clocks went forward, before Easter Monday.
    ("example-sunday-night-cafe", "2027-03-28T23:30", "Open now, closes 01:00"),
    ("example-sunday-night-cafe", "2027-03-29T00:30", "Open now, closes 01:00"),
    ("example-sunday-night-cafe", "2027-03-29T01:00", "Closed, opens Thursday 18:00"),
])
def test_status_around_easter(easter_site, tab, slug, moment, expected):
    page = open_page(tab, venue_url(easter_site, slug), moment)
    assert status(page) == expected
