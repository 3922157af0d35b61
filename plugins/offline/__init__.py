"""Keep the reader's language's list on the phone for reading with no signal: service worker and app manifest."""

from pelican import signals

from .generator import add_defaults, get_generators
from .worker import write_worker


def register():
    """Add the app manifest generator and write the service worker once the site is written."""
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(write_worker)
