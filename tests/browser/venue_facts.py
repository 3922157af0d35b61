"""What the venue files and the built site say about each shown venue, read without the plugins' code."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import yaml

from tests.conftest import ROOT

EARTH_RADIUS_METRES = 6371008.8


def shown_venues(site: Path) -> dict[str, dict]:
    """Return each venue the built site shows, by slug: its file's fields plus "lat" and "lon" from venues.site.geojson."""
    features = json.loads((site / "venues.geojson").read_text(encoding="utf-8"))["features"]
    venues = {}
    for feature in features:
        slug = feature["properties"]["slug"]
        data = yaml.safe_load((ROOT / "venues" / f"{slug}.yaml").read_text(encoding="utf-8"))
        lon, lat = feature["geometry"]["coordinates"]
        venues[slug] = {**data, "lat": lat, "lon": lon}
    return venues


def haversine_metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance between two points, in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_METRES * math.asin(min(1.0, math.sqrt(a)))


def by_distance(venues: dict[str, dict], lat: float, lon: float) -> list[str]:
    """Return the slugs, nearest first (ties by name, the directory's own order)."""
    return sorted(venues, key=lambda slug: (haversine_metres(lat, lon, venues[slug]["lat"], venues[slug]["lon"]),
                                            venues[slug]["name"].casefold()))


def postcode_centres() -> dict[str, tuple[float, float]]:
    """Return the committed postcode centres (data/postcodes/po.csv)."""
    with (ROOT / "data" / "postcodes" / "po.csv").open(encoding="utf-8", newline="") as handle:
        return {row["postcode"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(handle)}


VISIBLE_SLUGS = "els => els.filter(el => el.checkVisibility()).map(el => el.dataset.slug)"


def listed(page) -> list[str]:
    """Return the slugs of the places the directory shows, in the order shown."""
    return page.eval_on_selector_all("[data-venue-list] > li", VISIBLE_SLUGS)


def expected(venues: dict, offers=(), langs=(), access=()) -> list[str]:
    """Every offer and access feature chosen, and any one of the languages chosen; in name order."""
    return sorted((slug for slug, venue in venues.items()
                   if set(offers) <= set(venue["offers"]) and set(access) <= set(venue.get("accessibility", []))
                   and (not langs or set(langs) & set(venue["languages"]))),
                  key=lambda slug: venues[slug]["name"].casefold())


def single_filters(venues: dict):
    """Yield (query name, value, the places that filter alone must show) for every offer, language and feature."""
    for name, field, key in (("offer", "offers", "offers"), ("lang", "langs", "languages"),
                             ("access", "access", "accessibility")):
        for value in sorted({item for venue in venues.values() for item in venue.get(key, [])}):
            yield name, value, expected(venues, **{field: [value]})
