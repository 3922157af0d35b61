"""Each plugin's defaults are written once, in the plugin; pelicanconf.py sets only what this city changes."""

from __future__ import annotations

import pytest
from geocoding.config import DEFAULTS as GEOCODING_DEFAULTS
from geocoding.config import GeocodingConfig
from offline.config import DEFAULTS as OFFLINE_DEFAULTS
from pelican.settings import read_settings
from safety.settings import DEFAULTS as SAFETY_DEFAULTS
from safety.settings import site_policy
from venue_map.config import DEFAULTS as MAP_DEFAULTS
from venue_map.generator import map_options
from venues.config import DEFAULTS as VENUES_DEFAULTS
from venues.config import setting as venues_setting

from tests.conftest import ROOT

ALL_DEFAULTS = {**GEOCODING_DEFAULTS, **OFFLINE_DEFAULTS, **SAFETY_DEFAULTS, **MAP_DEFAULTS, **VENUES_DEFAULTS}
# The city's own values, written in pelicanconf.py's block "The city" even where they match a default: a city must
# see them to change them. No default is Portsmouth's (tests/browser/test_second_city.py builds another city).
CITY_SETTINGS = {"VENUES_CITY", "VENUES_PLACE_NAMES", "VENUES_SCHEMES", "GEOCODING_POSTCODES_PATH", "GEOCODING_USER_AGENT",
                 "GEOCODING_SERVICE_AREA", "MAP_CENTER", "MAP_ZOOM"}


def city_settings() -> dict:
    """Return the names and values pelicanconf.py itself writes (not Pelican's own defaults)."""
    namespace: dict = {"__file__": str(ROOT / "pelicanconf.py")}
    exec(compile((ROOT / "pelicanconf.py").read_text(encoding="utf-8"), "pelicanconf.py", "exec"), namespace)
    return {name: value for name, value in namespace.items() if name.isupper()}


def same(a, b) -> bool:
    return (list(a) == list(b)) if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)) else a == b


def test_pelicanconf_restates_no_plugin_default_but_the_citys_own():
    written = city_settings()
    restated = sorted(name for name, value in written.items()
                      if name in ALL_DEFAULTS and name not in CITY_SETTINGS and same(value, ALL_DEFAULTS[name]))
    assert restated == [], f"pelicanconf.py repeats a plugin's default; remove: {restated}"


@pytest.mark.parametrize("name", ["MAP_TILES_URL", "MAP_TILES_ATTRIBUTION", "MAP_SAVE_AS"])
def test_the_map_uses_its_default_when_the_city_does_not_set_it(name):
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    assert name not in city_settings()
    options = map_options(settings)
    assert options.tiles_url == MAP_DEFAULTS["MAP_TILES_URL"]
    assert options.tiles_attribution == MAP_DEFAULTS["MAP_TILES_ATTRIBUTION"]


def test_the_policy_allows_the_default_tile_server_only_when_the_site_has_a_map():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    assert "https://tile.openstreetmap.org" in site_policy(settings)
    assert "tile.openstreetmap.org" not in site_policy({**settings, "PLUGINS": ["venues"]})
    assert "https://tiles.example.org" in site_policy({**settings, "MAP_TILES_URL": "https://tiles.example.org/{z}/{x}/{y}.png"})


def test_geocoding_and_venues_use_their_defaults_when_the_setting_is_absent():
    config = GeocodingConfig.from_settings({}, environ={})
    assert config.max_distance_metres == GEOCODING_DEFAULTS["GEOCODING_MAX_DISTANCE_METRES"]
    assert config.nominatim_url == GEOCODING_DEFAULTS["GEOCODING_NOMINATIM_URL"]
    assert venues_setting({}, "VENUES_RENEWAL_WARNING_DAYS") == 30
    assert venues_setting({"VENUES_RENEWAL_WARNING_DAYS": 7}, "VENUES_RENEWAL_WARNING_DAYS") == 7


def test_a_built_site_without_the_settings_gets_the_defaults(example_site):
    html = (example_site / "index.html").read_text(encoding="utf-8")
    assert f'href="{SAFETY_DEFAULTS["SAFETY_EXIT_URL"]}"' in html
    assert "https://tile.openstreetmap.org" in html  # the Content Security Policy names the default tile server
    assert (example_site / MAP_DEFAULTS["MAP_SAVE_AS"]).is_file()


def test_no_plugin_default_names_portsmouth():
    found = sorted(name for name, value in ALL_DEFAULTS.items() if "portsmouth" in repr(value).casefold()
                   or value in [(50.8058, -1.0872), (50.74, -1.17, 50.90, -0.95)])
    assert found == []
