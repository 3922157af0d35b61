"""Refuse characters that hide or change what text looks like, and normalise the rest to one form (NFC)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..model import Problem

# Names people can look up; unicodedata has none for control characters.
CONTROL_NAMES = {
    0x00: "NUL, the null character", 0x07: "BEL, the bell", 0x08: "BS, the backspace", 0x0B: "VT, the vertical tab",
    0x0C: "FF, the form feed", 0x1B: "ESC, the escape character", 0x7F: "DEL, the delete character",
    0x85: "NEL, the next-line character",
}
# Controls that turn text around or hide in it: a right-to-left override reverses a phone number, a zero-width
# space makes a copy of a name that looks the same and is not.
BIDI_CONTROLS = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
ZERO_WIDTH = {0x200B, 0x2060, 0xFEFF, 0x180E}
# Zero-width joiner and non-joiner are part of spelling in Persian, Kurdish and Indic scripts (and of emoji):
# allowed between two letters or marks, refused anywhere else.
JOINERS = {0x200C, 0x200D}
LINE_SEPARATORS = {0x2028, 0x2029}
NOT_CHARACTERS = {0xFFFE, 0xFFFF}  # YAML refuses them, and no text needs them
ALLOWED_CONTROLS = {0x09, 0x0A, 0x0D}
EDITOR_LINE_BREAK = re.compile("\r\n|\r|\n")


def character_name(character: str) -> str:
    """Name a character for a coordinator: "U+202E (RIGHT-TO-LEFT OVERRIDE)"."""
    code = ord(character)
    name = CONTROL_NAMES.get(code) or unicodedata.name(character, "") or "a control character"
    return f"U+{code:04X} ({name})"


def _refused(text: str, index: int) -> bool:
    """Tell whether the character at index hides or changes what the text around it looks like."""
    code = ord(text[index])
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return code not in ALLOWED_CONTROLS
    if code in BIDI_CONTROLS or code in ZERO_WIDTH or code in LINE_SEPARATORS or code in NOT_CHARACTERS:
        return not (code == 0xFEFF and index == 0)  # a byte-order mark at the very start is how some editors save
    if code in JOINERS:
        before, after = text[index - 1:index], text[index + 1:index + 2]
        return not (before and after and _letter(before) and _letter(after))
    return False


def _letter(character: str) -> bool:
    return unicodedata.category(character)[0] in "LM" or unicodedata.category(character) == "So"


def hidden_in(text: str) -> Iterator[tuple[int, str]]:
    """Yield (index, character) for each refused character of a text."""
    for index, character in enumerate(text):
        if (ord(character) < 0x20 or ord(character) >= 0x7F) and _refused(text, index):
            yield index, character


def hidden_in_file(text: str, source: str) -> list[Problem]:
    """Return a problem for each line holding a refused character, typed into the file as it is."""
    problems = []
    for number, line in enumerate(EDITOR_LINE_BREAK.split(text), start=1):
        found = list(hidden_in(line))
        if found:
            index, character = found[0]
            problems.append(Problem(source, number, index + 1, _message(number, character, len(found))))
    return problems


def hidden_in_values(data: object, where, source: str, path: tuple = ()) -> list[Problem]:
    """Return a problem for each value holding a refused character written as an escape, such as "\\0" or "\\u202e"."""
    problems = []
    if isinstance(data, dict):
        for key, value in data.items():
            problems += hidden_in_values(value, where, source, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            problems += hidden_in_values(value, where, source, (*path, index))
    elif isinstance(data, str):
        found = list(hidden_in(data))
        if found:
            line, column = where(path)
            problems.append(Problem(source, line, column, _message(line, found[0][1], len(found), escaped=True)))
    return problems


def _message(line: int, character: str, count: int, escaped: bool = False) -> str:
    """Say which hidden character is on a line and how to remove it."""
    more = f", and {count - 1} more" if count > 1 else ""
    if escaped:
        return (f"line {line} has a \\ code for a character that does not show on screen: "
                f"{character_name(character)}{more}. Such a character can hide text, or change the order it is "
                "shown in, so it is not allowed: delete the \\ code.")
    return (f"line {line} has a character that does not show on screen: {character_name(character)}{more}. Such "
            "a character can hide text, or change the order it is shown in, so it is not allowed: delete it "
            "(retype the line if you cannot see where it is).")


def visible(text: str) -> str:
    """Return text with each refused character shown as its code, e.g. "Cafe<U+202E>", for quoting in messages."""
    refused = dict(hidden_in(text))
    return "".join(f"<U+{ord(character):04X}>" if index in refused else character for index, character in enumerate(text))


def without_hidden(text: str) -> str:
    """Return text without its refused characters: what a reader sees, for comparing one name with another."""
    refused = dict(hidden_in(text))
    return "".join(character for index, character in enumerate(text) if index not in refused)


def nfc(data: object) -> object:
    """Return the data with every text in Unicode's composed form (NFC), so the same word is always the same text."""
    # Keys are left as written: they are field names, and the marks of each line are filed under them.
    if isinstance(data, dict):
        return {key: nfc(value) for key, value in data.items()}
    if isinstance(data, list):
        return [nfc(value) for value in data]
    if isinstance(data, str):
        return unicodedata.normalize("NFC", data)
    return data
