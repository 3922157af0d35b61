"""A second, fictional city (tests/fixtures/cities/merrowby) from the same code: its settings, venues, postcodes and
pages only. It passes the page checks Portsmouth's site passes, in English and Arabic, and never says "Portsmouth"."""

from __future__ import annotations

import re
import runpy
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import checks
from tests.browser import test_pages as portsmouth_page_checks
from tests.browser.chromium import serve
from tests.browser.site_pages import SitePage, site_pages
from tests.browser.test_without_javascript import SHOWN_LINKS, SHOWN_TEXT
from tests.conftest import FIXTURES, ROOT, build_site

pytestmark = pytest.mark.browser

CITY = FIXTURES / "cities" / "merrowby"
LANGUAGES = ["en", "ar"]
# Portsmouth's names, and its nickname (Pompey) and postcode area, none of which the other city may show.
PORTSMOUTH_WORDS = ["Portsmouth", "Pompey", "Southsea", "PO1 "]


def city_settings() -> dict:
    """Return the city's block: the settings it writes in place of Portsmouth's in pelicanconf.py."""
    return {name: value for name, value in runpy.run_path(str(CITY / "settings.py")).items()
            if name.isupper() and name != "HERE"}


@pytest.fixture(scope="session")
def city_site(tmp_path_factory) -> Path:
    """Build the second city once for the session, with the real pelicanconf.py and the city's own block."""
    settings = city_settings()
    return build_site(tmp_path_factory.mktemp("second-city"), Path(settings.pop("VENUES_PATH")), **settings)


@pytest.fixture(scope="session")
def city_url(city_site: Path) -> Iterator[str]:
    with serve(city_site) as url:
        yield url


def city_venue_pages(output: Path, lang: str) -> list[SitePage]:
    """Return the city's venue pages in one language, named after its own venue files."""
    prefix = "" if lang == "en" else f"{lang}/"
    slugs = sorted(path.stem for path in (CITY / "venues").glob("*.yaml"))
    return [SitePage("venue", f"{prefix}venues/{slug}/") for slug in slugs
            if (output / prefix / "venues" / slug / "index.html").is_file()]


def city_pages(output: Path, lang: str) -> list[SitePage]:
    """Return every page type of the city in one language: those of site_pages, and a venue page with its poster."""
    pages = site_pages(output, lang)
    venue = city_venue_pages(output, lang)[0]
    return [*pages, venue, SitePage("poster", f"{venue.path}poster/")]


def test_the_city_is_built_from_its_own_settings_and_files(city_site):
    venues = city_venue_pages(city_site, "en")
    assert len(venues) == len(list((CITY / "venues").glob("*.yaml"))) == 4
    assert not (city_site / "fa").exists()  # its languages, not Portsmouth's nine
    home = (city_site / "index.html").read_text(encoding="utf-8")
    assert "Spaces of Sanctuary in Merrowby" in home and "Run by Merrowby City of Sanctuary." in home
    assert "Spaces of Sanctuary in <bdi lang=\"en\" translate=\"no\">Merrowby</bdi>" not in home  # English needs no mark
    arabic = (city_site / "ar" / "index.html").read_text(encoding="utf-8")
    assert '<bdi lang="en" translate="no">Merrowby</bdi>' in arabic  # the city's name kept in English, marked
    # The town a venue file leaves out is the city's; the directory sorts by the city's own postcode districts.
    assert "Merrowby" in (city_site / "venues" / "example-wharf-library" / "index.html").read_text(encoding="utf-8")
    assert sorted(path.stem for path in (city_site / "postcodes").glob("*.json")) == ["QQ1", "QQ2", "QQ3"]


def test_the_city_writes_every_setting_of_pelicanconfs_city_block():
    text = (ROOT / "pelicanconf.py").read_text(encoding="utf-8").split("\n# The city:")[1]
    block = set(re.findall(r"^([A-Z][A-Z_]+) =", text, re.MULTILINE))
    assert "VENUES_CITY" in block
    assert sorted(block - set(city_settings())) == []


def test_nothing_the_city_publishes_names_portsmouth(city_site):
    found = []
    for path in sorted(city_site.rglob("*")):
        if path.suffix in {".html", ".json", ".geojson", ".csv", ".webmanifest", ".js", ".xml", ".txt"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{path.relative_to(city_site)}: {word}" for word in PORTSMOUTH_WORDS if word in text]
    assert found == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_type_is_there(city_site, code):
    kinds = {page.kind for page in city_pages(city_site, code)}
    assert {"home", "map", "directory", "venue", "poster", "page", "languages", "404"} <= kinds


@pytest.mark.parametrize("code", LANGUAGES)
def test_axe_overflow_text_and_targets_find_nothing_and_the_page_speaks_its_language(city_site, city_url, phone, code):
    found = []
    for page in city_pages(city_site, code):
        opened, playwright_page = phone(city_url, page)
        where = "/" + page.path
        found += checks.axe_violations(playwright_page, where)
        found += [f"{where}: {error}" for error in opened.errors]
        opened.errors.clear()
        found += [f"{where}: small text {line}" for line in checks.small_text(playwright_page)]
        found += [f"{where}: small target {line}" for line in checks.small_targets(playwright_page)]
        html = playwright_page.evaluate("[document.documentElement.lang, document.documentElement.dir]")
        if html != [code, "rtl" if code == "ar" else "ltr"]:
            found.append(f"{where}: <html lang dir> is {html}")
        shown = playwright_page.evaluate("document.body.innerText")
        found += [f"{where}: says {word!r}" for word in PORTSMOUTH_WORDS if word in shown]
        found += [f"{where} at 100%: {line}" for line in checks.sideways_overflow(playwright_page)]
        playwright_page.evaluate("document.documentElement.style.fontSize = '200%'")
        found += [f"{where} at 200% text: {line}" for line in checks.sideways_overflow(playwright_page)]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("code", LANGUAGES)
def test_keyboard_focus_skip_link_and_text_size_pass_portsmouths_own_checks(city_site, city_url, phone, code):
    # The very functions Portsmouth's pages pass, run on the city's home, map, directory, content pages and 404.
    portsmouth_page_checks.test_first_tab_reaches_a_visible_skip_link_and_focus_is_always_visible(
        city_site, city_url, phone, code)
    portsmouth_page_checks.test_the_skip_link_moves_on_to_the_main_content(city_site, city_url, phone, code)
    portsmouth_page_checks.test_the_site_respects_the_readers_own_text_size(city_site, city_url, phone, code)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_directory_and_venue_pages_show_the_same_without_javascript(city_site, city_url, tab, code):
    with_js = tab(viewport=checks.PHONE)
    without_js = tab(viewport=checks.PHONE, java_script_enabled=False)
    directory = next(page for page in site_pages(city_site, code) if page.kind == "directory")
    pages = [directory, *city_venue_pages(city_site, code)]
    different = []
    for page in pages:
        shown = [opened.goto(city_url + page.path).evaluate(f"[{SHOWN_TEXT}, {SHOWN_LINKS}]")
                 for opened in (with_js, without_js)]
        if shown[0] != shown[1]:
            different.append(f"/{page.path} differs without JavaScript")
        if not shown[1][0].strip():
            different.append(f"/{page.path} shows nothing without JavaScript")
    # The walk: every venue is reached from the directory by a link, without JavaScript.
    listed = without_js.goto(city_url + directory.path).eval_on_selector_all(
        "main a[href*='venues/']", "links => links.map(a => new URL(a.href).pathname)")
    assert {"/" + page.path for page in pages[1:]} <= set(listed)
    assert different == []
