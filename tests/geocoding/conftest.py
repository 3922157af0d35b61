"""Fixtures for geocoding tests: a fake Nominatim on 127.0.0.1, venues, and settings pointing at both."""

from __future__ import annotations

import datetime
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from venues.model import Accreditation, Address, Position, Venue

# Real postcodes of the committed extract, and their centres as the extract gives them.
GUILDHALL = ("1 Guildhall Square", "PO1 2AB", (50.797635, -1.092887))
SOUTHSEA = ("12 Palmerston Road", "PO1 2AE", (50.790302, -1.102846))
LONDON = (51.507400, -0.127800)


@dataclass
class Received:
    """Hold one request the fake server received."""

    at: float  # time.monotonic() when it arrived
    path: str
    query: dict[str, str]
    user_agent: str


@dataclass
class FakeNominatim:
    """Answer /search like Nominatim, in a mode the test chooses, and record every request."""

    url: str = ""
    # found, not_found, far, outside, http_429, http_503, garbage, wrong_shape, slow, drip, error_object, empty_object
    mode: str = "found"
    answer: tuple[float, float] = GUILDHALL[2]
    slow_seconds: float = 2.0
    drip_seconds: float = 0.1  # in drip mode, the wait before each byte of the answer
    requests: list[Received] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def reply(self) -> tuple[int, bytes]:
        """Return the HTTP status and body for the current mode."""
        if self.mode == "http_429":
            return 429, b'{"error": "Too Many Requests"}'
        if self.mode == "http_503":
            return 503, b"<html><body>Service Unavailable</body></html>"
        if self.mode == "garbage":
            return 200, b"<html>this is not json"
        if self.mode == "wrong_shape":
            return 200, b'{"lat": "50.8"}'
        if self.mode == "not_found":
            return 200, b"[]"
        if self.mode == "error_object":
            return 200, b'{"error": "Unable to geocode"}'
        if self.mode == "empty_object":
            return 200, b"{}"
        if self.mode == "slow":
            self.release.wait(self.slow_seconds)
        lat, lon = self.answer
        if self.mode == "far":
            lat += 0.03  # about 3.3 km north, still inside the service area
        if self.mode == "outside":
            lat, lon = LONDON
        result = {
            "place_id": 1,
            "lat": f"{lat:.7f}",
            "lon": f"{lon:.7f}",
            "display_name": "Guildhall Square, Portsmouth, England, PO1 2AB, United Kingdom",
            "category": "place",
            "type": "house",
            "importance": 0.5,
        }
        return 200, json.dumps([result]).encode()


@pytest.fixture
def nominatim():
    """Run a fake Nominatim on a random port of 127.0.0.1 for one test."""
    fake = FakeNominatim()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            parts = urlsplit(self.path)
            query = {key: values[0] for key, values in parse_qs(parts.query).items()}
            fake.requests.append(Received(time.monotonic(), parts.path, query, self.headers.get("User-Agent", "")))
            status, body = fake.reply() if parts.path == "/search" else (404, b"[]")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if fake.mode != "drip":
                self.wfile.write(body)
                return
            # One byte at a time, each well within the socket timeout: only an overall deadline ends the wait.
            for byte in body:
                if fake.release.wait(fake.drip_seconds):
                    return
                self.wfile.write(bytes([byte]))
                self.wfile.flush()

        def log_message(self, *args):
            pass  # keep test output clean

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request, client_address):
            pass  # a client that gave up on a slow answer is expected here

    server = Server(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield fake
    fake.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def settings(tmp_path, nominatim):
    """Settings for fast tests against the fake server, with the cache in tmp_path."""
    return {
        "GEOCODING_CACHE_PATH": str(tmp_path / "geocode-cache.json"),
        "GEOCODING_NOMINATIM_URL": nominatim.url,
        "GEOCODING_USER_AGENT": "spaces-of-sanctuary-tests/1.0",
        "GEOCODING_OFFLINE": False,
        "GEOCODING_MIN_DELAY_SECONDS": 0.0,
        "GEOCODING_TIMEOUT_SECONDS": 0.3,
        "GEOCODING_DEADLINE_SECONDS": 1.0,
        "GEOCODING_MAX_DISTANCE_METRES": 1500,
        "GEOCODING_SERVICE_AREA": (50.74, -1.17, 50.90, -0.95),
    }


@pytest.fixture
def make_venue():
    """Return a function that builds a Venue as the venues plugin would (what geocoding reads is real)."""
    return build_venue


def build_venue(slug="guildhall", street=GUILDHALL[0], postcode=GUILDHALL[1], location=None, line=3) -> Venue:
    """Build one venue at an address, optionally with a location from its file."""
    return Venue(
        slug=slug,
        source=f"venues/{slug}.yaml",
        name=slug.title(),
        kind="library",
        address=Address(street=street, postcode=postcode, town="Portsmouth"),
        offers=("wifi",),
        accreditation=Accreditation(trained_on=datetime.date(2025, 1, 10), renew_by=datetime.date(2026, 1, 10)),
        location=Position(*location, "file") if location else None,
        line=line,
    )
