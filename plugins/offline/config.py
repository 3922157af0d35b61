"""The OFFLINE_* settings and their defaults, written once."""

from __future__ import annotations

DEFAULTS = {
    # Where the service worker is written. Its folder is its scope: keep it at the site's root.
    "OFFLINE_WORKER_SAVE_AS": "service-worker.js",
    # The web app manifest, written once per language (under /<code>/ for the others).
    "OFFLINE_APP_MANIFEST_SAVE_AS": "manifest.webmanifest",
    # The pages of a language kept as soon as the reader opens any page in it (paths without the language folder);
    # None: the home page, the directory (VENUES_DIRECTORY_URL), the urgent help page and the page scripts' words
    # of that language (plugins/venues, VENUES_WORDS_URL).
    "OFFLINE_PAGES": None,
    # A venue's page, kept once the reader has opened it (while the venue is shown); None: VENUES_URL's.
    "OFFLINE_VENUE_PAGE": None,
    # The theme's files kept for every reader, as globs under the theme's static folder; then the ones left out:
    # the map's files (the map needs a connection for its tiles anyway) and the app icons (only for installing).
    # The tiny face with Tigrinya's own name (1.2 KB) is kept too: every page's language menu writes it.
    "OFFLINE_ASSETS": ["css/*.css", "js/*.js", "icons/*.svg", "fonts/noto-sans-ethiopic-names.woff2"],
    "OFFLINE_ASSETS_EXCLUDE": ["css/map.css", "js/map*.js"],
    # Kept only when a page has used them: a reader of English never downloads the Arabic or Ge'ez fonts.
    "OFFLINE_ASSETS_ON_DEMAND": ["fonts/*"],
    # The app manifest's icons, as (path under the theme's static folder, size in pixels).
    "OFFLINE_APP_ICONS": [("icons/app-192.png", 192), ("icons/app-512.png", 512)],
    "OFFLINE_THEME_COLOR": "#00505c",
    "OFFLINE_BACKGROUND_COLOR": "#ffffff",
}


def setting(settings: dict, name: str):
    """Return an OFFLINE_* setting, or its default."""
    return settings.get(name, DEFAULTS[name])
