"""Write the postcode centres as one small JSON file per district, for sorting the directory by distance."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from geocoding.postcodes import load_centroids

log = logging.getLogger(__name__)

SAVE_AS = "postcodes/{district}.json"


def districts(csv_path: Path) -> dict[str, dict[str, list[float]]]:
    """Group the postcode centres by district: {"PO1": {"3AA": [lat, lon], ...}}."""
    grouped: dict[str, dict[str, list[float]]] = {}
    for postcode, (lat, lon) in load_centroids(Path(csv_path)).items():
        outward, inward = postcode.split()
        # Five decimals is about a metre: finer than a postcode's centre means anything.
        grouped.setdefault(outward, {})[inward] = [round(lat, 5), round(lon, 5)]
    return grouped


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
    names = sorted(grouped)
    generator.context.update(postcode_districts=names, postcode_file_url=save_as)
    return names
