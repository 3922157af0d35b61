"""VENUES_URL / VENUES_SAVE_AS: one pair of settings per output kind, and every link follows it."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from venues.site.present import present
from venues.urls import url_setting

from tests.conftest import BUILD_DAY, build_site
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


def test_every_link_resolves_when_the_venue_pages_move(tmp_path):
    # The printed sheets sit under the venue's page ("{{ venue.url }}poster/"), so they move with it.
    output = build_site(tmp_path, VENUES_URL="places/{slug}/", VENUES_SAVE_AS="places/{slug}/index.html",
                        VENUES_POSTER_SAVE_AS="places/{slug}/poster/index.html",
                        VENUES_CARD_SAVE_AS="places/{slug}/card/index.html")
    assert (output / "places" / "example-harbour-library" / "index.html").is_file()
    assert not (output / "venues" / "example-harbour-library").exists()
    assert (output / "ar" / "places" / "example-harbour-library" / "index.html").is_file()
    directory = (output / "venues" / "index.html").read_text(encoding="utf-8")
    assert "places/example-harbour-library/" in directory
    assert broken_links(output) == []


def test_every_link_resolves_in_the_example_site(example_site):
    assert broken_links(example_site) == []
