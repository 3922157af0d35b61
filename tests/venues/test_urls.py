"""<KIND>_URL / <KIND>_SAVE_AS: one pair of settings per output kind, and every link follows it."""

from __future__ import annotations

import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from venues.site.present import present
from venues.urls import url_setting

from tests.conftest import BUILD_DAY, build_site, only_languages
from tests.geocoding.conftest import build_venue

OUTSIDE = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:", "sms:", "geo:")


class Links(HTMLParser):
    """Collect a page's href and src values."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)


def broken_links(output: Path) -> list[str]:
    """Return every internal href/src in the built HTML that points at no file."""
    broken = []
    for page in sorted(output.rglob("*.html")):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        folder = page.parent.relative_to(output).as_posix()
        for link in parser.found:
            if link.startswith(OUTSIDE) or link.startswith("#") or link.startswith("//"):
                continue
            path = unquote(urlsplit(link).path)
            if not path:
                continue
            target = path.lstrip("/") if path.startswith("/") else posixpath.normpath(posixpath.join(folder, path))
            if path.endswith("/") or target in (".", ""):
                target = posixpath.join(target, "index.html")
            if target.startswith("..") or not (output / target).is_file():
                broken.append(f"{page.relative_to(output)}: {link}")
    return broken


def test_url_setting_gives_the_kinds_default_pair_and_the_settings_own():
    assert url_setting({}, "VENUES", slug="cafe") == ("venues/cafe/", "venues/cafe/index.html")
    settings = {"VENUES_URL": "places/{slug}.html", "VENUES_SAVE_AS": "places/{slug}.html"}
    assert url_setting(settings, "VENUES", slug="cafe") == ("places/cafe.html", "places/cafe.html")
    assert url_setting({}, "VENUES_DIRECTORY") == ("venues/", "venues/index.html")


def test_a_venue_links_to_its_page_from_the_settings():
    venue = build_venue(slug="cafe")
    assert venue.url == "venues/cafe/"
    assert present(venue, BUILD_DAY, "").url == "venues/cafe/"
    assert present(venue, BUILD_DAY, "", url="places/cafe/").url == "places/cafe/"


# Every kind but the directory, which the content pages (Markdown, written by people) link to as ../venues/.
MOVED = {
    "VENUES_URL": "places/{slug}/", "VENUES_SAVE_AS": "places/{slug}/index.html",
    "VENUES_OFFER_URL": "help/{key}.html", "VENUES_OFFER_SAVE_AS": "help/{key}.html",
    "VENUES_LANGUAGE_URL": "spoken/{key}/", "VENUES_LANGUAGE_SAVE_AS": "spoken/{key}/index.html",
    "VENUES_AREA_URL": "district/{key}/", "VENUES_AREA_SAVE_AS": "district/{key}/index.html",
    "VENUES_POSTER_URL": "print/{slug}-poster/", "VENUES_POSTER_SAVE_AS": "print/{slug}-poster/index.html",
    "VENUES_NETWORK_URL": "progress/", "VENUES_NETWORK_SAVE_AS": "progress/index.html",
    "MAP_URL": "where/", "MAP_SAVE_AS": "where/index.html",
    "MAP_DATA_SAVE_AS": "where/places.json", "MAP_DETAILS_SAVE_AS": "where/details.json",
    "VENUES_SEARCH_URL": "find/index.json", "VENUES_SEARCH_SAVE_AS": "find/index.json",
    "VENUES_WORDS_URL": "script-words.js", "VENUES_WORDS_SAVE_AS": "script-words.js",
    # Few enough cards that the offers and languages split by area: their parts follow the listing's own pair.
    "VENUES_DIRECTORY_MAX_CARDS": 3,
}


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    """Build the example site with every page kind moved by its settings pair."""
    return build_site(tmp_path_factory.mktemp("moved"), **MOVED, **only_languages("en", "ar"))


def test_every_link_resolves_when_every_page_kind_moves(moved_site):
    assert sorted(path.name for path in (moved_site / "venues").iterdir()) == ["index.html"]
    for old in ["map", "network"]:
        assert not (moved_site / old).exists(), old
    for page in ["places/example-harbour-library/index.html", "ar/places/example-harbour-library/index.html",
                 "help/food.html", "spoken/ar/index.html", "district/po1/index.html",
                 "print/example-harbour-library-poster/index.html",
                 "progress/index.html", "where/index.html", "ar/where/index.html", "find/index.json",
                 "script-words.js", "ar/script-words.js"]:
        assert (moved_site / page).is_file(), page
    # An offer with more places than VENUES_DIRECTORY_MAX_CARDS: its areas are pages in a folder of its own.
    assert list((moved_site / "help").glob("*/po*/index.html")) and list((moved_site / "spoken").glob("*/po*/index.html"))
    directory = (moved_site / "venues" / "index.html").read_text(encoding="utf-8")
    assert 'href="../where/"' in directory or 'href="/where/"' in directory
    venue_page = (moved_site / "places" / "example-harbour-library" / "index.html").read_text(encoding="utf-8")
    assert "print/example-harbour-library-poster/" in venue_page and "where/#example-harbour-library" in venue_page
    assert "print/example-harbour-library-poster/#card" in venue_page  # the counter card: the sheets page's #card
    assert broken_links(moved_site) == []


def test_the_service_worker_keeps_the_moved_pages(moved_site):
    worker = (moved_site / "service-worker.js").read_text(encoding="utf-8")
    manifest = json.loads(worker.split("\n", 1)[0].removeprefix("var OFFLINE=").removesuffix(";"))
    assert manifest["pages"] == ["", "venues/", "urgent-help/", "script-words.js"]
    assert (manifest["list"], manifest["venuePage"]) == ("venues/", "places/{slug}/")
    assert "ar/venues/" in manifest["revisions"]
