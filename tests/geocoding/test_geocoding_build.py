"""A real Pelican build of the example venues with the committed geocode cache asks Nominatim nothing."""

import datetime
import json
import logging
import shutil
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings
from venues.check.catalogue import read_catalogue
from venues.city import City

from tests.conftest import build_site, only_languages

PORTSMOUTH = City("Portsmouth")  # the example venues leave out town:, as a coordinator may

ROOT = Path(__file__).resolve().parents[2]


def test_build_with_committed_cache_makes_zero_requests(nominatim, tmp_path, monkeypatch):
    monkeypatch.delenv("NOMINATIM_URL", raising=False)
    monkeypatch.delenv("GEOCODING_OFFLINE", raising=False)
    cache = tmp_path / "geocode-cache.json"
    shutil.copy(ROOT / "data" / "geocode-cache.json", cache)
    before = cache.read_bytes()
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "OUTPUT_PATH": str(tmp_path / "output"),
            "VENUES_TODAY": datetime.date(2026, 11, 27),
            "GEOCODING_OFFLINE": False,  # online, but the fake server must not be asked
            "GEOCODING_NOMINATIM_URL": nominatim.url,
            "GEOCODING_CACHE_PATH": str(cache),
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
        },
    )
    Pelican(settings).run()

    assert nominatim.requests == [], (
        "a venue address is missing from data/geocode-cache.json: "
        "fill it with `PYTHONPATH=plugins .venv/bin/python -m geocoding.cli` and commit the file"
    )
    assert cache.read_bytes() == before

    entries = json.loads(before)
    known = {(entry["lon"], entry["lat"]) for entry in entries.values()}
    catalogue = read_catalogue(ROOT / "venues", ROOT, city=PORTSMOUTH)
    known |= {(venue.location.lon, venue.location.lat) for venue in catalogue.venues if venue.location}
    features = json.loads((tmp_path / "output" / "venues.geojson").read_text(encoding="utf-8"))["features"]
    assert len(features) >= 10
    for feature in features:
        assert tuple(feature["geometry"]["coordinates"]) in known, feature["properties"]["slug"]


def test_build_log_names_the_file_of_a_venue_nominatim_found_nothing_for(nominatim, tmp_path, monkeypatch, caplog):
    monkeypatch.delenv("NOMINATIM_URL", raising=False)
    monkeypatch.delenv("GEOCODING_OFFLINE", raising=False)
    folder = tmp_path / "venues"
    folder.mkdir()
    shutil.copy(ROOT / "venues" / "example-harbour-library.yaml", folder)
    address_line = (folder / "example-harbour-library.yaml").read_text(encoding="utf-8").splitlines().index("address:") + 1
    at_address = f"venues: venues/example-harbour-library.yaml:{address_line}:1: "  # the miss is about the address
    (tmp_path / "geocode-cache.json").write_text("{}\n", encoding="utf-8")
    nominatim.mode = "not_found"
    online = {"GEOCODING_OFFLINE": False, "GEOCODING_NOMINATIM_URL": nominatim.url, "GEOCODING_MIN_DELAY_SECONDS": 0,
              **only_languages("en", "ar")}

    for build in ("first", "second"):
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            build_site(tmp_path / build, folder, GEOCODING_CACHE_PATH=str(tmp_path / "geocode-cache.json"), **online)
        warnings = [record.getMessage() for record in caplog.records if "Nominatim found nothing" in record.getMessage()]
        assert len(warnings) == 1, (build, caplog.text)
        assert warnings[0].startswith(f"{at_address}Nominatim found nothing for ")
        assert "check the street under address: in the venue file" in warnings[0]
        assert "or add a location: block with lat: and lon: to the file" in warnings[0]
        assert len(nominatim.requests) == 1, build  # the second build reads the miss from the cache
