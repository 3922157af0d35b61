"""Write the web app manifest in every language, and note which venues this build shows."""

from __future__ import annotations

from pelican.generators import Generator
from pelican.plugins._utils import plugin_enabled

from .config import DEFAULTS, setting

# The slugs of the venues each build shows, by output folder, for the service worker written once the site is.
shown_venues: dict[str, list[str]] = {}


def add_defaults(pelican) -> None:
    """Put every OFFLINE_* default in the settings, so the templates can read them."""
    if plugin_enabled("offline", pelican.settings.get("PLUGINS")):
        for name, value in DEFAULTS.items():
            pelican.settings.setdefault(name, value)


def get_generators(pelican):
    """Offer the app manifest generator to Pelican, when this build enables the plugin."""
    return AppManifestGenerator if plugin_enabled("offline", pelican.settings.get("PLUGINS")) else None


class AppManifestGenerator(Generator):
    """Write OFFLINE_APP_MANIFEST_SAVE_AS from the theme's app.webmanifest, once per language."""

    def generate_output(self, writer):
        shown_venues[self.settings["OUTPUT_PATH"]] = [venue.slug for venue in self.context.get("venues") or ()]
        save_as = setting(self.settings, "OFFLINE_APP_MANIFEST_SAVE_AS")
        # Relative addresses (the writer's SITEURL and LANGURL with relative_urls) resolve against the manifest
        # itself, so one build serves any SITEURL, a GitHub Pages sub-path included.
        writer.write_file(
            save_as,
            self.env.get_template("app.webmanifest"),
            self.context,
            relative_urls=True,
        )
