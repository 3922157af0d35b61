"""venues.check.catalogue: read every file, collect every problem in file order, and say why a venue is hidden."""

from __future__ import annotations

import dataclasses
import datetime
import shutil

from venues.check import catalogue
from venues.check.catalogue import hidden_reason, read_catalogue, renewal_due

from tests.conftest import BUILD_DAY, FIXTURES

VALID, INVALID = FIXTURES / "venues" / "valid", FIXTURES / "venues" / "invalid"


def folder_of(tmp_path, *files):
    folder = tmp_path / "venues"
    folder.mkdir()
    for file in files:
        shutil.copy(file, folder / file.name)
    return folder


def test_every_files_problems_are_collected_sorted_and_only_valid_files_become_venues(tmp_path):
    folder = folder_of(tmp_path, VALID / "minimal.yaml", INVALID / "missing-name.yaml", INVALID / "bad-postcode.yaml")
    read = read_catalogue(folder, tmp_path, BUILD_DAY)
    assert [venue.slug for venue in read.venues] == ["minimal"]
    assert {problem.file for problem in read.errors} == {"venues/missing-name.yaml", "venues/bad-postcode.yaml"}
    assert read.problems == sorted(read.problems, key=lambda problem: (problem.file, problem.line, problem.column))


def test_a_fault_in_the_checks_on_one_file_does_not_hide_the_others(tmp_path, monkeypatch):
    folder = folder_of(tmp_path, VALID / "minimal.yaml", VALID / "full.yaml")
    real = catalogue.check_file

    def broken_on_full(path, *args):
        if path.name == "full.yaml":
            raise KeyError("a bug")
        return real(path, *args)

    monkeypatch.setattr(catalogue, "check_file", broken_on_full)
    read = read_catalogue(folder, tmp_path, BUILD_DAY)
    assert [venue.slug for venue in read.venues] == ["minimal"]
    [problem] = read.errors
    assert problem.file == "venues/full.yaml" and "(KeyError), which is a fault in the checks" in problem.message


def test_a_venue_is_hidden_when_suspended_or_lapsed_and_warned_before_it_lapses():
    [venue] = [v for v in read_catalogue(VALID, FIXTURES, BUILD_DAY).venues if v.slug == "minimal"]
    renew_by = venue.accreditation.renew_by
    assert hidden_reason(venue, renew_by) is None  # the last day still counts
    assert "lapsed on" in hidden_reason(venue, renew_by + datetime.timedelta(days=1))
    assert "suspended" in hidden_reason(dataclasses.replace(venue, status="suspended"), renew_by)
    assert renewal_due(venue, renew_by - datetime.timedelta(days=30), 30)
    assert not renewal_due(venue, renew_by - datetime.timedelta(days=31), 30)
    assert not renewal_due(venue, renew_by + datetime.timedelta(days=1), 30)  # lapsed, not due
