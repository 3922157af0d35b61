"""Write the site's Content Security Policy from its settings."""

from __future__ import annotations

from urllib.parse import urlsplit


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
