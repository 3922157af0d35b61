"""Write the directory's search index: what a result, a filter, "open now" and "near me" need of every place.

One file serves every language: it holds keys (offers, kinds, languages), and the directory page already names
them in the reader's language (its filters' labels), so the words travel once, in the page that shows them.
Above VENUES_DIRECTORY_MAX_CARDS places the directory fetches it on first use; below, the page's cards suffice.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..config import setting
from ..urls import DEFAULTS as URL_DEFAULTS
from ..urls import url_setting
from .first_places import first_places
from .listings import district
from .present import OSM_DIRECTIONS


def record(venue, schedule_days: int) -> dict:
    """Return what the directory needs of one venue (a presented page): its card, its filters and its position."""
    address = venue.address
    entry = {
        "slug": venue.slug,
        "name": venue.name,
        "street": address.street,
        "town": address.town,
        "postcode": address.postcode,
        "district": district(venue),
        "kind": venue.kind,
        # Keys separated by spaces, as js/filters.js reads a card's data-* attributes.
        "offers": " ".join(venue.offers),
        "langs": " ".join(venue.languages),
        "access": " ".join(venue.accessibility),
    }
    if venue.phone_href:
        # The number a result's "Call" rings, without "tel:" (the script puts it back): about 8 bytes gzipped.
        entry["tel"] = venue.phone_href.removeprefix("tel:")
    if venue.position is not None:
        # Five decimals: within about a metre, closer than "near me" needs.
        entry["lat"] = round(venue.position.lat, 5)
        entry["lon"] = round(venue.position.lon, 5)
    if venue.schedule is not None:
        # js/open-now.js's form: first start, then lengths in turn.
        entry["hours"] = venue.schedule.first_days(schedule_days).encoded
    if venue.example:
        entry["example"] = True
    return entry


def search_index(venues, venue_url: str, schedule_days: int) -> dict:
    """Return the index of the venues: a place's page and directions address patterns, when hours start, the places."""
    schedules = [venue.schedule.first_days(schedule_days) for venue in venues if venue.schedule is not None]
    # Every schedule starts on the build day and runs as long: said once, not per place.
    hours = {"from": schedules[0].start.isoformat(), "days": schedules[0].days} if schedules else None
    return {"url": venue_url, "directions": OSM_DIRECTIONS, "hours": hours,
            "places": [record(venue, schedule_days) for venue in venues]}


def index_json(index: dict) -> str:
    """Return the index as compact JSON ending in a newline, the same bytes for the same venues."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_search_index(generator) -> None:
    """Write the index of the shown venues at VENUES_SEARCH_SAVE_AS; put its address and the first places in the context."""
    settings = generator.settings
    url, save_as = url_setting(settings, "VENUES_SEARCH")
    venue_url = settings.get("VENUES_URL") or URL_DEFAULTS["VENUES_URL"]
    path = Path(generator.output_path) / save_as
    path.parent.mkdir(parents=True, exist_ok=True)
    days = setting(settings, "VENUES_SEARCH_SCHEDULE_DAYS")
    path.write_text(index_json(search_index(generator.context.get("venues", []), venue_url, days)), encoding="utf-8")
    venues = generator.context.get("venues", [])
    # open-now.js names the times places open and close: one venue of each set of times names them all.
    samples = {}
    for venue in venues:
        if venue.schedule is not None:
            samples.setdefault(tuple(venue.schedule.times), venue)
    generator.context.update(venues_search_url=url, directory_first_places=first_places(venues),
                             hours_samples=list(samples.values()))
