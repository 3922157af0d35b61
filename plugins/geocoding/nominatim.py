"""Ask a Nominatim server for an address's point, politely, and turn every fault into one exception."""

from __future__ import annotations

import functools
import logging
import math
import threading
from dataclasses import dataclass

from geopy.adapters import AdapterHTTPError, RequestsAdapter
from geopy.exc import GeocoderParseError, GeocoderQueryError, GeocoderTimedOut, GeocoderUnavailable, GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim

from geocoding.config import GeocodingConfig

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Found:
    """Hold Nominatim's best match for an address."""

    lat: float
    lon: float
    display_name: str


class NominatimUnavailable(Exception):
    """Nominatim gave no usable answer: network fault, refusal, timeout or a malformed reply."""


class StrictNominatim(Nominatim):
    """Read only a list as Nominatim's answer: an empty one is "found nothing", anything else is a fault."""

    def _parse_json(self, places, exactly_one):
        # geopy reads {"error": "Unable to geocode"} and {} as "found nothing", which would then be cached for good.
        if not isinstance(places, list):
            raise GeocoderQueryError(f"answered in an unexpected shape: {str(places)[:200]} instead of a list of places")
        return super()._parse_json(places, exactly_one)


class NominatimClient:
    """Geocode addresses through geopy, at most one request per min_delay_seconds, without retries."""

    def __init__(self, config: GeocodingConfig):
        scheme, domain = config.nominatim_endpoint()
        self.url = f"{scheme}://{domain}"
        self.timeout_seconds = config.timeout_seconds
        self.deadline_seconds = config.deadline_seconds
        south, west, north, east = config.service_area
        self.viewbox = [(south, west), (north, east)]  # a hint only: results elsewhere are still returned
        self.geolocator = StrictNominatim(
            user_agent=config.user_agent,
            domain=domain,
            scheme=scheme,
            timeout=config.timeout_seconds,
            # requests would otherwise retry a refused connection twice behind the rate limiter's back.
            adapter_factory=functools.partial(RequestsAdapter, max_retries=0),
        )
        # No retries: a failing server gets one request per address, and the resolver stops asking after a fault.
        self.geocode = RateLimiter(
            self.geolocator.geocode,
            min_delay_seconds=config.min_delay_seconds,
            max_retries=0,
            swallow_exceptions=False,
        )

    def search(self, address: str) -> Found | None:
        """Return the best match in Great Britain, None if Nominatim found nothing; raise NominatimUnavailable."""
        try:
            location = self._within_deadline(address)
        except GeopyError as error:
            raise NominatimUnavailable(self.describe(error)) from error
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
            # Valid JSON of the wrong shape (an object instead of a list, lat missing, ...).
            raise NominatimUnavailable(f"answered in an unexpected shape ({type(error).__name__}: {error})") from error
        if location is None:
            return None
        lat, lon = float(location.latitude), float(location.longitude)
        if not (math.isfinite(lat) and math.isfinite(lon)):
            raise NominatimUnavailable(f"answered a point that is not a number ({lat}, {lon})")
        return Found(lat=lat, lon=lon, display_name=str(location.address or ""))

    def _within_deadline(self, address: str):
        """Ask for an address in a helper thread, and give up once the deadline for the whole answer has passed."""
        # The socket timeout applies to each read: an answer trickling in a byte at a time would hold the build for
        # as long as the server likes. The thread is a daemon: left behind, it cannot keep the build from ending.
        outcome: dict = {}

        def ask():
            try:
                outcome["location"] = self.geocode(address, exactly_one=True, country_codes="gb", viewbox=self.viewbox)
            except BaseException as error:  # handed to the caller's thread, which sorts them as before
                outcome["error"] = error

        worker = threading.Thread(target=ask, name="nominatim", daemon=True)
        worker.start()
        worker.join(self.deadline_seconds)
        if worker.is_alive():
            self.geolocator.adapter.session.close()  # drops the pooled connections; the late answer is ignored
            raise NominatimUnavailable(f"sent no complete answer within {self.deadline_seconds:g} s")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["location"]

    def describe(self, error: GeopyError) -> str:
        """Say in plain words what went wrong with a request."""
        http_error = error.__cause__ if isinstance(error.__cause__, AdapterHTTPError) else None
        if http_error is not None:
            # geopy files HTTP 503 under "timed out"; the status code says more.
            reason = " (too many requests)" if http_error.status_code == 429 else ""
            return f"answered HTTP {http_error.status_code}{reason}"
        if isinstance(error, GeocoderTimedOut):
            return f"no answer within {self.timeout_seconds:g} s"
        if isinstance(error, GeocoderParseError):
            return f"answered something that is not JSON ({error})"
        if isinstance(error, GeocoderQueryError):
            return str(error)
        if isinstance(error, GeocoderUnavailable):
            refused = "Connection refused" in str(error)
            return "refused the connection" if refused else f"is unavailable ({str(error)[:200]})"
        return f"failed ({type(error).__name__}: {error})"
