"""translations.extract: the schema's choice titles and descriptions are extracted once each, with where they are."""

from __future__ import annotations

import io
import json

from translations.extract import extract_schema

from tests.conftest import ROOT


def test_each_choice_gives_its_title_and_description_once():
    schema = {"properties": {"offers": {"items": {"oneOf": [
        {"const": "wifi", "title": "Wi-Fi", "description": "Free internet"},
        {"const": "food", "title": "Food"},
    ]}}, "kind": {"oneOf": [{"const": "cafe", "title": "Food"}]}}}
    found = list(extract_schema(io.BytesIO(json.dumps(schema).encode()), [], [], {}))
    assert [(funcname, message) for _line, funcname, message, _comments in found] == [
        ("gettext", "Wi-Fi"), ("gettext", "Free internet"), ("gettext", "Food")]
    assert found[0][3] == ["title of the choice 'wifi' (offers)"]


def test_the_real_schema_gives_every_offer_title():
    from venues import schema

    with (ROOT / "plugins" / "venues" / "schema.json").open("rb") as source:
        messages = {message for _line, _funcname, message, _comments in extract_schema(source, [], [], {})}
    assert {choice.title for choice in schema.offers().values()} <= messages
