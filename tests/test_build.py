"""A real Pelican build of the example site: every page there, every venue on it, nothing from outside."""

from __future__ import annotations

import datetime
import json
import logging
import re
import shutil
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from pelican.settings import read_settings
from safety.settings import DEFAULTS as SAFETY_DEFAULTS

from tests.conftest import FIXTURES, ROOT, build_site, differing_files, only_languages

EXAMPLE_SLUGS = sorted(path.stem for path in (ROOT / "venues").glob("*.yaml") if not path.name.startswith("_"))
HIDDEN = {"example-lapsed-bookshop"}
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
SHOWN = [slug for slug in EXAMPLE_SLUGS if slug not in HIDDEN]


def blocking_scripts(html: str) -> list[str]:
    """Return the <script> tags that would run before the page is shown: neither deferred nor data."""
    return [tag for tag in re.findall(r"<script\b[^>]*>", html)
            if " defer" not in tag and 'type="application/json"' not in tag]


def read(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def venue_data(slug: str) -> dict:
    return yaml.safe_load((ROOT / "venues" / f"{slug}.yaml").read_text(encoding="utf-8"))


class Links(HTMLParser):
    """Collect the URLs a page links to (a, area) and loads (everything else)."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.loads: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"a", "area"} and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "link" and attrs.get("href"):
            self.loads.append(attrs["href"])
        for name in ("src", "srcset", "poster", "data"):
            if attrs.get(name):
                self.loads.append(attrs[name])


def parse_links(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def test_every_page_is_built(example_site):
    for name in ["index.html", "venues/index.html", "map/index.html", "venues.geojson", "404.html",
                 "about/index.html", "what-to-expect/index.html", "become-a-space/index.html",
                 "urgent-help/index.html", "privacy/index.html", "accessibility/index.html"]:
        assert (example_site / name).is_file(), name


def test_every_venue_file_is_shown_or_deliberately_hidden(example_site):
    built = sorted(path.parent.name for path in (example_site / "venues").glob("*/index.html"))
    assert built == SHOWN
    assert len(SHOWN) >= 10


def test_hidden_venues_are_reported_in_the_log(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    build_site(tmp_path, **only_languages("en", "ar"))
    messages = [record.getMessage() for record in caplog.records]
    assert ("venues: venues/example-lapsed-bookshop.yaml is not shown because its training lapsed on 2026-06-01 "
            "(accreditation: renew_by)") in messages
    assert "venues: venues/example-family-centre.yaml must renew its training by 2026-12-15" in messages


def test_suspended_venue_is_hidden_and_reported(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    folder = tmp_path / "venues"
    folder.mkdir()
    for name in ("minimal.yaml", "suspended.yaml"):
        shutil.copy(FIXTURES / "venues" / "valid" / name, folder)
    site = build_site(tmp_path, folder, **only_languages("en", "ar"))
    assert (site / "venues" / "minimal" / "index.html").is_file()
    assert not (site / "venues" / "suspended").exists()
    assert ("venues: venues/suspended.yaml is not shown because it is suspended (status: suspended)"
            in [record.getMessage() for record in caplog.records])


def test_an_invalid_venue_stops_the_build_with_its_message(tmp_path):
    folder = tmp_path / "venues"
    folder.mkdir()
    shutil.copy(FIXTURES / "venues" / "valid" / "minimal.yaml", folder)
    shutil.copy(FIXTURES / "venues" / "invalid" / "bad-postcode.yaml", folder)
    with pytest.raises(Exception, match=re.escape('venues/bad-postcode.yaml:6:13: address: postcode: "PO1 ABC"')):
        build_site(tmp_path, folder)


def test_pelican_command_exits_non_zero_on_an_invalid_venue(tmp_path):
    folder = tmp_path / "venues"
    folder.mkdir()
    shutil.copy(FIXTURES / "venues" / "invalid" / "unknown-offer.yaml", folder)
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(ROOT / "content"), "-s", str(ROOT / "pelicanconf.py"),
         "-o", str(tmp_path / "out"), "--fatal", "errors",
         "-e", f"VENUES_PATH={json.dumps(str(folder))}", "GEOCODING_OFFLINE=true"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert result.returncode != 0
    assert "unknown-offer.yaml:7:22" in " ".join((result.stdout + result.stderr).split())


def test_pelican_command_lists_every_venue_problem_before_it_stops(tmp_path):
    folder = tmp_path / "venues"
    folder.mkdir()
    for name in ("unknown-offer.yaml", "bad-postcode.yaml"):
        shutil.copy(FIXTURES / "venues" / "invalid" / name, folder)
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(ROOT / "content"), "-s", str(ROOT / "pelicanconf.py"),
         "-o", str(tmp_path / "out"), "--fatal", "errors",
         "-e", f"VENUES_PATH={json.dumps(str(folder))}", "GEOCODING_OFFLINE=true"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    output = " ".join((result.stdout + result.stderr).split())
    assert result.returncode != 0
    assert "bad-postcode.yaml:6:13" in output and "unknown-offer.yaml:7:22" in output


def test_schema_is_published_with_the_site_as_the_citys_own(example_site):
    published = json.loads(read(example_site, "schema/venue.schema.json"))
    written = json.loads((ROOT / "plugins" / "venues" / "schema.json").read_text(encoding="utf-8"))
    town = published["properties"]["address"]["properties"].pop("town")
    assert town["default"] == "Portsmouth" and town["description"] == "Town or city. Leave it out for Portsmouth."
    del written["properties"]["address"]["properties"]["town"]
    assert published == written  # the editors' tools find it at the $id of the template's first line


def test_home_page_explains_and_leads_to_map_and_list(example_site):
    html = read(example_site, "index.html")
    assert "Space of Sanctuary" in html
    links = parse_links(html).links
    assert any(link.rstrip("/").endswith("venues") for link in links)
    assert any(link.rstrip("/").endswith("map") for link in links)
    assert "tel:999" in html
    assert "tel:116123" in html


def test_directory_lists_every_shown_venue_without_javascript(example_site):
    html = read(example_site, "venues/index.html")
    text = unescape(html)
    assert blocking_scripts(html) == []  # scripts only enhance the list: deferred, or data
    for slug in SHOWN:
        data = venue_data(slug)
        assert data["name"] in text
        assert data["address"]["street"] in text
        assert f'venues/{slug}/"' in html
    assert "Old Page Bookshop" not in html
    assert html.count(">Example<") >= len(SHOWN)


def test_venue_page_shows_what_a_visitor_needs(example_site):
    html = read(example_site, "venues/example-harbour-library/index.html")
    for words in ["Harbour Reading Room (example)", "Example", "This is a fictional example venue",
                  "Free Wi-Fi", "Phone charging", "العربية", "Українська", "Step-free entrance", "1 Example Quay",
                  "PO1 3AA", "tel:+441632960001", "mailto:harbour-reading-room@example.org",
                  "https://example.org/harbour-reading-room", "geo:50.", "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&amp;route=%3B",
                  "12 March 2026", "12 March 2036", "Email us about this place", "Report it on GitHub instead", "<table"]:
        assert words in html, words
    assert "09:00 to 18:00" in html  # a weekday in the hours table
    assert "leaflet" not in html  # no live map on a venue page
    assert blocking_scripts(html) == []  # only "open now", deferred, and its words as data


def test_unknown_hours_say_so(example_site):
    html = read(example_site, "venues/example-family-centre/index.html")
    assert "<table" not in html
    assert "not known" in html.lower()


def test_geojson_lists_shown_venues_with_positions(example_site):
    data = json.loads(read(example_site, "venues.geojson"))
    assert data["type"] == "FeatureCollection"
    slugs = [feature["properties"]["slug"] for feature in data["features"]]
    assert sorted(slugs) == SHOWN
    cafe = next(f for f in data["features"] if f["properties"]["slug"] == "example-corner-cafe")
    assert cafe["geometry"]["coordinates"] == [-1.09125, 50.79731]  # lon, lat from the file
    assert cafe["properties"]["url"] == "venues/example-corner-cafe/"
    assert cafe["properties"]["offers"][0] == "safe-space"
    assert cafe["properties"]["address"]["postcode"] == "PO1 2AY"


def test_content_pages_say_what_they_must(example_site):
    urgent = read(example_site, "urgent-help/index.html")
    for number in ["tel:999", "tel:111", "tel:116123", "tel:08088010503"]:
        assert number in urgent.replace(" ", ""), number
    privacy = read(example_site, "privacy/index.html").lower()
    assert "cookie" in privacy and "tile" in privacy
    about = read(example_site, "about/index.html")
    assert "Everyone is welcome" in about and "immigration status" in about
    assert "mailto:" in read(example_site, "become-a-space/index.html")


def test_footer_carries_the_ordnance_survey_attribution(example_site):
    html = read(example_site, "venues/index.html")
    assert "Contains OS data © Crown copyright and database right" in html
    assert "Contains Royal Mail data © Royal Mail copyright and database right" in html


# The only outside addresses the site itself may link to, besides those the venue files and content pages name.
SITE_LINKS = {
    "https://www.openstreetmap.org/copyright",  # the map's attribution, in the footer
    "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=%3B",  # each venue's directions
    SETTINGS["VENUES_REPORT_URL"].split("{slug}")[0],  # "Report it on GitHub instead"
    SETTINGS["TRANSLATIONS_HELP_URL"],  # "Help us check it", under a machine-made translation
    SAFETY_DEFAULTS["SAFETY_EXIT_URL"],  # "Exit this page", on every page (the plugin's default)
}


def named_urls() -> set[str]:
    """Return the outside URLs the site may link to: those in venue files and content pages, and SITE_LINKS."""
    sources = [*ROOT.joinpath("venues").glob("*.yaml"), *ROOT.joinpath("content").rglob("*.md")]
    found = set(SITE_LINKS)
    for source in sources:
        found.update(re.findall(r"https?://[^\s\"'<>)\]{]+", source.read_text(encoding="utf-8")))
    return found


def test_nothing_is_loaded_from_outside_and_links_go_only_where_named(example_site):
    named = named_urls()
    for page in example_site.rglob("*.html"):
        links = parse_links(page.read_text(encoding="utf-8"))
        for url in links.loads:
            assert not re.match(r"^(https?:)?//", url), f"{page}: loads {url} from outside"
        for url in links.links:
            if re.match(r"^(https?:)?//", url):
                assert any(url.startswith(prefix) for prefix in named), f"{page}: links to {url}, named nowhere"
    for asset in [*example_site.rglob("*.css"), *example_site.rglob("*.html")]:
        text = asset.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), f"{asset}: CSS loads from outside"
        assert not re.search(r"@import\s+['\"]?(url\()?['\"]?(https?:)?//", text), asset


def test_no_cdn_anywhere_in_the_output(example_site):
    cdn = re.compile(r"cdn\.jsdelivr|cdnjs\.|code\.jquery|unpkg\.com|bootstrapcdn|fonts\.googleapis|fontawesome")
    for path in example_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".js", ".css", ".geojson", ".json", ".svg"}:
            assert not cdn.search(path.read_text(encoding="utf-8")), path


def test_two_builds_are_byte_identical(tmp_path):
    first = build_site(tmp_path / "one", **only_languages("en", "ar"))
    second = build_site(tmp_path / "two", **only_languages("en", "ar"))
    assert differing_files(first, second) == []


def test_the_examples_stay_on_the_site_for_years(tmp_path, caplog):
    # `make serve` builds from the examples on the real day: all but the two that show lapsing must stay.
    caplog.set_level(logging.WARNING)
    site = build_site(tmp_path, VENUES_TODAY=datetime.date(2035, 12, 31), **only_languages("en", "ar"))
    shown = sorted(path.parent.name for path in (site / "venues").glob("*/index.html"))
    examples = sorted(path.stem for path in (ROOT / "venues").glob("example-*.yaml"))
    assert shown == [slug for slug in examples if slug not in {"example-lapsed-bookshop", "example-family-centre"}]
    lapsed = [record.getMessage() for record in caplog.records if "lapsed" in record.getMessage()]
    assert len(lapsed) == 2


def test_a_venue_with_only_a_warning_is_published_and_the_warning_logged(tmp_path, caplog):
    # Only errors keep a venue off the site: a warning asks a person to look, it does not hide the place.
    folder = tmp_path / "venues"
    folder.mkdir()
    minimal = (FIXTURES / "venues" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    (folder / "odd-number.yaml").write_text(minimal + 'contact:\n  phone: "023 9200"\n', encoding="utf-8")
    caplog.set_level(logging.WARNING)
    site = build_site(tmp_path, folder, **only_languages("en", "ar"))
    assert (site / "venues" / "odd-number" / "index.html").is_file()
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert any("odd-number.yaml:12:" in message and "not a phone number in use" in message for message in warnings), warnings


def test_a_build_without_geocoding_stops_naming_each_venue_without_a_position(tmp_path, caplog):
    folder = tmp_path / "venues"
    folder.mkdir()
    shutil.copy(FIXTURES / "venues" / "valid" / "minimal.yaml", folder)
    with pytest.raises(Exception, match="venues/minimal.yaml:1:1: has no position: is the geocoding plugin enabled"):
        build_site(tmp_path, folder, PLUGINS=["translations", "venues"])
    assert "venues/minimal.yaml:1:1: has no position" in caplog.text
