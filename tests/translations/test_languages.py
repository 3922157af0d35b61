"""Every page in every language: right lang and dir, a switcher that works, no English words left."""

from __future__ import annotations

import posixpath
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from pelican.settings import read_settings
from translations.catalogues import catalogue_path
from translations.languages import site_languages

from tests.conftest import ROOT, build_site

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
LANGUAGES = site_languages(SETTINGS)
OTHER_LANGUAGES = [language for language in LANGUAGES if not language.default]
RTL = {"ar", "fa", "ps", "ckb"}
CATALOGUES = Path(SETTINGS["TRANSLATIONS_PATH"])


class PageFacts(HTMLParser):
    """Read what these tests need from a page: <html lang/dir>, links, alternates, text by language."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.html_attrs: dict = {}
        self.switcher_links: list[str] = []
        self.alternates: dict[str, str] = {}
        self.in_switcher = 0
        self.stack: list[tuple[str, str | None, bool]] = []  # (tag, lang, opened the switcher)
        self.text_by_lang: dict[str, list[str]] = {}
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
            self.alternates[attrs["hreflang"]] = attrs["href"]
        if tag == "a" and self.in_switcher:
            self.switcher_links.append(attrs["href"])
        if tag in self.VOID:
            return
        opens_switcher = "sos-language-switcher" in (attrs.get("class") or "").split()
        self.in_switcher += opens_switcher
        parent_lang = self.stack[-1][1] if self.stack else None
        lang = attrs.get("lang", parent_lang)
        if attrs.get("translate") == "no" or opens_switcher or tag in {"script", "style"}:
            lang = "-"  # names, addresses and language names stay as written: not interface words
        self.stack.append((tag, lang, opens_switcher))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _lang, opened_switcher = self.stack.pop()
            self.in_switcher -= opened_switcher
            if open_tag == tag:
                break

    def handle_data(self, data):
        lang = self.stack[-1][1] if self.stack else None
        if data.strip():
            self.text_by_lang.setdefault(lang or "", []).append(" ".join(data.split()))


def facts(path: Path) -> PageFacts:
    parser = PageFacts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def english_pages(site: Path) -> list[str]:
    """Return the default language's pages, but a venue's print sheets (made in its own languages only)."""
    codes = {language.code for language in OTHER_LANGUAGES}
    return sorted(str(path.relative_to(site)) for path in site.rglob("*.html")
                  if path.relative_to(site).parts[0] not in codes and path.parent.name != "poster")


def test_every_page_exists_in_every_language(example_site):
    pages = english_pages(example_site)
    assert {"index.html", "404.html", "map/index.html", "venues/index.html", "languages/index.html",
            "about/index.html", "venues/example-harbour-library/index.html"} <= set(pages)
    for language in OTHER_LANGUAGES:
        missing = [page for page in pages if not (example_site / language.code / page).is_file()]
        assert missing == [], f"{language.code} lacks {missing}"


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.code for language in LANGUAGES])
def test_every_page_has_the_right_lang_and_dir(example_site, language):
    for page in english_pages(example_site):
        attrs = facts(example_site / language.prefix / page).html_attrs
        expected_dir = "rtl" if language.code in RTL else "ltr"
        assert (attrs.get("lang"), attrs.get("dir")) == (language.code, expected_dir), f"{language.code}/{page}"


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.code for language in LANGUAGES])
def test_switcher_and_alternates_lead_to_the_same_page_in_every_language(example_site, language):
    for page in english_pages(example_site):
        path = language.prefix + page
        page_facts = facts(example_site / path)
        targets = {posixpath.normpath(posixpath.join(posixpath.dirname(path), link))
                   for link in page_facts.switcher_links}
        same_page = {posixpath.normpath(other.prefix + page).removesuffix("index.html").rstrip("/") or "."
                     for other in LANGUAGES if other.code != language.code}
        resolved = {target.removesuffix("/index.html").removesuffix("index.html").rstrip("/") or "." for target in targets}
        assert same_page <= resolved, f"{path}: switcher misses {same_page - resolved}"
        for target in targets:
            file = example_site / target
            assert file.is_file() or (file / "index.html").is_file(), f"{path}: switcher link to {target} is broken"
        assert set(page_facts.alternates) == {lang.code for lang in LANGUAGES} | {"x-default"}, path


def test_published_alternates_are_absolute(tmp_path):
    site = build_site(tmp_path, SITEURL="https://sanctuary.example.org", RELATIVE_URLS=False)
    alternates = facts(site / "ar" / "venues" / "index.html").alternates
    assert alternates["en"] == "https://sanctuary.example.org/venues/"
    assert alternates["fa"] == "https://sanctuary.example.org/fa/venues/"
    assert alternates["x-default"] == "https://sanctuary.example.org/venues/"


def catalogue(code: str):
    with catalogue_path(CATALOGUES, code).open("rb") as source:
        return read_po(source)


def template_ids() -> set:
    with (CATALOGUES / "messages.pot").open("rb") as source:
        return {message.id for message in read_po(source) if message.id}


@pytest.mark.parametrize("language", OTHER_LANGUAGES, ids=[language.code for language in OTHER_LANGUAGES])
def test_every_catalogue_translates_every_message(language):
    translated = catalogue(language.code)
    missing = []
    for message_id in template_ids():
        message = translated.get(message_id[0] if isinstance(message_id, tuple) else message_id)
        strings = message.string if message and isinstance(message.string, tuple) else (message.string if message else "",)
        if message is None or message.fuzzy or not all(strings):
            missing.append(message_id)
    assert missing == [], f"{language.code}: {len(missing)} untranslated, e.g. {missing[:5]}"
    problems = [(message.id, [str(error) for error in errors]) for message, errors in translated.check()]
    assert problems == [], f"{language.code}: placeholders or plural forms are wrong: {problems[:5]}"


def test_catalogue_template_is_current(tmp_path):
    from babel.messages.frontend import CommandLineInterface

    extracted = tmp_path / "messages.pot"
    CommandLineInterface().run(["pybabel", "--quiet", "extract", "--mapping-file", str(ROOT / "babel.cfg"),
                                "--output-file", str(extracted), "--no-location", "--omit-header", str(ROOT)])
    with extracted.open("rb") as source:
        current = {message.id for message in read_po(source) if message.id}
    assert current == template_ids(), "run make translations: the templates' words changed"


@pytest.mark.parametrize("language", OTHER_LANGUAGES, ids=[language.code for language in OTHER_LANGUAGES])
def test_no_english_interface_words_left(example_site, language):
    translated = catalogue(language.code)
    english = set()
    for message in translated:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for message_id in ids:
            if message_id and len(message_id) > 3 and message_id not in strings and "%(" not in message_id:
                english.add(message_id)
    for page in ["index.html", "venues/index.html", "venues/example-harbour-library/index.html", "map/index.html",
                 "languages/index.html", "404.html"]:
        text_facts = facts(example_site / language.code / page)
        own_text = " | ".join(text_facts.text_by_lang.get(language.code, []))
        left = sorted(word for word in english if re.search(rf"(^|\| ){re.escape(word)}($| \|)", own_text))
        assert left == [], f"{language.code}/{page} shows English interface words: {left}"


def test_unreviewed_language_says_so_in_both_languages(example_site):
    arabic = (example_site / "ar" / "about" / "index.html").read_text(encoding="utf-8")
    assert "sos-translation-notice" in arabic
    assert 'lang="en" dir="ltr">This translation was made by a computer' in arabic
    assert "sos-translation-notice" not in (example_site / "about" / "index.html").read_text(encoding="utf-8")


def test_a_reviewed_language_has_no_notice(tmp_path):
    languages = {code: dict(options) for code, options in SETTINGS["TRANSLATIONS_LANGUAGES"].items()}
    languages["uk"]["reviewed"] = True
    site = build_site(tmp_path, TRANSLATIONS_LANGUAGES=languages)
    assert "sos-translation-notice" not in (site / "uk" / "about" / "index.html").read_text(encoding="utf-8")
    assert "sos-translation-notice" in (site / "vi" / "about" / "index.html").read_text(encoding="utf-8")


def test_a_page_without_translation_shows_english_under_a_notice(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "pages" / "only-english.md").write_text(
        "Title: Only in English\nSlug: only-english\n\nThis page has no translation yet.\n", encoding="utf-8")
    site = build_site(tmp_path, PATH=str(content))
    html = (site / "fa" / "only-english" / "index.html").read_text(encoding="utf-8")
    assert 'class="sos-fallback-note"' in html
    assert '<div lang="en" dir="ltr">' in html
    assert "This page has no translation yet." in html
    assert facts(site / "fa" / "only-english" / "index.html").html_attrs["lang"] == "fa"


def test_venue_text_falls_back_to_english_marked_as_such(example_site):
    arabic_description = (example_site / "ar" / "venues" / "example-harbour-library" / "index.html").read_text("utf-8")
    assert '<div class="sos-prose" lang="ar" dir="auto">' in arabic_description
    fallback = (example_site / "ar" / "venues" / "example-corner-cafe" / "index.html").read_text("utf-8")
    assert '<div class="sos-prose" lang="en" dir="auto">' in fallback
    assert 'class="sos-fallback-note"' in fallback


def test_languages_spoken_are_named_in_themselves_and_dates_in_the_readers_locale(example_site):
    html = (example_site / "fa" / "venues" / "example-harbour-library" / "index.html").read_text("utf-8")
    assert '<bdi lang="uk">Українська</bdi>' in html
    assert '<bdi lang="ar">العربية</bdi>' in html
    assert "مارس" in html  # 12 March 2026, in Persian
    assert "12 March 2026" not in html


def test_languages_page_names_each_language_in_itself(example_site):
    html = (example_site / "languages" / "index.html").read_text(encoding="utf-8")
    for name in ["العربية", "فارسی", "پښتو", "کوردی", "ትግርኛ", "Українська", "Shqip", "Tiếng Việt"]:
        assert name in html, name
    assert 'hreflang="ckb"' in html


def test_a_translation_that_holds_markup_stops_the_build(tmp_path):
    from translations.catalogues import UnsafeTranslation

    folder = tmp_path / "translations"
    shutil.copytree(CATALOGUES, folder)
    po = catalogue_path(folder, "ps")
    text = po.read_text(encoding="utf-8")
    start = text.index('msgid "Opening hours"')
    end = text.index("\n\n", start)
    po.write_text(text[:start] + 'msgid "Opening hours"\nmsgstr "\\"><img src=x onerror=alert(1)>"' + text[end:],
                  encoding="utf-8")
    with pytest.raises(UnsafeTranslation, match="Opening hours"):
        build_site(tmp_path, TRANSLATIONS_PATH=str(folder))
