"""venues.check.characters: characters that do not show on screen are refused, at their line, with their name."""

from __future__ import annotations

from venues.check.characters import (
    character_name,
    hidden_in,
    hidden_in_file,
    hidden_in_values,
    nfc,
    visible,
    without_hidden,
)


def test_a_character_is_named_by_its_code_and_its_unicode_name():
    assert character_name("\u202e") == "U+202E (RIGHT-TO-LEFT OVERRIDE)"
    assert character_name("\x00").startswith("U+0000 (")


def test_hidden_characters_are_found_and_ordinary_text_is_not():
    assert list(hidden_in("Café\u202e")) == [(4, "\u202e")]
    assert list(hidden_in("a\u200bb\x0bc")) == [(1, "\u200b"), (3, "\x0b")]
    # Tabs and line breaks are text; Arabic and Kurdish need the joiners between letters, and emoji between symbols.
    assert list(hidden_in("one\ttwo\nthree\r\n")) == []
    assert list(hidden_in("می\u200cخواهم")) == []
    assert list(hidden_in("\u200cstart")) == [(0, "\u200c")]
    assert list(hidden_in("\ufeffbom at the start")) == []
    assert list(hidden_in("no bom\ufeff here")) == [(6, "\ufeff")]


def test_a_file_gets_one_problem_per_line_at_the_first_hidden_character():
    [problem] = hidden_in_file("name: Cafe\nstreet: 1\u202e Road\u200b\n", "venues/x.yaml")
    assert (problem.file, problem.line, problem.column) == ("venues/x.yaml", 2, 10)
    assert "U+202E (RIGHT-TO-LEFT OVERRIDE), and 1 more" in problem.message and "delete it" in problem.message


def test_an_escaped_character_in_a_value_is_found_at_the_values_line():
    marks = {("address", "street"): (7, 11)}
    [problem] = hidden_in_values({"address": {"street": "1\u202e Road"}, "offers": ["wifi"]},
                                 lambda path: marks.get(path, (1, 1)), "venues/x.yaml")
    assert (problem.line, problem.column) == (7, 11) and "delete the \\ code" in problem.message


def test_text_is_shown_with_its_hidden_characters_named_or_without_them():
    assert visible("Cafe\u202e") == "Cafe<U+202E>"
    assert without_hidden("Ca\u200bfe") == "Cafe"


def test_every_text_is_composed_and_keys_are_left_alone():
    decomposed = "Cafe\u0301"
    assert nfc({decomposed: [decomposed, 3]}) == {decomposed: ["Café", 3]}
