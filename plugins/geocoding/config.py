"""Read the GEOCODING_* settings, with the environment's overrides."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from venues.check.load import display_path
from venues.site.postcode_files import load_centroids

ROOT = Path(__file__).resolve().parent.parent.parent
TRUE_WORDS = {"1", "true", "yes", "on"}
# About 5 km: Portsmouth's chosen service area reached 4 to 8 km beyond its postcodes' points.
SERVICE_AREA_MARGIN_DEGREES = 0.05
# With no postcode extract either, the area UK postcodes cover (Great Britain and Northern Ireland).
UK_AREA = (49.8, -8.7, 60.9, 1.8)

DEFAULTS = {
    "GEOCODING_CACHE_PATH": str(ROOT / "data" / "geocode-cache.json"),
    "GEOCODING_POSTCODES_PATH": str(ROOT / "data" / "postcodes" / "po.csv"),
    "GEOCODING_NOMINATIM_URL": "https://nominatim.openstreetmap.org",
    # How the site introduces itself to Nominatim (its policy asks for a name and a contact); "": made from
    # SITENAME and CONTACT_EMAIL.
    "GEOCODING_USER_AGENT": "",
    "GEOCODING_OFFLINE": False,
    "GEOCODING_MIN_DELAY_SECONDS": 1.0,
    "GEOCODING_TIMEOUT_SECONDS": 10,
    # The timeout above is per read: a server sending a byte every few seconds never trips it. This bounds the whole.
    "GEOCODING_DEADLINE_SECONDS": 20,
    # From Code-Point Open (docs/geocoding.md), measured in Portsmouth: 99% of its postcode points have their third-nearest
    # neighbouring postcode point within 228 m, so a door more than 250 m from its own postcode's point is unusual.
    "GEOCODING_MAX_DISTANCE_METRES": 250,
    # Up to this far, a location: block with a reason: is accepted, and the reason shown to reviewers.
    "GEOCODING_MAX_DISTANCE_WITH_REASON_METRES": 1500,
    # (south, west, north, east) in degrees: no point outside is accepted. None: the postcode extract's
    # points and SERVICE_AREA_MARGIN_DEGREES around them.
    "GEOCODING_SERVICE_AREA": None,
}


@dataclass(frozen=True)
class GeocodingConfig:
    """Hold the geocoding settings of one build."""

    cache_path: Path
    postcodes_path: Path
    nominatim_url: str
    user_agent: str
    offline: bool
    min_delay_seconds: float
    timeout_seconds: float
    deadline_seconds: float
    max_distance_metres: float
    max_distance_with_reason_metres: float
    service_area: tuple[float, float, float, float]  # south, west, north, east
    site_name: str = "This site"  # SITENAME, for messages that say which postcodes the site covers

    @classmethod
    def from_settings(cls, settings: Mapping, environ: Mapping[str, str] | None = None) -> GeocodingConfig:
        """Build the config from Pelican settings; NOMINATIM_URL and GEOCODING_OFFLINE in the environment win."""
        environ = os.environ if environ is None else environ
        value = {**DEFAULTS, **{key: settings[key] for key in DEFAULTS if settings.get(key) is not None}}
        offline = bool(value["GEOCODING_OFFLINE"]) or environ.get("GEOCODING_OFFLINE", "").lower() in TRUE_WORDS
        area = value["GEOCODING_SERVICE_AREA"] or extract_area(Path(value["GEOCODING_POSTCODES_PATH"]))
        south, west, north, east = (float(edge) for edge in area)
        return cls(
            cache_path=Path(value["GEOCODING_CACHE_PATH"]),
            postcodes_path=Path(value["GEOCODING_POSTCODES_PATH"]),
            nominatim_url=environ.get("NOMINATIM_URL") or value["GEOCODING_NOMINATIM_URL"],
            user_agent=value["GEOCODING_USER_AGENT"] or default_user_agent(settings),
            offline=offline,
            min_delay_seconds=float(value["GEOCODING_MIN_DELAY_SECONDS"]),
            timeout_seconds=float(value["GEOCODING_TIMEOUT_SECONDS"]),
            deadline_seconds=float(value["GEOCODING_DEADLINE_SECONDS"]),
            max_distance_metres=float(value["GEOCODING_MAX_DISTANCE_METRES"]),
            max_distance_with_reason_metres=float(value["GEOCODING_MAX_DISTANCE_WITH_REASON_METRES"]),
            service_area=(south, west, north, east),
            site_name=settings.get("SITENAME") or "This site",
        )

    def nominatim_endpoint(self) -> tuple[str, str]:
        """Split the Nominatim URL into geopy's (scheme, domain); the domain keeps any path prefix."""
        url = self.nominatim_url.strip()
        if "://" not in url:
            url = f"https://{url}"
        parts = urlsplit(url)
        return parts.scheme, parts.netloc + parts.path.rstrip("/")

    def inside_service_area(self, lat: float, lon: float) -> bool:
        """Tell whether a point lies inside the service area (edges included)."""
        south, west, north, east = self.service_area
        return south <= lat <= north and west <= lon <= east


def extract_area(postcodes_path: Path) -> tuple[float, float, float, float]:
    """Return (south, west, north, east) around the extract's postcode points, with a margin; the UK without one."""
    points = load_centroids(postcodes_path).values()
    if not points:
        return UK_AREA
    margin = SERVICE_AREA_MARGIN_DEGREES
    lats, lons = [lat for lat, _ in points], [lon for _, lon in points]
    return (round(min(lats) - margin, 4), round(min(lons) - margin, 4),
            round(max(lats) + margin, 4), round(max(lons) + margin, 4))


def default_user_agent(settings: Mapping) -> str:
    """Name the site and how to reach it, as Nominatim's usage policy asks."""
    contact = "; ".join(str(part) for part in (settings.get("SITENAME"), settings.get("CONTACT_EMAIL")) if part)
    return f"spaces-of-sanctuary/1.0 ({contact or 'a Spaces of Sanctuary site'})"


def shown_path(path: Path) -> str:
    """Name a file the way a coordinator sees it in the repository (data/postcodes/po.csv), else as given."""
    return display_path(Path(path), ROOT)
