"""Load, check and publish the venues of the Spaces of Sanctuary network."""

from pelican import signals

from .city import require_city
from .log_lines import keep_lines_whole
from .site.generator import get_generators


def register():
    """Add the venues generator to Pelican, keep its messages on one line each, and insist on the city's name."""
    signals.initialized.connect(keep_lines_whole)
    signals.initialized.connect(require_city)
    signals.get_generators.connect(get_generators)
