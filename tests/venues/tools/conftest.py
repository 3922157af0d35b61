"""Fixtures for the coordination tools: small venue folders written for each test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.geocoding.conftest import nominatim  # noqa: F401 (the fake Nominatim on 127.0.0.1, shared)


@pytest.fixture
def venues_dir(tmp_path) -> Path:
    """An empty venues/ folder inside tmp_path (so files are named venues/<slug>.yaml)."""
    folder = tmp_path / "venues"
    folder.mkdir()
    return folder


@pytest.fixture
def cache_file(tmp_path) -> Path:
    """A geocode cache that knows one address: 12 Palmerston Road, PO1 2AE."""
    path = tmp_path / "geocode-cache.json"
    path.write_text(json.dumps({"12 palmerston road, portsmouth po1 2ae": {
        "lat": 50.7903, "lon": -1.1028, "source": "nominatim"}}), encoding="utf-8")
    return path
