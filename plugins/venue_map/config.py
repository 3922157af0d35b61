"""The MAP_* settings and their defaults, written once."""

from __future__ import annotations

DEFAULTS = {
    # The map page's pair, read through venues.urls.url_setting: links follow MAP_URL; an empty MAP_SAVE_AS writes no map.
    "MAP_URL": "map/",
    "MAP_SAVE_AS": "map/index.html",
    # One file for every language: a place's name and address are the same in each, and its link
    # is made from the page's own way to its language's venue pages.
    "MAP_DATA_SAVE_AS": "map/places.json",
    # What a popup or a filter needs beyond the marker, fetched on its first use: most readers never do.
    "MAP_DETAILS_SAVE_AS": "map/details.json",
    "MAP_TILES_URL": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "MAP_TILES_ATTRIBUTION": '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    # (lat, lon) where the map opens before it fits the places; None: the middle of the places.
    "MAP_CENTER": None,
    # How close it opens there; the map then fits its places, up to street level.
    "MAP_ZOOM": 13,
    "MAP_CLUSTER_RADIUS": 48,
}


def setting(settings: dict, name: str):
    """Return a MAP_* setting, or its default."""
    return settings.get(name, DEFAULTS[name])
