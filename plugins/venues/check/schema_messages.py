"""Turn JSON Schema errors into plain words that name the field and say how to fix it."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

import jsonschema

from ..phones import spaced_phone
from ..schema import subschema_at
from .language_codes import LANGUAGE_HINT, suggested_code
from .load import LoadedFile

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


YAML_BOOLEANS = {"yes", "no", "true", "false", "on", "off"}


def field_name(path: Iterable) -> str:
    """Name a place in the data the way a coordinator reads the file, e.g. "address: postcode"."""
    words = []
    for part in path:
        if isinstance(part, int) and words:
            words[-1] = f"{words[-1]} (item {part + 1})"
        elif isinstance(part, int):
            words.append(f"item {part + 1}")
        else:
            words.append(str(part))
    return ": ".join(words) or "the file"


def _key(path: Iterable) -> str:
    """Return the field name written before the colon for a value, e.g. "postcode"."""
    return next((str(part) for part in reversed(tuple(path)) if isinstance(part, str)), "")


def _closest(word: object, options: Iterable[str]) -> str:
    """Suggest the option nearest to a misspelt word, or nothing."""
    matches = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return f' Did you mean "{matches[0]}"?' if matches else ""


def _choices(subschema: dict) -> list[str]:
    """Return the values a field may take, or [] when it is not a choice."""
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


def is_required(path: tuple) -> bool:
    """Tell whether the schema asks for the field at a path."""
    return bool(path) and isinstance(path[-1], str) and path[-1] in subschema_at(path[:-1]).get("required", [])


def _empty_message(path: tuple) -> str:
    """Explain a field written with nothing after its colon."""
    name, key = field_name(path), _key(path)
    if isinstance(path[-1], int):
        return f'{name} is empty: write a value after the "-", or delete that line.'
    required = is_required(path)
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
        fixed = spaced_phone(typed) if key == "phone" else typed
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
    return [item for cause in ordered for item in schema_messages(cause, loaded)]


def schema_messages(error: jsonschema.ValidationError, loaded: LoadedFile) -> list[tuple[tuple, bool, str]]:
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
    if keyword == "maxItems":
        # A list of hundreds of languages would add thousands of pages: every list has a cap.
        return [(path, False, f"{name} has {len(value)} items, more than the {error.validator_value} allowed: "
                              "keep the ones that are true of this venue.")]
    if keyword == "maxProperties":
        return [(path, False, f"{name} has {len(value)} texts, more than the {error.validator_value} allowed: "
                              "keep the languages that staff or volunteers read and write.")]
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
