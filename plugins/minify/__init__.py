"""Minify the site's own stylesheets, scripts and pages in the output, so a phone downloads fewer bytes."""

from pelican import signals

from .assets import minify_output
from .html import tidy_rendered_pages


def register():
    """Render pages without their indentation; minify the theme's CSS and JavaScript once everything is written."""
    signals.generator_init.connect(tidy_rendered_pages)
    signals.finalized.connect(minify_output)
