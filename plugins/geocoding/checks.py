"""Check a venue's map point against the service area and its postcode's centre, and say how to fix it."""

from __future__ import annotations

from venues.model import Position, Problem, Venue
from venues.site.postcode_files import district_names

from geocoding.compass import distance_metres, how_far
from geocoding.config import GeocodingConfig, shown_path

HOW_TO_PIN = (
    "add a location: block with lat: and lon: to the file "
    '(on openstreetmap.org, right-click the entrance and choose "Show address" to read them)'
)


class PositionChecks:
    """Judge resolved positions for one build and word the problems, pointing at the line to fix."""

    def __init__(self, config: GeocodingConfig):
        self.config = config

    def check(self, venue: Venue, point: Position, centroid: tuple[float, float] | None) -> list[Problem]:
        """Return the problems with the venue's point: outside the service area, too far from the postcode, unknown postcode."""
        if not self.config.inside_service_area(point.lat, point.lon):
            return [self._outside_service_area(venue, point)]
        if centroid is None:
            return [self._unknown_postcode_warning(venue, point)]
        # Nominatim's answers are judged against the same limit before they are used (resolve.py), and a
        # postcode position is the centre itself, so only a point from the file or the cache can fail here.
        distance = distance_metres(centroid, (point.lat, point.lon))
        if distance <= self.config.max_distance_metres:
            return []
        if point.source == "file":
            # A large site (a park, a station) can have its door far from its postcode's houses: said, it is shown.
            if venue.location_reason and distance <= self.config.max_distance_with_reason_metres:
                return []
            return [self._file_too_far(venue, point, centroid, distance)]
        return [self._cache_too_far(venue, point, centroid)]

    def acceptable(self, point: tuple[float, float], centroid: tuple[float, float] | None) -> bool:
        """Tell whether a point from Nominatim may be used and cached: inside the area, near its postcode's centre."""
        if not self.config.inside_service_area(*point):
            return False
        return centroid is None or distance_metres(centroid, point) <= self.config.max_distance_metres

    def cannot_place(self, venue: Venue, reason: str) -> Problem:
        """Make the error for a venue with no location: block whose postcode the extract does not know."""
        postcode = venue.address.postcode
        message = (
            f'cannot place "{venue.address.one_line()}" on the map: {reason}, and {postcode} is not in the '
            f"site's postcode list; check the postcode ({self.coverage()}), or {HOW_TO_PIN}"
        )
        return Problem(venue.source, *venue.value_at("address", "postcode"), message)

    def coverage(self) -> str:
        """Say which postcodes the site knows: "... covers the PO postcodes in data/postcodes/po.csv: PO1, PO2"."""
        districts = district_names(self.config.postcodes_path)
        extract = shown_path(self.config.postcodes_path)
        if not districts:
            return f"{self.config.site_name} covers the postcodes in {extract}, which is missing or empty"
        areas = " and ".join(sorted({district.rstrip("0123456789") for district in districts}))
        return f"{self.config.site_name} covers the {areas} postcodes in {extract}: {', '.join(districts)}"

    def _file_too_far(self, venue: Venue, point: Position, centroid: tuple[float, float], distance: float) -> Problem:
        """Refuse a location: block too far from the postcode's centre, at the location: line."""
        postcode = venue.address.postcode
        limit, reason_limit = self.config.max_distance_metres, self.config.max_distance_with_reason_metres
        if distance <= reason_limit:
            hint = ('. If the entrance really is that far from its postcode (a park, a station, a large site), write '
                    'why under location:, for example reason: "The entrance is on the park side"')
            even, wrong = "", "may be wrong"
        else:
            limit, hint = reason_limit, ""
            even = " even with a reason" if venue.location_reason else ""
            wrong = "is wrong"
        message = (
            f"the location: block (lat {point.lat}, lon {point.lon}) puts the map pin "
            f"{how_far(centroid, (point.lat, point.lon))} of the centre of {postcode}, more than the "
            f"{limit:,.0f} m allowed{even}, so the pin or the postcode {wrong}; check the two numbers against the "
            f"entrance on openstreetmap.org, lat first, then lon (one mistyped digit moves the pin kilometres), "
            f"or check the postcode under address:{hint}"
        )
        return Problem(venue.source, *venue.key_at("location"), message)

    def _cache_too_far(self, venue: Venue, point: Position, centroid: tuple[float, float]) -> Problem:
        """Refuse a cached point too far from the postcode's centre, at the address: line."""
        # The cache key is the whole normalised address (street, town and postcode), so changing any of them in
        # the venue file looks the address up afresh: an entry cannot go stale through an address change. A far
        # entry means the committed cache was edited by hand or badly merged, or the postcode extract or
        # GEOCODING_MAX_DISTANCE_METRES changed since it was written. Nobody has checked it against today's
        # rule, so it is an error like a far location: block, rather than a pin used quietly.
        postcode, limit = venue.address.postcode, self.config.max_distance_metres
        cache = shown_path(self.config.cache_path)
        message = (
            f'the geocode cache ({cache}) puts "{venue.address.one_line()}" '
            f"{how_far(centroid, (point.lat, point.lon))} of the centre of {postcode}, more than the "
            f"{limit:,.0f} m allowed; delete that entry from {cache} and run make geocode, or {HOW_TO_PIN}"
        )
        return Problem(venue.source, *venue.key_at("address"), message)

    def _unknown_postcode_warning(self, venue: Venue, point: Position) -> Problem:
        """Warn that a placed venue's postcode is not in the extract, so its point cannot be checked."""
        origin = ORIGIN_WORDS.get(point.source, point.source)
        message = (
            f"{venue.address.postcode} is not a postcode we know: check it ({self.coverage()}); the map uses "
            f"the point from {origin}, which cannot be checked against the postcode's centre"
        )
        return Problem(venue.source, *venue.value_at("address", "postcode"), message, severity="warning")

    def _outside_service_area(self, venue: Venue, point: Position) -> Problem:
        """Refuse a point outside the service area, at the line of whatever gave it."""
        south, west, north, east = self.config.service_area
        if point.source == "file":
            fix = "check lat: and lon: in the location: block (are they swapped, or is a minus sign missing?)"
            where = venue.key_at("location")
        else:
            fix = f"check the street and postcode, or {HOW_TO_PIN}"
            where = venue.key_at("address")
        message = (
            f"the map point {point.lat:.5f}, {point.lon:.5f} (from {ORIGIN_WORDS.get(point.source, point.source)}) "
            f"is outside the service area (south {south}, west {west}, north {north}, east {east}); {fix}"
        )
        return Problem(venue.source, *where, message)


ORIGIN_WORDS = {
    "file": "the location: block",
    "cache": "the geocode cache",
    "nominatim": "Nominatim",
    "postcode": "the postcode centre",
}
