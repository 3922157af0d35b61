"""Serve a built site on 127.0.0.1 and drive Debian's Chromium over it with Playwright, keeping every request local."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import mimetypes
import os
import re
import struct
import sys
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Frame, Page, sync_playwright

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
TILE_HOSTS = {"tile.openstreetmap.org"}
# GitHub Pages compresses these on the way out; images other than SVG are sent as they are.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/geo+json", "image/svg+xml")


FUNCTION_SOURCE = re.compile(r"\s*(\(|async\b|function\b|[\w$]+\s*=>)")


def _polls_a_function(wait_for_function):
    """Turn wait_for_function's expression into a function, which Playwright evaluates once and then calls."""
    # Playwright evaluates an expression afresh at every poll, and after the first the page's Content Security
    # Policy (script-src without 'unsafe-eval') refuses it: EvalError. A function is evaluated once only.
    @functools.wraps(wait_for_function)
    def wait(self, expression: str, **options):
        if not FUNCTION_SOURCE.match(expression):
            expression = f"() => ({expression})"
        return wait_for_function(self, expression, **options)

    return wait


Page.wait_for_function = _polls_a_function(Page.wait_for_function)
Frame.wait_for_function = _polls_a_function(Frame.wait_for_function)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging every request to the terminal."""

    def log_message(self, *args):
        pass


class GzipHandler(QuietHandler):
    """Serve files gzipped when the browser accepts it, the way GitHub Pages does."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if (not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not kind.startswith(COMPRESSED_TYPES) or not urlsplit(self.path).path.endswith(("/", path.name))):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return BytesFile(body)


class BytesFile:
    """Hand a body to SimpleHTTPRequestHandler's copyfile."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """Let the browser hang up mid-file (a tab closed while the service worker downloads) without a traceback."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # BrokenPipeError, ConnectionResetError
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, compress: bool = False, port: int = 0, handler: type | None = None) -> Iterator[str]:
    """Serve directory on 127.0.0.1 in a thread (gzipped if compress); yield its base URL ending in "/"."""
    handler = functools.partial(handler or (GzipHandler if compress else QuietHandler), directory=str(directory))
    server = QuietServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def blank_tile_png() -> bytes:
    """Return a 256×256 light grey PNG, drawn here so no test needs a real tile."""
    width = height = 256
    raw = b"".join(b"\x00" + b"\xe8" * width for _ in range(height))  # filter byte, then grey pixels

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


BLANK_TILE = blank_tile_png()


class Tab:
    """A page in its own browser context that records every request leaving 127.0.0.1 and every error."""

    def __init__(self, browser, **context_options):
        # No service worker unless a test asks (tests/browser/test_offline.py does): elsewhere a page's requests
        # are its own, and no background download runs while a test counts them.
        context_options.setdefault("service_workers", "block")
        self.context = browser.new_context(**context_options)
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(
            f"console: {message.text} at {message.location.get('url')}"))
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on("dialog", lambda dialog: self.errors.append(f"dialog: {dialog.message}") or dialog.dismiss())

    def _route(self, route):
        host = urlsplit(route.request.url).hostname
        if host == "127.0.0.1":
            route.continue_()
            return
        self.outside.append(route.request.url)
        if host in TILE_HOSTS:
            route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)  # tiles: served by the test
        else:
            route.abort()

    def goto(self, url: str):
        self.page.goto(url, wait_until="load")
        return self.page

    def left_the_site(self) -> list[str]:
        """Return the requests that went anywhere but 127.0.0.1 and the tile server."""
        return [url for url in self.outside if urlsplit(url).hostname not in TILE_HOSTS]

    def close(self):
        self.context.close()


class _SharedChromium:
    """One Chromium for the whole test session, whichever folder's fixture asks for it first."""

    def __init__(self):
        self.users = 0
        self.playwright = None
        self.browser = None

    def acquire(self):
        if self.browser is None:
            if not os.access(CHROMIUM_PATH, os.X_OK):
                # Fail, not skip: a suite that skips its browser half would pass without proving anything.
                pytest.fail(f"Debian's chromium is not installed at {CHROMIUM_PATH}: run make browser (make test does)")
            self.playwright = sync_playwright().start()
            self.browser = launch(self.playwright)
        self.users += 1
        return self.browser

    def release(self):
        self.users -= 1
        if self.users == 0 and self.browser is not None:
            self.browser.close()
            self.playwright.stop()
            self.browser = self.playwright = None


_shared = _SharedChromium()


def launch(playwright):
    """Launch Debian's Chromium headless; Playwright never downloads a browser of its own."""
    return playwright.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def browser():
    """Yield the session's one headless Chromium."""
    yield _shared.acquire()
    _shared.release()
