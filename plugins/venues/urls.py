"""Give an output kind's URL and save path from its one pair of settings, as Pelican's get_url_setting does."""

from __future__ import annotations

from collections.abc import Mapping

# Each kind's pair: <KIND>_URL (what links point at, from the language's root) and <KIND>_SAVE_AS (the file).
# Move a kind by setting both; every link, the service worker's list of pages to keep included, follows.
DEFAULTS = {
    "VENUES_URL": "venues/{slug}/",
    "VENUES_SAVE_AS": "venues/{slug}/index.html",
    "VENUES_DIRECTORY_URL": "venues/",
    "VENUES_DIRECTORY_SAVE_AS": "venues/index.html",
    # The listings the directory links to, so it works without JavaScript: by offer, language and postcode district.
    "VENUES_OFFER_URL": "venues/offers/{key}/",
    "VENUES_OFFER_SAVE_AS": "venues/offers/{key}/index.html",
    "VENUES_LANGUAGE_URL": "venues/languages/{key}/",
    "VENUES_LANGUAGE_SAVE_AS": "venues/languages/{key}/index.html",
    "VENUES_AREA_URL": "venues/areas/{key}/",
    "VENUES_AREA_SAVE_AS": "venues/areas/{key}/index.html",
    # A venue's printed sheets, on one page: the A4 window poster, and the A6 counter card at its #card.
    "VENUES_POSTER_URL": "venues/{slug}/poster/",
    "VENUES_POSTER_SAVE_AS": "venues/{slug}/poster/index.html",
    "VENUES_NETWORK_URL": "network/",
    "VENUES_NETWORK_SAVE_AS": "network/index.html",
    # The directory's search index, one for every language (from the site's root, not a language's).
    "VENUES_SEARCH_URL": "venues/search.json",
    "VENUES_SEARCH_SAVE_AS": "venues/search.json",
    # The page scripts' words, one file per language at the language's root (/words.js, /ar/words.js).
    "VENUES_WORDS_URL": "words.js",
    "VENUES_WORDS_SAVE_AS": "words.js",
}


def url_setting(settings: Mapping, kind: str, defaults: Mapping[str, str] = DEFAULTS, **fields: str) -> tuple[str, str]:
    """Return (url, save_as) of one output kind ("VENUES", "VENUES_DIRECTORY", "MAP") with its fields filled in."""
    pair = []
    for part in ("URL", "SAVE_AS"):
        name = f"{kind}_{part}"
        template = settings.get(name)
        pair.append((defaults[name] if template is None else template).format(**fields))
    return pair[0], pair[1]


def url_of(settings: Mapping, kind: str, **fields: str) -> str:
    """Return the URL of one output kind, from the language's root (for templates: url_of("VENUES_POSTER", slug=...))."""
    return url_setting(settings, kind, **fields)[0]
