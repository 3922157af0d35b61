"""Language codes: each wrong one named once, with the code the coordinator likely meant."""

from __future__ import annotations

import pytest
from venues.check.language_codes import LANGUAGE_HINT, check_language_codes, suggested_code
from venues.check.load import load_text


@pytest.mark.parametrize(("word", "code"), [
    ("Arabic", "ar"), ("arabic ", "ar"), ("AR", "ar"), ("Persian", "fa"), ("Ukrainian", "uk"),
    ("pt-BR", "pt-br"), ("Klingonese", None), ("xx", None), ("", None),
])
def test_suggested_code(word, code):
    assert suggested_code(word) == code


def check(text: str) -> list[str]:
    loaded, problems = load_text(text, "venues/test.yaml", "test")
    assert problems == []
    return [str(problem) for problem in check_language_codes(loaded)]


def test_good_codes_pass():
    assert check("languages: [en, ar, ckb, pt-BR]\ndescription:\n  en: Hello\n  fa: سلام\n") == []


def test_a_language_written_out_gets_its_code_and_a_nonsense_word_the_list():
    assert check("languages: [en, Arabic, zz-top]\n") == [
        f'venues/test.yaml:1:17: languages (item 2): "Arabic" {LANGUAGE_HINT} Write "ar" instead.',
        f'venues/test.yaml:1:25: languages (item 3): "zz-top" {LANGUAGE_HINT}',
    ]


def test_description_keys_are_checked_and_no_is_read_as_false():
    assert check("description:\n  en: Hello\n  English: Hello\n  no: Hei\n") == [
        f'venues/test.yaml:3:3: description: "English" {LANGUAGE_HINT} Write "en" instead. Each text in a '
        'description starts with its language code, for example "  ar: ...".',
        'venues/test.yaml:4:3: description: no is read as true or false, not as a language code: put the code in '
        'quotes ("no":) at the start of the line.',
    ]


@pytest.mark.parametrize("text", ["languages: en\n", "languages: [42]\n", "description: Hello\n", "name: x\n"])
def test_other_shapes_are_left_to_the_schema(text):
    assert check(text) == []
