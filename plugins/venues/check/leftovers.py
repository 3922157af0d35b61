"""Refuse values a coordinator forgot to replace: the template's stand-ins and contacts made up for examples."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from ..model import Problem
from ..phones import is_drama_phone, written_phone
from .links import ALLOWED_LINK, description_links
from .load import LoadedFile, load_text
from .schema_messages import field_name, is_required

TEMPLATE_PATH = Path(__file__).resolve().parents[3] / "venues" / "_template.yaml"
# Domains kept for examples (RFC 2606): a real venue never has them.
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")

# Fields whose template value is a stand-in that no real venue shares, with the words for what to write instead.
# Choices (kind, offers...), the town, dates and counts are left out: a real venue may honestly match them.
# The postcode is left out too: the template's is a real Portsmouth postcode that a venue may have.
# So are the opening hours: the template's are common office hours that a real venue may well keep.
# The description texts and the location (both numbers at once) are compared on their own, below.
TEMPLATE_PLACEHOLDERS = {
    ("name",): "name",
    ("address", "street"): "street",
    ("contact", "phone"): "public phone number",
    ("contact", "email"): "public email address",
    ("contact", "website"): "website",
    ("location", "reason"): "reason why the entrance is far from its postcode",
}


def check_leftovers(loaded: LoadedFile) -> list[Problem]:
    """Refuse values left over from venues/_template.yaml or made up for examples, each once."""
    leftovers = _check_template_leftovers(loaded)
    # A value left over from the template is one mistake: say so once, not also that it is made up.
    seen = {(problem.line, problem.column) for problem in leftovers}
    return leftovers + [problem for problem in _check_example_contacts(loaded)
                        if (problem.line, problem.column) not in seen]


@cache
def _template() -> LoadedFile | None:
    """Read venues/_template.yaml, the file coordinators copy, or None when it is not there."""
    try:
        loaded, problems = load_text(TEMPLATE_PATH.read_text(encoding="utf-8"), TEMPLATE_PATH.name, "_template")
    except OSError:
        return None
    return loaded if isinstance(loaded.data, dict) and not problems else None


def _value_at(data: object, path: tuple) -> object:
    """Return the value at a path of field names, or None when a group on the way is missing."""
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _same_text(first: object, second: object) -> bool:
    """Tell whether two texts match, ignoring case and spacing."""
    def tidy(value):
        return " ".join(value.split()).casefold() if isinstance(value, str) else value
    return isinstance(first, str) and tidy(first) == tidy(second)


def _check_template_leftovers(loaded: LoadedFile) -> list[Problem]:
    """Refuse values still as they are in venues/_template.yaml: they would be published as this venue's."""
    template = _template()
    if template is None:
        return []
    data, problems = loaded.data, []
    for path, words in TEMPLATE_PLACEHOLDERS.items():
        value = _value_at(data, path)
        if _same_text(value, _value_at(template.data, path)):
            delete = "" if is_required(path) else ", or delete the line"
            problems.append(Problem(loaded.source, *loaded.where(path),
                                    f'{field_name(path)}: "{value}" is left over from venues/_template.yaml. '
                                    f"Write this venue's own {words}{delete}."))
    example_texts = _value_at(template.data, ("description",))
    example_texts = example_texts.values() if isinstance(example_texts, dict) else [example_texts]
    description = data.get("description")
    for language, value in description.items() if isinstance(description, dict) else [("", description)]:
        if any(_same_text(value, example) for example in example_texts):
            path = ("description", language) if language else ("description",)
            problems.append(Problem(loaded.source, *loaded.where(path),
                                    f"{field_name(path)}: the text is left over from venues/_template.yaml. "
                                    "Write a few sentences about this venue, or delete it."))
    point, example_point = data.get("location"), template.data.get("location")
    if isinstance(point, dict) and isinstance(example_point, dict) and point.get("lat") is not None and all(
            point.get(axis) == example_point.get(axis) for axis in ("lat", "lon")):
        problems.append(Problem(loaded.source, *loaded.where(("location", "lat")),
                                f"location: {point['lat']}, {point['lon']} is the map point from venues/_template.yaml, "
                                "not this venue's. Write the position of the venue's entrance, or delete the lines "
                                "location:, lat: and lon: to let the website find it from the address."))
    return problems


def _example_domain(address: str) -> str | None:
    """Return the example domain an email address or link is on, or None."""
    host = address.rsplit("@", 1)[-1] if "@" in address and "//" not in address else (urlsplit(address).hostname or "")
    host = host.lower().rstrip(".")
    return next((domain for domain in EXAMPLE_DOMAINS if host == domain or host.endswith("." + domain)), None)


def _check_example_contacts(loaded: LoadedFile) -> list[Problem]:
    """Refuse made-up addresses, links and phone numbers on a venue that is not an example."""
    contact = loaded.data.get("contact") if isinstance(loaded.data.get("contact"), dict) else {}
    problems = []
    for key, words in (("email", "public email address"), ("website", "website")):
        value = contact.get(key)
        domain = _example_domain(value) if isinstance(value, str) else None
        if domain:
            problems.append(Problem(loaded.source, *loaded.where(("contact", key)),
                                    f'contact: {key}: "{value}" is a made-up address: {domain} is kept for examples. '
                                    f"Write the venue's own {words}, or delete the line."))
    phone = written_phone(loaded.data)
    if phone and is_drama_phone(phone):
        problems.append(Problem(loaded.source, *loaded.where(("contact", "phone")),
                                f'contact: phone: "{phone}" is a made-up number kept for examples (01632 960...). '
                                "Write the venue's own public phone number, or delete the line."))
    for path, link in description_links(loaded.data):
        domain = _example_domain(link.removeprefix("mailto:"))
        if domain and ALLOWED_LINK.match(link):
            problems.append(Problem(loaded.source, *loaded.where(path),
                                    f'description: the link "{link}" is made up: {domain} is kept for examples. '
                                    "Link to the venue's own page or address, or take the link out."))
    return problems
