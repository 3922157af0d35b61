"""Write one page per offer, language spoken and postcode district, so the directory works without JavaScript.

Above VENUES_DIRECTORY_MAX_CARDS places, no page carries every card: the directory links to the areas, and each
offer or language page links to that offer's or language's places area by area.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .. import schema
from ..model import Venue

OFFER_SAVE_AS = "venues/offers/{key}/index.html"
LANGUAGE_SAVE_AS = "venues/languages/{key}/index.html"
AREA_SAVE_AS = "venues/areas/{key}/index.html"
# An offer's or a language's places in one area: the listing's own folder, then the area's.
AREA_PART_SAVE_AS = "{folder}{key}/index.html"
DIRECTORY_MAX_CARDS = 60  # up to this many places, one page carries every card (quickest for a small network)


@dataclass(frozen=True)
class Listing:
    """The venues that share one offer or one language, and where their page is written."""

    kind: str  # "offer", "language" or "area"
    key: str  # the offer's key, the language's code or the postcode district (lower case, "po4")
    save_as: str
    venues: list[Venue] = field(default_factory=list)
    # When the listing is too long for one page: the same places, one listing per area (each of kind "area").
    areas: list[Listing] = field(default_factory=list)
    within: Listing | None = None  # the offer or language listing this area's part belongs to

    @property
    def url(self) -> str:
        return self.save_as.removesuffix("index.html")


def offer_listings(venues: list[Venue], save_as: str = OFFER_SAVE_AS) -> list[Listing]:
    """Return a listing for every offer of the schema, in its order, even one no venue makes yet."""
    # Every offer gets a page, so a shared link keeps working when the last venue with it leaves.
    return [Listing("offer", key, save_as.format(key=key), [venue for venue in venues if key in venue.offers])
            for key in schema.offers()]


def language_listings(venues: list[Venue], save_as: str = LANGUAGE_SAVE_AS) -> list[Listing]:
    """Return a listing for every language that staff speak at one venue or more, by language code."""
    codes = sorted({code for venue in venues for code in venue.languages})
    return [Listing("language", code, save_as.format(key=code),
                    [venue for venue in venues if code in venue.languages]) for code in codes]


def district(venue: Venue) -> str:
    """Return the postcode district of a venue, lower case, as in its area page's address ("po4")."""
    return venue.address.postcode.split(" ", 1)[0].lower()


def area_listings(venues: list[Venue], save_as: str = AREA_SAVE_AS, within: Listing | None = None) -> list[Listing]:
    """Return a listing for every postcode district with places, in district order (PO1, PO2, ... PO10)."""
    areas: dict[str, list[Venue]] = {}
    for venue in venues:
        areas.setdefault(district(venue), []).append(venue)
    # Natural order: "po10" after "po9", as a reader scanning for their district expects.
    order = sorted(areas, key=lambda key: [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", key)])
    return [Listing("area", key, save_as.format(key=key), areas[key], within=within) for key in order]


def split_by_area(listing: Listing) -> Listing:
    """Return the listing with its places split into one part per area, each saved under the listing's folder."""
    folder = listing.save_as.removesuffix("index.html")
    parts = area_listings(listing.venues, AREA_PART_SAVE_AS.replace("{folder}", folder), within=listing)
    return replace(listing, areas=parts)


def write_listings(generator, writer) -> None:
    """Put the listings in the context (the directory links to them) and write their pages."""
    settings = generator.settings
    venues = generator.context.get("venues", [])
    offers = offer_listings(venues, settings.get("VENUES_OFFER_SAVE_AS", OFFER_SAVE_AS))
    languages = language_listings(venues, settings.get("VENUES_LANGUAGE_SAVE_AS", LANGUAGE_SAVE_AS))
    areas = area_listings(venues, settings.get("VENUES_AREA_SAVE_AS", AREA_SAVE_AS))
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
