"""Give every venue a point on the map: file location, cache, Nominatim, then postcode centre."""

import blinker


def register():
    """Resolve venue positions when the venues plugin has loaded them."""
    from geocoding.resolve import on_venues_loaded

    blinker.signal("venues_loaded").connect(on_venues_loaded)
