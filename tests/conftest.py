"""Shared fixtures: paths of the project and a real Pelican build into a temporary folder."""

from __future__ import annotations

import datetime
import logging
import shutil
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BUILD_DAY = datetime.date(2026, 11, 27)


def build_site(tmp_path: Path, venues_dir: Path | None = None, **overrides) -> Path:
    """Build the real site with Pelican into tmp_path/output and return that folder."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    output = tmp_path / "output"
    cache = tmp_path / "geocode-cache.json"
    if not cache.exists():
        shutil.copy(ROOT / "data" / "geocode-cache.json", cache)
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "OUTPUT_PATH": str(output),
            "VENUES_PATH": str(venues_dir or ROOT / "venues"),
            "VENUES_TODAY": BUILD_DAY,
            "GEOCODING_OFFLINE": True,
            "GEOCODING_CACHE_PATH": str(cache),
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            **overrides,
        },
    )
    # Pelican drops a warning it has logged before in this process; each build here must log its own.
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    Pelican(settings).run()
    return output


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """Build the site from the example venues once for the whole test session."""
    return build_site(tmp_path_factory.mktemp("example-site"))


@pytest.fixture
def pelican_errors(caplog):
    """Collect error records that Pelican and the plugins log during a build."""
    caplog.set_level(logging.WARNING)
    return lambda: [record for record in caplog.records if record.levelno >= logging.ERROR]
