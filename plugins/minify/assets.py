"""Minify the CSS and JavaScript Pelican copied from the theme into the output."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import rcssmin
import rjsmin
from calmjs.parse import es5
from calmjs.parse.exceptions import ECMASyntaxError
from calmjs.parse.unparsers.es5 import minify_print
from pelican.plugins._utils import plugin_enabled

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=128)  # a process that builds again (tests, `make serve`) minifies each script once
def minify_js(text: str) -> str:
    """Minify a script, shortening the names inside its functions; only strip it where names cannot be shortened."""
    # calmjs.parse reads the scripts as they are written (ES5) and renames what no other script can see; its output
    # drops every comment, so a script with a licence notice (/*!), or one it cannot read, is only stripped.
    if "/*!" not in text:
        try:
            return minify_print(es5(text), obfuscate=True, obfuscate_globals=False)
        except ECMASyntaxError as error:
            log.warning("minify: a script could not be read (%s), so its names are kept", error)
    return rjsmin.jsmin(text, keep_bang_comments=True)


MINIFIERS = {
    # Comments starting /*! are licence notices, kept as their licences ask.
    ".css": lambda text: rcssmin.cssmin(text, keep_bang_comments=True),
    ".js": minify_js,
}


def is_shipped_minified(path: Path) -> bool:
    """Tell whether a file came minified from its npm package: Leaflet's scripts, whose notices say @preserve."""
    return path.parts[0] == "vendor" and path.suffix == ".js"


def minify_output(pelican) -> None:
    """Minify every .css and .js file under the output's theme folder, unless MINIFY_ENABLED is false."""
    settings = pelican.settings
    if not plugin_enabled("minify", settings.get("PLUGINS")) or not settings.get("MINIFY_ENABLED", True):
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
