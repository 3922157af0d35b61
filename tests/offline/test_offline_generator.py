"""offline.generator: the OFFLINE_* defaults reach the templates only in builds that enable the plugin."""

from __future__ import annotations

from types import SimpleNamespace

from offline.config import DEFAULTS
from offline.generator import AppManifestGenerator, add_defaults, get_generators


def test_defaults_are_added_without_overriding_the_sites_own():
    pelican = SimpleNamespace(settings={"PLUGINS": ["offline"], "OFFLINE_THEME_COLOR": "#000000"})
    add_defaults(pelican)
    assert pelican.settings["OFFLINE_THEME_COLOR"] == "#000000"
    assert pelican.settings["OFFLINE_WORKER_SAVE_AS"] == DEFAULTS["OFFLINE_WORKER_SAVE_AS"]


def test_a_build_without_the_plugin_gets_neither_defaults_nor_the_generator():
    pelican = SimpleNamespace(settings={"PLUGINS": ["venues"]})
    add_defaults(pelican)
    assert pelican.settings == {"PLUGINS": ["venues"]}
    assert get_generators(pelican) is None
    assert get_generators(SimpleNamespace(settings={"PLUGINS": ["offline"]})) is AppManifestGenerator
