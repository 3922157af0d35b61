"""Write every page once per language, each with its own words, direction and links."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican.utils import get_relative_path, path_to_url
from pelican.writers import Writer

from .catalogues import load_translations
from .context import language_context
from .languages import Language, site_languages

log = logging.getLogger(__name__)


class TranslatingWriter(Writer):
    """Fan each page out to every language: the default at the root, the others under /<code>/."""

    # One Pelican run writes all languages: generators write a page once, in the default language,
    # and this writer renders it again for each language. A content page that has a translation of
    # its own is written by Pelican as that translation, so it is left out of the fan-out.

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.languages = site_languages(self.settings)
        folder = Path(self.settings.get("TRANSLATIONS_PATH", Path(self.settings["THEME"]) / "translations"))
        default = self.languages[0].code
        self.contexts = {
            language.code: language_context(language, load_translations(folder, language.code, default))
            for language in self.languages
        }

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, languages=None, **kwargs):
        """Write the page in each language, or only in the codes of languages when given (the default always)."""
        if not name:
            return
        page = kwargs.get("page") or kwargs.get("article")
        written_in = getattr(page, "lang", None) or self.languages[0].code
        if page is not None and written_in != self.languages[0].code:
            # A translation Pelican read from content/: it exists in its own language only.
            targets = [self._language(written_in)]
            name = self._unprefixed(name, targets[0])
        else:
            own = {getattr(t, "lang", None) for t in getattr(page, "translations", ())} if page is not None else set()
            targets = [language for language in self.languages if language.code not in own]
        if languages is not None:
            # A page made only in some languages (a venue's posters): its switcher and hreflang links name only those.
            targets = [language for language in targets if language == self.languages[0] or language.code in languages]
        for language in targets:
            target_name = language.prefix + name
            extra = self._page_context(language, name, target_name, relative_urls,
                                       targets if languages is not None else self.languages)
            super().write_file(target_name, template, context, relative_urls, paginated, template_name,
                               override_output, url, **kwargs, **extra)

    def _language(self, code: str) -> Language:
        for language in self.languages:
            if language.code == code:
                return language
        raise ValueError(f"translations: a page is in {code!r}, which TRANSLATIONS_LANGUAGES does not list")

    @staticmethod
    def _unprefixed(name: str, language: Language) -> str:
        return name.removeprefix(language.prefix) if language.prefix else name

    def _page_context(self, language: Language, name: str, target_name: str, relative_urls: bool,
                      written: list[Language]) -> dict:
        """Return this page's language variables and its address in every language it is written in."""
        site_url = path_to_url(get_relative_path(target_name)) if relative_urls else self.settings.get("SITEURL", "")
        page_path = name[: -len("index.html")] if name.endswith("index.html") else name
        urls = {other.code: f"{site_url}/{other.prefix}{page_path}" for other in written}
        return {
            **self.contexts[language.code],
            "LANGUAGES": written,
            "LANGURL": f"{site_url}/{language.prefix}".rstrip("/"),
            "page_path": page_path,
            "language_urls": urls,
        }


def get_writer(pelican):
    """Offer the translating writer to Pelican, when this build enables the plugin."""
    from pelican.plugins._utils import plugin_enabled

    return TranslatingWriter if plugin_enabled("translations", pelican.settings.get("PLUGINS")) else None
