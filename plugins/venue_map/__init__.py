"""Write the map page: a folium map of the shown venues, embedded in the theme's map.html."""

from pelican import signals

from .generator import get_generators


def register():
    """Add the map page generator to every Pelican build that loads this plugin."""
    signals.get_generators.connect(get_generators)
