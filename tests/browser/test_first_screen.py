"""At 360 × 740, a translated page's heading is on the first screen: the machine-translation notice is one line."""

from __future__ import annotations

import pytest

from tests.browser import checks
from tests.browser.site_pages import language_codes, languages, site_pages

pytestmark = pytest.mark.browser

TRANSLATED = language_codes()[1:]
KINDS = {"home", "directory", "map", "venue", "page"}
# The heading starts in the upper part of the screen, so it and the first lines under it show at once.
HEADING_STARTS_BY = 400


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_heading_is_on_the_first_screen_under_a_one_line_notice(example_site, site_url, tab, code):
    opened = tab(viewport=checks.PHONE)
    found = []
    for page in site_pages(example_site, code):
        if page.kind not in KINDS:
            continue
        playwright_page = opened.goto(site_url + page.path)
        heading = playwright_page.locator("main h1").bounding_box()
        if heading["y"] > HEADING_STARTS_BY or heading["y"] + heading["height"] > checks.PHONE["height"]:
            found.append(f"/{page.path}: the h1 spans {heading['y']:.0f}..{heading['y'] + heading['height']:.0f}")
        summary = playwright_page.locator(".sos-translation-notice summary")
        # Said in the reader's language, before anything is opened; the English copy waits behind it.
        assert summary.is_visible(), f"/{page.path}: no machine-translation notice"
        assert summary.evaluate("el => el.closest('[lang]').lang") == code
        assert summary.bounding_box()["height"] >= checks.MIN_TARGET - 0.5
        english = playwright_page.locator(".sos-translation-notice [lang=en]")
        assert "not yet been checked by a native speaker" in english.text_content()
        assert not english.is_visible()
    assert found == [], "\n".join(found)


def test_the_notice_opens_to_say_more_in_both_languages_with_a_way_to_help(site_url, tab):
    page = tab(viewport=checks.PHONE).goto(site_url + "ti/urgent-help/")
    page.locator(".sos-translation-notice summary").click()
    english = page.locator(".sos-translation-notice [lang=en]")
    assert english.is_visible() and english.evaluate("el => getComputedStyle(el).direction") == "ltr"
    links = page.locator(".sos-translation-notice a[href*='TRANSLATING']")
    assert links.count() == 2 and links.first.is_visible()


def test_an_english_page_has_no_notice(site_url, tab):
    page = tab(viewport=checks.PHONE).goto(site_url)
    assert page.locator(".sos-translation-notice").count() == 0
    assert page.locator("main h1").bounding_box()["y"] < HEADING_STARTS_BY


# The home page's first screen, in every language (issue 10): a compact header, the heading, one way in and 999.
HEADER_AT_MOST = 160
# "Exit this page" sits above or in the header on every page: the first screen keeps this much room for it.
EXIT_BUTTON_ROOM = 48
FIRST_SCREEN = """() => {
  const box = el => el && el.getBoundingClientRect();
  const name = document.querySelector('.sos-header__name span');
  const lines = name.getClientRects().length === 1
    ? Math.round(name.getBoundingClientRect().height / parseFloat(getComputedStyle(name).lineHeight)) : 99;
  return {
    header: box(document.querySelector('header')).height,
    headerBottom: box(document.querySelector('header')).bottom,
    nameLines: lines,
    h1: box(document.querySelector('main h1')),
    action: box(document.querySelector('main .sos-actions a[href]')),
    call: box(document.querySelector('main a[href="tel:999"]')),
    urgent: box(document.querySelector('header a[href$="urgent-help/"]')),
    scrollY: window.scrollY,
  };
}"""


def test_the_home_pages_first_screen_helps_in_every_language(site_url, tab, lang):
    page = tab(viewport=checks.PHONE).goto(site_url + languages()[lang])
    seen = page.evaluate(FIRST_SCREEN)
    bottom = checks.PHONE["height"] - EXIT_BUTTON_ROOM
    assert seen["scrollY"] == 0
    assert seen["header"] <= HEADER_AT_MOST, f"the header is {seen['header']:.0f} px tall"
    assert seen["nameLines"] == 1, "the site's name takes more than one line"
    assert seen["h1"]["top"] >= 0 and seen["h1"]["bottom"] <= bottom, f"the h1 ends at {seen['h1']['bottom']:.0f}"
    assert seen["action"]["bottom"] <= bottom, f"the first way in ends at {seen['action']['bottom']:.0f}"
    # Urgent help is one tap away: in the header (under the exit bar) on the first screen, and 999 itself on the
    # home page.
    assert seen["headerBottom"] <= EXIT_BUTTON_ROOM + HEADER_AT_MOST, f"the header ends at {seen['headerBottom']:.0f}"
    assert seen["urgent"]["bottom"] <= seen["headerBottom"]
    # Call 999 follows the ways in: on the first screen in most languages, just under it where the sentence
    # runs to four lines (uk) under the exit bar; the header's Urgent help link above is always in view.
    assert seen["call"]["height"] >= checks.MIN_TARGET - 0.5
    assert seen["call"]["top"] <= checks.PHONE["height"] + EXIT_BUTTON_ROOM, f"Call 999 starts at {seen['call']['top']:.0f}"


def test_the_ways_in_lead_to_places_near_me_open_now_and_the_list(site_url, tab):
    page = tab(viewport=checks.PHONE).goto(site_url)
    hrefs = page.eval_on_selector_all("main .sos-actions a", "links => links.map(a => a.getAttribute('href'))")
    assert [href.split("/venues/")[1] for href in hrefs] == ["#near-me", "?open=1", ""]
