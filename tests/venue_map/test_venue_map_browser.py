"""Open the built map page in headless Chromium: markers, keyboard, popups, privacy."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import axe_playwright_python.sync_playwright as axe_sync
import pytest
from venue_map_fixtures import HOSTILE_NAME, build, make_venue, spread_venues

from tests.browser import checks
from tests.browser.chromium import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """Build a map with a hostile name and two venues 10 m apart, and serve it on 127.0.0.1."""
    venues = spread_venues()
    venues[3] = make_venue("trap", HOSTILE_NAME, lat=50.7880, lon=-1.0470)
    venues.append(make_venue("twin-one", "Twin One", lat=50.8250, lon=-1.0560))
    venues.append(make_venue("twin-two", "Twin Two", lat=50.82509, lon=-1.05600))
    output = build(tmp_path_factory.mktemp("browser-site"), venues)
    with serve(output) as url:
        yield url + "map/"


class Visit:
    """Open the map page and record what it asks for and what it complains about."""

    def __init__(self, browser, url: str, **context_options):
        self.context = browser.new_context(**context_options)
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on("dialog", lambda dialog: self.errors.append(f"dialog: {dialog.message}") or dialog.dismiss())
        self.page.goto(url)
        self.page.wait_for_selector(".sos-venue-map .leaflet-marker-icon")
        # Leaflet marks the map while it zooms; check things at rest.
        self.page.wait_for_function("!document.querySelector('.leaflet-cluster-anim')")

    def _route(self, route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _console(self, message):
        if message.type != "error":
            return
        # Tiles are aborted on purpose above; Chromium reports each as a failed load.
        if message.text.startswith("Failed to load resource") and message.location.get("url", "") in self.outside:
            return
        self.errors.append(f"console: {message.text} at {message.location}")

    def focused(self) -> dict:
        return self.page.evaluate(
            """() => { const el = document.activeElement;
                 return {cls: el.className || "", title: el.getAttribute("title"), label: el.getAttribute("aria-label"),
                         tag: el.tagName, href: el.getAttribute("href"), text: el.textContent}; }"""
        )

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, site_url):
    visits = []

    def open_page(**context_options) -> Visit:
        visits.append(Visit(browser, site_url, **context_options))
        return visits[-1]

    yield open_page
    for each in visits:
        each.close()


def test_markers_show_and_only_tiles_would_leave_the_site(visit):
    page = visit(viewport={"width": 1280, "height": 900})

    names = page.page.eval_on_selector_all(".sos-venue-map .leaflet-marker-icon[title]", "els => els.map(e => e.title)")
    labels = page.page.eval_on_selector_all(".sos-venue-map .marker-cluster", "els => els.map(e => e.ariaLabel)")
    # Each venue is a marker named by its venue (the hostile name as plain text), or counted in a cluster.
    assert HOSTILE_NAME in names
    assert set(names) <= {venue.name for venue in spread_venues()} | {HOSTILE_NAME, "Twin One", "Twin Two"}
    assert "Twin One" not in names and "2 venues here: zoom in" in labels
    assert len(names) + sum(int(label.split()[0]) for label in labels) == 14
    assert page.outside, "the tile layer should have asked for tiles"
    assert all(urlsplit(url).hostname == "tile.openstreetmap.org" for url in page.outside), page.outside
    assert page.errors == []
    assert page.page.evaluate("window.__pwned") is None


def test_a_marker_is_reached_with_tab_and_opens_its_popup_with_enter(visit):
    page = visit(viewport={"width": 1280, "height": 900})
    keyboard = page.page.keyboard

    for _ in range(10):
        keyboard.press("Tab")
        if page.focused()["title"]:
            break
    marker = page.focused()
    assert "leaflet-marker-icon" in marker["cls"], marker
    assert marker["title"] in {venue.name for venue in spread_venues()} | {HOSTILE_NAME}

    keyboard.press("Enter")
    popup = page.page.wait_for_selector(".sos-venue-map .leaflet-popup-content", state="visible")
    link = popup.query_selector("a")
    assert link.text_content() == marker["title"]
    assert link.get_attribute("href").startswith("../venues/")
    checks.wait_for_popup_details(page.page, popup)
    assert "Portsmouth PO" in popup.text_content()
    # Focus follows into the popup, and Escape brings it back to the marker.
    assert page.focused()["href"] == link.get_attribute("href")
    keyboard.press("Escape")
    page.page.wait_for_selector(".sos-venue-map .leaflet-popup", state="detached")
    assert page.focused()["title"] == marker["title"]
    assert page.errors == []


def test_hostile_venue_text_shows_as_text_in_its_popup(visit):
    page = visit(viewport={"width": 1280, "height": 900})
    trap = page.page.locator(f'.sos-venue-map .leaflet-marker-icon[title="{HOSTILE_NAME.replace(chr(34), chr(92) + chr(34))}"]')
    trap.focus()
    page.page.keyboard.press("Enter")
    popup = page.page.wait_for_selector(".sos-venue-map .leaflet-popup-content", state="visible")

    assert popup.query_selector("a").text_content() == HOSTILE_NAME
    assert popup.query_selector("img") is None
    assert page.page.evaluate("window.__pwned") is None
    assert page.errors == []


def test_clusters_are_named_buttons_and_reduced_motion_turns_animation_off(visit):
    moving = visit(viewport={"width": 360, "height": 740})
    cluster = moving.page.wait_for_selector(".sos-venue-map .marker-cluster")
    assert cluster.get_attribute("aria-label") == "2 venues here: zoom in"
    assert cluster.get_attribute("role") == "button" and cluster.get_attribute("tabindex") == "0"
    # Leaflet makes a zoom proxy and marks markers zoom-animated only when zoom animation is on.
    assert moving.page.locator(".sos-venue-map .leaflet-proxy").count() == 1
    assert moving.page.locator(".sos-venue-map .leaflet-marker-icon.leaflet-zoom-animated").count() > 0

    calm = visit(viewport={"width": 360, "height": 740}, reduced_motion="reduce")
    assert calm.page.locator(".sos-venue-map .leaflet-proxy").count() == 0
    assert calm.page.locator(".sos-venue-map .leaflet-marker-icon.leaflet-zoom-animated").count() == 0
    assert calm.errors == [] and moving.errors == []


def test_map_has_a_real_height_at_360_px(visit):
    page = visit(viewport={"width": 360, "height": 740})
    box = page.page.locator(".sos-venue-map").bounding_box()
    assert box["height"] >= 0.6 * 740 - 1
    assert box["width"] <= 360


def test_axe_finds_nothing_wrong_with_the_map_at_360_px(visit):
    page = visit(viewport={"width": 360, "height": 740})
    for _ in range(20):  # to the first place alone (not a cluster)
        page.page.keyboard.press("Tab")
        if page.focused()["title"]:
            break
    page.page.keyboard.press("Enter")  # with a popup open, so its link and close button are checked too
    page.page.wait_for_selector(".sos-venue-map .leaflet-popup-content", state="visible")
    # Let the popup finish fading in, or its text is measured half transparent.
    page.page.wait_for_function("getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")

    results = axe_sync.Axe().run(page.page, options={"runOnly": {"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})
    violations = [(v["id"], [node["target"] for node in v["nodes"]]) for v in results.response["violations"]]
    assert violations == []
    assert any(rule["id"] == "target-size" for rule in results.response["passes"])


@pytest.fixture(scope="module")
def example_map_url(example_site):
    """Serve the whole example site (real theme, real venues plugin) on 127.0.0.1."""
    with serve(example_site) as url:
        yield url + "map/"


def test_the_real_theme_map_page_shows_every_example_venue(browser, example_map_url, example_site):
    page = Visit(browser, example_map_url, viewport={"width": 360, "height": 740})
    try:
        listed = page.page.eval_on_selector_all(".sos-venue-map .leaflet-marker-icon[title]", "els => els.length")
        labels = page.page.eval_on_selector_all(".sos-venue-map .marker-cluster", "els => els.map(e => e.ariaLabel)")
        shown = len(json.loads((example_site / "map" / "places.json").read_text(encoding="utf-8"))["places"])
        assert shown > 0
        assert listed + sum(int(label.split()[0]) for label in labels) == shown
        assert all(urlsplit(url).hostname == "tile.openstreetmap.org" for url in page.outside), page.outside
        assert page.errors == []
    finally:
        page.close()
