"""Measurements taken inside a page: axe-core, sideways scrolling, text size, target size, focus style."""

from __future__ import annotations

import functools

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE = {"width": 360, "height": 740}
MIN_TARGET = 44  # CSS pixels, WCAG 2.5.5 (AAA) rather than 2.5.8's 24
MIN_TEXT = 16


@functools.cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def wait_until_ready(page, kind: str):
    """Wait for the map to draw its markers and markercluster to stop moving them."""
    if kind == "map":
        page.wait_for_selector(".sos-venue-map .leaflet-marker-icon")
        page.wait_for_function("!document.querySelector('.leaflet-cluster-anim, .leaflet-zoom-anim')")


# True once the open popup has stood still for five frames with no map animation running: a popup opened from the
# address fades in and pans the map to fit itself, and the pan can start a frame after the popup appears.
POPUP_AT_REST = """() => {
  const popup = document.querySelector('.sos-venue-map .leaflet-popup-content-wrapper');
  if (!popup || document.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim')) { window.__sosStill = 0; return false; }
  const r = popup.getBoundingClientRect(), at = `${r.left},${r.top},${r.width},${r.height}`;
  window.__sosStill = at === window.__sosAt ? (window.__sosStill || 0) + 1 : 0;
  window.__sosAt = at;
  return window.__sosStill >= 5;
}"""


# The newest popup (one closing may still be fading out before it) has its address.
POPUP_FILLED = """(popup) => {
  popup = popup || [...document.querySelectorAll('.sos-venue-map .leaflet-popup-content')].pop();
  return Boolean(popup && popup.querySelector('[data-place-address]')?.textContent.trim());
}"""


def wait_for_popup_details(page, popup=None):
    """Wait for a popup's address, example tag and hours (the newest one's, unless given), from the details file."""
    # The popup opens at once with the place's name; the rest follows when js/map.js has the details file.
    page.wait_for_function(POPUP_FILLED, arg=popup)


def wait_for_popup_at_rest(page):
    """Wait for the open popup to be filled in and to stop moving (the map has finished panning it into view)."""
    # Filled in first: the address makes the popup taller, and the map pans again to fit it.
    wait_for_popup_details(page)
    # Counted afresh for each popup: the last one's resting box must not count as this one's first frame.
    page.evaluate("() => { window.__sosStill = 0; window.__sosAt = null; }")
    page.wait_for_function(POPUP_AT_REST, polling="raf")


def axe_violations(page, where: str) -> list[str]:
    """Run axe-core on the page; return one line per violation and element: rule, element, page."""
    # resultTypes: only violations are needed in full, which makes axe much quicker on long pages.
    results = _axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    return [f"{where}: {violation['id']} ({violation['help']}) at {node['target']}: {node.get('failureSummary', '')}"
            for violation in results.response["violations"] for node in violation["nodes"]]


def sideways_overflow(page) -> list[str]:
    """Return the elements sticking out of the viewport sideways, or an empty list when nothing scrolls sideways."""
    return page.evaluate("""() => {
      const root = document.documentElement, width = root.clientWidth;
      if (root.scrollWidth <= width && document.body.scrollWidth <= width) return [];
      const out = [];
      for (const el of document.body.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.width && (box.right > width + 1 || box.left < -1)) out.push(
          `${el.tagName.toLowerCase()}.${el.className && el.className.baseVal === undefined ? el.className : ''}`
          + ` spans ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`);
      }
      return out.length ? out.slice(0, 10) : [`page is ${root.scrollWidth}px wide at ${width}px`];
    }""")


def small_text(page, minimum: int = MIN_TEXT) -> list[str]:
    """Return visible text smaller than minimum CSS pixels, with its element."""
    return page.evaluate("""(minimum) => {
      const out = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode, el = node.parentElement;
        if (!node.textContent.trim() || !el || !el.checkVisibility({visibilityProperty: true})) continue;
        const box = el.getBoundingClientRect();
        if (box.width <= 1 && box.height <= 1) continue;  // visually hidden, read by screen readers only
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < minimum - 0.01) out.push(
          `${size}px: <${el.tagName.toLowerCase()} class="${el.className}"> ${node.textContent.trim().slice(0, 40)}`);
      }
      return out;
    }""", minimum)


