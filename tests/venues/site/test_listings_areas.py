"""The pages by postcode district, and the directory split into them above VENUES_DIRECTORY_MAX_CARDS places."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from venues.site.first_places import FIRST_PLACES
from venues.site.listings import area_listings, district, offer_listings, split_by_area

from tests.conftest import LARGE_SITE_MAX_CARDS, LARGE_SITE_VENUES
from tests.venues.site.test_listings import listed_slugs, shown_files


def venue_slugs_linked(page: Path) -> set[str]:
    """Return the slugs of the venue pages a page links to (venues/<slug>/, not the site's own venues/ folders)."""
    own = {"offers", "languages", "areas"}
    return {slug for slug in re.findall(r'href="[^"]*venues/([a-z0-9-]+)/"', page.read_text(encoding="utf-8"))
            if slug not in own}


def generated_districts(site: Path) -> dict[str, list[str]]:
    """Read which generated venue (slug) is in which district, from the venue files the large site was built from."""
    areas: dict[str, list[str]] = {}
    for path in (site.parent / "venues").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        areas.setdefault(data["address"]["postcode"].split()[0].lower(), []).append(path.stem)
    return areas


def test_each_example_district_has_a_page_listing_exactly_its_places_in_name_order(example_site):
    files = shown_files()
    want: dict[str, list[str]] = {}
    for slug in sorted(files, key=lambda slug: files[slug]["name"].casefold()):
        want.setdefault(files[slug]["address"]["postcode"].split()[0].lower(), []).append(slug)
    assert sorted(path.name for path in (example_site / "venues" / "areas").iterdir()) == sorted(want)
    for key, slugs in want.items():
        for prefix in ["", "ar/"]:
            assert listed_slugs(example_site / prefix / "venues" / "areas" / key / "index.html") == slugs, key


def test_a_small_directory_keeps_every_card_and_links_to_every_area_with_its_count(example_site):
    html = (example_site / "venues" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<li class="sos-venue-list__item"', html)) == len(shown_files())
    for area in (example_site / "venues" / "areas").iterdir():
        count = len(listed_slugs(area / "index.html"))
        assert re.search(rf'href="[^"]*venues/areas/{area.name}/"[^>]*>.*?<bdi dir="ltr">{area.name.upper()}</bdi> \({count}\)',
                         html), area.name


def test_areas_are_in_district_order_and_offers_split_by_area_under_their_own_folder():
    def venue(postcode):
        return type("V", (), {"address": type("A", (), {"postcode": postcode})(), "offers": ["wifi"], "languages": []})()

    venues = [venue("PO10 1AA"), venue("PO4 0AB"), venue("PO9 2CD"), venue("PO4 9ZZ")]
    assert district(venues[0]) == "po10"
    areas = area_listings(venues)
    assert [area.key for area in areas] == ["po4", "po9", "po10"]
    assert [len(area.venues) for area in areas] == [2, 1, 1]
    assert areas[0].save_as == "venues/areas/po4/index.html"
    wifi = split_by_area(next(listing for listing in offer_listings(venues) if listing.key == "wifi"))
    assert [part.save_as for part in wifi.areas] == [
        "venues/offers/wifi/po4/index.html", "venues/offers/wifi/po9/index.html", "venues/offers/wifi/po10/index.html"]
    assert [part.url for part in wifi.areas] == ["venues/offers/wifi/po4/", "venues/offers/wifi/po9/",
                                                 "venues/offers/wifi/po10/"]
    assert all(part.within.key == "wifi" for part in wifi.areas)
    moved = split_by_area(next(listing for listing in offer_listings(venues, ("of-{key}.html", "out/of-{key}.html"))
                               if listing.key == "wifi"))
    assert (moved.areas[0].url, moved.areas[0].save_as) == ("of-wifi/po4/", "out/of-wifi/po4/index.html")


def test_a_large_directory_carries_no_cards_and_reaches_every_place_through_its_area(large_site):
    for prefix in ["", "ar/"]:
        directory = large_site / prefix / "venues" / "index.html"
        html = directory.read_text(encoding="utf-8")
        # No list of every place: the first screen's few (venues.site.first_places) and the results' one <template>.
        assert html.count('class="sos-venue-card"') <= FIRST_PLACES + 1
        first_places = html.split("data-first-places-list", 1)[1]
        assert html.count('class="sos-venue-card"') == first_places.count('class="sos-venue-card"') + 1
        assert "directory.js" not in html
        areas = generated_districts(large_site)
        linked = re.findall(r'href="[^"]*venues/areas/([a-z0-9]+)/"', html)
        assert sorted(linked) == sorted(areas)
        reached = set()
        for key, slugs in areas.items():
            page = large_site / prefix / "venues" / "areas" / key / "index.html"
            assert sorted(listed_slugs(page)) == sorted(slugs), key
            reached |= venue_slugs_linked(page)
        assert len(reached) == LARGE_SITE_VENUES


def test_a_large_offer_listing_links_to_its_places_area_by_area(large_site):
    for kind in ["offers", "languages"]:
        for listing in (large_site / "venues" / kind).iterdir():
            page = listing / "index.html"
            parts = sorted(path for path in listing.iterdir() if path.is_dir())
            cards = listed_slugs(page)
            if parts:
                assert cards == []
                assert "/theme/css/finder.css" in page.read_text(encoding="utf-8")  # the links' list style
                total = sum(len(listed_slugs(part / "index.html")) for part in parts)
                assert total > LARGE_SITE_MAX_CARDS, listing.name
                for part in parts:
                    assert f"venues/{kind}/{listing.name}/{part.name}/" in page.read_text(encoding="utf-8")
            else:
                assert len(cards) <= LARGE_SITE_MAX_CARDS, listing.name
    # Every generated place speaks English: that listing is split, and its parts hold every place once.
    english = large_site / "venues" / "languages" / "en"
    slugs = [slug for part in english.iterdir() if part.is_dir() for slug in listed_slugs(part / "index.html")]
    assert len(slugs) == len(set(slugs)) == LARGE_SITE_VENUES


def test_above_the_card_limit_listings_list_places_as_rows_and_below_it_as_cards(example_site, large_site):
    for prefix in ["", "ar/"]:
        pages = [page for kind in ["offers", "languages", "areas"]
                 for page in (large_site / prefix / "venues" / kind).rglob("index.html")]
        listed = [page for page in pages if listed_slugs(page)]
        assert len(listed) > 10
        for page in listed:
            html = page.read_text(encoding="utf-8")
            assert "sos-venue-card" not in html and "sos-venue-list__item" not in html, page
            assert "open-now.js" not in html, page  # rows have no open-now status, so no script for it
            rows = re.findall(r'<li class="sos-venue-rows__item">(.*?)</li>', html, re.S)
            assert len(rows) == len(listed_slugs(page))
            # Name (a link to the page), the example tag, then street and postcode district, in the reader's page.
            assert re.fullmatch(r'<a class="sos-venue-rows__link" href="[^"]*/venues/benchmark-venue-\d+/">'
                                r'<bdi lang="en" translate="no">Benchmark Venue \d+ \(example\)</bdi></a> '
                                r'<strong class="sos-tag sos-tag--example">[^<]+</strong>'
                                r'<span class="sos-venue-rows__place"><bdi lang="en" translate="no">\d+ Benchmark Road, '
                                r'PO\d+</bdi></span>', rows[0]), rows[0]
    wifi = (example_site / "venues" / "offers" / "wifi" / "index.html").read_text(encoding="utf-8")
    assert "sos-venue-card" in wifi and "sos-venue-rows" not in wifi
