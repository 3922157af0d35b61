"""venues.tools.fields_doc: docs/venue-fields.md is made from the schema, and `make docs --check` notices a stale copy."""

from __future__ import annotations

import subprocess
import sys

from venues.tools.fields_doc import DOC_PATH, render

from tests.conftest import ROOT
from venues import schema


def test_field_reference_is_current():
    assert DOC_PATH.read_text(encoding="utf-8") == render(), "docs/venue-fields.md is out of date: run make docs"


def test_field_reference_check_fails_when_out_of_date(tmp_path):
    stale = tmp_path / "venue-fields.md"
    stale.write_text(render().replace("Central Library", "Somewhere Else"), encoding="utf-8")
    command = [sys.executable, "-m", "venues.tools.fields_doc", "--check", "--output", str(stale)]
    result = subprocess.run(command, cwd=ROOT, env={"PYTHONPATH": str(ROOT / "plugins")}, capture_output=True, text=True)
    assert result.returncode == 1
    assert "out of date: run make docs" in result.stderr


def test_field_reference_names_every_field_and_choice():
    text = render()

    def walk(node, prefix=""):
        for name, child in node.get("properties", {}).items():
            yield f"{prefix}{name}", child
            yield from walk(child, f"{prefix}{name}: ")

    for name, node in walk(schema.venue_schema()):
        assert f"`{name}`" in text
        assert node["description"] in text
    for choices in (schema.kinds(), schema.offers(), schema.accessibility_features(), schema.schemes()):
        for key, choice in choices.items():
            assert f"| `{key}` | {choice.title} |" in text
