"""Coordinators' YAML mistakes: each gets a message at the line to fix, in plain words."""

from __future__ import annotations

import re

from venues.check.load import load_text

from tests.conftest import FIXTURES, ROOT

MINIMAL = (FIXTURES / "venues" / "valid" / "minimal.yaml").read_text(encoding="utf-8")


def problems_in(text: str) -> list[str]:
    return [f"{problem.line}:{problem.column}: {problem.message}" for problem in load_text(text, "venues/x.yaml", "x")[1]]


def test_the_templates_own_notes_after_values_stay_allowed():
    text = (ROOT / "venues" / "_template.yaml").read_text(encoding="utf-8")
    assert re.search(r"^  trained_on: 2026-01-31 +# the day", text, re.MULTILINE)  # a note right after a plain value
    loaded, problems = load_text(text, "venues/_template.yaml", "_template")
    assert problems == []
    assert loaded.data["accreditation"]["trained_on"] == "2026-01-31"


def test_a_note_after_a_space_and_a_hash_in_quotes_are_not_mistakes():
    text = MINIMAL.replace("  street: 1 Test Road", '  street: "Unit 3 #2 Test Road"   # the back door')
    loaded, problems = load_text(text, "venues/x.yaml", "x")
    assert problems == []
    assert loaded.data["address"]["street"] == "Unit 3 #2 Test Road"


def test_a_hash_in_a_value_over_two_lines_asks_for_quotes_without_a_fixed_line():
    text = MINIMAL + "description:\n  en: Ask at the desk\n    for room #3.\n"
    assert problems_in(text) == [
        '13:14: the # and the text after it are dropped (YAML reads them as a note), so only "Ask at the desk for room" '
        "is kept. Put the whole value in double quotes."
    ]


def test_a_double_quote_inside_a_value_cut_by_a_hash_is_escaped_in_the_fixed_line():
    text = MINIMAL.replace("  street: 1 Test Road", '  street: The "Hub" #2')
    assert problems_in(text) == [
        '4:21: the # and the text after it are dropped (YAML reads them as a note), so only "The "Hub"" is kept. '
        'Put the whole value in double quotes, like this: street: "The \\"Hub\\" #2"'
    ]


def test_a_non_breaking_space_after_a_colon_is_named():
    text = MINIMAL.replace("kind: other", "kind:\u00a0other")
    assert problems_in(text) == [
        "2:6: line 2 has an invisible non-breaking space after the colon (often pasted from Word or an email), "
        "which YAML does not count as a space. Delete the space after the colon and type it again with the space bar."
    ]


def test_a_line_that_continues_the_text_above_is_told_to_join_it():
    text = MINIMAL + "description:\n  en: Ask at the desk\n  for help.\n"
    assert problems_in(text) == [
        "13:3: line 13 needs a colon after the field name, for example name: Central Library. "
        "If the line continues the text of the line above, join it to the end of that line."
    ]


def test_an_unclosed_single_quote_is_found_where_it_opened():
    text = MINIMAL.replace("name: Minimal Test Venue", "name: 'Minimal Test Venue") + "# the venue's notes\n"
    assert problems_in(text) == [
        "1:7: a quote (') opened on line 1 is never closed. Add the closing ' at the end of the value on that line."
    ]


def test_an_unclosed_brace_is_found_where_it_opened():
    text = MINIMAL.replace("offers: [safe-space]", "offers: {safe-space")
    assert problems_in(text) == [
        "6:9: the { on line 6 is never closed. Add } at the end of the list on that line, for example "
        "offers: [safe-space, wifi]."
    ]


def test_a_backslash_in_double_quotes_is_explained():
    text = MINIMAL.replace("  street: 1 Test Road", '  street: "1\\2 Test Road"')
    assert problems_in(text) == [
        "4:14: a backslash (\\) inside double quotes must be written twice (\\\\). "
        "Or put the value in single quotes (') instead."
    ]


def test_a_value_that_starts_with_a_hash_is_not_left_empty_in_silence():
    text = MINIMAL.replace("  street: 1 Test Road", "  street: #2 Test Road")
    assert problems_in(text) == [
        '4:11: a value starting with # is read as a note, so the value is left empty. '
        'Put the whole value in double quotes, like this: street: "#2 Test Road"'
    ]


