"""Write one page per offer and per language spoken, so the directory can be filtered without JavaScript."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import schema
from .model import Venue

OFFER_SAVE_AS = "venues/offers/{key}/index.html"
LANGUAGE_SAVE_AS = "venues/languages/{key}/index.html"


@dataclass(frozen=True)
class Listing:
    """The venues that share one offer or one language, and where their page is written."""

    kind: str  # "offer" or "language"
    key: str  # the offer's key or the language's code
    save_as: str
    venues: list[Venue] = field(default_factory=list)

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


def write_listings(generator, writer) -> None:
    """Put the listings in the context (the directory links to them) and write their pages."""
    settings = generator.settings
    venues = generator.context.get("venues", [])
    offers = offer_listings(venues, settings.get("VENUES_OFFER_SAVE_AS", OFFER_SAVE_AS))
    languages = language_listings(venues, settings.get("VENUES_LANGUAGE_SAVE_AS", LANGUAGE_SAVE_AS))
    generator.context.update(offer_listings=offers, language_listings=languages)
    template = generator.get_template("listing")
    for listing in offers + languages:
        writer.write_file(
            listing.save_as,
            template,
            generator.context,
            relative_urls=settings.get("RELATIVE_URLS", False),
            listing=listing,
            page_name=listing.save_as.removesuffix(".html"),
        )
