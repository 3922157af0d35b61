"""Publish the venue schema as this site's own: its address, its city as the town a file may leave out, its schemes."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

from .. import schema
from ..city import city_of
from ..config import setting
from .postcode_files import load_centroids

SAVE_AS = "schema/venue.schema.json"


def site_schema(settings: dict) -> dict:
    """Return schema.json with this site's $id (VENUES_PUBLIC_SITEURL) and town (VENUES_CITY) filled in."""
    published = copy.deepcopy(schema.venue_schema())  # the schema is cached for every check: never change it
    site_url = (setting(settings, "VENUES_PUBLIC_SITEURL") or settings.get("SITEURL") or "").rstrip("/")
    if site_url:
        published["$id"] = f"{site_url}/{settings.get('VENUES_SCHEMA_SAVE_AS', SAVE_AS)}"
    city = city_of(settings)
    address = published["properties"]["address"]["properties"]
    if city.name:
        town = {key: value for key, value in address["town"].items() if key != "description"}
        address["town"] = {**town, "default": city.name, "description": f"Town or city. Leave it out for {city.name}."}
    # The schema's example postcode is Portsmouth's: another city's editors see one of their own.
    extract = settings.get("GEOCODING_POSTCODES_PATH")
    postcodes = load_centroids(Path(extract)) if extract else {}
    written = re.search(r'"([A-Z0-9]+) [0-9][A-Z]{2}"', address["postcode"]["description"])
    if postcodes and written and not any(postcode.startswith(written.group(1) + " ") for postcode in postcodes):
        address["postcode"]["description"] = f'A full UK postcode, for example "{next(iter(postcodes))}".'
    schemes = published["properties"]["accreditation"]["properties"]["schemes"]
    choices = city.scheme_choices()
    schemes["items"]["oneOf"] = [item for item in schemes["items"]["oneOf"] if item["const"] in choices]
    schemes["maxItems"] = len(choices)
    schemes["description"] = "Schemes the venue belongs to: " + ", ".join(
        f"{key} ({choice.title})" for key, choice in choices.items()) + "."
    return published


def write_schema(generator) -> None:
    """Write the site's schema where editors' YAML tools find it (the $schema line of venues/_template.yaml)."""
    path = Path(generator.output_path) / generator.settings.get("VENUES_SCHEMA_SAVE_AS", SAVE_AS)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(site_schema(generator.settings), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
