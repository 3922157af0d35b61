"""Find the centre of a UK postcode in the committed Code-Point Open extract."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from venues.text import normalise_postcode


@functools.cache
def load_centroids(path: Path) -> dict[str, tuple[float, float]]:
    """Read postcode,lat,lon rows into a dict; an absent file gives an empty dict."""
    if not Path(path).exists():
        return {}
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return {row["postcode"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(handle)}


def postcode_centroid(postcode: str, path: Path) -> tuple[float, float] | None:
    """Return (lat, lon) of the postcode's centre, or None if the extract does not know it."""
    return load_centroids(Path(path)).get(normalise_postcode(postcode))
