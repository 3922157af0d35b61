"""make validate on GitHub: each problem becomes an annotation on the exact line and column of the venue file."""

from __future__ import annotations

import os
import subprocess
import sys

from venues.model import Problem
from venues.tools.cli import github_annotation, main

from tests.conftest import ROOT

BROKEN = """\
name: Broken Library
kind: libary
address:
  street: 1 Guildhall Square
  postcode: NOT A POSTCODE
offers: [safe-space, free-hugs]
languages: [en]
accreditation:
  trained_on: 2025-01-10
  renew_by: 2026-13-01
"""

EXPECTED = [
    '::error file=venues/broken-library.yaml,line=2,col=7::kind: "libary" is not one of the choices. Did you mean '
    '"library"? Use one of: library, cafe, shop, community-centre, place-of-worship, public-service, health, education, other.',
    '::error file=venues/broken-library.yaml,line=5,col=13::address: postcode: "NOT A POSTCODE" is not a valid UK postcode. '
    'Write the full postcode, for example "PO1 2AB".',
    '::error file=venues/broken-library.yaml,line=6,col=22::offers (item 2): "free-hugs" is not one of the choices. '
    "Use one of: safe-space, call-for-help, signposting, phone-charging, wifi, toilets, drinking-water, hot-drink, food, "
    "warm-space, quiet-space, baby-changing, interpreting, computer-access, printing.",
    '::error file=venues/broken-library.yaml,line=10,col=13::accreditation: renew_by: "2026-13-01" is not a date. '
    "Write it as YYYY-MM-DD, for example 2026-03-14.",
]


def test_broken_file_gives_one_exact_annotation_per_problem(venues_dir, monkeypatch, capsys):
    (venues_dir / "broken-library.yaml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main([str(venues_dir)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == EXPECTED
    assert "4 error(s) in venue files" in captured.err


def test_validate_command_prints_annotations_with_paths_from_the_repository_root(tmp_path, venues_dir):
    """Run the module the way make validate does, from the folder that holds venues/."""
    (venues_dir / "broken-library.yaml").write_text(BROKEN, encoding="utf-8")
    environment = {**os.environ, "GITHUB_ACTIONS": "true", "PYTHONPATH": str(ROOT / "plugins")}
    result = subprocess.run([sys.executable, "-m", "venues.tools.cli", "venues"], cwd=tmp_path, env=environment,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stdout.splitlines() == EXPECTED


def test_without_github_the_same_problems_are_plain_lines(venues_dir, monkeypatch, capsys):
    (venues_dir / "broken-library.yaml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main([str(venues_dir)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        'venues/broken-library.yaml:2:7: kind: "libary" is not one of the choices. Did you mean "library"? '
        "Use one of: library, cafe, shop, community-centre, place-of-worship, public-service, health, education, other.")


def test_annotation_escapes_what_would_break_the_workflow_command():
    problem = Problem("venues/x.yaml", 3, 5, "100% wrong\r\nsecond line", severity="warning")
    assert github_annotation(problem) == "::warning file=venues/x.yaml,line=3,col=5::100%25 wrong%0D%0Asecond line"
