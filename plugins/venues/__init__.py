"""Load, check and publish the venues of the Spaces of Sanctuary network."""

from pelican import signals

from .generator import get_generators


def register():
    """Add the venues generator to Pelican."""
    signals.get_generators.connect(get_generators)
