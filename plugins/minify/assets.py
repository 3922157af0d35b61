"""Minify the CSS and JavaScript Pelican copied from the theme into the output."""

from __future__ import annotations

import logging
from pathlib import Path

import rcssmin
import rjsmin

log = logging.getLogger(__name__)

MINIFIERS = {
    # Comments starting /*! are licence notices, kept as their licences ask.
    ".css": lambda text: rcssmin.cssmin(text, keep_bang_comments=True),
    ".js": lambda text: rjsmin.jsmin(text, keep_bang_comments=True),
}


def is_shipped_minified(path: Path) -> bool:
    """Tell whether a file came minified from its npm package: Leaflet's scripts, whose notices say @preserve."""
    return path.parts[0] == "vendor" and path.suffix == ".js"


def minify_output(pelican) -> None:
    """Minify every .css and .js file under the output's theme folder, unless MINIFY_ENABLED is false."""
    settings = pelican.settings
    if not settings.get("MINIFY_ENABLED", True):
        return
    folder = Path(settings["OUTPUT_PATH"]) / settings["THEME_STATIC_DIR"]
    before = after = 0
    for path in sorted(folder.rglob("*")):
        minify = MINIFIERS.get(path.suffix)
        if minify is None or is_shipped_minified(path.relative_to(folder)):
            continue
        text = path.read_text(encoding="utf-8")
        smaller = minify(text)
        before, after = before + len(text.encode()), after + len(smaller.encode())
        path.write_text(smaller, encoding="utf-8")
    log.info("minify: theme stylesheets and scripts from %d to %d bytes", before, after)
