"""Keep geocoding answers in a committed JSON file, one sorted entry per address."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

log = logging.getLogger(__name__)

DECIMALS = 6  # about 0.1 m; more would only add noise to diffs

# Marks an entry placed at the postcode centre because Nominatim found nothing for its address.
# Caches written before this mark existed still load: their bare "postcode" entries just give no reason.
NOT_FOUND = {"nominatim_found": False}


def cache_key(one_line_address: str) -> str:
    """Normalise a one-line address into the cache key: trimmed, single spaces, lower case."""
    text = re.sub(r"\s*,\s*", ", ", one_line_address.strip())
    return re.sub(r"\s+", " ", text).casefold()


class GeocodeCache:
    """Load, update and save the geocode cache; save only when something changed."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.entries: dict[str, dict] = self._load()
        self.changed = False

    def _load(self) -> dict[str, dict]:
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            # A broken cache only costs lookups; the rewrite on save repairs it.
            log.warning("geocoding: ignoring unreadable cache %s (%s)", self.path, error)
            return {}
        if not isinstance(data, dict):
            log.warning("geocoding: ignoring cache %s: it is not a JSON object", self.path)
            return {}
        return {key: entry for key, entry in data.items() if _valid_entry(entry)}

    def get(self, key: str) -> dict | None:
        """Return the entry for an address key, or None."""
        return self.entries.get(key)

    def put(self, key: str, lat: float, lon: float, source: str, **extra) -> None:
        """Store a point for an address key with where it came from, plus any notes."""
        entry = {"lat": round(lat, DECIMALS), "lon": round(lon, DECIMALS), "source": source, **extra}
        if self.entries.get(key) != entry:
            self.entries[key] = entry
            self.changed = True

    def save(self) -> bool:
        """Write the file if it changed (sorted keys, two-space indent, final newline); tell whether it wrote."""
        if not self.changed:
            return False
        text = json.dumps(self.entries, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(text, encoding="utf-8")
        self.changed = False
        log.info("geocoding: wrote %d entries to %s", len(self.entries), self.path)
        return True


def found_nothing(entry: dict) -> bool:
    """Tell whether a cache entry records that Nominatim found nothing for its address."""
    return entry.get("nominatim_found") is False


def _valid_entry(entry: object) -> bool:
    """Accept only entries with numeric lat and lon and a known source."""
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("lat"), int | float)
        and isinstance(entry.get("lon"), int | float)
        and entry.get("source") in {"nominatim", "postcode"}
    )
