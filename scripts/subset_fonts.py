"""Subset the fallback fonts from the pinned npm packages into theme/static/fonts and write their @font-face rules.

Run `make fonts` (after `npm ci`). The woff2 files and theme/static/css/fonts.css are committed, so a build needs
neither npm nor fontTools; `--check` exits 1 when the committed files differ from what this script would write.

Each face keeps the whole block of its script's letters (so venue names in any language of that script work)
plus every character of that script found in the site's own text (catalogues, content pages, venue files,
language names). The Ethiopic face is split in two files: the letters of the language's own name (shown in the
language menu on every page) and the rest, so a page in another language never downloads the whole face.
The Arabic face stays one file: a word drawn from two files would lose its joining and lam-alef ligatures.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
FONTS = ROOT / "theme" / "static" / "fonts"
STYLESHEET = ROOT / "theme" / "static" / "css" / "fonts.css"
# The site's own words, in every language: whatever of a face's script they use is kept.
TEXT_SOURCES = ["theme/translations/*/LC_MESSAGES/messages.po", "content/**/*.md", "venues/*.yaml"]
# Latin, its accents and general punctuation (spaces, dashes, quotes): every phone has them, and a space in a
# face's unicode-range would make the browser fetch the file for it.
EVERYWHERE = ((0x0000, 0x036F), (0x2000, 0x206F))


@dataclasses.dataclass(frozen=True)
class Face:
    """One fallback face: where it comes from, which characters it keeps, how the browser may find it locally."""

    family: str  # the name site.css puts last in its font stack
    package: str
    source: str  # the woff2 in the package, relative to it
    output: str  # file name stem in theme/static/fonts
    blocks: tuple[tuple[int, int], ...]  # inclusive ranges kept whole
    local_names: tuple[str, ...]  # full and PostScript names a phone may have installed
    split_names: bool  # a file of its own for the letters of the language menu
    first_for: tuple[str, ...]  # selectors whose text puts this face before the system fonts


FACES = [
    Face(
        family="SoS Ethiopic",
        package="@fontsource/noto-sans-ethiopic",
        source="files/noto-sans-ethiopic-ethiopic-400-normal.woff2",
        output="noto-sans-ethiopic",
        blocks=((0x1200, 0x137F),),  # Ethiopic: every syllable, punctuation and numeral of Tigrinya and Amharic
        local_names=("Noto Sans Ethiopic", "Noto Sans Ethiopic Regular", "NotoSansEthiopic-Regular"),
        split_names=True,
        # Tigrinya pages, and the name ትግርኛ in every page's language menu
        first_for=('html[lang|="ti"] body', 'body [lang|="ti"]'),
    ),
    Face(
        family="SoS Arabic",
        package="@fontsource/noto-naskh-arabic",
        source="files/noto-naskh-arabic-arabic-400-normal.woff2",
        output="noto-naskh-arabic",
        # Arabic block (every letter of Arabic, Persian, Pashto and Sorani, digits, marks), then ZWNJ and ZWJ,
        # which Persian and Sorani words need between letters.
        blocks=((0x0600, 0x06FF), (0x200C, 0x200D)),
        local_names=("Noto Naskh Arabic", "Noto Naskh Arabic Regular", "NotoNaskhArabic-Regular",
                     "Noto Naskh Arabic UI", "Noto Naskh Arabic UI Regular", "NotoNaskhArabicUI-Regular"),
        split_names=False,
        first_for=('html[lang|="ps"] body',),  # Pashto pages: ۍ is missing from many fonts that have the rest
    ),
]


def site_text() -> str:
    """Return the site's own words: catalogues, content pages, venue files."""
    return "".join(path.read_text(encoding="utf-8") for pattern in TEXT_SOURCES for path in sorted(ROOT.glob(pattern)))


def language_names() -> str:
    """Return every language's name in itself, as the language menu shows it."""
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    return "".join(language["name"] for language in settings["TRANSLATIONS_LANGUAGES"].values())


def source_font(face: Face, node_modules: Path) -> Path:
    """Return the face's woff2 in node_modules, after checking the package is the version package.json pins."""
    package = node_modules / face.package
    manifest = package / "package.json"
    if not manifest.is_file():
        sys.exit(f"fonts: {face.package} is not in node_modules; run `npm ci` first")
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"][face.package]
    installed = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    if installed != pinned:
        sys.exit(f"fonts: node_modules has {face.package} {installed}, package.json pins {pinned}; run `npm ci`")
    return package / face.source


