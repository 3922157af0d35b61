"""Places at one spot (one building, one postcode's point) in Chromium: a cluster that lists them, each reachable."""

from __future__ import annotations

import pytest
from test_venue_map_browser import Visit
from venue_map_fixtures import build, make_venue, spread_venues

from tests.browser import checks
from tests.browser.chromium import serve

pytestmark = pytest.mark.browser

SPOT = (50.8120, -1.0700)
SHARED = [(f"shared-{number}", f"Shared Spot {number}") for number in range(3)]
LIST_LABEL = "3 venues at one spot: list them"


@pytest.fixture(scope="module")
def spot_url(tmp_path_factory):
    """Build the twelve spread venues and three more at exactly one point, and serve the map."""
    venues = spread_venues() + [make_venue(slug, name, lat=SPOT[0], lon=SPOT[1]) for slug, name in SHARED]
    output = build(tmp_path_factory.mktemp("same-spot-site"), venues)
    with serve(output) as url:
        yield url + "map/"


@pytest.fixture
def visit(browser):
    visits = []

    def open_page(url: str) -> Visit:
        visits.append(Visit(browser, url, viewport={"width": 360, "height": 740}))
        return visits[-1]

    yield open_page
    for each in visits:
        each.close()


def close_popup_at_rest(page) -> None:
    """Click the open popup's close button once the map has stopped moving it into view."""
    # A popup opened from the address pans the map to keep itself in view; on a busy machine a click during the
    # pan can land on the moving popup's words instead of its close button.
    checks.wait_for_popup_at_rest(page)
    page.locator(".sos-venue-map .leaflet-popup-close-button").click()
    page.wait_for_selector(".sos-venue-map .leaflet-popup", state="detached")


def test_every_place_is_counted_on_the_first_view(visit, spot_url):
    page = visit(spot_url).page
    page.wait_for_selector(".sos-venue-map[data-map-ready]")
    counted = page.evaluate("""() => [...document.querySelectorAll('.sos-venue-map .leaflet-marker-icon')]
      .reduce((sum, icon) => sum + (icon.classList.contains('marker-cluster') ? Number(icon.textContent) : 1), 0)""")
    assert counted == 15


def test_an_address_opens_a_place_that_shares_its_spot_and_closing_it_leaves_a_list(visit, spot_url):
    opened = visit(spot_url + "#shared-1")
    page = opened.page
    link = page.wait_for_selector(".sos-venue-map .leaflet-popup-content a[href]", state="visible")
    assert link.text_content() == "Shared Spot 1" and link.get_attribute("href").endswith("venues/shared-1/")
    close_popup_at_rest(page)
    # At the closest zoom the three stay together, in a cluster that says it lists them.
    assert page.locator(f".sos-venue-map .marker-cluster[aria-label='{LIST_LABEL}']").count() == 1
    assert opened.errors == []


def test_the_list_opens_from_the_keyboard_links_every_place_and_escape_returns_focus(visit, spot_url):
    opened = visit(spot_url + "#shared-0")
    page = opened.page
    page.wait_for_selector(".sos-venue-map .leaflet-popup-content a[href]", state="visible")
    close_popup_at_rest(page)
    cluster = page.locator(f".sos-venue-map .marker-cluster[aria-label='{LIST_LABEL}']")
    assert cluster.get_attribute("role") == "button" and cluster.get_attribute("tabindex") == "0"
    cluster.focus()
    page.keyboard.press("Enter")
    popup = page.wait_for_selector(".sos-venue-map .leaflet-popup-content", state="visible")
    assert popup.query_selector("[data-cluster-title]").text_content() == "3 venues at one spot"
    links = popup.query_selector_all("a[href]")
    assert [(a.text_content(), a.get_attribute("href").rsplit("/", 2)[1]) for a in links] == [
        (name, slug) for slug, name in SHARED]
    # Focus goes to the first place in the list, and Escape brings it back to the cluster.
    assert page.evaluate("document.activeElement.textContent") == "Shared Spot 0"
    page.keyboard.press("Escape")
    page.wait_for_selector(".sos-venue-map .leaflet-popup", state="detached")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == LIST_LABEL
    assert opened.errors == []


def test_entering_clusters_from_the_keyboard_reaches_the_list(visit, spot_url):
    opened = visit(spot_url)
    page = opened.page
    page.wait_for_selector(".sos-venue-map[data-map-ready]")
    for _ in range(25):  # Enter on the cluster that holds the three, level after level
        label = page.evaluate("""() => { const c = [...document.querySelectorAll('.sos-venue-map .marker-cluster')]
          .find(el => el.getAttribute('aria-label').includes('at one spot') || Number(el.textContent) >= 3
                && el.getAttribute('aria-label').includes('zoom in'));
          if (!c) return null; c.focus(); return c.getAttribute('aria-label'); }""")
        assert label is not None
        if label == LIST_LABEL:
            break
        cluster = page.evaluate_handle("document.activeElement")
        page.keyboard.press("Enter")
        page.wait_for_function("(cluster) => !cluster.isConnected && !document.querySelector('.leaflet-zoom-anim')"
                               " && document.activeElement.matches('.leaflet-marker-icon')", arg=cluster, timeout=5000)
    assert label == LIST_LABEL
    page.keyboard.press("Enter")
    popup = page.wait_for_selector(".sos-venue-map .leaflet-popup-content", state="visible")
    assert len(popup.query_selector_all("a[href]")) == 3
    assert opened.errors == []
