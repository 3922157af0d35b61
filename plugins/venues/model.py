"""Hold one accredited venue as the rest of the site sees it."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from .urls import url_setting


@dataclass(frozen=True)
class Problem:
    """Describe one thing wrong in one venue file, with where to find it."""

    file: str
    line: int
    column: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Address:
    """Hold a street address; the postcode is normalised (upper case, one space)."""

    street: str
    postcode: str
    town: str = ""

    def one_line(self) -> str:
        return f"{self.street}, {self.town} {self.postcode}" if self.town else f"{self.street}, {self.postcode}"


@dataclass(frozen=True)
class Position:
    """Hold a resolved point and where it came from (file, cache, nominatim, postcode)."""

    lat: float
    lon: float
    source: str


@dataclass(frozen=True)
class Accreditation:
    """Hold the training record of a venue."""

    trained_on: datetime.date
    renew_by: datetime.date
    volunteers_trained: int | None = None
    schemes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Venue:
    """Hold one venue loaded from venues/<slug>.yaml, as its file says; nothing changes it after loading."""

    slug: str
    source: str  # path of the YAML file, as shown in messages (venues/<slug>.yaml)
    name: str
    kind: str
    address: Address
    offers: tuple[str, ...]
    accreditation: Accreditation
    languages: tuple[str, ...] = ("en",)
    opening_hours: str | None = None
    accessibility: tuple[str, ...] = ()
    contact: dict[str, str] = field(default_factory=dict)  # phone, email, website
    description: dict[str, str] = field(default_factory=dict)  # language code -> Markdown
    status: str = "active"
    example: bool = False
    location: Position | None = None  # from the file, if given (source "file")
    location_reason: str | None = None  # why location: may be far from the postcode's centre (location: reason:)
    line: int = 1  # line of the file's first key, for messages about the whole venue
    # (line, column) of each key and value as loaded, by path into the data, e.g. ("address", "postcode"):
    # kept so a message about one field points at its line without reading the file again.
    key_marks: Mapping[tuple, tuple[int, int]] = field(default_factory=dict, repr=False)
    value_marks: Mapping[tuple, tuple[int, int]] = field(default_factory=dict, repr=False)

    @property
    def url(self) -> str:
        """Return the venue page's URL from the language's root by VENUES_URL's default (its VenuePage has the site's)."""
        return url_setting({}, "VENUES", slug=self.slug)[0]

    def key_at(self, *path: str | int) -> tuple[int, int]:
        """Return (line, column) where a key is written, e.g. key_at("location"), or the venue's first line."""
        return self.key_marks.get(path, (self.line, 1))

    def value_at(self, *path: str | int) -> tuple[int, int]:
        """Return (line, column) where a value is written, e.g. value_at("address", "postcode"), or the first line."""
        return self.value_marks.get(path, (self.line, 1))


def venue_from_data(
    data: dict,
    slug: str,
    source: str,
    line: int = 1,
    key_marks: Mapping[tuple, tuple[int, int]] | None = None,
    value_marks: Mapping[tuple, tuple[int, int]] | None = None,
    town: str = "",
) -> Venue:
    """Build a Venue from one file's data, already checked against the schema; town: is the site's city when left out."""
    from .text import normalise_postcode  # local: text imports nothing of ours, but keeps model import-light

    address = data["address"]
    accreditation = data["accreditation"]
    description = data.get("description") or {}
    if isinstance(description, str):
        description = {"en": description}
    location = data.get("location")
    return Venue(
        slug=slug,
        source=source,
        name=" ".join(data["name"].split()),
        kind=data["kind"],
        address=Address(
            street=" ".join(address["street"].split()),
            postcode=normalise_postcode(address["postcode"]),
            town=" ".join(address.get("town", town).split()),
        ),
        offers=tuple(data["offers"]),
        accreditation=Accreditation(
            trained_on=datetime.date.fromisoformat(accreditation["trained_on"]),
            renew_by=datetime.date.fromisoformat(accreditation["renew_by"]),
            volunteers_trained=accreditation.get("volunteers_trained"),
            schemes=tuple(accreditation.get("schemes", ())),
        ),
        languages=tuple(data["languages"]),
        opening_hours=data.get("opening_hours"),
        accessibility=tuple(data.get("accessibility", ())),
        contact=dict(data.get("contact", {})),
        description=dict(description),
        status=data.get("status", "active"),
        example=bool(data.get("example", False)),
        location=Position(float(location["lat"]), float(location["lon"]), "file") if location else None,
        location_reason=" ".join(location["reason"].split()) if location and location.get("reason") else None,
        line=line,
        key_marks=dict(key_marks or {}),
        value_marks=dict(value_marks or {}),
    )
