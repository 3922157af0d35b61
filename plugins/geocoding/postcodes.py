"""Find the centre of a UK postcode in the committed Code-Point Open extract."""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

# Outward code (area, district, optional sub-district letter) then inward code (digit, two letters).
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


def normalise_postcode(text: str) -> str | None:
    """Return the postcode in upper case with one space before the inward code, or None if it is not one."""
    match = POSTCODE.match(re.sub(r"\s+", "", str(text)).upper())
    return f"{match.group(1)} {match.group(2)}" if match else None


@functools.cache
def load_centroids(path: Path) -> dict[str, tuple[float, float]]:
    """Read postcode,lat,lon rows into a dict; an absent file gives an empty dict."""
    if not Path(path).exists():
        return {}
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return {row["postcode"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(handle)}


def postcode_centroid(postcode: str, path: Path) -> tuple[float, float] | None:
    """Return (lat, lon) of the postcode's centre, or None if the extract does not know it."""
    normalised = normalise_postcode(postcode)
    return load_centroids(Path(path)).get(normalised) if normalised else None
