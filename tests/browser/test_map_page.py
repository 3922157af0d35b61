"""The map page as data: no inline script (it runs under a Content Security Policy without 'unsafe-inline')."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.browser import checks
from tests.browser.site_pages import languages, one_language_per_direction, page_of

pytestmark = pytest.mark.browser

# The policy issue 11 asks for, sent as a header by the test server's route: scripts only from the site.
POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; "
          "object-src 'none'; base-uri 'none'; form-action 'self'")
VIOLATIONS = """window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(
  `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`));"""
# open-now.js (shared with the directory and the venue pages) still reads its words from this data block:
# JSON that is never run, which a policy does not block. Everything else the map page's scripts need is in
# data attributes, <template> elements and the places file.
WORDS_BLOCK = {"type": "application/json", "id": "sos-open-now-words"}


class Scripts(HTMLParser):
    """Collect every <script> element's attributes and text, and every inline event handler."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[dict, str]] = []
        self.handlers: list[str] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.handlers += [f"{tag} {name}" for name, _value in attrs if name.startswith("on")]
        if tag == "script":
            self._open = dict(attrs)
            self.found.append((self._open, ""))

    def handle_data(self, data):
        if self._open is not None:
            self.found[-1] = (self._open, self.found[-1][1] + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


def test_the_map_page_has_no_inline_script_in_any_language(example_site, lang):
    parser = Scripts()
    parser.feed((example_site / page_of(example_site, lang, "map").file).read_text(encoding="utf-8"))
    inline = [(attributes, text[:80]) for attributes, text in parser.found
              if "src" not in attributes and {k: attributes.get(k) for k in WORDS_BLOCK} != WORDS_BLOCK]
    assert inline == []
    assert parser.handlers == []
    sources = [attributes["src"] for attributes, text in parser.found if "src" in attributes]
    assert any(src.endswith("/theme/js/map.js") for src in sources)
    assert all(not text.strip() for attributes, text in parser.found if "src" in attributes)


@pytest.mark.parametrize("code", one_language_per_direction())
def test_the_map_works_under_a_policy_without_unsafe_inline(site_url, tab, code):
    opened = tab(viewport=checks.PHONE)
    opened.context.add_init_script(VIOLATIONS)

    def with_policy(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": POLICY})

    opened.context.route("**/map/", with_policy)
    page = opened.goto(f"{site_url}{languages()[code]}map/")
    checks.wait_until_ready(page, "map")
    marker = page.locator(".sos-venue-map .leaflet-marker-icon:not(.marker-cluster)").first
    marker.focus()
    page.keyboard.press("Enter")
    popup = page.wait_for_selector(".sos-venue-map .leaflet-popup-content a[href]", state="visible")
    assert popup.text_content() == marker.get_attribute("title")
    assert page.evaluate("window.__violations") == []
    assert opened.errors == []


# --- The map on a phone: it fills the first screen, popups fit inside it, nothing sits under its controls. ---

BOXES = """() => {
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect(); return r.width && r.height
    ? {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height} : null; };
  const all = (selector) => [...document.querySelectorAll(selector)].map(box).filter(Boolean);
  return {
    map: box(document.querySelector('.sos-venue-map')),
    title: box(document.querySelector('#sos-map-title')),
    attribution: box(document.querySelector('[data-map-attribution]')),
    covers: all('.sos-venue-map .leaflet-control, [data-map-locate-button]'),
    places: all('.sos-venue-map .leaflet-marker-icon'),
    popup: box(document.querySelector('.sos-venue-map .leaflet-popup-content-wrapper')),
    tip: box(document.querySelector('.sos-venue-map .leaflet-popup-tip')),
    // Each line of the popup: what it needs and what it has, to see any cut off.
    lines: [...document.querySelectorAll('.sos-venue-map .leaflet-popup-content a, .sos-venue-map .leaflet-popup-content bdi,'
      + ' .sos-venue-map .leaflet-popup-content [data-open-status]')].map(el => ({text: el.textContent, box: box(el),
      cut: el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline'})),
    // A popup too tall for a short map scrolls its words inside it (Leaflet's maxHeight).
    scrolls: !!document.querySelector('.sos-venue-map .leaflet-popup-scrolled'),
    viewport: {width: innerWidth, height: innerHeight},
    scrolled: scrollY,
  };
}"""


def overlaps(a: dict, b: dict, slack: float = 0.5) -> bool:
    return a["left"] < b["right"] - slack and b["left"] < a["right"] - slack and a["top"] < b["bottom"] - slack \
        and b["top"] < a["bottom"] - slack


def inside(inner: dict, outer: dict, slack: float = 0.5) -> bool:
    return (inner["left"] >= outer["left"] - slack and inner["right"] <= outer["right"] + slack
            and inner["top"] >= outer["top"] - slack and inner["bottom"] <= outer["bottom"] + slack)


def open_map_page(tab, site_url: str, code: str, slug: str = ""):
    opened = tab(viewport=checks.PHONE)
    page = opened.goto(f"{site_url}{languages()[code]}map/" + (f"#{slug}" if slug else ""))
    page.wait_for_selector(".sos-venue-map[data-map-ready]")
    checks.wait_until_ready(page, "map")
    return opened, page


@pytest.mark.parametrize("code", one_language_per_direction())
def test_the_map_fills_the_first_screen_under_the_heading(site_url, tab, code):
    opened, page = open_map_page(tab, site_url, code)
    seen = page.evaluate(BOXES)
    # Right under the heading (with only "Show where I am" between), down to the bottom of the screen with its
    # attribution.
    assert 0 < seen["map"]["top"] - seen["title"]["bottom"] <= 16 + 44 + 24, seen
    assert seen["attribution"]["top"] >= seen["map"]["bottom"] - 0.5
    assert abs(seen["attribution"]["bottom"] - seen["viewport"]["height"]) <= 2 or seen["map"]["height"] <= 18 * 16 + 1
    assert seen["map"]["height"] >= 18 * 16 - 1 and seen["map"]["width"] <= 360
    # No place or cluster stands under the attribution (it is under the map) or "Show where I am".
    locate = page.locator("[data-map-locate-button]").bounding_box()
    locate = {"left": locate["x"], "top": locate["y"], "right": locate["x"] + locate["width"],
              "bottom": locate["y"] + locate["height"]}
    assert [place for place in seen["places"] if overlaps(place, locate) or not inside(place, seen["map"])] == []
    assert opened.errors == []


SHIFTS = """window.__shifts = [];
new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__shifts.push({value: entry.value,
  moved: entry.sources.map((source) => source.node ? `${source.node.nodeName}.${source.node.className}` : "?")}); })
  .observe({type: "layout-shift", buffered: true});"""


@pytest.mark.parametrize("code", one_language_per_direction())
def test_the_map_does_not_jump_when_its_script_starts(site_url, tab, code):
    # Lighthouse saw the map move 68 px down when "Show where I am" appeared above it (a 0.09 layout shift).
    opened = tab(viewport=checks.PHONE)
    opened.context.add_init_script(SHIFTS)
    page = opened.goto(f"{site_url}{languages()[code]}map/")
    page.wait_for_selector(".sos-venue-map[data-map-ready]")
    checks.wait_until_ready(page, "map")
    page.wait_for_timeout(500)
    shifts = page.evaluate("window.__shifts")
    assert sum(shift["value"] for shift in shifts) < 0.01, shifts
    assert opened.errors == []


def place_slugs(example_site, code: str) -> list[str]:
    page = (example_site / page_of(example_site, code, "map").file).read_text(encoding="utf-8")
    import re

    return re.findall(r'<li class="sos-compact-list__item" id="([^"]+)"', page)


@pytest.mark.parametrize("code", one_language_per_direction())
def test_every_popup_fits_inside_the_map_clear_of_its_controls_at_360_px(example_site, site_url, tab, code):
    slugs = place_slugs(example_site, code)
    assert len(slugs) > 5
    opened, page = open_map_page(tab, site_url, code)
    wrong = []
    for slug in slugs:
        page.evaluate("(slug) => { location.hash = slug; }", slug)
        page.wait_for_selector(".sos-venue-map .leaflet-popup-content a[href]", state="visible")
        checks.wait_for_popup_at_rest(page)
        seen = page.evaluate(BOXES)
        popup = seen["popup"]
        if not inside(popup, seen["map"]):
            wrong.append(f"{slug}: the popup {popup} runs out of the map {seen['map']}")
        wrong += [f"{slug}: the popup is under a control {cover}" for cover in seen["covers"] if overlaps(popup, cover)]
        across = [dict(line["box"], top=popup["top"], bottom=popup["bottom"]) if seen["scrolls"] and line["box"]
                  else line["box"] for line in seen["lines"]]
        wrong += [f"{slug}: {line['text']!r} is cut off" for line, box in zip(seen["lines"], across, strict=True)
                  if line["cut"] or (box and not inside(box, popup))]
        # The place's name, first in the popup, is always in full view.
        if not (seen["lines"] and seen["lines"][0]["box"] and inside(seen["lines"][0]["box"], popup)):
            wrong.append(f"{slug}: the name is not in full view in its popup")
        page.keyboard.press("Escape")
        page.evaluate("() => document.querySelector('.sos-venue-map .leaflet-popup-close-button')?.click()")
        page.wait_for_selector(".sos-venue-map .leaflet-popup", state="detached")
    assert wrong == [], "\n".join(wrong)
    assert opened.errors == []


# --- "See on the map": a venue page links to map/#<slug>, which opens that place's popup. ---

@pytest.mark.parametrize("code", one_language_per_direction())
def test_see_on_the_map_opens_that_places_popup_in_the_readers_language(example_site, site_url, tab, code):
    slug = "example-family-centre"
    opened = tab(viewport=checks.PHONE)
    venue = opened.goto(f"{site_url}{languages()[code]}venues/{slug}/")
    name = venue.locator("h1 bdi").first.inner_text()
    venue.locator("[data-map-place-link]").click()
    venue.wait_for_url(f"{site_url}{languages()[code]}map/#{slug}")
    link = venue.wait_for_selector(f".sos-venue-map .leaflet-popup-content a[href$='/{slug}/']", state="visible")
    assert link.text_content() == name
    assert link.get_attribute("href") == f"../{'../' + languages()[code] if code != 'en' else ''}venues/{slug}/"
    # The map is in view (the page did not stay scrolled to the list entry) and the place is on it, once the map
    # has panned the popup into view.
    checks.wait_for_popup_at_rest(venue)
    seen = venue.evaluate(BOXES)
    assert seen["scrolled"] == 0 and seen["map"]["top"] < seen["viewport"]["height"]
    assert inside(seen["popup"], seen["map"])
    assert opened.errors == []


def test_without_javascript_the_map_link_lands_on_the_place_in_the_list(site_url, tab):
    slug = "example-family-centre"
    opened = tab(viewport=checks.PHONE, java_script_enabled=False)
    page = opened.goto(f"{site_url}ar/map/#{slug}")
    entry = page.locator(f"#{slug}")
    assert entry.locator("a").get_attribute("href") == f"../../ar/venues/{slug}/"
    box = entry.bounding_box()
    assert -1 <= box["y"] < 740, box  # the browser went to the place in the list
    assert not page.locator(".sos-map-area").is_visible()  # no empty map without JavaScript
