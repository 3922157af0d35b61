"""Describe shown venues as GeoJSON for partners and for the map."""

from __future__ import annotations

from ..model import Venue


def feature_collection(venues: list[Venue], site_url: str = "") -> dict:
    """Return a GeoJSON FeatureCollection of venues; URLs are absolute when site_url is set."""
    prefix = f"{site_url.rstrip('/')}/" if site_url else ""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                # GeoJSON puts longitude first (RFC 7946).
                "geometry": {"type": "Point", "coordinates": [round(v.position.lon, 6), round(v.position.lat, 6)]},
                "properties": {
                    "slug": v.slug,
                    "name": v.name,
                    "url": f"{prefix}{v.url}",
                    "kind": v.kind,
                    "offers": list(v.offers),
                    "languages": list(v.languages),
                    "address": {"street": v.address.street, "town": v.address.town, "postcode": v.address.postcode},
                    "example": v.example,
                },
            }
            for v in venues
        ],
    }
