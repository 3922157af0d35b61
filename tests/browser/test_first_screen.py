"""At 360 × 740, a translated page's heading is on the first screen: the machine-translation notice is one line."""

from __future__ import annotations

import pytest

from tests.browser import checks
from tests.browser.site_pages import language_codes, site_pages

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
