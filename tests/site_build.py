"""The real Pelican build the tests and the benchmarks share, importable without pytest."""

# The benchmarks time this build in a process of its own beside a bare Pelican build: importing it through
# conftest.py would have timed pytest's own import too (about 0.2 s), which no real build pays.

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BUILD_DAY = datetime.date(2026, 11, 27)


def only_languages(*codes: str) -> dict:
    """Return the setting that builds only these of the site's languages (the default first), for a quicker build."""
    # Nine languages make a build about four times longer: a test about something else builds one left-to-right
    # language and one right-to-left one; the example site and the browser suite keep all nine.
    configured = read_settings(str(ROOT / "pelicanconf.py"))["TRANSLATIONS_LANGUAGES"]
    assert codes[0] == next(iter(configured)), "name the site's default language first"
    # The pages translated into the languages left out are left out too (content/pages/<code>/).
    return {"TRANSLATIONS_LANGUAGES": {code: configured[code] for code in codes},
            "PAGE_EXCLUDES": [f"pages/{code}" for code in configured if code not in codes]}


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
