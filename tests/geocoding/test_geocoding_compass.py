"""How far and which way a point lies from another, in words a coordinator can act on."""

from __future__ import annotations

import pytest
from geocoding.compass import POINTS, direction, distance_metres, how_far
from geopy.distance import geodesic

GUILDHALL_CENTRE = (50.797635, -1.092887)  # PO1 2AB in data/postcodes/po.csv


def seen_from_the_guildhall(metres: float, bearing: float) -> tuple[float, float]:
    point = geodesic(meters=metres).destination(GUILDHALL_CENTRE, bearing=bearing)
    return point.latitude, point.longitude


@pytest.mark.parametrize("bearing", range(0, 360, 45))
def test_direction_names_the_compass_point(bearing):
    names = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"]
    assert direction(GUILDHALL_CENTRE, seen_from_the_guildhall(3000, bearing)) == names[bearing // 45]
    assert tuple(names) == POINTS


@pytest.mark.parametrize(("bearing", "point"), [(22, "north"), (23, "north-east"), (337, "north-west"), (338, "north"),
                                                (180, "south"), (-90, "west")])
def test_a_bearing_goes_to_the_nearest_of_eight_points(bearing, point):
    assert direction(GUILDHALL_CENTRE, seen_from_the_guildhall(500, bearing)) == point


def test_distance_is_in_metres_on_the_ellipsoid():
    assert distance_metres(GUILDHALL_CENTRE, GUILDHALL_CENTRE) == 0
    assert distance_metres(GUILDHALL_CENTRE, seen_from_the_guildhall(4980, 45)) == pytest.approx(4980, abs=0.01)


def test_how_far_says_metres_with_thousands_and_the_way():
    assert how_far(GUILDHALL_CENTRE, seen_from_the_guildhall(4980.4, 45)) == "4,980 m north-east"
    assert how_far(GUILDHALL_CENTRE, seen_from_the_guildhall(260.6, 270)) == "261 m west"
