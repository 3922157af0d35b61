"""Write one page per offer, language spoken and postcode district, so the directory works without JavaScript.

Above VENUES_DIRECTORY_MAX_CARDS places, no page carries every card: the directory links to the areas, and each
offer or language page links to that offer's or language's places area by area.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .. import schema
from ..model import Venue
from ..urls import url_setting

# An offer's or a language's places in one area: the listing's own folder, then the area's.
AREA_PART = ("{folder}{key}/", "{folder}{key}/index.html")
DIRECTORY_MAX_CARDS = 60  # up to this many places, one page carries every card (quickest for a small network)


@dataclass(frozen=True)
class Listing:
    """The venues that share one offer, one language or one postcode district, and where their page is."""

    kind: str  # "offer", "language" or "area"
    key: str  # the offer's key, the language's code or the postcode district (lower case, "po4")
    save_as: str
    venues: list[Venue] = field(default_factory=list)
    # When the listing is too long for one page: the same places, one listing per area (each of kind "area").
    areas: list[Listing] = field(default_factory=list)
    within: Listing | None = None  # the offer or language listing this area's part belongs to
    # From the language's root, by VENUES_OFFER_URL, VENUES_LANGUAGE_URL or VENUES_AREA_URL (listing_at fills it);
    # left empty, the page's folder.
    url: str = ""

    def __post_init__(self):
        if not self.url:
            object.__setattr__(self, "url", self.save_as.removesuffix("index.html"))


def listing_at(kind: str, key: str, pair: tuple[str, str], venues: list[Venue], within: Listing | None = None) -> Listing:
    """Make a listing whose URL and save path are its kind's pair of templates, filled with its key."""
    return Listing(kind, key, pair[1].format(key=key), venues, within=within, url=pair[0].format(key=key))


def kind_pair(settings, kind: str) -> tuple[str, str]:
    """Return the (URL, save path) templates of a listing kind ("VENUES_OFFER"), {key} still to fill."""
    return url_setting(settings, kind, key="{key}")


def offer_listings(venues: list[Venue], pair: tuple[str, str] | None = None) -> list[Listing]:
    """Return a listing for every offer of the schema, in its order, even one no venue makes yet."""
    # Every offer gets a page, so a shared link keeps working when the last venue with it leaves.
    pair = pair or kind_pair({}, "VENUES_OFFER")
    return [listing_at("offer", key, pair, [venue for venue in venues if key in venue.offers])
            for key in schema.offers()]


def language_listings(venues: list[Venue], pair: tuple[str, str] | None = None) -> list[Listing]:
    """Return a listing for every language that staff speak at one venue or more, by language code."""
    pair = pair or kind_pair({}, "VENUES_LANGUAGE")
    codes = sorted({code for venue in venues for code in venue.languages})
    return [listing_at("language", code, pair, [venue for venue in venues if code in venue.languages])
            for code in codes]


def district(venue: Venue) -> str:
    """Return the postcode district of a venue, lower case, as in its area page's address ("po4")."""
    return venue.address.postcode.split(" ", 1)[0].lower()


def area_listings(venues: list[Venue], pair: tuple[str, str] | None = None,
                  within: Listing | None = None) -> list[Listing]:
    """Return a listing for every postcode district with places, in district order (PO1, PO2, ... PO10)."""
    pair = pair or kind_pair({}, "VENUES_AREA")
    areas: dict[str, list[Venue]] = {}
    for venue in venues:
        areas.setdefault(district(venue), []).append(venue)
    # Natural order: "po10" after "po9", as a reader scanning for their district expects.
    order = sorted(areas, key=lambda key: [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", key)])
    return [listing_at("area", key, pair, areas[key], within=within) for key in order]


def folder_of(path: str) -> str:
    """Return the folder a page's parts go in: "offers/wifi/" for offers/wifi/ or its index.html, or offers/wifi.html."""
    path = path.removesuffix("index.html")
    return path if path.endswith("/") else path.removesuffix(".html") + "/"


def split_by_area(listing: Listing) -> Listing:
    """Return the listing with its places split into one part per area, each under the listing's own folder."""
    pair = (AREA_PART[0].replace("{folder}", folder_of(listing.url)),
            AREA_PART[1].replace("{folder}", folder_of(listing.save_as)))
    return replace(listing, areas=area_listings(listing.venues, pair, within=listing))


def write_listings(generator, writer) -> None:
    """Put the listings in the context (the directory links to them) and write their pages."""
    settings = generator.settings
    venues = generator.context.get("venues", [])
    offers = offer_listings(venues, kind_pair(settings, "VENUES_OFFER"))
    languages = language_listings(venues, kind_pair(settings, "VENUES_LANGUAGE"))
    areas = area_listings(venues, kind_pair(settings, "VENUES_AREA"))
    max_cards = settings.get("VENUES_DIRECTORY_MAX_CARDS", DIRECTORY_MAX_CARDS)
    split = len(venues) > max_cards
    if split:
        offers = [split_by_area(listing) if len(listing.venues) > max_cards else listing for listing in offers]
        languages = [split_by_area(listing) if len(listing.venues) > max_cards else listing for listing in languages]
    generator.context.update(offer_listings=offers, language_listings=languages, area_listings=areas,
                             directory_split=split)
    template = generator.get_template("listing")
    parts = [part for whole in offers + languages for part in whole.areas]
    for listing in offers + languages + areas + parts:
        writer.write_file(
            listing.save_as,
            template,
            generator.context,
            relative_urls=settings.get("RELATIVE_URLS", False),
            listing=listing,
            page_name=listing.save_as.removesuffix(".html"),
        )
