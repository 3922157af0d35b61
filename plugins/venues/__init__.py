"""Load, check and publish the venues of the Spaces of Sanctuary network."""

from pelican import signals

from .city import require_city
from .log_lines import keep_lines_whole
from .site.generator import get_generators
from .site.pages_limit import check_output_size


def register():
    """Add the venues generator, keep its messages on one line each, insist on the city's name, weigh the output."""
    signals.initialized.connect(keep_lines_whole)
    signals.initialized.connect(require_city)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(check_output_size)
