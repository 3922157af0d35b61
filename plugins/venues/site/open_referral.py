"""Describe the shown venues in Open Referral UK: the UK profile of the Human Services Data Specification 3.0."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Mapping, Sequence

import opening_hours

from .. import schema
from ..model import Venue

# Identifiers must be UUIDs and must not change between builds: each is derived from a namespace of the site's
# (id_namespace) and the venue's slug, so a partner who imported a venue yesterday recognises it today.
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
EXAMPLE_NOTE = "Fictional example venue, not a real place. "


def id_namespace(site_url: str) -> uuid.UUID:
    """Return the namespace of a site's identifiers: one per published address, so two cities' never meet."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{site_url.rstrip('/')}/")


def record_id(namespace: uuid.UUID, slug: str, part: str) -> str:
    """Return the stable UUID of one part (service, location, schedule-1...) of a venue."""
    return str(uuid.uuid5(namespace, f"{slug}/{part}"))


def weekly_schedules(expression: str | None, today: datetime.date) -> list[tuple[tuple[str, ...], str, str]]:
    """Return (days, opens_at, closes_at) for the regular week of an opening_hours expression."""
    if not expression:
        return []
    # Without a country the library never matches PH: this is the usual week, holidays aside (the
    # expression itself goes in the schedule's description, holidays included).
    rules = opening_hours.OpeningHours(expression)
    monday = datetime.datetime.combine(today - datetime.timedelta(days=today.weekday()), datetime.time())
    by_times: dict[tuple[str, str], list[str]] = {}
    for start, end, state, _comment in rules.intervals(monday, monday + datetime.timedelta(days=7)):
        if state != opening_hours.State.OPEN:
            continue
        day = start
        while day < end:  # an opening of several days is written once per day
            midnight = datetime.datetime.combine(day.date(), datetime.time()) + datetime.timedelta(days=1)
            piece_end = min(end, midnight)
            closes = "23:59" if piece_end == midnight else piece_end.strftime("%H:%M")
            by_times.setdefault((day.strftime("%H:%M"), closes), []).append(WEEKDAYS[day.weekday()])
            day = piece_end
    return [(tuple(days), opens, closes) for (opens, closes), days in sorted(
        by_times.items(), key=lambda item: (WEEKDAYS.index(item[1][0]), item[0]))]


def service_record(venue: Venue, today: datetime.date, site_url: str = "",
                   organisation: Mapping[str, str] | None = None, namespace: uuid.UUID | None = None,
                   language_names: Mapping[str, str] | None = None) -> dict:
    """Return one venue as a full Open Referral UK service: organisation, location, schedules, languages."""
    prefix = f"{site_url.rstrip('/')}/" if site_url else ""
    namespace = namespace or id_namespace(site_url)
    ids = {part: record_id(namespace, venue.slug, part) for part in ("organization", "service", "location",
                                                                     "service_at_location", "address")}
    note = EXAMPLE_NOTE if venue.example else ""
    description = note + (venue.description.get("en") or f"{venue.name} is a Space of Sanctuary.")
    network = organisation or {}
    offers = schema.offers()
    features = schema.accessibility_features()
    offered = "; ".join(offers[key].title for key in venue.offers if key in offers)
    service = {
        "id": ids["service"],
        "organization_id": ids["organization"],
        "name": f"Space of Sanctuary at {venue.name}",
        "description": f"{note}A place where anyone seeking safety can walk in and get dignified help. "
                       f"It offers: {offered}.",
        "status": "active",
        "accreditations": (f"Space of Sanctuary training by {network.get('name', 'City of Sanctuary')} on "
                           f"{venue.accreditation.trained_on.isoformat()}, to renew by "
                           f"{venue.accreditation.renew_by.isoformat()}."),
        "assured_date": venue.accreditation.trained_on.isoformat(),
        "organization": {
            "id": ids["organization"],
            "name": venue.name,
            "description": description,
        },
        "service_at_locations": [{
            "id": ids["service_at_location"],
            "service_id": ids["service"],
            "location_id": ids["location"],
            "location": {
                "id": ids["location"],
                "location_type": "physical",
                "name": venue.name,
                "addresses": [{
                    "id": ids["address"],
                    "location_id": ids["location"],
                    "address_1": venue.address.street,
                    "city": venue.address.town,
                    "state_province": network.get("state_province", "Hampshire"),
                    "postal_code": venue.address.postcode,
                    "country": "GB",
                    "address_type": "physical",
                }],
                "accessibility": [{
                    "id": record_id(namespace, venue.slug, f"accessibility/{key}"),
                    "location_id": ids["location"],
                    "description": features[key].title,
                    "details": features[key].description,
                } for key in venue.accessibility if key in features],
            },
        }],
        "schedules": [{
            "id": record_id(namespace, venue.slug, f"schedule/{number}"),
            "service_id": ids["service"],
            "freq": "WEEKLY",
            "interval": 1,
            "byday": ",".join(days),
            "opens_at": opens,
            "closes_at": closes,
            "description": f"Opening hours (OpenStreetMap opening_hours format): {venue.opening_hours}",
        } for number, (days, opens, closes) in enumerate(weekly_schedules(venue.opening_hours, today), start=1)],
        # The UK profile's language has only identifiers; name and code are HSDS 3.0's own fields.
        "languages": [{
            "id": record_id(namespace, venue.slug, f"language/{code}"),
            "service_id": ids["service"],
            "name": (language_names or {}).get(code, code),
            "code": code,
        } for code in venue.languages],
    }
    if venue.position:
        location = service["service_at_locations"][0]["location"]
        location["latitude"] = round(venue.position.lat, 6)
        location["longitude"] = round(venue.position.lon, 6)
    if prefix:  # a relative address is no URI: only the published build (SITEURL) has one
        service["url"] = f"{prefix}{venue.url}"
    if venue.contact.get("email"):
        service["email"] = venue.contact["email"]
    if venue.contact.get("website"):
        service["organization"]["website"] = venue.contact["website"]
    return service


def services_page(venues: Sequence[Venue], today: datetime.date, site_url: str = "", **options) -> dict:
    """Return every venue's service in one page, shaped like the UK profile's GET /services answer."""
    contents = [service_record(venue, today, site_url, **options) for venue in venues]
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }
