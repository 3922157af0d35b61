"""Write small, valid venue files for the coordination tests."""

from __future__ import annotations

from pathlib import Path

VENUE = """\
name: {name}
kind: library
address:
  street: {street}
  postcode: {postcode}
offers: [safe-space]
languages: [{languages}]
accreditation:
  trained_on: 2025-01-10
  renew_by: {renew_by}
  volunteers_trained: {volunteers}
status: {status}
"""


def write_venue(folder: Path, slug: str, *, name: str | None = None, street: str = "1 Guildhall Square",
                postcode: str = "PO1 2AB", renew_by: str = "2027-01-10", status: str = "active",
                languages: str = "en", volunteers: int = 3, location: tuple[float, float] | None = None) -> Path:
    """Write one valid venue file; return its path."""
    text = VENUE.format(name=name or slug.replace("-", " ").title(), street=street, postcode=postcode,
                        renew_by=renew_by, status=status, languages=languages, volunteers=volunteers)
    if location:
        text += f"location:\n  lat: {location[0]}\n  lon: {location[1]}\n"
    path = folder / f"{slug}.yaml"
    path.write_text(text, encoding="utf-8")
    return path
