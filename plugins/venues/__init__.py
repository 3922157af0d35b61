"""Load, check and publish the venues of the Spaces of Sanctuary network."""

from pelican import signals

from .log_lines import keep_lines_whole
from .site.generator import get_generators


def register():
    """Add the venues generator to Pelican, and keep its messages on one line each."""
    signals.initialized.connect(keep_lines_whole)
    signals.get_generators.connect(get_generators)
