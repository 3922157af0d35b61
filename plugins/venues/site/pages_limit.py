"""Warn when the built site nears the size GitHub Pages publishes, and fail the build when it is over."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pelican.plugins._utils import plugin_enabled
from translations.languages import site_languages

from ..config import setting

log = logging.getLogger(__name__)

# Warn from here, while there is still time to plan a split: a network adds venues a few at a time.
WARN_FROM = 0.8


def output_bytes(folder: Path) -> int:
    """Return the bytes of every file under the folder (links are not followed, as Pages does not follow them)."""
    total = 0
    for root, _folders, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                total += os.path.getsize(path)
    return total


def in_words(size: int) -> str:
    """Write a size the way GitHub's limit is written: "1.16 GB", or "850.3 MB" below a gigabyte."""
    return f"{size / 1e9:.2f} GB" if size >= 1e9 else f"{size / 1e6:.1f} MB"


def check_output_size(pelican) -> None:
    """Log an error when the output is over VENUES_OUTPUT_LIMIT_BYTES, a warning when it is over 80% of it."""
    settings = pelican.settings
    limit = setting(settings, "VENUES_OUTPUT_LIMIT_BYTES")
    if not plugin_enabled("venues", settings.get("PLUGINS")) or not limit:
        return
    # Pelican does not promise an order for finalized handlers: the theme's files may or may not be minified yet, and
    # the service worker written yet; a few hundred KB either way, against a limit of a gigabyte.
    size = output_bytes(Path(settings["OUTPUT_PATH"]))
    languages = len(site_languages(settings))
    fix = (f"Each venue adds a page in each of the site's {languages} languages and its printed sheets. Publish the "
           "network as regional sites, each with its own venues folder (docs/new-city.md), or build fewer "
           "languages (TRANSLATIONS_LANGUAGES in pelicanconf.py).")
    if size > limit:
        log.error("venues: the built site is %s, more than the %s GitHub Pages publishes (VENUES_OUTPUT_LIMIT_BYTES), "
                  "so it would not be published. %s", in_words(size), in_words(limit), fix)
    elif size > WARN_FROM * limit:
        log.warning("venues: the built site is %s, %d%% of the %s GitHub Pages publishes (VENUES_OUTPUT_LIMIT_BYTES). "
                    "%s", in_words(size), 100 * size // limit, in_words(limit), fix)
