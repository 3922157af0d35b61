"""No file can break the checks: links, pipes, folders, huge or hidden text give a problem by name, never a crash."""

from __future__ import annotations

import os
import shutil
import unicodedata

import pytest
from venues.check import limits
from venues.check.catalogue import read_catalogue
from venues.check.load import load_text

from tests.conftest import BUILD_DAY, FIXTURES

MINIMAL = FIXTURES / "venues" / "valid" / "minimal.yaml"
LINK = "this is a link to another file or folder, not a venue file of its own. Replace it with a copy of the venue " \
       "file, or delete it."


@pytest.fixture
def folder(tmp_path):
    """A venues folder holding one valid venue."""
    venues = tmp_path / "venues"
    venues.mkdir()
    shutil.copy(MINIMAL, venues / "minimal.yaml")
    return venues


def messages(folder) -> list[str]:
    return [str(problem) for problem in read_catalogue(folder, folder.parent, BUILD_DAY).problems]


def test_links_are_refused_by_their_own_name_whatever_they_point_at(folder, tmp_path):
    (folder / "environ.yaml").symlink_to("/proc/self/environ")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    (folder / "folder.yaml").symlink_to(tmp_path)
    (folder / "copy.yaml").symlink_to(folder / "minimal.yaml")
    catalogue = read_catalogue(folder, folder.parent, BUILD_DAY)
    assert [str(problem) for problem in catalogue.problems] == [
        f"venues/{name}.yaml:1:1: {LINK}" for name in ("copy", "environ", "folder", "zero")]
    # The file a link points at is still checked, and blamed for nothing.
    assert [venue.slug for venue in catalogue.venues] == ["minimal"]


def test_a_pipe_or_a_folder_named_like_a_venue_file_is_refused_without_waiting(folder):
    os.mkfifo(folder / "pipe.yaml")  # reading a pipe nobody writes to would wait for ever
    (folder / "folder.yaml").mkdir()
    assert messages(folder) == [
        "venues/folder.yaml:1:1: this is a folder, not a venue file. Move it out of the venues folder, or delete it.",
        "venues/pipe.yaml:1:1: this is a pipe (FIFO), not a venue file. Move it out of the venues folder, or delete it.",
    ]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read_as_yaml(folder):
    text = MINIMAL.read_text(encoding="utf-8").replace("Minimal", "Big")
    (folder / "big.yaml").write_text(text + "#" * limits.MAX_FILE_BYTES, encoding="utf-8")
    assert messages(folder) == [
        "venues/big.yaml:1:1: the file is more than 100,000 bytes, far more than a venue needs (most are about 1,000). "
        "Check that this is a venue file, and shorten its descriptions."]


def test_a_raw_control_character_names_its_file_and_keeps_the_other_files_problems(folder):
    text = MINIMAL.read_text(encoding="utf-8")
    (folder / "bell.yaml").write_text(text.replace("Minimal", "Bell\x07"), encoding="utf-8")
    (folder / "tab.yaml").write_text(text.replace("Minimal", "Tab").replace("  street", "\tstreet"), encoding="utf-8")
    found = messages(folder)
    assert found[0].startswith("venues/bell.yaml:1:11: line 1 has a character that does not show on screen: "
                               "U+0007 (BEL, the bell).")
    assert found[1].startswith("venues/tab.yaml:4:1: line 4 has a tab character")


def test_a_copy_of_a_name_with_hidden_characters_is_still_the_same_venue(folder):
    text = MINIMAL.read_text(encoding="utf-8").replace("name: Minimal Test Venue", 'name: "Minimal\\u200b Test Venue"')
    (folder / "second.yaml").write_text(text, encoding="utf-8")
    found = messages(folder)
    assert found[-1] == ('venues/second.yaml:1:7: the same venue ("Minimal<U+200B> Test Venue", PO1 2DX) is already in '
                         "venues/minimal.yaml. Keep one file per venue: update that file instead, or delete this one.")


def test_text_is_normalised_to_one_form_and_joiners_inside_words_are_kept():
    decomposed = unicodedata.normalize("NFD", "Café Ümit")
    persian = "می\u200cخواهم"  # "I want": the zero-width non-joiner is part of the spelling
    text = MINIMAL.read_text(encoding="utf-8").replace("Minimal Test Venue", decomposed)
    text += f"description:\n  en: Welcome\n  fa: {persian}\n"
    loaded, problems = load_text(text, "venues/x.yaml", "x")
    assert problems == []
    assert loaded.data["name"] == "Café Ümit" != decomposed
    assert loaded.data["description"]["fa"] == persian


def test_a_joiner_outside_a_word_is_refused():
    text = MINIMAL.read_text(encoding="utf-8").replace("Minimal Test Venue", "Minimal \u200d Venue")
    _, problems = load_text(text, "venues/x.yaml", "x")
    assert [problem.message.split(". ")[0] for problem in problems] == [
        "line 1 has a character that does not show on screen: U+200D (ZERO WIDTH JOINER)"]


@pytest.mark.parametrize("text", ["[" * 5000, "a:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(1500)),
                                  "{a: " * 3000 + "}" * 3000])
def test_deep_nesting_is_a_problem_not_a_recursion_error(text):
    _, problems = load_text(text, "venues/x.yaml", "x")
    assert len(problems) == 1 and problems[0].line >= 1
    assert "levels deep" in problems[0].message or "a line may have" in problems[0].message
