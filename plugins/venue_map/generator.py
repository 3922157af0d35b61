"""Write MAP_SAVE_AS with the theme's map.html, its markers to MAP_DATA_SAVE_AS and their details to MAP_DETAILS_SAVE_AS."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican.generators import Generator
from pelican.plugins._utils import plugin_enabled
from venues.urls import url_setting

from .build import MapOptions, build_map
from .config import DEFAULTS, setting

log = logging.getLogger(__name__)


def get_generators(pelican):
    """Return the map generator, unless this build does not list the plugin."""
    # Signal receivers outlive a build: in one process (tests) a later build without this plugin
    # would otherwise still get its map page.
    return VenueMapGenerator if plugin_enabled("venue_map", pelican.settings.get("PLUGINS")) else None


def map_options(settings: dict) -> MapOptions:
    """Read the MAP_* settings."""
    return MapOptions(
        tiles_url=setting(settings, "MAP_TILES_URL"),
        tiles_attribution=setting(settings, "MAP_TILES_ATTRIBUTION"),
        center=tuple(setting(settings, "MAP_CENTER")) if setting(settings, "MAP_CENTER") else None,
        zoom=setting(settings, "MAP_ZOOM"),
        data_save_as=setting(settings, "MAP_DATA_SAVE_AS"),
        details_save_as=setting(settings, "MAP_DETAILS_SAVE_AS"),
        cluster_radius=setting(settings, "MAP_CLUSTER_RADIUS"),
    )


class VenueMapGenerator(Generator):
    """Write the map page from the venues the venues plugin put in the context."""

    def generate_context(self):
        """Tell every template where the map page is (MAP_URL, from the language's root)."""
        self.context["MAP_URL"] = url_setting(self.settings, "MAP", DEFAULTS)[0]

    def generate_output(self, writer):
        """Write the places and details files, and map.html with `venue_map` (build.MapParts) for the shown venues."""
        save_as = url_setting(self.settings, "MAP", DEFAULTS)[1]
        if not save_as:
            return
        venues = self.context.get("venues")
        if venues is None:
            log.warning("venue_map: no venues in the context (is the venues plugin enabled?); the map is empty")
            venues = []
        venue_map = build_map(venues, map_options(self.settings))
        for url, text in [(venue_map.data_url, venue_map.places_json()), (venue_map.details_url, venue_map.details_json())]:
            data_path = Path(self.output_path) / url
            data_path.parent.mkdir(parents=True, exist_ok=True)
            data_path.write_text(text, encoding="utf-8")
        writer.write_file(
            save_as,
            self.get_template("map"),
            self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False),
            page_name=save_as.removesuffix(".html"),
            venue_map=venue_map,
        )
        log.info("venue_map: wrote %s with %d venues", save_as, sum(v.position is not None for v in venues))
