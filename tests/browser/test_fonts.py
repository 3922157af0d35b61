"""Every letter readable: Chromium says which font drew each text, and that font must have every character of it.

The test machine's Chromium has only DejaVu and Liberation, like a phone without the script's fonts; without
our fallback faces, Tigrinya and the Pashto letter ۍ are drawn as boxes (.notdef) from a font that lacks them.
"""

from __future__ import annotations

import functools
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from tests.browser import checks
from tests.browser.site_pages import languages

pytestmark = pytest.mark.browser

MENU = "summary.sos-language-switcher__summary"
NOT_DRAWN = {"Cc", "Cf", "Zs", "Zl", "Zp"}  # controls, bidi and joiner marks, spaces: no glyph to check
NOT_TEXT = {"SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TITLE"}


@functools.cache
def system_cmaps() -> dict[str, frozenset[int]]:
    """Return PostScript name -> code points of every font installed on this machine (fontconfig's list)."""
    listing = subprocess.run(["fc-list", "--format", "%{postscriptname}\t%{file}\n"], capture_output=True,
                             text=True, check=True).stdout
    cmaps = {}
    for line in listing.splitlines():
        name, _, file = line.partition("\t")
        if name and file.endswith((".ttf", ".otf")) and name not in cmaps:
            cmaps[name] = frozenset(TTFont(file, lazy=True).getBestCmap())
    return cmaps


def site_cmaps(site: Path) -> dict[str, frozenset[int]]:
    """Return PostScript name -> code points of the site's own font files (one name may span several files)."""
    cmaps: dict[str, set[int]] = {}
    for file in sorted((site / "theme" / "fonts").glob("*.woff2")):
        font = TTFont(file)
        cmaps.setdefault(font["name"].getDebugName(6), set()).update(font.getBestCmap())
    return {name: frozenset(codes) for name, codes in cmaps.items()}


def installed(family: str) -> bool:
    """Say whether fontconfig knows a font of this family on this machine."""
    return bool(subprocess.run(["fc-list", family], capture_output=True, text=True, check=True).stdout.strip())


def texts_with_fonts(page) -> list[tuple[str, str, list[dict]]]:
    """Return (element, its own text, the fonts Chromium drew that text with) for each element of the body."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1, "pierce": False})["root"]
    found = []

    def walk(node):
        text = "".join(child.get("nodeValue", "") for child in node.get("children", []) if child["nodeType"] == 3)
        if node["nodeType"] == 1 and text.strip() and node["nodeName"] not in NOT_TEXT:
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
            attributes = dict(zip(node["attributes"][::2], node["attributes"][1::2], strict=True))
            label = node["nodeName"].lower() + "".join(
                f"[{name}={attributes[name]!r}]" for name in ("class", "lang") if name in attributes)
            found.append((label, text, fonts))
        for child in node.get("children", []):
            walk(child)

    walk(root)
    cdp.detach()
    return found


def characters_without_glyph(text: str, fonts: list[dict], cmaps: dict[str, frozenset[int]]) -> list[str]:
    """Return the characters of text that none of the fonts that drew it has."""
    unknown = [font["postScriptName"] for font in fonts if font["postScriptName"] not in cmaps]
    assert unknown == [], f"no font file found for {unknown}: cannot check their characters"
    drawn = [char for char in dict.fromkeys(text) if unicodedata.category(char) not in NOT_DRAWN]
    return [f"{char} U+{ord(char):04X}" for char in drawn
            if not any(ord(char) in cmaps[font["postScriptName"]] for font in fonts)]


def open_with_menu(tab, url: str):
    """Open a page at phone size with its language menu open, once every font it asked for has loaded."""
    page = tab(viewport=checks.PHONE).goto(url)
    page.click(MENU)
    failed = page.evaluate("""async () => {
      document.body.getBoundingClientRect();
      await document.fonts.ready;
      return [...document.fonts].filter(face => face.status === 'error').map(face => face.family);
    }""")
    assert failed == [], f"fonts that failed to load: {failed}"
    return page


def test_every_character_of_the_home_page_and_its_menus_has_a_glyph(site_url, example_site, tab, lang):
    page = open_with_menu(tab, f"{site_url}{languages()[lang]}")
    cmaps = {**system_cmaps(), **site_cmaps(example_site)}
    drawn = texts_with_fonts(page)
    boxes = [f"{element} {text.strip()[:40]!r}: {missing} drawn with {[font['postScriptName'] for font in fonts]}"
             for element, text, fonts in drawn if fonts
             for missing in [characters_without_glyph(text, fonts, cmaps)] if missing]
    assert boxes == [], "characters drawn as boxes (no font has them):\n" + "\n".join(boxes)
    # The check looked at what matters: the nav and every language's name in the open menu were drawn.
    shown = {text.strip() for element, text, fonts in drawn if fonts}
    names = page.eval_on_selector_all(".sos-language-switcher__item [lang]", "items => items.map(i => i.textContent)")
    nav = page.eval_on_selector_all(".sos-nav__link", "links => links.map(link => link.textContent)")
    assert len(names) == len(languages()) and set(names) <= shown
    assert nav and {word.strip() for word in nav} <= shown


def font_files_fetched(tab, url: str, open_menu: bool) -> set[str]:
    """Return the names of the font files a page at phone size downloads (with its language menu open or not)."""
    opened = tab(viewport=checks.PHONE)
    fetched: list[str] = []
    opened.page.on("request", lambda request: request.resource_type == "font" and fetched.append(request.url))
    page = opened.goto(url)
    if open_menu:
        page.click(MENU)
    page.evaluate("async () => { document.body.getBoundingClientRect(); await document.fonts.ready; }")
    return {re.sub(r".*/", "", each) for each in fetched}


def test_an_english_page_downloads_no_font(site_url, tab):
    assert font_files_fetched(tab, site_url, open_menu=False) == set()


def test_the_language_menu_downloads_only_the_letters_of_the_names(site_url, tab):
    expected = set() if installed("Noto Sans Ethiopic") else {"noto-sans-ethiopic-names.woff2"}
    assert font_files_fetched(tab, site_url, open_menu=True) == expected


@pytest.mark.parametrize(("code", "family", "files"), [
    ("ti", "Noto Sans Ethiopic", {"noto-sans-ethiopic.woff2", "noto-sans-ethiopic-names.woff2"}),
    ("ps", "Noto Naskh Arabic", {"noto-naskh-arabic.woff2"}),
])
def test_a_page_downloads_its_own_script_only_when_the_phone_lacks_it(site_url, tab, code, family, files):
    expected = set() if installed(family) else files
    assert font_files_fetched(tab, f"{site_url}{languages()[code]}", open_menu=False) == expected
