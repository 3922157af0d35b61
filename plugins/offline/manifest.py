"""Make the precache manifest: what the service worker may keep, each file's revision, and the build's version."""

from __future__ import annotations

import hashlib
import json
import logging
from fnmatch import fnmatch
from pathlib import Path

from venues.urls import url_setting

from .config import setting

log = logging.getLogger(__name__)


def revision(path: Path) -> str:
    """Return a short hash of a file's bytes: it changes when the file does, and never with the clock."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def page_file(output: Path, url: str) -> Path:
    """Return the file behind a page's address relative to the site's root ("ar/venues/", or a file: "ar/words.js")."""
    return output / url if url and not url.endswith("/") else output / url / "index.html"


def kept_pages(settings: dict) -> list[str]:
    """Return the pages kept in every language: OFFLINE_PAGES, or the home page, the directory, urgent help and the words."""
    pages = setting(settings, "OFFLINE_PAGES")
    if pages is not None:
        return list(pages)
    return ["", url_setting(settings, "VENUES_DIRECTORY")[0], "urgent-help/", url_setting(settings, "VENUES_WORDS")[0]]


def venue_page(settings: dict) -> str:
    """Return a venue page's address with {slug} unfilled: OFFLINE_VENUE_PAGE, or VENUES_URL's."""
    return setting(settings, "OFFLINE_VENUE_PAGE") or url_setting(settings, "VENUES", slug="{slug}")[0]


def language_prefixes(settings: dict) -> dict[str, str]:
    """Return each language's folder ("" for the default), from the translations plugin when it is on."""
    try:
        from translations.languages import site_languages
    except ImportError:  # the translations plugin is not on this build's plugin path
        return {settings.get("DEFAULT_LANG", "en"): ""}
    return {language.code: language.prefix for language in site_languages(settings)}


def asset_paths(static: Path, settings: dict, names: str) -> list[str]:
    """Return the theme files (relative to the theme's static folder) that the globs of setting `names` match."""
    exclude = setting(settings, "OFFLINE_ASSETS_EXCLUDE")
    return sorted(
        path.relative_to(static).as_posix()
        for path in static.rglob("*")
        if path.is_file()
        and any(fnmatch(path.relative_to(static).as_posix(), pattern) for pattern in setting(settings, names))
        and not any(fnmatch(path.relative_to(static).as_posix(), pattern) for pattern in exclude)
    )


def precache_manifest(settings: dict, venue_slugs: list[str]) -> dict:
    """Describe, from the written site, what a phone may keep; the version is a hash of all of it."""
    output = Path(settings["OUTPUT_PATH"])
    theme_dir = settings["THEME_STATIC_DIR"]
    static = output / theme_dir
    languages = language_prefixes(settings)
    revisions: dict[str, str] = {}
    for prefix in languages.values():
        for page in kept_pages(settings):
            path = page_file(output, prefix + page)
            if path.is_file():
                revisions[prefix + page] = revision(path)
            else:
                log.warning("offline: %s is not in the site, so it cannot be kept for reading offline", prefix + page)
    assets = [f"{theme_dir}/{path}" for path in asset_paths(static, settings, "OFFLINE_ASSETS")]
    on_demand = [f"{theme_dir}/{path}" for path in asset_paths(static, settings, "OFFLINE_ASSETS_ON_DEMAND")]
    for asset in assets + on_demand:
        revisions[asset] = revision(output / asset)
    venue_url = venue_page(settings)
    manifest = {
        "languages": languages,
        "default": next(code for code, prefix in languages.items() if prefix == ""),
        "pages": kept_pages(settings),
        # Where a page not kept sends a reader with no signal: the list of places, if kept.
        "list": url_setting(settings, "VENUES_DIRECTORY")[0],
        "venuePage": venue_url,
        "venues": sorted(venue_slugs),
        "assets": assets,
        "onDemand": [f"{theme_dir}/{pattern}" for pattern in setting(settings, "OFFLINE_ASSETS_ON_DEMAND")],
        "revisions": revisions,
    }
    # Venue pages are kept as the reader opens them, so they carry no revision of their own: they count
    # in the version, and a new version fetches the ones the reader kept again.
    version = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode())
    for slug in manifest["venues"]:
        for prefix in languages.values():
            path = page_file(output, prefix + venue_url.format(slug=slug))
            if path.is_file():
                version.update(path.read_bytes())
    return {"version": version.hexdigest()[:16], **manifest}
