"""Write the shown venues as one CSV table with stable, documented columns."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..model import Venue

LIST_SEPARATOR = ";"
# A cell a spreadsheet would read as a formula (OWASP's "CSV injection"): =, +, -, @, tab or carriage return
# first. Coordinators' free text is written with a ' before it, which spreadsheets show as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FREE_TEXT = ("name", "street", "town")

# The columns, in order: the venue schema's fields flattened (docs: content/pages/open-data.md). Add new
# columns at the end only, so that a partner's import keeps working.
FIXED_COLUMNS = (
    "slug", "url", "name", "kind", "street", "town", "postcode", "latitude", "longitude", "position_source",
    "offers", "languages", "opening_hours", "accessibility", "phone", "email", "website",
    "trained_on", "renew_by", "volunteers_trained", "schemes", "example",
)


def columns(description_languages: Sequence[str]) -> list[str]:
    """Return every column: the fixed ones, then one description column per language of the site."""
    return [*FIXED_COLUMNS, *(f"description_{code}" for code in description_languages)]


def venue_row(venue: Venue, site_url: str, description_languages: Sequence[str]) -> dict[str, str]:
    """Flatten one venue into text cells; lists are joined with a semicolon."""
    prefix = f"{site_url.rstrip('/')}/" if site_url else ""
    accreditation = venue.accreditation
    position = venue.position
    row = {
        "slug": venue.slug,
        "url": f"{prefix}{venue.url}",
        "name": venue.name,
        "kind": venue.kind,
        "street": venue.address.street,
        "town": venue.address.town,
        "postcode": venue.address.postcode,
        "latitude": f"{position.lat:.6f}" if position else "",
        "longitude": f"{position.lon:.6f}" if position else "",
        "position_source": position.source if position else "",
        "offers": LIST_SEPARATOR.join(venue.offers),
        "languages": LIST_SEPARATOR.join(venue.languages),
        "opening_hours": venue.opening_hours or "",
        "accessibility": LIST_SEPARATOR.join(venue.accessibility),
        "phone": venue.contact.get("phone", ""),
        "email": venue.contact.get("email", ""),
        "website": venue.contact.get("website", ""),
        "trained_on": accreditation.trained_on.isoformat(),
        "renew_by": accreditation.renew_by.isoformat(),
        "volunteers_trained": "" if accreditation.volunteers_trained is None else str(accreditation.volunteers_trained),
        "schemes": LIST_SEPARATOR.join(accreditation.schemes),
        "example": "true" if venue.example else "false",
    }
    for code in description_languages:
        row[f"description_{code}"] = venue.description.get(code, "")
    for column in (*FREE_TEXT, *(f"description_{code}" for code in description_languages)):
        row[column] = as_text(row[column])
    return row


def as_text(cell: str) -> str:
    """Return a free-text cell so that no spreadsheet runs it as a formula."""
    return f"'{cell}" if cell.startswith(FORMULA_START) else cell


def venues_csv(venues: Sequence[Venue], site_url: str = "", description_languages: Sequence[str] = ("en",)) -> str:
    """Return the CSV text (RFC 4180: a header row, CRLF line ends) of the venues, in the order given."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns(description_languages), lineterminator="\r\n")
    writer.writeheader()
    for venue in venues:
        writer.writerow(venue_row(venue, site_url, description_languages))
    return buffer.getvalue()
