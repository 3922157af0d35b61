"""Find the centre of a UK postcode in the committed Code-Point Open extract."""

from __future__ import annotations

from pathlib import Path

from venues.site.postcode_files import load_centroids
from venues.text import normalise_postcode


def postcode_centroid(postcode: str, path: Path) -> tuple[float, float] | None:
    """Return (lat, lon) of the postcode's centre, or None if the extract does not know it."""
    return load_centroids(Path(path)).get(normalise_postcode(postcode))
