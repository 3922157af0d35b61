"""Write each venue's printable sheets, and give the templates QR codes and words in other languages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from translations.catalogues import load_translations
from translations.languages import site_languages

from ..urls import url_setting
from .qr import qr_code


@dataclass(frozen=True)
class Line:
    """A sentence in one language, with its direction, for lang and dir attributes."""

    lang: str
    dir: str
    text: str


def public_site_url(settings: dict) -> str:
    """Return the absolute address of the published site, for what is printed (a QR code cannot be relative)."""
    return (settings.get("SITEURL") or settings.get("VENUES_PUBLIC_SITEURL") or "").rstrip("/")


class Translator:
    """Translate one message into each language the site has a catalogue for."""

    def __init__(self, settings: dict):
        self.languages = {language.code: language for language in site_languages(settings)}
        self.folder = Path(settings.get("TRANSLATIONS_PATH", Path(settings["THEME"]) / "translations"))
        self.default = next(iter(self.languages)) if self.languages else "en"

    def lines(self, message: str, codes) -> list[Line]:
        """Return the message in English first, then in each of codes the site translates (others are left out)."""
        default = self.languages.get(self.default)
        lines = [Line(self.default, default.dir if default else "ltr", message)]
        for code in codes:
            language = self.languages.get(code)
            if language is None or code == self.default:
                continue
            text = load_translations(self.folder, code, self.default).gettext(message)
            if text and text != message:  # an untranslated message would only repeat the English
                lines.append(Line(code, language.dir, text))
        return lines


def print_languages(venue, codes: list[str]) -> set[str]:
    """Return the languages a venue's poster and card are printed in: the site's default (codes[0]) and the venue's own."""
    # A sheet is printed by the venue, for its window and counter: in the languages its staff speak, and in the
    # default one for everyone. Nine copies of each sheet were 60% of the output (260 KB a venue); these keep the
    # Arabic poster of a venue whose staff speak Arabic, with its QR code to the Arabic page.
    return set(codes[:1]) | (set(venue.languages) & set(codes))


def language_codes(settings: dict) -> list[str]:
    """Return the codes of the site's languages, the default first (worked out once: every venue page asks)."""
    return [language.code for language in site_languages(settings)]


def install_poster_helpers(generator) -> None:
    """Give the templates qr_for, in_languages, print_languages and N_ (marks a message for extraction)."""
    translator, codes = Translator(generator.settings), language_codes(generator.settings)
    generator.env.globals.update(
        qr_for=qr_code,
        in_languages=translator.lines,
        print_languages=lambda venue: print_languages(venue, codes),
        N_=lambda message: message,
        PUBLIC_SITEURL=public_site_url(generator.settings),
    )


def write_posters(generator, writer) -> None:
    """Write each shown venue's sheets page (A4 window poster, A6 counter card), in the languages print_languages names."""
    # One page holds both sheets (print CSS picks one by the address's #card): a page of its own for each was half
    # of the site's bytes beside the venue pages, most of it the same header, footer and QR code twice.
    settings = generator.settings
    template, codes = generator.get_template("poster"), language_codes(settings)
    for venue in generator.venues:
        name = url_setting(settings, "VENUES_POSTER", slug=venue.slug)[1]
        writer.write_file(name, template, generator.context, relative_urls=settings.get("RELATIVE_URLS", False),
                          venue=venue, page_name=name.removesuffix(".html"), languages=print_languages(venue, codes))
