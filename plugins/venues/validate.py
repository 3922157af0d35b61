"""Check venue data against the schema and the rules between fields and files."""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import jsonschema
import opening_hours

from . import text
from .hours_hints import hours_message
from .language_codes import LANGUAGE_HINT, check_language_codes, suggested_code
from .load import LoadedFile, load_text
from .model import Problem
from .schema import subschema_at, venue_schema

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The link types a description may hold: the same list the sanitiser keeps (text.ALLOWED_SCHEMES).
ALLOWED_LINK = re.compile(rf"^({'|'.join(sorted(text.ALLOWED_SCHEMES))}):", re.IGNORECASE)
TEMPLATE_PATH = Path(__file__).resolve().parents[2] / "venues" / "_template.yaml"
# Domains kept for examples (RFC 2606): a real venue never has them.
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")
# Ofcom keeps 01632 960000 to 01632 960999 for drama: numbers that can never ring anyone.
DRAMA_PHONE = re.compile(r"^01632960\d{3}$")

TYPE_WORDS = {
    "string": "a text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list (lines starting with - )",
    "object": "a group of fields (indented lines of the form field: value)",
    "boolean": "true or false",
}

# The example phone numbers are Ofcom's drama numbers (01632 960000 to 01632 960999), never a real line.
PATTERN_HINTS = {
    "postcode": 'is not a valid UK postcode. Write the full postcode, for example "PO1 2AB".',
    "phone": 'is not a phone number. Write digits and spaces only, for example "01632 960 123" or "+44 1632 960 123".',
    "email": 'is not an email address. Write it like "hello@example.org".',
    "website": 'is not a web address. Write the full address starting with https://, for example "https://example.org".',
    "languages": LANGUAGE_HINT,
}

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

YAML_BOOLEANS = {"yes", "no", "true", "false", "on", "off"}


def _validator():
    return jsonschema.Draft202012Validator(venue_schema(), format_checker=jsonschema.FormatChecker())


def field_name(path: Iterable) -> str:
    """Name a place in the data the way a coordinator reads the file, e.g. "address: postcode"."""
    words = []
    for part in path:
        if isinstance(part, int):
            words[-1] = f"{words[-1]} (item {part + 1})" if words else f"item {part + 1}"
        else:
            words.append(str(part))
    return ": ".join(words) or "the file"


def _key(path: Iterable) -> str:
    """Return the field name written before the colon for a value, e.g. "postcode"."""
    return next((str(part) for part in reversed(tuple(path)) if isinstance(part, str)), "")


def _closest(word: object, options: Iterable[str]) -> str:
    matches = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return f' Did you mean "{matches[0]}"?' if matches else ""


def _choices(subschema: dict) -> list[str]:
    return [option["const"] for option in subschema.get("oneOf", []) if "const" in option]


def _typed(loaded: LoadedFile, path: tuple, value: object) -> str | None:
    """Return the text the coordinator typed for a single value (yes, not True), or None for a list or group."""
    typed = loaded.scalar_text.get(tuple(path))
    if typed is not None or isinstance(value, list | dict):
        return typed
    return value if isinstance(value, str) else str(value)


def _in_quotes(path: tuple, typed: str) -> str:
    """Write a value the way to type it as a text: phone: "023 7123 4567", or "no" for a list item."""
    quoted = '"' + typed.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{path[-1]}: {quoted}" if path and isinstance(path[-1], str) else quoted


def _spaced_phone(digits: str) -> str:
    """Group an 11-digit UK number the usual way: 023 7123 4567, 0161 496 0123, 07700 900123, 01632 960123."""
    if not re.fullmatch(r"0\d{10}", digits):
        return digits
    if digits.startswith("02"):
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if digits.startswith(("011", "03", "08", "09")) or (digits.startswith("01") and digits[3] == "1"):
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    return f"{digits[:5]} {digits[5:]}"


def _is_required(path: tuple) -> bool:
    return bool(path) and isinstance(path[-1], str) and path[-1] in subschema_at(path[:-1]).get("required", [])


def _empty_message(path: tuple) -> str:
    """Explain a field written with nothing after its colon."""
    name, key = field_name(path), _key(path)
    if isinstance(path[-1], int):
        return f'{name} is empty: write a value after the "-", or delete that line.'
    required = _is_required(path)
    if subschema_at(path).get("type") == "object":
        fix = f'write its fields on the lines under "{key}:", each indented by two spaces'
        return f"{name} is empty: {fix}." if required else f'{name} is empty: {fix}, or delete the line "{key}:".'
    if subschema_at(path).get("type") == "array":
        first = (_choices(subschema_at(path).get("items", {})) or ["en"])[0]
        fix = f'write the items in square brackets after "{key}:", for example {key}: [{first}]'
        return f"{name} is empty: {fix}." if required else f"{name} is empty: {fix}, or delete the line."
    if required:
        return f'{name} is empty: write a value after "{key}:". {subschema_at(path).get("description", "")}'.strip()
    return f'{name} is empty: write a value after "{key}:", or delete the line.'


