"""The Content Security Policy is written from the settings, in one place."""

from __future__ import annotations

import pytest
from safety.policy import content_security_policy, tile_origin


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split("; "))}


def test_scripts_come_only_from_the_site_itself():
    policy = directives(content_security_policy({"MAP_TILES_URL": "https://tile.openstreetmap.org/{z}/{x}/{y}.png"}))
    assert policy["default-src"] == policy["script-src"] == policy["style-src"] == ["'self'"]
    assert policy["object-src"] == policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]


def test_the_tile_server_follows_the_setting():
    assert tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    assert tile_origin("https://tiles.example.org:8443/{z}/{x}/{y}.png") == "https://tiles.example.org:8443"
    policy = directives(content_security_policy({"MAP_TILES_URL": "https://tiles.example.org/{z}/{x}/{y}.png"}))
    assert policy["img-src"][-1] == "https://tiles.example.org"


def test_tiles_from_the_site_itself_need_no_other_origin_and_no_data_images():
    assert tile_origin("/tiles/{z}/{x}/{y}.png") == ""
    assert directives(content_security_policy({"MAP_TILES_URL": "/tiles/{z}/{x}/{y}.png"}))["img-src"] == ["'self'"]
    assert directives(content_security_policy({}))["img-src"] == ["'self'"]


def test_a_placeholder_in_the_tile_host_is_refused():
    with pytest.raises(ValueError, match="MAP_TILES_URL"):
        tile_origin("https://{r}.tiles.example.org/{z}/{x}/{y}.png")
