"""Find the site's languages from the settings and each language's pages from the built output."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
# Folders of the output that hold no pages of their own.
NOT_PAGES = {"theme", "venues", "schema", "pagefind", "static", "images"}


@dataclass(frozen=True)
class SitePage:
    """One built page: its kind (home, map, directory, venue, poster, page, languages, 404) and its path from the site root."""

    kind: str
    path: str  # "ar/venues/" or "404.html": append to the site URL

    @property
    def file(self) -> str:
        return self.path + "index.html" if self.path.endswith("/") or not self.path else self.path


@functools.cache
def languages() -> dict[str, str]:
    """Return the site's languages as code → folder prefix ("" for the default language, else "ar/")."""
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    default = settings.get("DEFAULT_LANG", "en")
    codes = list(settings.get("TRANSLATIONS_LANGUAGES") or {default: {}})
    return {code: "" if code == default else f"{code}/" for code in sorted(codes, key=lambda code: code != default)}


def language_codes() -> list[str]:
    return list(languages())


@functools.cache
def one_language_per_direction() -> list[str]:
    """Return the default language and the first right-to-left one: for checks that depend only on direction."""
    from babel import Locale

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    options = settings.get("TRANSLATIONS_LANGUAGES") or {}
    codes = language_codes()
    rtl = [code for code in codes[1:]
           if Locale.parse(options.get(code, {}).get("locale", code)).character_order == "right-to-left"]
    return codes[:1] + rtl[:1]


def site_pages(output: Path, lang: str) -> list[SitePage]:
    """Return every page type of one language: home, map, directory, one venue, each content page, languages, 404."""
    prefix = languages()[lang]
    base = output / prefix
    pages = [SitePage("home", prefix)]
    other_languages = {p.rstrip("/") for p in languages().values() if p}
    for folder in sorted(p.parent for p in base.glob("*/index.html")):
        name = folder.name
        if name in NOT_PAGES or (not prefix and name in other_languages):
            continue
        kind = {"map": "map", "languages": "languages"}.get(name, "page")
        pages.append(SitePage(kind, f"{prefix}{name}/"))
    if (base / "venues" / "index.html").is_file():
        pages.append(SitePage("directory", f"{prefix}venues/"))
    venues = venue_pages(output, lang)
    if venues:
        pages.append(venues[0])
        poster = f"{venues[0].path}poster/"
        if (output / poster / "index.html").is_file():
            pages.append(SitePage("poster", poster))
    if (base / "404.html").is_file():
        pages.append(SitePage("404", f"{prefix}404.html"))
    return pages


def venue_pages(output: Path, lang: str) -> list[SitePage]:
    """Return every venue page of one language."""
    prefix = languages()[lang]
    # Venue pages are named after venues/<slug>.yaml; other folders under venues/ are listings.
    slugs = {path.stem for path in (ROOT / "venues").glob("*.yaml") if not path.name.startswith("_")}
    built = sorted(p.parent.name for p in (output / prefix / "venues").glob("*/index.html"))
    return [SitePage("venue", f"{prefix}venues/{slug}/") for slug in built if slug in slugs]


def page_of(output: Path, lang: str, kind: str) -> SitePage:
    """Return the first page of a kind in a language."""
    return next(page for page in site_pages(output, lang) if page.kind == kind)
