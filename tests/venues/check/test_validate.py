"""Venue files: each valid fixture passes, each invalid one fails with its exact message and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from venues.check.catalogue import read_catalogue
from venues.model import Problem
from venues.tools.cli import github_annotation, main

from tests.conftest import BUILD_DAY, FIXTURES, ROOT

VALID = sorted((FIXTURES / "venues" / "valid").glob("*.yaml"))
INVALID = sorted((FIXTURES / "venues" / "invalid").glob("*.yaml"))


def expected_messages(path: Path) -> list[str]:
    """Read the '# expect: LINE:COL: message' lines at the top of an invalid fixture."""
    return [line.removeprefix("# expect: ").rstrip("\n") for line in path.open(encoding="utf-8")
            if line.startswith("# expect: ")]


def check_alone(path: Path, tmp_path: Path):
    folder = tmp_path / "venues"
    folder.mkdir()
    shutil.copy(path, folder / path.name)
    return read_catalogue(folder, tmp_path, BUILD_DAY)


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid_fixture_has_no_problem(path, tmp_path):
    catalogue = check_alone(path, tmp_path)
    assert catalogue.problems == []
    assert [venue.slug for venue in catalogue.venues] == [path.stem]


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_fixture_gives_exact_messages(path, tmp_path):
    expected = expected_messages(path)
    assert expected, f"{path.name} needs '# expect:' lines"
    catalogue = check_alone(path, tmp_path)
    assert [str(problem) for problem in catalogue.problems] == [f"venues/{path.name}:{line}" for line in expected]
    assert catalogue.venues == []


def test_every_error_in_every_file_is_reported_at_once(tmp_path):
    folder = tmp_path / "venues"
    folder.mkdir()
    for path in INVALID:
        shutil.copy(path, folder / path.name)
    catalogue = read_catalogue(folder, tmp_path, BUILD_DAY)
    expected = sum(len(expected_messages(path)) for path in INVALID)
    assert len(catalogue.errors) == expected
    assert {problem.file for problem in catalogue.errors} == {f"venues/{path.name}" for path in INVALID}


def test_the_same_venue_in_two_files_is_an_error(tmp_path):
    folder = tmp_path / "venues"
    folder.mkdir()
    text = (FIXTURES / "venues" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    (folder / "first.yaml").write_text(text, encoding="utf-8")
    (folder / "second.yaml").write_text(text.replace("PO1 2DX", "po12dx"), encoding="utf-8")
    catalogue = read_catalogue(folder, tmp_path)
    assert [str(problem) for problem in catalogue.problems] == [
        'venues/second.yaml:1:7: the same venue ("Minimal Test Venue", PO1 2DX) is already in venues/first.yaml. '
        "Keep one file per venue: update that file instead, or delete this one."
    ]


def test_templates_and_hidden_files_are_not_venues_and_a_hidden_one_is_reported(tmp_path):
    folder = tmp_path / "venues"
    folder.mkdir()
    (folder / "_template.yaml").write_text("name: [not a venue", encoding="utf-8")
    (folder / ".hidden.yaml").write_text("name: [not a venue", encoding="utf-8")
    catalogue = read_catalogue(folder, tmp_path)
    assert catalogue.venues == []
    # Neither file is read (their YAML is broken), but a hidden YAML file would look published to a coordinator.
    assert [str(problem) for problem in catalogue.problems] == [
        "venues/.hidden.yaml:1:1: a file name starting with . is hidden, and hidden files are not published. "
        "Rename it to hidden.yaml, or delete it."
    ]


def test_a_file_that_is_not_yaml_is_reported_not_skipped(tmp_path):
    folder = tmp_path / "venues"
    folder.mkdir()
    shutil.copy(FIXTURES / "venues" / "valid" / "minimal.yaml", folder / "minimal.yml")
    problems = read_catalogue(folder, tmp_path).problems
    assert [problem.message for problem in problems] == [
        'venue files must end in .yaml: rename the file, for example "minimal.yaml".'
    ]


def test_postcode_is_normalised(tmp_path):
    venue = check_alone(FIXTURES / "venues" / "valid" / "full.yaml", tmp_path).venues[0]
    assert venue.address.postcode == "PO5 3NS"
    assert venue.location.lat == pytest.approx(50.7808)
    assert venue.description["ar"] == "مرحبا"


def test_every_example_venue_is_valid_and_marked_as_an_example():
    catalogue = read_catalogue(ROOT / "venues", ROOT)
    assert catalogue.problems == []
    assert 10 <= len(catalogue.venues) <= 12
    assert all(venue.example for venue in catalogue.venues)


def test_cli_prints_each_problem_and_exits_1(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    folder = tmp_path / "venues"
    folder.mkdir()
    shutil.copy(FIXTURES / "venues" / "invalid" / "bad-postcode.yaml", folder)
    shutil.copy(FIXTURES / "venues" / "valid" / "minimal.yaml", folder)
    assert main([str(folder)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [f"venues/bad-postcode.yaml:{expected_messages(folder / 'bad-postcode.yaml')[0]}"]


def test_cli_exits_0_when_all_valid(tmp_path, capsys):
    folder = tmp_path / "venues"
    folder.mkdir()
    shutil.copy(FIXTURES / "venues" / "valid" / "minimal.yaml", folder)
    assert main([str(folder)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "All 1 venue files are valid.\n"


def test_cli_marks_a_warning_as_one_and_counts_it(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    folder = tmp_path / "venues"
    folder.mkdir()
    text = (FIXTURES / "venues" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    (folder / "odd-number.yaml").write_text(text + 'contact:\n  phone: "023 9200"\n', encoding="utf-8")
    assert main([str(folder), "--date", BUILD_DAY.isoformat()]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith('warning: venues/odd-number.yaml:12:10: contact: phone: "023 9200" is not a phone number')
    assert len(captured.out.splitlines()) == 1
    assert captured.err == "All 1 venue files are valid (1 warning).\n"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")  # an annotation carries its level itself
    assert main([str(folder), "--date", BUILD_DAY.isoformat()]) == 0
    assert capsys.readouterr().out.startswith('::warning file=venues/odd-number.yaml,line=12,col=10::contact: phone: "023')


def test_cli_writes_github_annotations_on_github(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    folder = tmp_path / "venues"
    folder.mkdir()
    shutil.copy(FIXTURES / "venues" / "invalid" / "bad-postcode.yaml", folder)
    assert main([str(folder)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        '::error file=venues/bad-postcode.yaml,line=6,col=13::address: postcode: "PO1 ABC" is not a valid UK '
        'postcode. Write the full postcode, for example "PO1 2AB".'
    ]


def test_annotation_escapes_newlines_and_percent():
    problem = Problem("venues/x.yaml", 2, 3, "100% wrong\nsecond line")
    assert github_annotation(problem) == "::error file=venues/x.yaml,line=2,col=3::100%25 wrong%0Asecond line"
