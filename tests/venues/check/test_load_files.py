"""Every YAML file in the venues folder is published or named in an error: none is skipped in silence."""

from __future__ import annotations

import shutil

import pytest
from venues.check.catalogue import read_catalogue
from venues.site.generator import VenueErrors
from venues.tools.cli import main

from tests.conftest import FIXTURES, build_site

MINIMAL = FIXTURES / "venues" / "valid" / "minimal.yaml"
IN_SUBFOLDER = ("venues/archive/old-library.yaml:1:1: this file is in a subfolder, and only files directly in venues/ "
                "are published. Move it to venues/ or delete it.")
UNDERSCORE = ("venues/_night-pharmacy.yaml:1:1: a file name starting with _ is not published (only _template.yaml "
              "may start with _). Rename it to night-pharmacy.yaml, or delete it.")


@pytest.fixture
def folder(tmp_path):
    """A venues folder with one valid venue, one in a subfolder and one whose name starts with _."""
    venues = tmp_path / "venues"
    (venues / "archive").mkdir(parents=True)
    shutil.copy(MINIMAL, venues / "minimal.yaml")
    shutil.copy(MINIMAL, venues / "archive" / "old-library.yaml")
    (venues / "_night-pharmacy.yaml").write_text(MINIMAL.read_text(encoding="utf-8").replace("Minimal", "Night"),
                                                 encoding="utf-8")
    return venues


def test_a_venue_in_a_subfolder_or_named_with_underscore_is_an_error(folder):
    catalogue = read_catalogue(folder, folder.parent)
    assert [str(problem) for problem in catalogue.problems] == [UNDERSCORE, IN_SUBFOLDER]
    assert [venue.slug for venue in catalogue.venues] == ["minimal"]


def test_the_template_hidden_folders_and_other_files_in_subfolders_are_left_alone(tmp_path):
    venues = tmp_path / "venues"
    (venues / "photos").mkdir(parents=True)
    (venues / ".drafts").mkdir()
    shutil.copy(MINIMAL, venues / "minimal.yaml")
    (venues / "_template.yaml").write_text("name: [not a venue", encoding="utf-8")
    (venues / ".gitkeep").write_text("", encoding="utf-8")
    (venues / ".drafts" / "draft.yaml").write_text("name: [not a venue", encoding="utf-8")
    (venues / "photos" / "front-door.jpg").write_bytes(b"\xff\xd8")
    assert read_catalogue(venues, tmp_path).problems == []


def test_a_hidden_yaml_file_is_an_error_that_names_it(tmp_path):
    venues = tmp_path / "venues"
    venues.mkdir()
    shutil.copy(MINIMAL, venues / "minimal.yaml")
    shutil.copy(MINIMAL, venues / ".new-venue.yaml")
    shutil.copy(MINIMAL, venues / ".night-cafe.yml")
    shutil.copy(MINIMAL, venues / ".yaml")
    catalogue = read_catalogue(venues, tmp_path)
    hidden = "a file name starting with . is hidden, and hidden files are not published. Rename it to"
    assert [str(problem) for problem in catalogue.problems] == [
        f"venues/.new-venue.yaml:1:1: {hidden} new-venue.yaml, or delete it.",
        f"venues/.night-cafe.yml:1:1: {hidden} night-cafe.yaml, or delete it.",
        f"venues/.yaml:1:1: {hidden} name-of-the-venue.yaml, or delete it.",
    ]
    assert [venue.slug for venue in catalogue.venues] == ["minimal"]


def test_any_yaml_ending_counts(tmp_path):
    venues = tmp_path / "venues"
    (venues / "old").mkdir(parents=True)
    shutil.copy(MINIMAL, venues / "old" / "cafe.YML")
    shutil.copy(MINIMAL, venues / "__cafe.yml")
    assert [problem.file for problem in read_catalogue(venues, tmp_path).problems] == [
        "venues/__cafe.yml", "venues/old/cafe.YML"]


def test_make_validate_names_the_files_and_fails(folder, capsys):
    assert main([str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [UNDERSCORE, IN_SUBFOLDER]
    assert "2 error(s)" in captured.err


def test_the_build_stops_and_names_the_files(folder, tmp_path):
    with pytest.raises(VenueErrors) as stopped:
        build_site(tmp_path / "site", folder)
    assert UNDERSCORE in str(stopped.value)
    assert IN_SUBFOLDER in str(stopped.value)
