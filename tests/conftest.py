"""Shared fixtures: paths of the project and a real Pelican build into a temporary folder."""

from __future__ import annotations

import datetime
import logging
import shutil
import socket
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


def free_port() -> int:
    """Return a port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> tuple[Path, str]:
    """Build the examples as the published site is built (absolute URLs, SITEURL set) for a local server's address.

    Return the output folder and that SITEURL: serve the folder on its port and every link, and every QR code,
    points to the server.
    """
    site_url = f"http://127.0.0.1:{free_port()}"
    output = build_site(tmp_path_factory.mktemp("published-site"), SITEURL=site_url, RELATIVE_URLS=False)
    return output, site_url


LARGE_SITE_VENUES = 80
LARGE_SITE_MAX_CARDS = 20


@pytest.fixture(scope="session")
def large_site(tmp_path_factory) -> Path:
    """Build a site of generated venues larger than its directory's card limit, once for the whole session."""
    from scripts.bench_build import write_venues  # local: only the tests of the split directory need it

    work = tmp_path_factory.mktemp("large-site")
    venues = work / "venues"
    venues.mkdir()
    write_venues(venues, LARGE_SITE_VENUES)
    return build_site(work, venues, VENUES_DIRECTORY_MAX_CARDS=LARGE_SITE_MAX_CARDS)


@pytest.fixture
def pelican_errors(caplog):
    """Collect error records that Pelican and the plugins log during a build."""
    caplog.set_level(logging.WARNING)
    return lambda: [record for record in caplog.records if record.levelno >= logging.ERROR]
