"""Minify the site's own stylesheets, scripts and pages in the output, so a phone downloads fewer bytes."""

from pelican import signals

from .assets import minify_output
from .html import tidy_written_page


def register():
    """Drop each written page's indentation; minify the theme's CSS and JavaScript once everything is written."""
    signals.content_written.connect(tidy_written_page)
    signals.finalized.connect(minify_output)
