"""venues.site.pages_limit: the build warns as the site nears GitHub Pages' 1 GB, and fails above it, naming the fix."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
from types import SimpleNamespace

import pytest
from venues.site.pages_limit import check_output_size, in_words, output_bytes

from tests.conftest import ROOT, build_site, only_languages


def site_of(tmp_path, sizes: dict[str, int]):
    """Write files of the given sizes under tmp_path/output; return it."""
    output = tmp_path / "output"
    for name, size in sizes.items():
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_bytes(b"x" * size)
    return output


def check(output, limit, caplog, languages=9):
    """Weigh the folder as the finalized signal would for a site of that many languages; return what was logged."""
    settings = {"PLUGINS": ["venues"], "OUTPUT_PATH": str(output), "VENUES_OUTPUT_LIMIT_BYTES": limit,
                "TRANSLATIONS_LANGUAGES": {f"l{number}": {"name": f"l{number}"} for number in range(languages)}}
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        check_output_size(SimpleNamespace(settings=settings))
    return [(record.levelno, record.getMessage()) for record in caplog.records]


def test_every_file_counts_and_a_link_does_not(tmp_path):
    output = site_of(tmp_path, {"index.html": 300, "ar/venues/a/index.html": 700, "theme/css/site.css": 24})
    os.symlink(output / "index.html", output / "link.html")
    assert output_bytes(output) == 1024


@pytest.mark.parametrize(("limit", "level"), [(2000, None), (1200, logging.WARNING), (1000, logging.ERROR)])
def test_under_80_percent_is_quiet_then_a_warning_then_an_error(tmp_path, caplog, limit, level):
    seen = check(site_of(tmp_path, {"index.html": 1100}), limit, caplog)
    assert [found for found, _message in seen] == ([level] if level else [])


def test_the_message_says_how_big_what_the_limit_is_and_the_fix(tmp_path, caplog):
    [(_level, message)] = check(site_of(tmp_path, {"index.html": 1_160_000}), 1_000_000, caplog)
    assert message.startswith("venues: the built site is 1.2 MB, more than the 1.0 MB GitHub Pages publishes")
    assert "VENUES_OUTPUT_LIMIT_BYTES" in message and "9 languages" in message
    assert "regional sites" in message and "docs/new-city.md" in message and "TRANSLATIONS_LANGUAGES" in message


def test_sizes_read_as_github_writes_its_limit():
    assert (in_words(1_000_000_000), in_words(2_300_000_000), in_words(850_300_000)) == ("1.00 GB", "2.30 GB", "850.3 MB")


def test_zero_turns_the_check_off(tmp_path, caplog):
    assert check(site_of(tmp_path, {"index.html": 5000}), 0, caplog) == []


def test_a_real_build_is_weighed_once_written(tmp_path, caplog):
    with caplog.at_level(logging.ERROR):
        output = build_site(tmp_path, VENUES_OUTPUT_LIMIT_BYTES=1_000_000, **only_languages("en", "ar"))
    errors = [record.getMessage() for record in caplog.records if "GitHub Pages publishes" in record.getMessage()]
    assert len(errors) == 1 and "2 languages" in errors[0]
    # Weighed once everything was written: within a few hundred KB of the finished output (the order of the
    # finalized handlers is not promised, so the theme's files may not be minified yet).
    logged = float(re.match(r"venues: the built site is ([0-9.]+) MB", errors[0]).group(1)) * 1e6
    assert abs(logged - output_bytes(output)) < 500_000


def test_the_pelican_command_fails_on_a_site_too_big_to_publish(tmp_path):
    # As `make html` and `make publish` run it: --fatal errors turns the error into a failed build.
    cache = tmp_path / "geocode-cache.json"
    shutil.copy(ROOT / "data" / "geocode-cache.json", cache)
    run = subprocess.run(
        [sys.executable, "-m", "pelican", str(ROOT / "content"), "-s", str(ROOT / "pelicanconf.py"),
         "-o", str(tmp_path / "output"), "--fatal", "errors",
         "-e", "VENUES_OUTPUT_LIMIT_BYTES=1000000", "GEOCODING_OFFLINE=true",
         f"GEOCODING_CACHE_PATH={json.dumps(str(cache))}",
         f"TRANSLATIONS_LANGUAGES={json.dumps(only_languages('en')['TRANSLATIONS_LANGUAGES'])}",
         f"PAGE_EXCLUDES={json.dumps(only_languages('en')['PAGE_EXCLUDES'])}"],
        capture_output=True, text=True, cwd=ROOT, check=False, timeout=120)
    assert run.returncode != 0
    assert "GitHub Pages publishes" in run.stdout + run.stderr