def _wrong_type_message(loaded: LoadedFile, path: tuple, wanted: str, value: object) -> str:
    """Explain a value of the wrong kind by what the coordinator typed, with the fix written out."""
    name, key = field_name(path), _key(path)
    typed = _typed(loaded, path, value)
    description = subschema_at(path).get("description", "")
    if isinstance(value, bool) and wanted == "string":
        return f"{name}: {typed} was read as true or false, not as a text: put it in quotes, {_in_quotes(path, typed)}."
    if isinstance(value, int | float) and not isinstance(value, bool) and wanted == "string":
        # A number loses what only a text keeps: 0237... even turns into another number (YAML reads it as octal).
        lost = {"0": ", so its leading 0 is lost", "+": ", so its + is lost"}.get(typed[:1], "")
        fixed = _spaced_phone(typed) if key == "phone" else typed
        return f"{name}: {typed} was read as a number{lost}: put it in quotes, {_in_quotes(path, fixed)}."
    if isinstance(value, str) and wanted in {"integer", "number"}:
        number = value.strip().replace(",", ".") if wanted == "number" else value.strip()
        if re.fullmatch(r"[-+]?\d+" if wanted == "integer" else r"[-+]?\d+(\.\d+)?", number):
            if "," in value:
                return f'{name}: "{value}" has a comma: write the number with a dot, {key}: {number}.'
            return f'{name}: "{value}" is in quotes, so it is read as a text. Remove the quotes: {key}: {number}.'
        return f'{name}: "{value}" is not a number. {description}'.strip()
    if isinstance(value, str) and wanted == "boolean":
        if value.strip().lower() in YAML_BOOLEANS:
            return f'{name}: "{value}" is in quotes. Write {key}: true or {key}: false, without quotes.'
        return f'{name}: "{value}" must be true or false. Write {key}: true or {key}: false.'
    if isinstance(value, str) and wanted == "array":
        if value.lstrip().startswith("-"):  # "-en" lines: a dash needs a space after it to start a list item
            items = ", ".join(item.strip() for item in value.split("-") if item.strip())
            return (f'{name}: "{value}" is not a list: each "-" needs a space after it. Or put the items in '
                    f"square brackets, separated by commas: {key}: [{items}].")
        items = ", ".join(item.strip() for item in value.strip("[]").split(",") if item.strip())
        return f'{name}: "{value}" is not a list. Put the items in square brackets, separated by commas: {key}: [{items}].'
    if wanted == "object":
        return (f'{name} must be {TYPE_WORDS["object"]}: write them on the lines under "{key}:", each indented '
                "by two spaces.")
    shown = f'"{typed}"' if typed is not None else "this value"
    return f"{name} must be {TYPE_WORDS.get(wanted, wanted)}, not {shown}. {description}".strip()


def _description_messages(loaded: LoadedFile, error: jsonschema.ValidationError) -> list[tuple[tuple, bool, str]]:
    """Explain why a description fits neither a plain text nor one text per language."""
    # Keep the errors of the branch that matches what was written (a text, or a group of texts); then let
    # jsonschema rank them. Language keys are checked, once, by check_rules.
    causes = [cause for cause in error.context
              if list(cause.relative_schema_path)[1:] != ["type"] and "propertyNames" not in cause.relative_schema_path]
    if isinstance(error.instance, dict) and any(suggested_code(key) == "en" for key in error.instance):
        # "EN:" or "english:" is the English text under a wrong key: check_rules says which code to write.
        causes = [cause for cause in causes if cause.validator != "required"]
    if not causes:
        if error.instance is None:
            return [(tuple(error.absolute_path), False, _empty_message(tuple(error.absolute_path)))]
        if isinstance(error.instance, dict):
            return []  # only language keys are wrong: check_rules says which
        return [(tuple(error.absolute_path), False,
                 "description must be a text, or one text per language code (with en), for example:"
                 " description: {en: Our café..., ar: ...}.")]
    best = jsonschema.exceptions.best_match(causes)
    ordered = [best, *(cause for cause in causes if cause is not best)]
    return [item for cause in ordered for item in _schema_messages(cause, loaded)]


