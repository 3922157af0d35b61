"""Give every template the gettext functions of the reader's language."""

from pelican import signals

from .install import install_translations


def register():
    """Install translations into each generator's template environment."""
    signals.generator_init.connect(install_translations)
