"""Check venue data against the schema and the rules between fields and files."""

from __future__ import annotations

import datetime
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import jsonschema
import opening_hours

from . import text
from .hours_hints import hours_message
from .language_codes import check_language_codes
from .links import ALLOWED_LINK, description_links
from .load import LoadedFile, load_text
from .model import Problem
from .schema import venue_schema
from .schema_messages import field_name, is_required, schema_messages

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TEMPLATE_PATH = Path(__file__).resolve().parents[2] / "venues" / "_template.yaml"
# Domains kept for examples (RFC 2606): a real venue never has them.
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")
# Ofcom keeps 01632 960000 to 01632 960999 for drama: numbers that can never ring anyone.
DRAMA_PHONE = re.compile(r"^01632960\d{3}$")

# Fields whose template value is a stand-in that no real venue shares, with the words for what to write instead.
# Choices (kind, offers...), the town, dates and counts are left out: a real venue may honestly match them.
# The postcode is left out too: the template's is a real Portsmouth postcode that a venue may have.
# The description texts and the location (both numbers at once) are compared on their own, below.
TEMPLATE_PLACEHOLDERS = {
    ("name",): "name",
    ("address", "street"): "street",
    ("opening_hours",): "opening hours",
    ("contact", "phone"): "public phone number",
    ("contact", "email"): "public email address",
    ("contact", "website"): "website",
}


def _validator():
    return jsonschema.Draft202012Validator(venue_schema(), format_checker=jsonschema.FormatChecker())


def check_schema(loaded: LoadedFile) -> list[Problem]:
    """Return every schema problem of one loaded file, each at its line."""
    problems = []
    if not isinstance(loaded.data, dict):
        return [Problem(loaded.source, *loaded.where(()), "the file must be a group of fields such as name:, kind:, "
                                                          "address:. Copy venues/_template.yaml and fill it in.")]
    for error in _validator().iter_errors(loaded.data):
        for path, at_key, message in schema_messages(error, loaded):
            problems.append(Problem(loaded.source, *loaded.where(path, key=at_key), message))
    return problems


def check_rules(loaded: LoadedFile, today: datetime.date | None = None) -> list[Problem]:
    """Return problems the schema cannot see: file name, dates, codes, opening hours, links, left-over values."""
    data, source = loaded.data, loaded.source
    today = today or datetime.datetime.now(ZoneInfo("Europe/London")).date()
    problems = _check_file_name(loaded)
    problems += _check_dates(loaded, today)
    problems += check_language_codes(loaded)
    problems += _check_postcode(loaded)
    hours = data.get("opening_hours")
    if isinstance(hours, str) and not opening_hours.validate(hours):
        problems.append(Problem(source, *loaded.where(("opening_hours",)), hours_message(hours)))
    for path, link in description_links(data):
        if not ALLOWED_LINK.match(link):
            problems.append(Problem(source, *loaded.where(path),
                                    f'description: the link "{link}" is not allowed. Links must start with '
                                    "https://, http://, tel: or mailto:."))
    if data.get("example") is not True:
        leftovers = _check_template_leftovers(loaded)
        # A value left over from the template is one mistake: say so once, not also that it is made up.
        seen = {(problem.line, problem.column) for problem in leftovers}
        problems += leftovers + [problem for problem in _check_example_contacts(loaded)
                                 if (problem.line, problem.column) not in seen]
    return problems


def _check_file_name(loaded: LoadedFile) -> list[Problem]:
    name = Path(loaded.source).name
    if not name.endswith(".yaml"):
        # Check the ending first: in "x.yaml.txt" the part before the ending is "x.yaml", not a name to judge.
        stem = name
        while Path(stem).suffix.lower() in {".txt", ".yml", ".yaml"}:
            stem = stem[: -len(Path(stem).suffix)]
        example = f"{stem}.yaml" if SLUG.match(stem) else "central-library.yaml"
        return [Problem(loaded.source, 1, 1, f'venue files must end in .yaml: rename the file, for example "{example}".')]
    if not SLUG.match(loaded.slug):
        return [Problem(loaded.source, 1, 1, f'the file name "{loaded.slug}" must use only small letters, numbers '
                                             'and dashes, for example "central-library.yaml".')]
    return []


def _check_postcode(loaded: LoadedFile) -> list[Problem]:
    """Refuse "P01 2AB": the pattern allows a P0 district, but Portsmouth's postcodes start with the letters PO."""
    address = loaded.data.get("address") if isinstance(loaded.data.get("address"), dict) else {}
    postcode = address.get("postcode")
    compact = "".join(postcode.split()).upper() if isinstance(postcode, str) else ""
    if not (compact.startswith("P0") and len(compact) >= 5):
        return []
    return [Problem(loaded.source, *loaded.where(("address", "postcode")),
                    f'address: postcode: "{postcode}" starts with P and zero: the second character is the letter O, '
                    f'not zero: {text.normalise_postcode("PO" + compact[2:])}.')]


def _check_dates(loaded: LoadedFile, today: datetime.date) -> list[Problem]:
    data = loaded.data
    accreditation = data.get("accreditation") if isinstance(data.get("accreditation"), dict) else {}
    trained, renew = (_date(accreditation.get(key)) for key in ("trained_on", "renew_by"))
    problems = []
    if trained and trained > today:
        problems.append(Problem(loaded.source, *loaded.where(("accreditation", "trained_on")),
                                f"accreditation: trained_on ({trained}) is in the future: write the day the "
                                "training took place, as YYYY-MM-DD. Add a venue only once its training is done."))
    if trained and renew and renew <= trained:
        problems.append(Problem(loaded.source, *loaded.where(("accreditation", "renew_by")),
                                f"accreditation: renew_by ({renew}) must be after trained_on ({trained}). "
                                "Check both dates."))
    return problems


def _date(value: object) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


@cache
def _template() -> LoadedFile | None:
    """Read venues/_template.yaml, the file coordinators copy, or None when it is not there."""
    try:
        loaded, problems = load_text(TEMPLATE_PATH.read_text(encoding="utf-8"), TEMPLATE_PATH.name, "_template")
    except OSError:
        return None
    return loaded if isinstance(loaded.data, dict) and not problems else None


def _value_at(data: object, path: tuple) -> object:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _same_text(first: object, second: object) -> bool:
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
    phone = contact.get("phone")
    digits = re.sub(r"^\+44", "0", "".join(phone.split())) if isinstance(phone, str) else ""
    if DRAMA_PHONE.match(digits):
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


def check_duplicates(files: list[LoadedFile]) -> list[Problem]:
    """Return a problem for each venue that repeats another file's name and postcode."""
    seen: dict[tuple[str, str], LoadedFile] = {}
    problems = []
    for loaded in files:
        data = loaded.data if isinstance(loaded.data, dict) else {}
        address = data.get("address") if isinstance(data.get("address"), dict) else {}
        name, postcode = data.get("name"), address.get("postcode")
        if not isinstance(name, str) or not isinstance(postcode, str):
            continue
        key = (" ".join(name.casefold().split()), text.normalise_postcode(postcode))
        if key in seen:
            problems.append(Problem(loaded.source, *loaded.where(("name",)),
                                    f'the same venue ("{name}", {key[1]}) is already in {seen[key].source}. '
                                    "Keep one file per venue: update that file instead, or delete this one."))
        else:
            seen[key] = loaded
    return problems
