"""Install gettext translations into a generator's Jinja environment."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def install_translations(generator):
    """Install the interface translations for the build's language (English words for now)."""
    # English is the language the templates are written in, so null translations are exact for it.
    generator.env.install_null_translations(newstyle=True)
