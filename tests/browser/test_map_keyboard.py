"""The map with a keyboard only: every place reached and opened, Escape closes and returns focus, focus never stuck."""

from __future__ import annotations

import pytest

from tests.browser import checks
from tests.browser.site_pages import one_language_per_direction, page_of

pytestmark = pytest.mark.browser

FOCUSED = """() => { const el = document.activeElement;
  return {marker: el.matches('.leaflet-marker-icon:not(.marker-cluster)'), cluster: el.matches('.marker-cluster'),
          inMap: !!el.closest('.sos-venue-map'), title: el.getAttribute('title') || el.getAttribute('aria-label') || '',
          body: el === document.body, id: el.id, href: el.getAttribute('href')}; }"""


def places_listed(playwright_page) -> int:
    return playwright_page.locator("#places + ul > li").count()


def tab_to_map(playwright_page) -> dict:
    """Press Tab until focus is inside the map; return what has focus."""
    for _ in range(60):
        playwright_page.keyboard.press("Tab")
        focused = playwright_page.evaluate(FOCUSED)
        if focused["inMap"]:
            return focused
    raise AssertionError("Tab never reached the map")


def open_and_close(playwright_page, title: str, problems: list[str]):
    """Open the focused marker's popup with Enter, close it with Escape, and check where focus goes."""
    keyboard = playwright_page.keyboard
    keyboard.press("Enter")
    popup = playwright_page.wait_for_selector(".sos-venue-map .leaflet-popup-content", state="visible", timeout=3000)
    link = popup.query_selector("a[href]")
    if link is None:
        problems.append(f"the popup of {title!r} has no link to its venue page")
    elif playwright_page.evaluate("document.activeElement.closest('.leaflet-popup') === null"):
        problems.append(f"opening {title!r} did not move focus into its popup")
    keyboard.press("Escape")
    playwright_page.wait_for_selector(".sos-venue-map .leaflet-popup", state="detached", timeout=3000)
    back = playwright_page.evaluate(FOCUSED)
    if not back["marker"] or back["title"] != title:
        problems.append(f"Escape on {title!r} left focus on {back}")


def tab_from_the_start_of_the_map(playwright_page) -> dict:
    """Put focus just before the map (its skip link) and Tab into it; return what has focus."""
    playwright_page.locator(".sos-map .sos-skip-link").focus()
    return tab_to_map(playwright_page)


def enter_cluster(playwright_page, nth: int) -> bool:
    """Tab through the map from its start and press Enter on the nth cluster met; say whether there was one."""
    focused = tab_from_the_start_of_the_map(playwright_page)
    met = 0
    for _ in range(200):
        if not focused["inMap"]:
            return False
        if focused["cluster"]:
            if met == nth:
                cluster = playwright_page.evaluate_handle("document.activeElement")
                playwright_page.keyboard.press("Enter")
                # Opened: its icon has gone, the map stands still, and focus is on what it became.
                playwright_page.wait_for_function(
                    "(cluster) => !cluster.isConnected && !document.querySelector('.leaflet-zoom-anim') && "
                    "document.activeElement.matches('.leaflet-marker-icon')", arg=cluster, timeout=3000)
                return True
            met += 1
        playwright_page.keyboard.press("Tab")
        focused = playwright_page.evaluate(FOCUSED)
    return False


def open_every_place_in_view(playwright_page, opened: set[str], problems: list[str]) -> int:
    """Tab through the map from its start, opening every place not yet opened; return how many clusters it met."""
    focused = tab_from_the_start_of_the_map(playwright_page)
    clusters = 0
    for _ in range(200):
        if not focused["inMap"]:
            if focused["body"]:
                problems.append("focus fell to the page itself inside the map")
            return clusters  # Tab left the map forwards: not stuck
        if focused["marker"] and focused["title"] not in opened:
            open_and_close(playwright_page, focused["title"], problems)
            opened.add(focused["title"])
        clusters += focused["cluster"]
        playwright_page.keyboard.press("Tab")
        focused = playwright_page.evaluate(FOCUSED)
    problems.append("focus stayed in the map for 200 Tabs")
    return clusters


@pytest.mark.parametrize("direction_lang", one_language_per_direction())
def test_every_place_on_the_map_is_reached_and_opened_with_the_keyboard(example_site, site_url, tab, direction_lang):
    # A keyboard user opens the places in view, or presses Enter on a cluster to zoom into it, and so on down.
    # The walk tries every such path: each path is the clusters entered, one per level, counted in Tab order.
    page = page_of(example_site, direction_lang, "map")
    opened: set[str] = set()
    problems: list[str] = []
    listed = 0
    paths: list[tuple[int, ...]] = [()]
    while paths:
        path = paths.pop(0)
        playwright_page = tab(viewport=checks.PHONE).goto(site_url + page.path)
        checks.wait_until_ready(playwright_page, "map")
        listed = places_listed(playwright_page)
        if not all(enter_cluster(playwright_page, nth) for nth in path):
            problems.append(f"the clusters {path} could not be entered again")
            continue
        clusters = open_every_place_in_view(playwright_page, opened, problems)
        if len(opened) == listed:
            break
        if len(path) < 6:
            paths += [(*path, nth) for nth in range(clusters)]
    assert problems == [], "\n".join(problems)
    assert listed > 0 and len(opened) == listed, f"opened {len(opened)} of {listed} places: {sorted(opened)}"


def test_shift_tab_leaves_the_map_backwards(example_site, site_url, tab, lang):
    page = page_of(example_site, lang, "map")
    playwright_page = tab(viewport=checks.PHONE).goto(site_url + page.path)
    checks.wait_until_ready(playwright_page, "map")
    tab_to_map(playwright_page)
    for _ in range(3):
        playwright_page.keyboard.press("Tab")
    for _ in range(60):
        playwright_page.keyboard.press("Shift+Tab")
        focused = playwright_page.evaluate(FOCUSED)
        if not focused["inMap"]:
            break
    assert not focused["inMap"] and not focused["body"], focused
