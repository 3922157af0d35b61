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
        # What is wrong with the file as (line, column, what): an error offline, where nothing repairs it.
        self.faults: list[tuple[int, int, str]] = []
        self.entries: dict[str, dict] = self._load()
        self.changed = False

    def _load(self) -> dict[str, dict]:
        if not self.path.exists():
            return {}
        try:
            text = self.path.read_text(encoding="utf-8")
            data = json.loads(text)
        except ValueError as error:
            # A broken cache only costs lookups online, where the rewrite on save repairs it.
            log.warning("geocoding: ignoring unreadable cache %s (%s)", self.path, error)
            self.faults.append((getattr(error, "lineno", 1), getattr(error, "colno", 1),
                                f"is not valid JSON ({getattr(error, 'msg', error)})"))
            return {}
        except OSError as error:
            log.warning("geocoding: ignoring unreadable cache %s (%s)", self.path, error)
            self.faults.append((1, 1, f"cannot be read ({error.strerror})"))
            return {}
        if not isinstance(data, dict):
            log.warning("geocoding: ignoring cache %s: it is not a JSON object", self.path)
            self.faults.append((1, 1, "is not a JSON object of addresses ({...})"))
            return {}
        entries = {}
        for key, entry in data.items():
            if _valid_entry(entry):
                entries[key] = entry
            else:
                self.faults.append((*_line_of_key(text, key), f'has a broken entry for "{key}": each entry needs '
                                                            'numbers lat and lon and a source, "nominatim" or "postcode"'))
        return entries
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


def _line_of_key(text: str, key: str) -> tuple[int, int]:
    """Return (line, column) where an entry's key is written in the cache's JSON text, or (1, 1)."""
    written = json.dumps(key, ensure_ascii=False)
    for number, line in enumerate(text.splitlines(), start=1):
        column = line.find(written + ":")
        if column >= 0:
            return number, column + 1
    return 1, 1
