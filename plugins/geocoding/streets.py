"""Warn when a venue's street appears, in Nominatim's answers for other addresses, only under other postcodes."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from venues.model import Problem, Venue

from geocoding.cache import GeocodeCache
from geocoding.config import shown_path

POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][0-9A-Z]?) ?[0-9][A-Z]{2}\b")
# "12", "12a", "Unit 3," or "Flat 2," before the street's own name.
HOUSE = re.compile(r"^\s*(?:(?:unit|flat|shop|suite)\s+\w+,?\s*)?\d+[a-z]?(?:-\d+[a-z]?)?,?\s+", re.IGNORECASE)


def street_name(street: str) -> str:
    """Return the street's name without its house number, in small letters: "100 Eastney Road" -> "eastney road"."""
    return " ".join(HOUSE.sub("", street).split()).casefold()


def districts_by_street(cache: GeocodeCache) -> dict[str, set[str]]:
    """Read, from every Nominatim answer in the cache, which postcode districts each street name was found in."""
    found = defaultdict(set)
    for entry in cache.entries.values():
        answer = entry.get("display_name")
        if entry.get("source") != "nominatim" or not isinstance(answer, str):
            continue
        postcode = POSTCODE.search(answer.upper())
        if postcode:
            for part in answer.split(","):
                found[" ".join(part.split()).casefold()].add(postcode.group(1))
    return found


def streets_elsewhere(venues: Iterable[Venue], cache: GeocodeCache) -> list[Problem]:
    """Warn about each venue whose street Nominatim placed only under other postcode districts."""
    known = districts_by_street(cache)
    problems = []
    for venue in venues:
        name = street_name(venue.address.street)
        district = venue.address.postcode.split()[0]
        elsewhere = known.get(name, set())
        if name and elsewhere and district not in elsewhere:
            problems.append(Problem(venue.source, *venue.value_at("address", "street"), (
                f'the street "{HOUSE.sub("", venue.address.street).strip()}" is in {", ".join(sorted(elsewhere))} '
                f"in OpenStreetMap's answers for other addresses ({shown_path(cache.path)}), not in {district}: "
                "check the street and the postcode under address:"), severity="warning"))
    return problems
