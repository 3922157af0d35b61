"""Give each venue a position: file location, then cache, then Nominatim, then the postcode centre.

Problems are returned, not logged: the caller (the venues generator, a CLI) reports them once.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping, MutableMapping
from typing import NamedTuple

from pelican.plugins._utils import plugin_enabled
from venues.model import Position, Problem, Venue

from geocoding.cache import NOT_FOUND, GeocodeCache, cache_key, found_nothing
from geocoding.checks import HOW_TO_PIN, PositionChecks
from geocoding.compass import distance_metres
from geocoding.config import GeocodingConfig, shown_path
from geocoding.nominatim import Found, NominatimClient, NominatimUnavailable
from geocoding.postcodes import postcode_centroid
from geocoding.streets import streets_elsewhere

log = logging.getLogger(__name__)

FOUND_NOTHING = "Nominatim found nothing"  # how origins name a miss: "postcode: Nominatim found nothing"


class Placed(NamedTuple):
    """The positions found, by venue slug (a venue that could not be placed has none), and the problems found."""

    positions: dict[str, Position]
    problems: list[Problem]


def on_venues_loaded(
    generator, venues: Iterable[Venue] = (), positions: MutableMapping[str, Position] | None = None, **_kwargs
) -> list[Problem]:
    """Put the loaded venues' positions in the signal's positions mapping; return the problems found."""
    # Signals outlive a build: in a process that runs several builds (the tests), only answer our own.
    if not plugin_enabled("geocoding", generator.settings.get("PLUGINS")):
        return []
    placed = resolve_venues(venues, generator.settings)
    if positions is not None:
        positions.update(placed.positions)
    return placed.problems


def resolve_venues(
    venues: Iterable[Venue], settings: Mapping, environ: Mapping[str, str] | None = None, retry_not_found: bool = False
) -> Placed:
    """Find each venue's position, save the cache if it changed, and return the positions and the problems found."""
    config = GeocodingConfig.from_settings(settings, environ)
    resolver = Resolver(config, GeocodeCache(config.cache_path), retry_not_found=retry_not_found)
    problems = cache_problems(resolver.cache, config)
    venues = list(venues)
    positions = {}
    for venue in venues:
        position, found = resolver.resolve(venue)
        problems += found
        if position is not None:
            positions[venue.slug] = position
    problems += streets_elsewhere(venues, resolver.cache)
    resolver.cache.save()
    if resolver.sources:
        counts = ", ".join(f"{count} from {source}" for source, count in sorted(resolver.sources.items()))
        log.info("geocoding: placed %d venues: %s", sum(resolver.sources.values()), counts)
    return Placed(positions, problems)


def cache_problems(cache: GeocodeCache, config: GeocodingConfig) -> list[Problem]:
    """Name each fault of the cache file at its line, as an error when offline; online the cache logs them."""
    # Online, the entries are looked up again and the file rewritten, so a fault costs only lookups; offline (make
    # validate, CI's build) nothing repairs it, and a broken entry would silently move its venue to the postcode centre.
    if not config.offline:
        return []
    source = shown_path(cache.path)
    return [Problem(source, line, column, f"the geocode cache {what}: fix it, or delete it and run make geocode.")
            for line, column, what in cache.faults]


def origin_of(
    venue: Venue, position: Position | None, settings: Mapping, environ: Mapping[str, str] | None = None
) -> str:
    """Say where a venue's resolved position came from: "file", "cache (nominatim)", "postcode: Nominatim found nothing"..."""
    if position is None:
        return "none"
    source = position.source
    if source not in {"cache", "postcode"}:
        return source
    config = GeocodingConfig.from_settings(settings, environ)
    entry = GeocodeCache(config.cache_path).get(cache_key(venue.address.one_line()))
    if source == "postcode":
        # Offline and after a fault nothing is cached, so a miss entry here was written by this very run.
        return f"postcode: {FOUND_NOTHING}" if entry and found_nothing(entry) else "postcode"
    if entry is None:
        return "cache"
    return f"cache ({entry['source']}: {FOUND_NOTHING})" if found_nothing(entry) else f"cache ({entry['source']})"


