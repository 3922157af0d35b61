"""Read the GEOCODING_* settings, with the environment's overrides."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from venues.check.load import display_path

ROOT = Path(__file__).resolve().parent.parent.parent
TRUE_WORDS = {"1", "true", "yes", "on"}

DEFAULTS = {
    "GEOCODING_CACHE_PATH": str(ROOT / "data" / "geocode-cache.json"),
    "GEOCODING_POSTCODES_PATH": str(ROOT / "data" / "postcodes" / "po.csv"),
    "GEOCODING_NOMINATIM_URL": "https://nominatim.openstreetmap.org",
    "GEOCODING_USER_AGENT": "spaces-of-sanctuary-portsmouth/1.0 (sanctuary@example.org)",
    "GEOCODING_OFFLINE": False,
    "GEOCODING_MIN_DELAY_SECONDS": 1.0,
    "GEOCODING_TIMEOUT_SECONDS": 10,
    # The timeout above is per read: a server sending a byte every few seconds never trips it. This bounds the whole.
    "GEOCODING_DEADLINE_SECONDS": 20,
    # From Code-Point Open (docs/geocoding.md): 99% of Portsmouth's postcode points have their third-nearest
    # neighbouring postcode point within 228 m, so a door more than 250 m from its own postcode's point is unusual.
    "GEOCODING_MAX_DISTANCE_METRES": 250,
    # Up to this far, a location: block with a reason: is accepted, and the reason shown to reviewers.
    "GEOCODING_MAX_DISTANCE_WITH_REASON_METRES": 1500,
    "GEOCODING_SERVICE_AREA": (50.74, -1.17, 50.90, -0.95),
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
        south, west, north, east = (float(edge) for edge in value["GEOCODING_SERVICE_AREA"])
        return cls(
            cache_path=Path(value["GEOCODING_CACHE_PATH"]),
            postcodes_path=Path(value["GEOCODING_POSTCODES_PATH"]),
            nominatim_url=environ.get("NOMINATIM_URL") or value["GEOCODING_NOMINATIM_URL"],
            user_agent=value["GEOCODING_USER_AGENT"],
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


def shown_path(path: Path) -> str:
    """Name a file the way a coordinator sees it in the repository (data/postcodes/po.csv), else as given."""
    return display_path(Path(path), ROOT)