def test_a_list_item_that_starts_with_a_hash_is_not_left_empty_in_silence():
    text = MINIMAL.replace("languages: [en]", "languages:\n- en\n- #ar")
    assert problems_in(text) == [
        '9:3: a value starting with # is read as a note, so the value is left empty. '
        'Put the whole value in double quotes, like this: - "#ar"'
    ]


def test_a_note_stuck_to_the_colon_of_a_group_stays_a_note():
    loaded, problems = load_text(MINIMAL.replace("address:", "address: #where it is"), "venues/x.yaml", "x")
    assert problems == []
    assert loaded.data["address"]["street"] == "1 Test Road"


def test_text_after_a_single_quote_is_told_to_use_double_quotes():
    text = MINIMAL.replace("name: Minimal Test Venue", "name: 'The Hub' Cafe")
    assert problems_in(text) == [
        "1:17: line 1 has text after the closing quote ('): put the whole value inside the quotes. "
        """To keep the quote marks as part of the value, put double quotes around it: name: "'The Hub' Cafe\""""
    ]


def test_a_non_breaking_space_right_after_a_block_text_is_still_named():
    # The text under description: | may hold non-breaking spaces; the line after the text is a field again.
    text = MINIMAL.replace("offers: [safe-space]", "description: |\n  Note:\u00a0tea is free.\noffers:\u00a0[safe-space]")
    assert problems_in(text) == [
        "8:8: line 8 has an invisible non-breaking space after the colon (often pasted from Word or an email), "
        "which YAML does not count as a space. Delete the space after the colon and type it again with the space bar."
    ]


def test_a_non_breaking_space_inside_a_quoted_value_over_two_lines_is_text():
    text = MINIMAL.replace("  street: 1 Test Road", '  street: "1 Test\n    \u00a0Road"')
    loaded, problems = load_text(text, "venues/x.yaml", "x")
    assert problems == []
    assert loaded.data["address"]["street"] == "1 Test \u00a0Road"


def test_an_empty_list_item_before_another_item_is_not_left_empty_in_silence():
    text = MINIMAL.replace("languages: [en]", "languages:\n- #ar\n- en")
    assert problems_in(text) == [
        '8:3: a value starting with # is read as a note, so the value is left empty. '
        'Put the whole value in double quotes, like this: - "#ar"'
    ]


def test_a_field_without_a_space_after_its_colon_is_named_inside_a_group():
    text = MINIMAL.replace("  postcode: PO1 2DX", "  postcode:PO1 2DX")
    assert problems_in(text) == [
        "5:3: line 5 has no space after the colon, so YAML does not see a field name. "
        "Put a space after the colon: postcode: PO1 2DX"
    ]


def test_a_double_quote_inside_double_quotes_is_told_to_use_single_quotes_without_adding_quotes():
    text = MINIMAL.replace("name: Minimal Test Venue", 'name: "The "Hub" Cafe"')
    assert problems_in(text) == [
        """1:13: line 1 has text after the closing quote ("): a " inside the value ends it early. """
        """Put single quotes around the value instead: name: 'The "Hub" Cafe'"""
    ]


def test_the_line_given_for_an_apostrophe_in_single_quotes_reads_as_the_name_without_stray_quotes():
    message = problems_in(MINIMAL.replace("name: Minimal Test Venue", "name: 'St Mary's Hall'"))[0]
    fixed = message.split("instead: ")[1]
    loaded, problems = load_text(MINIMAL.replace("name: Minimal Test Venue", fixed), "venues/x.yaml", "x")
    assert problems == []
    assert loaded.data["name"] == "St Mary's Hall"


def test_a_hash_stuck_to_a_note_after_one_word_also_offers_the_missing_space():
    text = MINIMAL.replace("kind: other", "kind: other #community")
    assert problems_in(text) == [
        '2:13: the # and the text after it are dropped (YAML reads them as a note), so only "other" is kept. '
        'Put the whole value in double quotes, like this: kind: "other #community" '
        "(or, if the # starts a note, put a space after it: # like this)"
    ]
