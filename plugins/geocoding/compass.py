"""Say how far and in which direction one point lies from another, in words a coordinator can act on."""

from __future__ import annotations

import math

from geopy.distance import geodesic

POINTS = ("north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west")


def distance_metres(origin: tuple[float, float], point: tuple[float, float]) -> float:
    """Return the distance between two (lat, lon) points in metres, on the WGS 84 ellipsoid."""
    return geodesic(origin, point).meters


def direction(origin: tuple[float, float], point: tuple[float, float]) -> str:
    """Name the compass point (one of eight) of the initial bearing from origin to point."""
    lat1, lon1, lat2, lon2 = (math.radians(value) for value in (*origin, *point))
    east = math.sin(lon2 - lon1) * math.cos(lat2)
    north = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(lon2 - lon1)
    bearing = math.degrees(math.atan2(east, north)) % 360
    return POINTS[round(bearing / 45) % 8]


def how_far(origin: tuple[float, float], point: tuple[float, float]) -> str:
    """Say "4,980 m north-east" for a point seen from origin."""
    return f"{distance_metres(origin, point):,.0f} m {direction(origin, point)}"
