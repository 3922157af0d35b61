"""Render the parts of a page that read the same on many pages once a build, not once a page.

The {% cache %} block keeps a part's text; imported components keep their modules while what they read is unchanged.
"""

from pelican import signals

from .extension import add_fragment_cache
from .imports import keep_imported_modules


def register():
    """Give every generator's templates the {% cache %} block and kept imports."""
    signals.generator_init.connect(add_fragment_cache)
    signals.generator_init.connect(keep_imported_modules)
