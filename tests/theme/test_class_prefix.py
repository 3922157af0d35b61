"""Every class name our own code defines carries the house prefix sos- (GOV.UK Frontend's BEM, with our prefix)."""

from __future__ import annotations

import re

from tests.browser.site_pages import ROOT

# Class names that belong to the libraries we style or feed, not to us.
THEIRS = re.compile(r"(leaflet-|marker-cluster|folium-map$)")
JS_CLASS = re.compile(r"""(?:className\s*[:=]\s*|classList\.(?:add|remove|toggle|contains)\()\s*["']([^"']+)["']""")
JS_SELECTOR = re.compile(r"""["'](\.[A-Za-z][^"']*)["']""")  # a string that starts as a class selector
CSS_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")


def not_ours(names) -> list[str]:
    """Return the class names in names without the sos- prefix that are not a library's."""
    return sorted({name for name in names if not name.startswith("sos-") and not THEIRS.match(name)})


def css_selector_classes(css: str) -> list[str]:
    """Return the class names in a style sheet's selectors (not in its declarations or comments)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors = re.findall(r"([^{}]*)\{", css)
    return [name for selector in selectors if not selector.lstrip().startswith("@")
            for name in CSS_CLASS.findall(re.sub(r'"[^"]*"', "", selector))]


def test_every_class_in_the_built_pages_has_the_prefix(example_site):
    names = [name for page in example_site.rglob("*.html")
             for value in re.findall(r'class="([^"]*)"', page.read_text(encoding="utf-8")) for name in value.split()]
    assert "sos-venue-map" in names
    assert not_ours(names) == []


def test_every_class_in_our_style_sheets_has_the_prefix():
    sheets = sorted((ROOT / "theme" / "static" / "css").glob("*.css"))
    names = [name for sheet in sheets for name in css_selector_classes(sheet.read_text(encoding="utf-8"))]
    assert "sos-venue-map__popup" in names
    assert not_ours(names) == []


def test_every_class_our_scripts_set_or_look_for_has_the_prefix():
    names = []
    for script in sorted((ROOT / "theme" / "static" / "js").glob("*.js")):
        text = script.read_text(encoding="utf-8")
        names += [name for value in JS_CLASS.findall(text) for name in value.split()]
        names += [name for selector in JS_SELECTOR.findall(text) for name in CSS_CLASS.findall(selector)]
    assert "sos-venue-map__you" in names
    assert not_ours(names) == []


def test_a_class_without_the_prefix_is_caught():
    assert not_ours(css_selector_classes(".venue-map .leaflet-popup, .sos-map a { color: red }")) == ["venue-map"]
