"""Render what reads the same on many pages once a build: {% cache %} blocks, and components imported with context."""

from pelican import signals

from .extension import add_fragment_cache
from .imports import keep_imported_modules


def register():
    """Give every generator's templates the {% cache %} block and kept imports."""
    signals.generator_init.connect(add_fragment_cache)
    signals.generator_init.connect(keep_imported_modules)
