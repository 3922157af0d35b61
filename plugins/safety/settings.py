"""Read the SAFETY_* settings, with their defaults written once, and put the policy in the templates' context."""

from __future__ import annotations

from pelican.plugins._utils import plugin_enabled

from .policy import content_security_policy

DEFAULTS = {
    # Where "Exit this page" goes: a busy, ordinary page that says nothing about the reader (GOV.UK's choice).
    "SAFETY_EXIT_URL": "https://www.bbc.co.uk/weather",
    # First parts of paths that content pages may not use, besides the languages' codes and every *_SAVE_AS
    # setting's first folder: outputs whose paths live in plugin code rather than in a setting.
    "SAFETY_RESERVED_NAMES": ("venues", "map", "theme", "languages", "schema", "postcodes", "index", "drafts"),
}


def setting(settings: dict, name: str):
    """Return a SAFETY_* setting, or its default."""
    return settings.get(name, DEFAULTS[name])


def enabled(settings: dict) -> bool:
    """Tell whether this build lists the plugin (receivers outlive a build when tests run several in one process)."""
    return plugin_enabled("safety", settings.get("PLUGINS"))


def apply_settings(pelican) -> None:
    """Fill in the SAFETY_* defaults and the CONTENT_SECURITY_POLICY that every page's <meta> carries."""
    settings = pelican.settings
    if not enabled(settings):
        return
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    settings["CONTENT_SECURITY_POLICY"] = site_policy(settings)


def site_policy(settings: dict) -> str:
    """Return the policy of a build: the map's tile server (its setting or its default) only if it has a map."""
    tiles = settings.get("MAP_TILES_URL", "")
    if plugin_enabled("venue_map", settings.get("PLUGINS")):
        from venue_map.config import setting as map_setting  # the map plugin's default, when the city keeps it

        tiles = map_setting(settings, "MAP_TILES_URL")
    return content_security_policy({**settings, "MAP_TILES_URL": tiles})
