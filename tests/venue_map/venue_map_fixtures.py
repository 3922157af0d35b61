"""Make venues in code and build the map page with a real Pelican run and a minimal theme."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from pelican import Pelican, signals
from pelican.settings import read_settings
from venues.model import Accreditation, Address, Position, Venue

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

# Twelve made-up places spread over Portsmouth, at least 400 m apart so none cluster at the
# zoom the map fits them to; the street names are fictional.
SPREAD = [
    ("harbour-reading-room", "Harbour Reading Room", "1 Example Quay", "PO1 3AA", 50.7990, -1.1060),
    ("corner-cafe", "Corner Café", "2 Example Road", "PO5 1AA", 50.7880, -1.0880),
    ("southsea-church", "Southsea Church Hall", "3 Example Grove", "PO5 2AA", 50.7830, -1.0770),
    ("eastney-shop", "Eastney Shop", "4 Example Parade", "PO4 9AA", 50.7880, -1.0470),
    ("fratton-mosque", "Fratton Mosque", "5 Example Street", "PO1 5AA", 50.7980, -1.0750),
    ("college-hub", "College Hub", "6 Example Walk", "PO1 2AA", 50.7960, -1.0930),
    ("family-centre", "Family Centre", "7 Example Close", "PO4 8AA", 50.7960, -1.0590),
    ("north-end-centre", "North End Community Centre", "8 Example Avenue", "PO2 9AA", 50.8170, -1.0780),
    ("station-help-point", "Station Help Point", "9 Example Approach", "PO1 1AA", 50.8060, -1.0880),
    ("night-pharmacy", "Night Pharmacy", "10 Example Lane", "PO3 5AA", 50.8060, -1.0640),
    ("cosham-surgery", "Cosham Surgery", "11 Example Hill", "PO6 3AA", 50.8440, -1.0660),
    ("stamshaw-library", "Stamshaw Library", "12 Example Terrace", "PO2 8AA", 50.8280, -1.0870),
]

HOSTILE_NAME = 'Trap ${window.__pwned=1} </script><img src=x onerror="window.__pwned=2"> & Co'


@dataclass(frozen=True)
class PlacedVenue(Venue):
    """A venue as the map reads it from the context: the file's facts and the position geocoding found."""

    position: Position | None = None


def make_venue(slug: str, name: str, street: str = "1 Example Street", postcode: str = "PO1 1AA",
               lat: float | None = 50.80, lon: float | None = -1.09) -> PlacedVenue:
    """Return a venue with a position (none when lat is None)."""
    return PlacedVenue(
        slug=slug,
        source=f"venues/{slug}.yaml",
        name=name,
        kind="library",
        address=Address(street, postcode, "Portsmouth"),
        offers=("safe-space",),
        accreditation=Accreditation(datetime.date(2026, 1, 1), datetime.date(2027, 1, 1)),
        position=None if lat is None else Position(lat, lon, "file"),
    )


def spread_venues() -> list[PlacedVenue]:
    """Return the twelve venues of SPREAD."""
    return [make_venue(slug, name, street, postcode, lat, lon) for slug, name, street, postcode, lat, lon in SPREAD]


def build(tmp_path: Path, venues: list[Venue], **overrides) -> Path:
    """Build a site holding only the map page with Pelican into tmp_path/output; return that folder."""
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    output = tmp_path / "output"
    settings = read_settings(
        None,
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": str(HERE / "theme"),
            # The real static folder: our map.js, map.css and the vendored Leaflet.
            "THEME_STATIC_PATHS": [str(ROOT / "theme" / "static")],
            "PLUGIN_PATHS": [str(HERE / "plugins"), str(ROOT / "plugins")],
            "PLUGINS": ["fake_venues", "venue_map"],
            "FAKE_VENUES": venues,
            "DIRECT_TEMPLATES": [],
            "FEED_ALL_ATOM": None,
            "CATEGORY_FEED_ATOM": None,
            "RELATIVE_URLS": True,
            "SITEURL": "",
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "MAP_TILES_URL": TILES_URL,
            "MAP_CENTER": (50.8058, -1.0872),
            "MAP_ZOOM": 13,
            **overrides,
        },
    )
    try:
        Pelican(settings).run()
    finally:
        # Receivers outlive the build; keep the test plugin out of later builds in this process.
        import fake_venues

        signals.get_generators.disconnect(fake_venues.get_generators)
    return output