def _schema_messages(error: jsonschema.ValidationError, loaded: LoadedFile) -> list[tuple[tuple, bool, str]]:
    """Explain one schema error as (path, points at key, message) items."""
    path = tuple(error.absolute_path)
    name = field_name(path)
    keyword = error.validator
    value = error.instance

    if value is None and keyword in {"type", "oneOf"}:
        return [(path, False, _empty_message(path))]
    if keyword == "required":
        missing = [key for key in error.validator_value if not isinstance(value, dict) or key not in value]
        items = []
        for key in missing:
            if path == ("description",) and key == "en":
                items.append((path, True, 'description: the English text is missing. Add a line "  en: ..." under '
                                          '"description:": every description needs English; other languages are optional.'))
                continue
            subschema = subschema_at((*path, key))
            where = f" under {name}" if path else ""
            hint = f'{subschema.get("description", "")}'
            if _choices(subschema):
                hint += f' Use one of: {", ".join(_choices(subschema))}.'
            elif subschema.get("type") == "object":
                fields = " and ".join(f"{child}:" for child in subschema.get("required", []))
                hint += f' Write "{key}:" on its own line, with {fields} on the lines under it, each indented by two spaces.'
            items.append((path, False, f'"{key}" is missing{where}. Add it: {hint}'.strip()))
        return items
    if keyword == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        items = []
        for key in value:
            if key not in allowed:
                where = f" under {name}" if path else ""
                items.append(((*path, key), True,
                              f'"{key}" is not a field we know{where}.{_closest(key, allowed)} '
                              f'Fields allowed here: {", ".join(allowed)}. Remove it or fix the spelling.'))
        return items
    if keyword == "oneOf" and all("const" in option for option in error.validator_value):
        options = [option["const"] for option in error.validator_value]
        # yes (read as True) is as wrong as any other word: say what was typed, not what YAML made of it.
        typed = _typed(loaded, path, value) or value
        return [(path, False, f'{name}: "{typed}" is not one of the choices.{_closest(typed, options)} '
                              f'Use one of: {", ".join(options)}.')]
    if keyword == "oneOf" and path == ("description",):
        return _description_messages(loaded, error)
    if keyword == "oneOf":
        return [(path, False, f"{name}: {error.message}.")]
    if keyword == "type":
        wanted = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        return [(path, False, _wrong_type_message(loaded, path, wanted, value))]
    if keyword == "pattern" and path[:1] == ("languages",):
        return []  # check_rules explains each language code once, with the code to write
    if keyword == "pattern":
        last = _key(path)
        hint = PATTERN_HINTS.get(last, f"does not have the right form ({error.schema.get('description', '')}).")
        return [(path, False, f'{name}: "{value}" {hint}')]
    if keyword == "format":
        if error.validator_value == "date":
            return [(path, False, f'{name}: "{value}" is not a date. Write it as YYYY-MM-DD, for example 2026-03-14.')]
        return [(path, False, f'{name}: "{value}" {PATTERN_HINTS.get(_key(path), "is not valid.")}')]
    if keyword == "minItems":
        return [(path, False, f"{name} needs at least {error.validator_value} item. "
                              f"{subschema_at(path).get('description', '')}".strip())]
    if keyword == "uniqueItems":
        return [(path, False, f"{name} lists the same item twice. Keep each item once.")]
    if keyword == "contains" and any(suggested_code(item) == "en" for item in value if isinstance(item, str)):
        return []  # check_rules already says to write en for the language written out (English)
    if keyword == "contains":
        return [(path, False, f"{name} must include en (English): staff are trained in English.")]
    if keyword == "maxLength":
        return [(path, False, f"{name} is too long ({len(value)} characters): shorten it to at most "
                              f"{error.validator_value} characters.")]
    if keyword == "minLength":
        return [(path, False, f"{name} is too short: use between "
                              f"{error.validator_value} and {error.schema.get('maxLength', '...')} characters.")]
    if keyword in {"minimum", "maximum"}:
        return [(path, False, f"{name}: {value} is out of range. {subschema_at(path).get('description', '')}".strip())]
    return [(path, False, f"{name}: {error.message}.")]


def check_schema(loaded: LoadedFile) -> list[Problem]:
    """Return every schema problem of one loaded file, each at its line."""
    problems = []
    if not isinstance(loaded.data, dict):
        return [Problem(loaded.source, *loaded.where(()), "the file must be a group of fields such as name:, kind:, "
                                                          "address:. Copy venues/_template.yaml and fill it in.")]
    for error in _validator().iter_errors(loaded.data):
        for path, at_key, message in _schema_messages(error, loaded):
            problems.append(Problem(loaded.source, *loaded.where(path, key=at_key), message))
    return problems


class _LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.links.extend(value or "" for name, value in attrs if name in {"href", "src"})


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
    for path, link in _description_links(data):
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


def _description_links(data: dict) -> list[tuple[tuple, str]]:
    """Return (path, link) for every link in the description's Markdown."""
    description = data.get("description")
    texts = description.items() if isinstance(description, dict) else [("", description)]
    links = []
    for language, markdown in texts:
        if not isinstance(markdown, str):
            continue
        collector = _LinkCollector()
        collector.feed(text.markdown_to_html(markdown))
        path = ("description", language) if language else ("description",)
        links.extend((path, link) for link in collector.links)
    return links


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
            delete = "" if _is_required(path) else ", or delete the line"
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
    for path, link in _description_links(loaded.data):
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