class Resolver:
    """Resolve venues one by one, sharing one cache and at most one Nominatim client per build."""

    def __init__(self, config: GeocodingConfig, cache: GeocodeCache, retry_not_found: bool = False):
        self.config = config
        self.cache = cache
        self.checks = PositionChecks(config)
        # A cached miss is not asked again by default: the key is the whole normalised address, so fixing
        # the street or postcode in the file makes a new key that is looked up afresh, and a location: block
        # skips the cache; asking the same words again only helps once OpenStreetMap has learnt the address,
        # and asking on every build would break the promise that a warm cache makes no network calls.
        # For that rare case `make geocode` can be told --retry-not-found.
        self.retry_not_found = retry_not_found
        self.client: NominatimClient | None = None
        # Why Nominatim is not asked (offline, or the fault that stopped it); None while it may be asked.
        self.not_asking: str | None = "Nominatim is not asked in offline mode" if config.offline else None
        self.sources: Counter[str] = Counter()

    def resolve(self, venue: Venue) -> tuple[Position | None, list[Problem]]:
        """Return the venue's position (None if it cannot be placed) and the problems with it (none when all is well)."""
        centroid = postcode_centroid(venue.address.postcode, self.config.postcodes_path)
        if venue.location is not None:
            # Trusted as the map point, but still checked against the postcode below: a copied template or one
            # mistyped digit gives a point that is well inside the service area and kilometres from the door.
            position, problems = Position(venue.location.lat, venue.location.lon, "file"), []
        else:
            position, problems = self._look_up(venue, centroid)
        if position is None:
            return None, problems
        self.sources[position.source] += 1
        return position, problems + self.checks.check(venue, position, centroid)

    def _look_up(self, venue: Venue, centroid: tuple[float, float] | None) -> tuple[Position | None, list[Problem]]:
        """Find a point for the venue's address: cache, then Nominatim, then the postcode centre."""
        address = venue.address.one_line()
        key = cache_key(address)
        entry = self.cache.get(key)
        if entry is not None and not (self.retry_not_found and found_nothing(entry)):
            # A miss is worded afresh, so every build gives today's advice; other notes are shown as written.
            note = _found_nothing_note(venue) if found_nothing(entry) else entry.get("note")
            return Position(entry["lat"], entry["lon"], "cache"), [_warning(venue, note)] if note else []

        if self.not_asking is None:
            try:
                found = self._nominatim().search(address)
            except NominatimUnavailable as error:
                self.not_asking = f"Nominatim at {self.config.nominatim_url} {error}"
                log.warning(
                    "geocoding: Nominatim at %s %s (for %s); using postcode centres for the rest of this build, "
                    "and caching none of them",
                    self.config.nominatim_url,
                    error,
                    venue.source,
                )
            else:
                return self._judge_answer(venue, key, found, centroid)

        # Offline or after a fault: fall back without caching, so a later online build asks again.
        if centroid is None:
            return None, [self.checks.cannot_place(venue, self.not_asking)]
        log.info("geocoding: %s: using the centre of %s (%s)", venue.source, venue.address.postcode, self.not_asking)
        return Position(*centroid, "postcode"), []

    def _judge_answer(
        self, venue: Venue, key: str, found: Found | None, centroid: tuple[float, float] | None
    ) -> tuple[Position | None, list[Problem]]:
        """Use Nominatim's answer if it is near the postcode; cache what was decided."""
        postcode = venue.address.postcode
        if found is None:
            if centroid is None:
                return None, [self.checks.cannot_place(venue, FOUND_NOTHING)]
            # Cached with the reason, so later builds neither ask again nor pass the pin off as a real answer.
            note = _found_nothing_note(venue)
            self.cache.put(key, *centroid, "postcode", **NOT_FOUND, note=note)
            return Position(*centroid, "postcode"), [_warning(venue, note)]

        # Nominatim's point enters the cache (and the map) only if it passes the checks a location: block passes.
        if centroid is not None and not self.checks.acceptable((found.lat, found.lon), centroid):
            distance = distance_metres(centroid, (found.lat, found.lon))
            note = (
                f"Nominatim placed this address {distance:,.0f} m from the centre of {postcode} "
                f"(more than {self.config.max_distance_metres:,.0f} m, or outside the service area), so the map "
                f"uses the postcode centre; check the street and postcode, or {HOW_TO_PIN}"
            )
            self.cache.put(key, *centroid, "postcode", note=note)
            return Position(*centroid, "postcode"), [_warning(venue, note)]
        if centroid is None and not self.config.inside_service_area(found.lat, found.lon):
            return Position(found.lat, found.lon, "nominatim"), []  # not cached: the checks refuse it at once

        self.cache.put(key, found.lat, found.lon, "nominatim", display_name=found.display_name)
        return Position(found.lat, found.lon, "nominatim"), []

    def _nominatim(self) -> NominatimClient:
        """Create the Nominatim client on first need, so a warm cache never builds one."""
        if self.client is None:
            self.client = NominatimClient(self.config)
        return self.client


def _warning(venue: Venue, message: str) -> Problem:
    """Make a warning about where the venue's address was placed, at the address: line."""
    # Every note is about looking the address up (found nothing, or found too far from the postcode), and its fix
    # is under address: (or a location: block, which the file does not have yet, or there would be no look-up).
    return Problem(venue.source, *venue.key_at("address"), message, severity="warning")


def _found_nothing_note(venue: Venue) -> str:
    """Say that Nominatim found nothing for the address, so the pin is only the postcode centre, and what to do."""
    return (
        f'{FOUND_NOTHING} for "{venue.address.one_line()}", so the map pin is only the centre of '
        f"{venue.address.postcode}, which can be a few hundred metres from the door; check the street under "
        f"address: in the venue file (a corrected address is looked up afresh), or {HOW_TO_PIN}"
    )
