"""Minify the site's own stylesheets and scripts in the output, so a phone downloads fewer bytes."""

from pelican import signals

from .assets import minify_output


def register():
    """Minify the theme's CSS and JavaScript once Pelican has written everything."""
    signals.finalized.connect(minify_output)
