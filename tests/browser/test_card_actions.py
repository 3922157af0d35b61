"""Act from the list: every card calls and gives walking directions with 44 px targets, by an https link that works
on any phone; the privacy page names the site directions open; a venue page offers a private email before GitHub."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from pelican.settings import read_settings

from tests.browser import checks
from tests.browser.site_pages import languages, one_language_per_direction
from tests.browser.venue_facts import shown_venues
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
CARD_ACTIONS = """() => [...document.querySelectorAll('[data-venue-list] > li')].map(li => ({
  slug: li.dataset.slug,
  actions: [...li.querySelectorAll('.sos-card-actions a')].map(a => {
    const box = a.getBoundingClientRect();
    return {href: a.getAttribute('href'), width: box.width, height: box.height, name: a.textContent.replace(/\\s+/g, ' ').trim()};
  }),
}))"""


@pytest.mark.parametrize("code", one_language_per_direction())
def test_every_card_calls_and_gives_directions_with_finger_sized_links(example_site, site_url, tab, code):
    venues = shown_venues(example_site)
    page = tab(viewport=checks.PHONE).goto(f"{site_url}{languages()[code]}venues/")
    for text_size in ("100%", "200%"):
        page.evaluate(f"document.documentElement.style.fontSize = '{text_size}'")
        cards = page.evaluate(CARD_ACTIONS)
        assert [card["slug"] for card in cards] == sorted(venues, key=lambda slug: venues[slug]["name"].casefold())
        for card in cards:
            venue = venues[card["slug"]]
            hrefs = [action["href"] for action in card["actions"]]
            calls = [href for href in hrefs if href.startswith("tel:")]
            assert len(calls) == (1 if venue.get("contact", {}).get("phone") else 0), card
            directions = [urlsplit(href) for href in hrefs if "directions" in href]
            assert len(directions) == 1, card
            # An https link to OpenStreetMap's walking directions, to the place's own position.
            where = directions[0]
            assert (where.scheme, where.netloc, where.path) == ("https", "www.openstreetmap.org", "/directions")
            route = parse_qs(where.query)["route"][0]
            lat, lon = (float(part) for part in unquote(route).lstrip(";").split(","))
            assert (round(lat, 5), round(lon, 5)) == (round(venue["lat"], 5), round(venue["lon"], 5))
            for action in card["actions"]:
                assert min(action["width"], action["height"]) >= checks.MIN_TARGET - 0.5, (text_size, action)
                assert venue["name"] in action["name"], "each link names its place for a screen reader"
    assert checks.sideways_overflow(page) == []


def test_the_privacy_page_names_the_site_directions_open_in_every_language(example_site):
    for prefix in languages().values():
        privacy = (example_site / prefix / "privacy" / "index.html").read_text(encoding="utf-8")
        assert "www.openstreetmap.org" in privacy and "GitHub" in privacy, prefix


@pytest.mark.parametrize("code", one_language_per_direction())
def test_a_venue_page_offers_a_private_email_first_and_warns_that_github_is_public(site_url, tab, code):
    page = tab(viewport=checks.PHONE).goto(f"{site_url}{languages()[code]}venues/example-corner-cafe/")
    report = page.locator(".sos-report")
    links = report.locator("a")
    email = urlsplit(links.nth(0).get_attribute("href"))
    assert email.scheme == "mailto" and email.path == SETTINGS["CONTACT_EMAIL"]
    asked = parse_qs(email.query)
    assert "Corner Cup Café (example)" in asked["subject"][0]
    assert f"{languages()[code]}venues/example-corner-cafe/" in asked["body"][0]
    # GitHub second, after a plain warning (in the reader's language) that it is public and needs an account.
    assert links.nth(1).get_attribute("href").startswith(SETTINGS["VENUES_REPORT_URL"].split("?")[0])
    warning = report.locator(".sos-report__warning")
    assert "GitHub" in warning.inner_text()
    assert warning.bounding_box()["y"] < links.nth(1).bounding_box()["y"]
    assert links.nth(0).bounding_box()["y"] < warning.bounding_box()["y"]
