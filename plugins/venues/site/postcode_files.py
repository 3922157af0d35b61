"""Write the postcode centres as one small JSON file per district, for sorting the directory by distance."""

from __future__ import annotations

import csv
import functools
import json
import logging
import re
from pathlib import Path

log = logging.getLogger(__name__)

SAVE_AS = "postcodes/{district}.json"


@functools.cache
def load_centroids(path: Path) -> dict[str, tuple[float, float]]:
    """Read the Code-Point Open extract's postcode,lat,lon rows into a dict; an absent file gives an empty dict."""
    # Shared with the geocoding plugin, which depends on this one (never the other way round).
    if not Path(path).is_file():
        return {}
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return {row["postcode"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(handle)}


def districts(csv_path: Path) -> dict[str, dict[str, list[float]]]:
    """Group the postcode centres by district: {"PO1": {"3AA": [lat, lon], ...}}."""
    grouped: dict[str, dict[str, list[float]]] = {}
    for postcode, (lat, lon) in load_centroids(Path(csv_path)).items():
        outward, inward = postcode.split()
        # Five decimals is about a metre: finer than a postcode's centre means anything.
        grouped.setdefault(outward, {})[inward] = [round(lat, 5), round(lon, 5)]
    return grouped


def district_names(csv_path: Path) -> list[str]:
    """List the districts (outward codes) the extract covers, in natural order: PO2 before PO10."""
    return sorted(districts(Path(csv_path)), key=_natural)


def _natural(text: str) -> list:
    """Sort key that compares the numbers in a text as numbers."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def write_postcode_files(generator) -> list[str]:
    """Write postcodes/<district>.json once for the whole site; put the districts in the context."""
    # The files hold no words, so they are written straight to the output, not once per language.
    settings = generator.settings
    source = settings.get("GEOCODING_POSTCODES_PATH")
    if not source or not Path(source).is_file():
        log.warning("venues: no postcode centres at %s: the directory cannot sort by a postcode", source)
        generator.context.update(postcode_districts=[], postcode_file_url="")
        return []
    save_as = settings.get("VENUES_POSTCODES_SAVE_AS", SAVE_AS)
    grouped = districts(Path(source))
    for district, postcodes in sorted(grouped.items()):
        path = Path(generator.output_path) / save_as.format(district=district)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(postcodes, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    names = sorted(grouped, key=_natural)  # as district_names, from the grouping already made
    generator.context.update(postcode_districts=names, postcode_file_url=save_as)
    return names
