"""Find the centre of a UK postcode in the committed Code-Point Open extract."""

from __future__ import annotations

import re
from pathlib import Path

from venues.postcode_files import load_centroids
from venues.text import normalise_postcode


def postcode_centroid(postcode: str, path: Path) -> tuple[float, float] | None:
    """Return (lat, lon) of the postcode's centre, or None if the extract does not know it."""
    return load_centroids(Path(path)).get(normalise_postcode(postcode))


def postcode_districts(path: Path) -> list[str]:
    """List the postcode districts (outward codes, e.g. PO1) the extract covers, in natural order (PO2 before PO10)."""
    districts = {postcode.split()[0] for postcode in load_centroids(Path(path))}
    return sorted(districts, key=_natural)


def _natural(text: str) -> list:
    """Sort key that compares the numbers in a text as numbers."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]