def segments(face: Face, available: set[int], text: str, names: str) -> dict[str, set[int]]:
    """Return file stem -> code points for each file of the face."""
    blocks = {code for start, end in face.blocks for code in range(start, end + 1)}
    everywhere = {code for start, end in EVERYWHERE for code in range(start, end + 1)}
    kept = (blocks | ({ord(char) for char in text} - everywhere)) & available
    if not face.split_names:
        return {face.output: kept}
    in_names = {ord(char) for char in names} & kept - everywhere
    return {f"{face.output}-names": in_names, face.output: kept - in_names}


def subset_woff2(font_file: Path, codes: set[int]) -> tuple[bytes, set[int]]:
    """Return a woff2 of the font with only these code points (and the glyphs their shaping needs), and its cmap."""
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # keep every shaping feature: joining forms, marks, ligatures
    options.name_IDs = ["*"]  # keep the copyright and licence notices in the file
    options.notdef_outline = True
    font = TTFont(font_file, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue(), set(font.getBestCmap())


def unicode_range(codes: set[int]) -> str:
    """Return the code points as a CSS unicode-range, runs joined."""
    runs: list[list[int]] = []
    for code in sorted(codes):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return ", ".join(f"U+{start:04X}" if start == end else f"U+{start:04X}-{end:04X}" for start, end in runs)


def font_face(face: Face, stem: str, codes: set[int]) -> str:
    """Return the @font-face rule of one file: the phone's own copy first, ours only for these characters."""
    sources = [f'local("{name}")' for name in face.local_names] + [f'url("../fonts/{stem}.woff2") format("woff2")']
    return (f'@font-face {{\n  font-family: "{face.family}";\n  font-style: normal;\n  font-weight: 400;\n'
            f"  font-display: swap;\n  src: {', '.join(sources)};\n  unicode-range: {unicode_range(codes)};\n}}\n")


def first_rule(face: Face) -> str:
    """Return the rule that puts the face before the system fonts for its own language's text."""
    # Last in the stack, a face still loading when the page is first laid out is skipped, and Chromium (156) keeps
    # the boxes it drew instead for the words it shaped then, even once the face has loaded. First in the stack,
    # its letters wait for it (and a phone with the Noto face installed uses its own copy).
    return f"{', '.join(face.first_for)} {{\n  font-family: \"{face.family}\", var(--sos-fonts);\n}}\n"


def build(node_modules: Path) -> dict[str, bytes]:
    """Return every file this script writes (relative name -> bytes), the stylesheet included."""
    text, names = site_text(), language_names()
    files: dict[str, bytes] = {}
    rules = ["/* Written by scripts/subset_fonts.py (make fonts): do not edit by hand. Fallback faces for the\n"
             "   scripts a phone may lack, last in the font stack; see theme/static/fonts/README.md. */\n"]
    for face in FACES:
        source = source_font(face, node_modules)
        available = set(TTFont(source).getBestCmap())
        for stem, codes in segments(face, available, text, names).items():
            if not codes:
                continue
            data, cmap = subset_woff2(source, codes)
            files[f"{stem}.woff2"] = data
            rules.append(font_face(face, stem, cmap))
        rules.append(first_rule(face))
        files[f"LICENSE-{face.output}.txt"] = (source.parent.parent / "LICENSE").read_bytes()
    files["fonts.css"] = "\n".join(rules).encode("utf-8")
    return files


def destination(name: str) -> Path:
    """Return where a written file lives in the theme."""
    return STYLESHEET if name == "fonts.css" else FONTS / name


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) the subset fonts and their stylesheet."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report files that differ from a fresh subset")
    parser.add_argument("--node-modules", type=Path, default=NODE_MODULES, help="where npm installed the packages")
    args = parser.parse_args(argv)
    files = build(args.node_modules)
    differ = [name for name, data in files.items()
              if not destination(name).is_file() or destination(name).read_bytes() != data]
    if args.check:
        for name in differ:
            print(f"fonts: {destination(name).relative_to(ROOT)} differs from a fresh subset; run `make fonts`")
        return 1 if differ else 0
    FONTS.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        destination(name).write_bytes(data)
        print(f"{destination(name).relative_to(ROOT)}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
