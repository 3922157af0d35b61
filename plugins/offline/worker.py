"""Write the service worker at the site's root, with the build's precache manifest on its first line."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import rjsmin
from pelican.plugins._utils import plugin_enabled

from .config import setting
from .generator import shown_venues
from .manifest import precache_manifest

log = logging.getLogger(__name__)

SOURCE = Path(__file__).with_name("service-worker.js")


def worker_script(manifest: dict) -> str:
    """Return the service worker: the manifest as data, then the worker's own code, minified."""
    data = json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"var OFFLINE={data};\n" + rjsmin.jsmin(SOURCE.read_text(encoding="utf-8"), keep_bang_comments=True) + "\n"


def write_worker(pelican) -> None:
    """Write OFFLINE_WORKER_SAVE_AS once every page and theme file is written (and minified)."""
    settings = pelican.settings
    if not plugin_enabled("offline", settings.get("PLUGINS")):
        return
    manifest = precache_manifest(settings, shown_venues.pop(settings["OUTPUT_PATH"], []))
    path = Path(settings["OUTPUT_PATH"]) / setting(settings, "OFFLINE_WORKER_SAVE_AS")
    path.write_text(worker_script(manifest), encoding="utf-8")
    log.info("offline: service worker version %s keeps %d files and %d venue pages when opened",
             manifest["version"], len(manifest["revisions"]), len(manifest["venues"]))
