"""Write the site's Content Security Policy from its settings."""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)


def content_security_policy(settings: dict) -> str:
    """Return the policy: the site's own files only, plus the map's tile server for images."""
    images = ["'self'"]
    tiles = tile_origin(settings.get("MAP_TILES_URL", ""))
    if tiles:
        # Leaflet cancels a tile that is no longer needed by pointing it at a 1×1 data: GIF (L.Util.emptyImageUrl).
        images += ["data:", tiles]
    directives = {
        "default-src": ["'self'"],
        # No 'unsafe-inline' and no 'unsafe-eval': script injected into a page does not run.
        "script-src": ["'self'"],
        # style="" attributes and <style> in the markup are refused; scripts may still set styles through
        # the CSSOM (element.style), which Leaflet uses to place tiles and markers.
        "style-src": ["'self'"],
        "img-src": images,
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        # frame-ancestors would stop other sites framing this one, but browsers ignore it in a <meta>, and
        # GitHub Pages cannot send headers.
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def tile_origin(tiles_url: str) -> str:
    """Return the scheme and host of a Leaflet tile URL, with a {s} subdomain as *; "" for tiles on this site."""
    parts = urlsplit(tiles_url)
    if not parts.scheme or not parts.netloc:
        return ""
    host = parts.netloc.replace("{s}", "*")
    if "{" in host:
        raise ValueError(f"safety: MAP_TILES_URL {tiles_url!r} has a placeholder in its host other than {{s}}")
    return f"{parts.scheme}://{host}"


def allow_inline_scripts(policy: str, markup: str) -> str:
    """Return the policy with script-src also allowing each inline <script> in markup, by its SHA-256 alone."""
    # Only for the map page's one inline script, until branch map moves it into a file: a script allowed by
    # its hash runs only if not one character of it changes, so nothing injected beside it runs.
    hashes = [f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode('ascii')}'"
              for attributes, body in INLINE_SCRIPT.findall(str(markup)) if "src=" not in attributes]
    if not hashes:
        return policy
    return policy.replace("script-src 'self'", " ".join(["script-src 'self'", *hashes]), 1)
