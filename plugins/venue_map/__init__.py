"""Write the map page (the theme's map.html, configured by folium) and the places it shows, as data."""

from pelican import signals

from .generator import get_generators


def register():
    """Add the map page generator to every Pelican build that loads this plugin."""
    signals.get_generators.connect(get_generators)
