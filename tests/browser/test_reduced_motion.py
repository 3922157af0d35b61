"""With prefers-reduced-motion: reduce nothing animates: no CSS transitions or animations, no map zoom or cluster motion."""

from __future__ import annotations

import pytest

from tests.browser import checks
from tests.browser.site_pages import page_of, site_pages

pytestmark = pytest.mark.browser

# Installed before the page's own scripts: notes every animation, every transition that takes time,
# and every class Leaflet and markercluster add while they move things.
RECORDER = """
window.__motion = [];
const note = (what) => window.__motion.push(what);
document.addEventListener('animationstart', e => note(`animation ${e.animationName} on ${e.target.className}`), true);
document.addEventListener('transitionrun', e => {
  const seconds = getComputedStyle(e.target).transitionDuration.split(',').map(parseFloat);
  if (Math.max(...seconds) > 0.001) note(`transition ${e.propertyName} ${seconds}s on ${e.target.className}`);
}, true);
new MutationObserver(changes => { for (const change of changes) {
  const cls = String(change.target.className && change.target.className.baseVal !== undefined ? '' : change.target.className);
  const moving = cls.match(/leaflet-(zoom|cluster|pan)-anim\\b/);
  if (moving) note(`${moving[0]} on ${cls.slice(0, 40)}`);
}}).observe(document, {attributes: true, attributeFilter: ['class'], subtree: true});
"""
RUNNING = """[...window.__motion, ...document.getAnimations().map(a =>
  `running ${a.transitionProperty || a.animationName} on ${a.effect.target.className} for ${a.effect.getTiming().duration}ms`)]"""


def exercise_the_map(playwright_page):
    """Open a cluster, zoom in with the + button, open a place, all from the keyboard."""
    playwright_page.locator(".sos-venue-map .marker-cluster").first.focus()
    playwright_page.keyboard.press("Enter")
    playwright_page.wait_for_timeout(400)
    playwright_page.locator(".sos-venue-map .leaflet-control-zoom-out").focus()
    playwright_page.keyboard.press("Enter")
    playwright_page.wait_for_timeout(400)
    playwright_page.locator(".sos-venue-map .leaflet-marker-icon:not(.marker-cluster)").first.focus()
    playwright_page.keyboard.press("Enter")
    playwright_page.wait_for_timeout(400)


def motion_on_the_map(tab, site_url, page, **options) -> list[str]:
    opened = tab(viewport=checks.PHONE, **options)
    opened.context.add_init_script(RECORDER)
    playwright_page = opened.goto(site_url + page.path)
    checks.wait_until_ready(playwright_page, "map")
    exercise_the_map(playwright_page)
    return playwright_page.evaluate("window.__motion")


def test_the_map_does_not_move_with_reduced_motion(example_site, site_url, tab, lang):
    page = page_of(example_site, lang, "map")
    assert motion_on_the_map(tab, site_url, page, reduced_motion="reduce") == []


def test_the_recorder_sees_the_map_move_without_reduced_motion(example_site, site_url, tab):
    # The same steps with motion allowed do animate: the recorder above can see it.
    assert motion_on_the_map(tab, site_url, page_of(example_site, "en", "map"), reduced_motion="no-preference")


def test_no_page_animates_with_reduced_motion(example_site, site_url, tab, lang):
    opened = tab(viewport=checks.PHONE, reduced_motion="reduce")
    opened.context.add_init_script(RECORDER)
    found = []
    for page in site_pages(example_site, lang):
        playwright_page = opened.goto(site_url + page.path)
        checks.wait_until_ready(playwright_page, page.kind)
        for _ in range(4):  # focus and hover move colours and shadows: none of it may animate
            playwright_page.keyboard.press("Tab")
        playwright_page.mouse.move(180, 200)
        found += [f"/{page.path}: {motion}" for motion in playwright_page.evaluate(RUNNING)]
    assert found == [], "\n".join(found)