def small_targets(page, minimum: int = MIN_TARGET) -> list[str]:
    """Return links and buttons smaller than minimum×minimum that also lack that much room around them."""
    return page.evaluate("""(minimum) => {
      const selector = 'a[href], button, [role=button], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
      // Where a target can be tapped: its box, less what a box that clips its overflow cuts off (a marker
      // at the edge of the map is only as big as the part of it inside the map).
      const shown = (el) => {
        const r = el.getBoundingClientRect();
        let box = {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
          const style = getComputedStyle(up);
          if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
          const c = up.getBoundingClientRect();
          box = {left: Math.max(box.left, c.left), top: Math.max(box.top, c.top),
                 right: Math.min(box.right, c.right), bottom: Math.min(box.bottom, c.bottom)};
        }
        return {...box, width: Math.max(0, box.right - box.left), height: Math.max(0, box.bottom - box.top)};
      };
      const targets = [...document.querySelectorAll(selector)]
        .filter(el => el.checkVisibility({visibilityProperty: true}))
        .map(el => ({el, box: shown(el)}))
        .filter(t => t.box.width > 1 && t.box.height > 1);
      const clickable = targets.filter(t => !t.el.classList.contains('leaflet-container') && t.el.id !== 'main-content');
      // WCAG's inline exception: a link inside a sentence is sized by the line of text around it.
      const inSentence = el => getComputedStyle(el).display === 'inline' && el.parentElement
        && el.parentElement.textContent.trim().length > el.textContent.trim().length + 1;
      const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const out = [];
      for (const t of clickable) {
        const {box, el} = t;
        if ((box.width >= minimum - 0.5 && box.height >= minimum - 0.5) || inSentence(el)) continue;
        // Room enough: a minimum×minimum square centred on it touches no other target.
        const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
        const w = Math.max(box.width, minimum) / 2, h = Math.max(box.height, minimum) / 2;
        const square = {left: cx - w, right: cx + w, top: cy - h, bottom: cy + h};
        const crowded = clickable.filter(o => o !== t && !o.el.contains(el) && !el.contains(o.el) && overlaps(square, o.box));
        const words = e => (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30);
        if (crowded.length) out.push(`${Math.round(box.width)}×${Math.round(box.height)} `
          + `<${el.tagName.toLowerCase()} class="${el.className}"> "${words(el)}" crowded by "${words(crowded[0].el)}"`);
      }
      return out;
    }""", minimum)


def focus_style(page) -> dict:
    """Describe how the focused element looks: its outline, and whether it differs from its unfocused look."""
    return page.evaluate("""() => {
      const el = document.activeElement;
      if (!el || el === document.body) return {tag: 'body'};
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const visible = el.checkVisibility({visibilityProperty: true}) && box.width > 1 && box.height > 1;
      const shadow = style.boxShadow !== 'none' ? style.boxShadow : '';
      // A box shadow counts as an outline when one of its rings is 3px or more.
      const rings = [...shadow.matchAll(/(-?[\\d.]+)px (-?[\\d.]+)px(?: (-?[\\d.]+)px)?(?: (-?[\\d.]+)px)?/g)]
        .map(m => Math.max(Math.abs(+m[1]), Math.abs(+m[2]), +(m[4] || 0)));
      const outline = style.outlineStyle !== 'none' && !/rgba\\(0, 0, 0, 0\\)|transparent/.test(style.outlineColor)
        ? parseFloat(style.outlineWidth) : 0;
      return {tag: el.tagName.toLowerCase(), cls: String(el.className),
              text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40),
              href: el.getAttribute('href'), visible, outline, ring: Math.max(0, ...rings),
              inMap: !!el.closest('.leaflet-container'),
              top: box.top, bottom: box.bottom};
    }""")
