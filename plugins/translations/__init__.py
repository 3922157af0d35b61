"""Write every page in every language of the site, in one Pelican run."""

from pelican import signals

from .install import install_translations
from .writer import get_writer


def register():
    """Install gettext in the templates and write each page once per language."""
    signals.generator_init.connect(install_translations)
    signals.get_writer.connect(get_writer)
