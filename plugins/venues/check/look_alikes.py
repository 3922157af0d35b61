"""Warn about venue names that look like another venue's, or mix alphabets inside a word, using Unicode's own data."""

from __future__ import annotations

from collections import defaultdict

import icu

from .. import text
from ..model import Problem
from .characters import character_name, without_hidden
from .load import LoadedFile

# ICU is the Unicode Consortium's own library: its skeleton is Unicode's confusables mapping (UTS #39), kept current
# with each Unicode version, so "Сentral" (Cyrillic С) and "Centra1" both become "Central".
_SPOOF = icu.SpoofChecker()
COMMON_SCRIPTS = {"Zyyy", "Zinh", "Zzzz"}  # digits, punctuation and accents belong to every alphabet


def skeletons(name: str) -> set[str]:
    """Return the forms two look-alike names share: Unicode's skeleton of the name as written and in small letters."""
    plain = " ".join(without_hidden(name).split())
    # As written, capital I and small l look alike; in small letters, "CENTRAL" and "Central" are the same name.
    return {_SPOOF.getSkeleton(0, plain).casefold(), _SPOOF.getSkeleton(0, plain.casefold()).casefold()}


def _script(character: str) -> str:
    return icu.Script.getScript(character).getShortName()


def mixed_alphabets(name: str) -> list[str]:
    """Return the letters of a word that come from another alphabet than the word's others, e.g. Cyrillic а in Cafе."""
    odd = []
    for word in name.split():
        scripts = defaultdict(list)
        for character in word:
            if _script(character) not in COMMON_SCRIPTS:
                scripts[_script(character)].append(character)
        if len(scripts) > 1:
            main = max(scripts, key=lambda script: len(scripts[script]))
            odd += [character for script, letters in scripts.items() if script != main for character in letters]
    return odd


def _named(characters: list[str]) -> str:
    names = [character_name(character) for character in dict.fromkeys(characters)]
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def check_look_alikes(files: list[LoadedFile]) -> list[Problem]:
    """Warn, on each file of the pair, about a name that looks like another venue's or is the same at another postcode."""
    venues = []
    for loaded in files:
        data = loaded.data if isinstance(loaded.data, dict) else {}
        address = data.get("address") if isinstance(data.get("address"), dict) else {}
        name, postcode = data.get("name"), address.get("postcode")
        if isinstance(name, str) and name.strip():
            postcode = text.normalise_postcode(postcode) if isinstance(postcode, str) and len(postcode) > 3 else ""
            venues.append((loaded, name, postcode, skeletons(name)))
    problems = []
    for loaded, name, _, _ in venues:
        odd = mixed_alphabets(without_hidden(name))
        if odd:
            problems.append(Problem(loaded.source, *loaded.where(("name",)), (
                f'name: "{name}" mixes alphabets inside a word: {_named(odd)} looks like a letter of the other '
                "alphabet but is not one. A look-alike name can pass for another venue: type the name again on "
                "your keyboard."), severity="warning"))
    by_form = defaultdict(list)  # found through an index, not by comparing every pair: 1,000 venues stay quick
    for index, (_, _, _, forms) in enumerate(venues):
        for form in forms:
            by_form[form].append(index)
    pairs = sorted({(first, second) for indexes in by_form.values()
                    for position, first in enumerate(indexes) for second in indexes[position + 1:]})
    for first_index, second_index in pairs:
        first, first_name, first_postcode, _ = venues[first_index]
        second, second_name, second_postcode, _ = venues[second_index]
        same = " ".join(without_hidden(first_name).casefold().split()) == \
            " ".join(without_hidden(second_name).casefold().split())
        if first_postcode == second_postcode:
            continue  # the same venue twice, or a look-alike at its address: check_duplicates refuses both
        problems.append(_look_alike(first, first_name, second, second_name, second_postcode, same))
        problems.append(_look_alike(second, second_name, first, first_name, first_postcode, same))
    return problems


def _look_alike(this: LoadedFile, name: str, other: LoadedFile, other_name: str, other_postcode: str,
                same: bool) -> Problem:
    """Word the warning about one file of a pair of names that read alike."""
    if same:
        message = (f'name: "{name}" is also the name of the venue in {other.source} (at {other_postcode or "another address"}). '
                   "If it is the same place, keep one file; if it is another branch, add what tells them apart to the "
                   f'name, for example "{name} (North End)".')
    else:
        differs = [character for character in name if character.casefold() not in other_name.casefold()] + \
            [character for character in other_name if character.casefold() not in name.casefold()]
        # Name the look-alike letters (Cyrillic С), not the plain ones they stand in for, when there are any.
        unusual = [character for character in differs if not character.isascii()] or differs
        which = f" (they differ in {_named(unusual)})" if unusual else ""
        message = (f'name: "{name}" looks like "{other_name}" in {other.source}, but the two are written with '
                   f"different characters{which}. A look-alike name can pass for another venue: if this is its own "
                   "place, make the difference plain to read; if not, type the name again on your keyboard.")
    return Problem(this.source, *this.where(("name",)), message, severity="warning")
