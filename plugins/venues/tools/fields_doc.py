"""Write docs/venue-fields.md from the venue schema: python -m venues.tools.fields_doc [--check].

The schema is the one source of truth of venue fields; this page is generated from it, never edited by hand.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..schema import venue_schema

ROOT = Path(__file__).resolve().parents[3]
DOC_PATH = ROOT / "docs" / "venue-fields.md"

FORMAT_WORDS = {
    "date": "a date written YYYY-MM-DD, for example 2026-03-14",
    "email": "an email address",
    "uri": "a web address starting with https:// or http://",
}


def _choices(node: dict) -> list[dict] | None:
    """Return the options of a field that takes one of fixed values, or None."""
    options = node.get("oneOf") or []
    return options if options and all("const" in option for option in options) else None


def _choice_table(options: list[dict]) -> list[str]:
    with_words = any(option.get("description") for option in options)
    lines = ["| Write | Means |" + (" Shown to visitors as |" if with_words else ""),
             "| --- | --- |" + (" --- |" if with_words else "")]
    for option in options:
        row = f"| `{option['const']}` | {option.get('title', '')} |"
        if with_words:
            row += f" {option.get('description', '')} |"
        lines.append(row)
    return lines


def _range(node: dict, unit: str) -> str:
    low, high = node.get(f"min{unit}"), node.get(f"max{unit}")
    if low is not None and high is not None:
        return f"{low} to {high}"
    if low is not None:
        return f"at least {low}"
    return f"at most {high}" if high is not None else ""


def _what(node: dict) -> str:
    """Say in plain words what kind of value a field takes."""
    if _choices(node):
        return "one of the values in the table below"
    kind = node.get("type")
    if kind == "string":
        if node.get("format") in FORMAT_WORDS:
            return FORMAT_WORDS[node["format"]]
        if node.get("pattern"):
            return "text in the form shown in the example above"
        size = _range(node, "Length")
        return f"text ({size} characters)" if size else "text"
    if kind in {"number", "integer"}:
        word = "a whole number" if kind == "integer" else "a number"
        low, high = node.get("minimum"), node.get("maximum")
        return f"{word} from {low} to {high}" if low is not None and high is not None else word
    if kind == "boolean":
        return "`true` or `false`"
    if kind == "object" and isinstance(node.get("additionalProperties"), dict):
        first = (node.get("required") or ["en"])[0]
        return (f"one text per language code, each on its own line indented by two spaces under this one "
                f"(`{first}:` first, then for example `ar:`); `{first}` is required")
    if kind == "object":
        return "a group of fields, each on its own line, indented by two spaces under this one"
    if kind == "array":
        items = node.get("items", {})
        size = "at least one" if node.get("minItems") == 1 else "one or more"
        if _choices(items):
            return f"a list of {size} of the values in the table below, for example `[{_choices(items)[0]['const']}]`"
        return f"a list of texts ({size}), for example `[en, ar]`"
    if "oneOf" in node:
        return "either " + ", or ".join(_what(option) for option in node["oneOf"])
    return "a value"


def _section(name: str, node: dict, required: bool, depth: int, parent: str = "") -> list[str]:
    lines = [f"{'#' * depth} `{name}`", ""]
    description = node.get("description", "")
    need = "**Required.**" if required and not parent else f"**Required in `{parent}`.**" if required else ""
    need = need or ("" if description.startswith("Optional") else "Optional.")
    lines += [f"{need} {description}".strip(), ""]
    lines.append(f"- What to write: {_what(node)}.")
    if "default" in node:
        default = str(node["default"]).lower() if isinstance(node["default"], bool) else node["default"]
        lines.append(f"- If you leave it out: `{default}`.")
    if node.get("contains", {}).get("const"):
        lines.append(f"- The list must include `{node['contains']['const']}`.")
    if node.get("uniqueItems"):
        lines.append("- Write each item once.")
    lines.append("")
    options = _choices(node) or _choices(node.get("items", {}))
    if options:
        lines += [*_choice_table(options), ""]
    for child, child_node in node.get("properties", {}).items():
        lines += _section(f"{name}: {child}", child_node, child in node.get("required", []), depth + 1, name)
    return lines


def render(schema: dict | None = None) -> str:
    """Return the field reference as Markdown."""
    schema = schema or venue_schema()
    required = schema.get("required", [])
    lines = [
        "# Venue fields",
        "",
        "<!-- Generated from plugins/venues/schema.json by `make docs`. Do not edit: change the schema and run make docs. -->",
        "",
        f"{schema['description']}",
        "",
        "Each venue is one file, `venues/<slug>.yaml`. Start from a copy of `venues/_template.yaml`, "
        "and see CONTRIBUTING.md for how to add, change, suspend and renew a venue.",
        "",
        "Never put personal data in a venue file: no volunteer's name, no private phone number or email, "
        "no DBS details. Everything in the file is published.",
        "",
        "## All fields",
        "",
        "| Field | Required | What it is |",
        "| --- | --- | --- |",
    ]
    for name, node in schema["properties"].items():
        lines.append(f"| [`{name}`](#{name}) | {'yes' if name in required else 'no'} | "
                     f"{node.get('description', '')} |")
    lines.append("")
    for name, node in schema["properties"].items():
        lines += _section(name, node, name in required, 2)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the field reference, or with --check fail when the committed one is out of date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if docs/venue-fields.md is out of date")
    parser.add_argument("--output", type=Path, default=DOC_PATH)
    args = parser.parse_args(argv)
    text = render()
    current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    if args.check:
        if current != text:
            print(f"{args.output} is out of date: run make docs and commit it.", file=sys.stderr)
            return 1
        return 0
    if current != text:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
