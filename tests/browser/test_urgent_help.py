"""Help within a finger's reach: the Urgent help page's numbers, and the urgent numbers in an empty directory."""

from __future__ import annotations

import re

import pytest

from tests.browser import checks
from tests.browser.chromium import serve
from tests.browser.site_pages import languages
from tests.conftest import build_site

pytestmark = pytest.mark.browser

CALLS = "main .sos-prose a[href^='tel:']"


def call_link_sizes(page) -> list[dict]:
    """Return each call link of the page's text with its number and size in CSS pixels."""
    return page.eval_on_selector_all(CALLS, """links => links.map(link => {
      const box = link.getBoundingClientRect();
      return {href: link.getAttribute('href'), width: box.width, height: box.height};
    })""")


def test_the_urgent_help_pages_call_links_are_finger_sized(site_url, tab, lang):
    page = tab(viewport=checks.PHONE).goto(f"{site_url}{languages()[lang]}urgent-help/")
    for text_size in ("100%", "200%"):
        page.evaluate(f"document.documentElement.style.fontSize = '{text_size}'")
        links = call_link_sizes(page)
        assert {link["href"] for link in links} >= {"tel:999", "tel:111", "tel:116123", "tel:08088010503"}
        small = [link for link in links if min(link["width"], link["height"]) < checks.MIN_TARGET - 0.5]
        assert small == [], f"at {text_size} text: {small}"
        assert checks.sideways_overflow(page) == []


@pytest.fixture(scope="module")
def empty_site(tmp_path_factory):
    """Build the site from a venues folder with no venue in it; serve it."""
    tmp_path = tmp_path_factory.mktemp("no-venues")
    venues = tmp_path / "venues"
    venues.mkdir()
    with serve(build_site(tmp_path, venues_dir=venues)) as url:
        yield url


@pytest.mark.parametrize("code", ["en", "ar"])
def test_an_empty_directory_gives_no_count_but_the_urgent_numbers(empty_site, tab, code):
    page = tab(viewport=checks.PHONE).goto(f"{empty_site}{languages()[code]}venues/")
    main = page.locator("main")
    # No "There are 0 places" and no map of nothing: only that the list is empty, then where to get help now.
    assert not re.search(r"(^|\D)0(\D|$)", main.inner_text().replace("0808 8010 503", ""))
    assert page.locator("[data-map-link]").count() == 0
    calls = page.locator("main .sos-phone-list__link")
    assert calls.count() == 4
    for index in range(calls.count()):
        box = calls.nth(index).bounding_box()
        assert calls.nth(index).is_visible() and box["height"] >= checks.MIN_TARGET - 0.5
    assert calls.first.get_attribute("href") == "tel:999"
    assert checks.small_targets(page) == [] and checks.sideways_overflow(page) == []


@pytest.mark.parametrize("code", ["en", "ar"])
def test_an_empty_site_says_so_on_the_home_page_instead_of_counting_nothing(empty_site, tab, code):
    page = tab(viewport=checks.PHONE).goto(f"{empty_site}{languages()[code]}")
    count = page.locator(".sos-find__count").inner_text()
    assert not re.search(r"(^|\D)0(\D|$)", count)
    if code == "en":
        assert count == "There are no places in the list yet."
