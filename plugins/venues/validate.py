"""Check venue data against the schema and the rules between fields and files."""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable
from html.parser import HTMLParser

import jsonschema
import opening_hours
from babel import Locale, UnknownLocaleError

from . import text
from .load import LoadedFile
from .model import Problem
from .schema import subschema_at, venue_schema

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The link types a description may hold: the same list the sanitiser keeps (text.ALLOWED_SCHEMES).
ALLOWED_LINK = re.compile(rf"^({'|'.join(sorted(text.ALLOWED_SCHEMES))}):", re.IGNORECASE)

TYPE_WORDS = {
    "string": "a text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list (lines starting with - )",
    "object": "a group of fields (indented lines of the form field: value)",
    "boolean": "true or false",
}

PATTERN_HINTS = {
    "postcode": 'is not a valid UK postcode. Write the full postcode, for example "PO1 2AB".',
    "phone": 'is not a phone number. Write digits and spaces only, for example "023 9268 8000" or "+44 23 9268 8000".',
    "email": 'is not an email address. Write it like "hello@example.org".',
    "website": 'is not a web address. Write the full address starting with https://, for example "https://example.org".',
    "languages": 'is not a language code. Use a short code such as en, ar, fa, ps, ckb, ti, uk, sq or vi.',
}


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


def _closest(word: object, options: Iterable[str]) -> str:
    matches = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return f' Did you mean "{matches[0]}"?' if matches else ""


def _schema_messages(error: jsonschema.ValidationError) -> list[tuple[tuple, bool, str]]:
    """Explain one schema error as (path, points at key, message) items."""
    path = tuple(error.absolute_path)
    name = field_name(path)
    keyword = error.validator
    value = error.instance

    if keyword == "required":
        missing = [key for key in error.validator_value if not isinstance(value, dict) or key not in value]
        items = []
        for key in missing:
            description = subschema_at((*path, key)).get("description", "")
            where = f" under {name}" if path else ""
            items.append((path, False, f'"{key}" is missing{where}. Add it: {description}'.strip()))
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
        return [(path, False, f'{name}: "{value}" is not one of the choices.{_closest(value, options)} '
                              f'Use one of: {", ".join(options)}.')]
    if keyword == "oneOf":
        return [(path, False, f"{name} must be a text, or one text per language code (with en), for example:"
                              " description: {en: Our café..., ar: ...}.")]
    if keyword == "type":
        wanted = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        hint = ""
        if wanted == "string" and isinstance(value, bool | int | float):
            hint = ' Put it in quotes, for example "no".'
        return [(path, False, f"{name} must be {TYPE_WORDS.get(wanted, wanted)}, not {value!r}.{hint}")]
    if keyword == "pattern":
        last = next((part for part in reversed(path) if isinstance(part, str)), "")
        hint = PATTERN_HINTS.get(last, f"does not have the right form ({error.schema.get('description', '')}).")
        return [(path, False, f'{name}: "{value}" {hint}')]
    if keyword == "format":
        if error.validator_value == "date":
            return [(path, False, f'{name}: "{value}" is not a date. Write it as YYYY-MM-DD, for example 2026-03-14.')]
        last = next((part for part in reversed(path) if isinstance(part, str)), "")
        return [(path, False, f'{name}: "{value}" {PATTERN_HINTS.get(last, "is not valid.")}')]
    if keyword == "minItems":
        return [(path, False, f"{name} needs at least {error.validator_value} item. "
                              f"{subschema_at(path).get('description', '')}".strip())]
    if keyword == "uniqueItems":
        return [(path, False, f"{name} lists the same item twice. Keep each item once.")]
    if keyword == "contains":
        return [(path, False, f"{name} must include en (English): staff are trained in English.")]
    if keyword in {"minLength", "maxLength"}:
        size = "short" if keyword == "minLength" else "long"
        return [(path, False, f"{name} is too {size}: use between "
                              f"{error.schema.get('minLength', 1)} and {error.schema.get('maxLength', '...')} characters.")]
    if keyword in {"minimum", "maximum"}:
        return [(path, False, f"{name}: {value} is out of range. {subschema_at(path).get('description', '')}".strip())]
    if keyword == "propertyNames":
        return [(path, False, f"{name}: {PATTERN_HINTS['languages']}")]
    return [(path, False, f"{name}: {error.message}.")]


def check_schema(loaded: LoadedFile) -> list[Problem]:
    """Return every schema problem of one loaded file, each at its line."""
    problems = []
    if not isinstance(loaded.data, dict):
        return [Problem(loaded.source, *loaded.where(()), "the file must be a group of fields such as name:, kind:, "
                                                          "address:. Copy venues/_template.yaml and fill it in.")]
    for error in _validator().iter_errors(loaded.data):
        for path, at_key, message in _schema_messages(error):
            problems.append(Problem(loaded.source, *loaded.where(path, key=at_key), message))
    return problems


class _LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.links.extend(value or "" for name, value in attrs if name in {"href", "src"})


def check_rules(loaded: LoadedFile) -> list[Problem]:
    """Return problems the schema cannot see: file name, dates, opening hours, links."""
    data, source = loaded.data, loaded.source
    problems = []
    if not SLUG.match(loaded.slug):
        problems.append(Problem(source, 1, 1, f'the file name "{loaded.slug}" must use only small letters, numbers '
                                              'and dashes, for example "central-library.yaml".'))
    if not loaded.source.endswith(".yaml"):
        problems.append(Problem(source, 1, 1, "venue files must end in .yaml: rename the file, for example "
                                              '"central-library.yaml".'))
    accreditation = data.get("accreditation") if isinstance(data.get("accreditation"), dict) else {}
    trained, renew = (_date(accreditation.get(key)) for key in ("trained_on", "renew_by"))
    if trained and renew and renew <= trained:
        problems.append(Problem(source, *loaded.where(("accreditation", "renew_by")),
                                f"accreditation: renew_by ({renew}) must be after trained_on ({trained}). "
                                "Check both dates."))
    languages = data.get("languages") if isinstance(data.get("languages"), list) else []
    for index, code in enumerate(languages):
        if isinstance(code, str) and not _known_language(code):
            problems.append(Problem(source, *loaded.where(("languages", index)),
                                    f'languages (item {index + 1}): "{code}" {PATTERN_HINTS["languages"]}'))
    hours = data.get("opening_hours")
    if isinstance(hours, str) and not opening_hours.validate(hours):
        problems.append(Problem(source, *loaded.where(("opening_hours",)),
                                f'opening_hours: "{hours}" is not in OpenStreetMap opening hours format '
                                f"({_parser_error(hours)}). Write it like \"Mo-Fr 09:00-17:00; Sa 10:00-16:00; PH off\"."))
    description = data.get("description")
    texts = description.items() if isinstance(description, dict) else [("", description)]
    for language, markdown in texts:
        if not isinstance(markdown, str):
            continue
        collector = _LinkCollector()
        collector.feed(text.markdown_to_html(markdown))
        for link in collector.links:
            if not ALLOWED_LINK.match(link):
                path = ("description", language) if language else ("description",)
                problems.append(Problem(source, *loaded.where(path),
                                        f'description: the link "{link}" is not allowed. Links must start with '
                                        "https://, http://, tel: or mailto:."))
    return problems


def _known_language(code: str) -> bool:
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True


def _parser_error(hours: str) -> str:
    try:
        opening_hours.OpeningHours(hours)
    except opening_hours.ParserError as error:
        return " ".join(str(error).split())
    return "not understood"


def _date(value: object) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


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
