"""The pages that filter the directory without JavaScript, and the postcode centres written for sorting by distance."""

from __future__ import annotations

import csv
import gzip
import json
import re
from pathlib import Path

import yaml
from venues.model import Address, Venue
from venues.site.listings import Listing, language_listings, offer_listings

from tests.conftest import BUILD_DAY, FIXTURES, ROOT, build_site, only_languages

LANGUAGE_PREFIXES = ["", "ar/", "uk/"]
SCHEMA = json.loads((ROOT / "plugins" / "venues" / "schema.json").read_text(encoding="utf-8"))
OFFERS = [choice["const"] for choice in SCHEMA["properties"]["offers"]["items"]["oneOf"]]


def shown_files() -> dict[str, dict]:
    """Read the example venue files that are shown on the build day, by slug."""
    shown = {}
    for path in sorted((ROOT / "venues").glob("[!_]*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("status") != "suspended" and data["accreditation"]["renew_by"] >= BUILD_DAY:
            shown[path.stem] = data
    return shown


def listed_slugs(page: Path) -> list[str]:
    """Return the slugs of the places a listing lists, as cards (up to the card limit) or as rows (above it)."""
    html = page.read_text(encoding="utf-8")
    return (re.findall(r'<li class="sos-venue-list__item" data-slug="([^"]+)"', html)
            + re.findall(r'<li class="sos-venue-rows__item"><a class="sos-venue-rows__link" href="[^"]*venues/([^/"]+)/"', html))


def in_name_order(files: dict[str, dict], slugs) -> list[str]:
    return sorted(slugs, key=lambda slug: files[slug]["name"].casefold())


def test_every_offer_has_a_page_in_every_language_listing_exactly_the_places_that_offer_it(example_site):
    files = shown_files()
    for offer in OFFERS:
        want = in_name_order(files, [slug for slug, data in files.items() if offer in data["offers"]])
        for prefix in LANGUAGE_PREFIXES:
            page = example_site / prefix / "venues" / "offers" / offer / "index.html"
            assert listed_slugs(page) == want, f"{prefix}venues/offers/{offer}/"


def test_every_language_spoken_has_a_page_listing_exactly_the_places_that_speak_it(example_site):
    files = shown_files()
    spoken = sorted({code for data in files.values() for code in data["languages"]})
    assert sorted(path.name for path in (example_site / "venues" / "languages").iterdir()) == spoken
    for code in spoken:
        want = in_name_order(files, [slug for slug, data in files.items() if code in data["languages"]])
        for prefix in LANGUAGE_PREFIXES:
            assert listed_slugs(example_site / prefix / "venues" / "languages" / code / "index.html") == want, code


def test_listing_pages_are_in_the_readers_language_and_named_for_what_they_list(example_site):
    arabic = (example_site / "ar" / "venues" / "offers" / "wifi" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "واي فاي مجاني" in arabic.split("<h1", 1)[1].split("</h1>", 1)[0]
    persian = (example_site / "venues" / "languages" / "fa" / "index.html").read_text(encoding="utf-8")
    assert "Persian" in persian.split("<h1", 1)[1].split("</h1>", 1)[0]
    assert '<bdi lang="fa">فارسی</bdi>' in persian


def test_the_directory_links_to_each_listing_that_has_places(example_site):
    files = shown_files()
    html = (example_site / "ar" / "venues" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="\.\./\.\./ar/venues/((?:offers|languages)/[^"]+)"', html)
    offered = [offer for offer in OFFERS if any(offer in data["offers"] for data in files.values())]
    spoken = sorted({code for data in files.values() for code in data["languages"]})
    assert links == [f"offers/{offer}/" for offer in offered] + [f"languages/{code}/" for code in spoken]


def test_an_offer_no_place_makes_still_has_a_page_that_says_so(tmp_path):
    site = build_site(tmp_path, venues_dir=FIXTURES / "venues" / "valid", **only_languages("en", "ar"))
    html = (site / "venues" / "offers" / "printing" / "index.html").read_text(encoding="utf-8")
    assert listed_slugs(site / "venues" / "offers" / "printing" / "index.html") == []
    assert "No place offers this yet." in html
    assert "venues/offers/printing/" not in (site / "venues" / "index.html").read_text(encoding="utf-8")


def test_listings_follow_the_schemas_offers_and_the_language_codes():
    def venue(slug, offers, languages):
        return Venue(slug, f"venues/{slug}.yaml", slug.title(), "cafe", Address("1 Street", "PO1 3AA"),
                     tuple(offers), None, tuple(languages))

    venues = [venue("a", ["wifi", "food"], ["en", "ar"]), venue("b", ["food"], ["en", "uk"])]
    offers = {listing.key: [v.slug for v in listing.venues] for listing in offer_listings(venues)}
    assert list(offers) == OFFERS
    assert offers["food"] == ["a", "b"] and offers["wifi"] == ["a"] and offers["printing"] == []
    languages = language_listings(venues)
    assert [(listing.key, [v.slug for v in listing.venues]) for listing in languages] == [
        ("ar", ["a"]), ("en", ["a", "b"]), ("uk", ["b"])]
    assert languages[0].url == "venues/languages/ar/"
    moved = offer_listings(venues, ("x/{key}.html", "x/{key}.html"))[0]
    assert (moved.url, moved.save_as) == ("x/safe-space.html", "x/safe-space.html")
    assert Listing("offer", "wifi", "venues/offers/wifi/index.html").url == "venues/offers/wifi/"  # its folder


def test_postcode_centres_are_written_once_per_district_with_every_postcode(example_site):
    with (ROOT / "data" / "postcodes" / "po.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    districts = sorted({row["postcode"].split()[0] for row in rows})
    assert sorted(path.stem for path in (example_site / "postcodes").glob("*.json")) == districts
    chunks = {district: json.loads((example_site / "postcodes" / f"{district}.json").read_text(encoding="utf-8"))
              for district in districts}
    for row in rows:
        outward, inward = row["postcode"].split()
        lat, lon = chunks[outward][inward]
        # Rounded to five decimals: about a metre.
        assert abs(lat - float(row["lat"])) < 6e-6 and abs(lon - float(row["lon"])) < 6e-6, row["postcode"]
    assert sum(len(chunk) for chunk in chunks.values()) == len(rows)
    # Site-wide data: not copied into each language.
    assert not (example_site / "ar" / "postcodes").exists()
    # A phone downloads one district at a time: each is small.
    for path in (example_site / "postcodes").glob("*.json"):
        assert len(gzip.compress(path.read_bytes(), 9)) < 10_000, path.name
    html = (example_site / "venues" / "index.html").read_text(encoding="utf-8")
    assert f'data-districts="{" ".join(districts)}"' in html
    assert 'data-postcode-url="../postcodes/{district}.json"' in html


def test_directory_places_carry_what_the_filters_and_distances_need(example_site):
    files = shown_files()
    geojson = json.loads((example_site / "venues.geojson").read_text(encoding="utf-8"))
    positions = {f["properties"]["slug"]: f["geometry"]["coordinates"] for f in geojson["features"]}
    html = (example_site / "uk" / "venues" / "index.html").read_text(encoding="utf-8")
    items = re.findall(r'<li class="sos-venue-list__item" data-slug="([^"]+)" data-kind="[^"]+" data-offers="([^"]*)"\s+'
                       r'data-langs="([^"]*)" data-access="([^"]*)" data-lat="([^"]+)" data-lon="([^"]+)">', html)
    assert [item[0] for item in items] == in_name_order(files, files)
    for slug, offers, langs, access, lat, lon in items:
        data = files[slug]
        assert offers.split() == data["offers"] and langs.split() == data["languages"]
        assert access.split() == data.get("accessibility", [])
        assert [float(lon), float(lat)] == positions[slug]


def test_the_directory_stays_within_its_weight_budget_with_the_finder(example_site):
    theme = example_site / "theme"
    files = [example_site / "venues" / "index.html", theme / "css" / "site.css", theme / "css" / "finder.css",
             theme / "js" / "finder.js", theme / "js" / "directory.js", theme / "js" / "open-now.js",
             theme / "icons" / "icons.svg"]
    weight = sum(len(gzip.compress(path.read_bytes(), 9)) for path in files)
    assert weight < 40_000, weight
    # The finder's scripts are small, deferred, and on the directory only.
    assert sum(len(gzip.compress((theme / "js" / name).read_bytes(), 9)) for name in ["finder.js", "directory.js"]) < 6_000
    for name in ["finder.js", "directory.js"]:
        assert f'<script defer src="../theme/js/{name}"></script>' in files[0].read_text(encoding="utf-8")
    for page in ["index.html", "map/index.html", "venues/example-corner-cafe/index.html", "venues/offers/wifi/index.html"]:
        html = (example_site / page).read_text(encoding="utf-8")
        assert "directory.js" not in html and "finder.js" not in html, page
