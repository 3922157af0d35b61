"""The committed fallback fonts: each file's unicode-range is what it holds, and it holds what the site writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "theme" / "static" / "fonts"
STYLESHEET = ROOT / "theme" / "static" / "css" / "fonts.css"
ARABIC_SCRIPT = {"ar", "fa", "ps", "ckb"}
# Letters of Pashto and Sorani that many fonts with the Arabic alphabet lack.
RARE_LETTERS = "ۍېڵڕێښڅځږګډړڼۆەڤ"


def font_faces() -> list[dict[str, str]]:
    """Return each @font-face of fonts.css as its descriptors."""
    return [dict(re.findall(r"([a-z-]+):\s*([^;]+);", body))
            for body in re.findall(r"@font-face\s*{([^}]*)}", STYLESHEET.read_text(encoding="utf-8"))]


def codes_of(unicode_range: str) -> set[int]:
    """Return the code points of a CSS unicode-range."""
    codes = set()
    for part in unicode_range.split(","):
        start, _, end = part.strip().removeprefix("U+").partition("-")
        codes.update(range(int(start, 16), int(end or start, 16) + 1))
    return codes


def cmap(file: Path) -> set[int]:
    """Return the code points a font file has a glyph for."""
    return set(TTFont(file).getBestCmap())


def family_codes(family: str) -> set[int]:
    """Return every code point the files of one family hold."""
    return {code for face in font_faces() if face["font-family"] == f'"{family}"'
            for code in cmap(FONTS / re.search(r'url\("\.\./fonts/([^"]+)"\)', face["src"])[1])}


def site_characters(languages: set[str]) -> set[str]:
    """Return the characters of these languages' catalogues and content pages."""
    files = [ROOT / "theme" / "translations" / lang / "LC_MESSAGES" / "messages.po" for lang in languages]
    files += [page for lang in languages for page in (ROOT / "content" / "pages" / lang).glob("*.md")]
    return set("".join(file.read_text(encoding="utf-8") for file in files))


def test_each_face_names_a_file_whose_glyphs_are_exactly_its_unicode_range():
    faces = font_faces()
    assert len(faces) == 3
    for face in faces:
        file = FONTS / re.search(r'url\("\.\./fonts/([^"]+)"\) format\("woff2"\)', face["src"])[1]
        assert face["src"].startswith('local("'), "the phone's own copy comes first"
        assert codes_of(face["unicode-range"]) == cmap(file), file.name
        assert not codes_of(face["unicode-range"]) & set(range(0x0000, 0x0370)), "Latin is every phone's own"


@pytest.mark.parametrize("letter", RARE_LETTERS)
def test_the_arabic_face_has_every_letter_of_pashto_and_sorani(letter):
    assert ord(letter) in family_codes("SoS Arabic")


def test_the_faces_have_every_letter_the_site_writes_in_their_scripts():
    arabic, ethiopic = family_codes("SoS Arabic"), family_codes("SoS Ethiopic")
    arabic_letters = {char for char in site_characters(ARABIC_SCRIPT) if 0x0600 <= ord(char) <= 0x06FF}
    ethiopic_letters = {char for char in site_characters({"ti"}) if 0x1200 <= ord(char) <= 0x139F}
    assert len(arabic_letters) > 40 and len(ethiopic_letters) > 100, "the catalogues were read"
    assert sorted(char for char in arabic_letters if ord(char) not in arabic) == []
    assert sorted(char for char in ethiopic_letters if ord(char) not in ethiopic) == []


def test_every_font_file_travels_with_its_licence():
    for file in FONTS.glob("*.woff2"):
        name_table = TTFont(file)["name"]
        assert "Noto Project Authors" in name_table.getDebugName(0)
        licence = FONTS / f"LICENSE-{file.stem.removesuffix('-names')}.txt"
        assert "SIL OPEN FONT LICENSE Version 1.1" in licence.read_text(encoding="utf-8")


def test_the_site_stylesheet_puts_the_faces_last_in_its_font_stack():
    site_css = (ROOT / "theme" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    assert 'font-family: var(--sos-fonts), "SoS Ethiopic", "SoS Arabic";' in site_css
