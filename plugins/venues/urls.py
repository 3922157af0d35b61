"""Give an output kind's URL and save path from its one pair of settings, as Pelican's get_url_setting does."""

from __future__ import annotations

from collections.abc import Mapping

# Each kind's pair: <KIND>_URL (what links point at, from the language's root) and <KIND>_SAVE_AS (the file).
DEFAULTS = {
    "VENUES_URL": "venues/{slug}/",
    "VENUES_SAVE_AS": "venues/{slug}/index.html",
    "VENUES_DIRECTORY_URL": "venues/",
    "VENUES_DIRECTORY_SAVE_AS": "venues/index.html",
    # The page scripts' words, one file per language at the language's root (/words.js, /ar/words.js).
    "VENUES_WORDS_URL": "words.js",
    "VENUES_WORDS_SAVE_AS": "words.js",
}


def url_setting(settings: Mapping, kind: str, **fields: str) -> tuple[str, str]:
    """Return (url, save_as) of one output kind ("VENUES", "VENUES_DIRECTORY") with its fields filled in."""
    pair = []
    for part in ("URL", "SAVE_AS"):
        name = f"{kind}_{part}"
        template = settings.get(name)
        pair.append((DEFAULTS[name] if template is None else template).format(**fields))
    return pair[0], pair[1]
