"""Fixtures for the map tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from venue_map_fixtures import build, spread_venues

from tests.browser.chromium import browser  # noqa: F401  (a fixture: the session's one Chromium)


@pytest.fixture(scope="session")
def map_site(tmp_path_factory) -> Path:
    """Build the map of the twelve spread venues once."""
    return build(tmp_path_factory.mktemp("map-site"), spread_venues())
