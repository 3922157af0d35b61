"""Install gettext translations into a generator's Jinja environment."""

from __future__ import annotations

import logging

from pelican.plugins._utils import plugin_enabled

log = logging.getLogger(__name__)


def install_translations(generator):
    """Install English (null) translations as the environment's default; each page gets its own language's."""
    if not plugin_enabled("translations", generator.settings.get("PLUGINS")):
        return  # connected by an earlier build in this process, not by this one
    if not hasattr(generator.env, "install_null_translations"):
        log.warning("translations: add jinja2.ext.i18n to JINJA_ENVIRONMENT's extensions to translate templates")
        return
    # Templates are written in English, so null translations are exact for it; the translating writer puts each
    # page's own gettext in its context, which the newstyle _() looks up first.
    generator.env.install_null_translations(newstyle=True)
