"""Every page type in every language, at 360 × 740 in Chromium: axe-core, reflow, text size, target size, keyboard focus."""

from __future__ import annotations

import pytest

from tests.browser import checks
from tests.browser.site_pages import site_pages

pytestmark = pytest.mark.browser


def test_every_page_type_is_there(example_site, lang):
    kinds = {page.kind for page in site_pages(example_site, lang)}
    assert {"home", "map", "directory", "venue", "page", "404"} <= kinds


def test_axe_finds_nothing(example_site, site_url, phone, lang):
    found, errors = [], []
    for page in site_pages(example_site, lang):
        opened, playwright_page = phone(site_url, page)
        found += checks.axe_violations(playwright_page, "/" + page.path)
        errors += [f"/{page.path}: {error}" for error in opened.errors]
        opened.errors.clear()
    assert found == [], "axe-core found:\n" + "\n".join(found)
    assert errors == []


def test_nothing_scrolls_sideways_at_normal_size_and_200_percent_text(example_site, site_url, phone, lang):
    found = []
    for page in site_pages(example_site, lang):
        _, playwright_page = phone(site_url, page)
        found += [f"/{page.path} at 100%: {line}" for line in checks.sideways_overflow(playwright_page)]
        # Text-only zoom: the user's default font size doubled, the way a phone's "large text" does it.
        playwright_page.evaluate("document.documentElement.style.fontSize = '200%'")
        found += [f"/{page.path} at 200% text: {line}" for line in checks.sideways_overflow(playwright_page)]
    assert found == [], "\n".join(found)


def test_text_is_16_px_or_more_and_targets_are_44_px_or_have_room(example_site, site_url, phone, lang):
    found = []
    for page in site_pages(example_site, lang):
        _, playwright_page = phone(site_url, page)
        found += [f"/{page.path}: small text {line}" for line in checks.small_text(playwright_page)]
        found += [f"/{page.path}: small target {line}" for line in checks.small_targets(playwright_page)]
    assert found == [], "\n".join(found)


def test_the_site_respects_the_readers_own_text_size(example_site, site_url, phone, lang):
    home = site_pages(example_site, lang)[0]
    html = (example_site / home.file).read_text(encoding="utf-8")
    assert "maximum-scale" not in html and "user-scalable" not in html
    _, playwright_page = phone(site_url, home)
    # No fixed font size on <html>: doubling the browser's default doubles the body text.
    normal = playwright_page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    playwright_page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert playwright_page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == 2 * normal


def test_first_tab_reaches_a_visible_skip_link_and_focus_is_always_visible(example_site, site_url, phone, lang):
    found = []
    for page in site_pages(example_site, lang):
        _, playwright_page = phone(site_url, page)
        keyboard = playwright_page.keyboard
        keyboard.press("Tab")
        first = checks.focus_style(playwright_page)
        if first.get("href") != "#main-content" or not first["visible"] or first["top"] < 0:
            found.append(f"/{page.path}: the first Tab reached {first}, not a visible skip link to #main-content")
        seen = []
        for _ in range(300):  # every stop on the page, until focus leaves the page or comes round again
            style = checks.focus_style(playwright_page)
            if style["tag"] == "body" or (seen and (style["href"], style["text"], style["cls"]) == seen[0]):
                break
            seen.append((style["href"], style["text"], style["cls"]))
            if not style["visible"] or max(style["outline"], style["ring"]) < 3:
                found.append(f"/{page.path}: focus on <{style['tag']} class='{style['cls']}'> '{style['text']}' "
                             f"is not clearly visible (outline {style['outline']}px, ring {style['ring']}px)")
            keyboard.press("Tab")
        else:
            found.append(f"/{page.path}: focus went round more than 300 stops")
        if len(seen) < 3:
            found.append(f"/{page.path}: only {len(seen)} focus stops")
    assert found == [], "\n".join(found)


def test_the_skip_link_moves_on_to_the_main_content(example_site, site_url, phone, lang):
    for page in site_pages(example_site, lang):
        _, playwright_page = phone(site_url, page)
        playwright_page.keyboard.press("Tab")
        playwright_page.keyboard.press("Enter")
        playwright_page.keyboard.press("Tab")
        inside = playwright_page.evaluate("!!document.activeElement.closest('main')")
        assert inside, f"/{page.path}: Tab after the skip link did not land inside <main>"
