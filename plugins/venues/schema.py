"""Read the venue JSON Schema: the one source of truth for fields and their choices."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SCHEMA_PATH = Path(__file__).with_name("schema.json")


@dataclass(frozen=True)
class Choice:
    """One allowed value of a field, with its words and icon."""

    key: str
    title: str
    description: str = ""
    icon: str = ""


@cache
def venue_schema() -> dict:
    """Return the venue schema as a dict."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _choices(subschema: dict) -> dict[str, Choice]:
    return {
        option["const"]: Choice(option["const"], option["title"], option.get("description", ""), option.get("x-icon", ""))
        for option in subschema["oneOf"]
    }


@cache
def offers() -> dict[str, Choice]:
    """Return the offers a venue can make, in the schema's order."""
    return _choices(venue_schema()["properties"]["offers"]["items"])


@cache
def kinds() -> dict[str, Choice]:
    """Return the kinds of venue."""
    return _choices(venue_schema()["properties"]["kind"])


@cache
def accessibility_features() -> dict[str, Choice]:
    """Return the accessibility features a venue can have."""
    return _choices(venue_schema()["properties"]["accessibility"]["items"])


@cache
def schemes() -> dict[str, Choice]:
    """Return the accreditation schemes."""
    return _choices(venue_schema()["properties"]["accreditation"]["properties"]["schemes"]["items"])


def subschema_at(path: tuple) -> dict:
    """Return the schema of the value at a data path, or {} when there is none."""
    node = venue_schema()
    for part in path:
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(part, {})
    return node
