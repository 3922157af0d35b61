"""The SAFETY_* settings: defaults written once, filled in only for a build that lists the plugin."""

from __future__ import annotations

from types import SimpleNamespace

from safety.policy import content_security_policy
from safety.settings import DEFAULTS, apply_settings, enabled, setting


def test_a_setting_is_read_or_defaults():
    assert setting({}, "SAFETY_EXIT_URL") == "https://www.bbc.co.uk/weather"
    assert setting({"SAFETY_EXIT_URL": "https://example.org/"}, "SAFETY_EXIT_URL") == "https://example.org/"
    assert "venues" in setting({}, "SAFETY_RESERVED_NAMES")


def test_enabled_only_when_the_build_lists_the_plugin():
    assert enabled({"PLUGINS": ["translations", "safety"]})
    assert not enabled({"PLUGINS": ["translations"]})
    assert not enabled({})


def test_apply_settings_fills_defaults_keeps_a_choice_and_writes_the_policy():
    pelican = SimpleNamespace(settings={"PLUGINS": ["safety"], "SAFETY_EXIT_URL": "https://example.org/"})
    apply_settings(pelican)
    assert pelican.settings["SAFETY_EXIT_URL"] == "https://example.org/"
    assert pelican.settings["SAFETY_RESERVED_NAMES"] == DEFAULTS["SAFETY_RESERVED_NAMES"]
    assert pelican.settings["CONTENT_SECURITY_POLICY"] == content_security_policy(pelican.settings)
    assert "default-src" in pelican.settings["CONTENT_SECURITY_POLICY"]


def test_a_build_without_the_plugin_is_left_alone():
    pelican = SimpleNamespace(settings={"PLUGINS": ["translations"]})
    apply_settings(pelican)
    assert pelican.settings == {"PLUGINS": ["translations"]}
