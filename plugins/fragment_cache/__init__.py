"""Render the parts of a page that read the same on many pages once a build, not once a page: {% cache %}."""

from pelican import signals

from .extension import add_fragment_cache


def register():
    """Give every generator's templates the {% cache %} block."""
    signals.generator_init.connect(add_fragment_cache)
