"""Say how far and in which direction one point lies from another, in words a coordinator can act on."""

from __future__ import annotations

from geographiclib.geodesic import Geodesic

POINTS = ("north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west")


def _inverse(origin: tuple[float, float], point: tuple[float, float]) -> dict:
    """Solve the geodesic from origin to point on the WGS 84 ellipsoid (geographiclib, which geopy uses)."""
    return Geodesic.WGS84.Inverse(*origin, *point)


def distance_metres(origin: tuple[float, float], point: tuple[float, float]) -> float:
    """Return the distance between two (lat, lon) points in metres."""
    return _inverse(origin, point)["s12"]


def direction(origin: tuple[float, float], point: tuple[float, float]) -> str:
    """Name the compass point (one of eight) of the initial bearing from origin to point."""
    return POINTS[round(_inverse(origin, point)["azi1"] % 360 / 45) % 8]


def how_far(origin: tuple[float, float], point: tuple[float, float]) -> str:
    """Say "4,980 m north-east" for a point seen from origin."""
    return f"{distance_metres(origin, point):,.0f} m {direction(origin, point)}"
