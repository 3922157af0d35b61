"""make report: the network at a glance, counted from the venue files for a given day."""

from __future__ import annotations

import datetime
import subprocess

from venues.check.catalogue import read_catalogue
from venues.tools.report import network_report

from tests.conftest import ROOT
from tests.venues.tools.venue_files import write_venue

DAY = datetime.date(2026, 11, 27)


def table(report: str, heading: str) -> list[str]:
    """Return the table rows of one section of the report."""
    section = report.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| ---")][1:]


def test_counts_by_status_volunteers_offers_and_languages(venues_dir):
    write_venue(venues_dir, "library", languages="en, ar", volunteers=40)
    write_venue(venues_dir, "due-soon", renew_by="2026-12-20", languages="en, uk, ar", volunteers=25)
    write_venue(venues_dir, "lapsed", renew_by="2026-11-01", languages="en, fa", volunteers=30)
    write_venue(venues_dir, "resting", status="suspended", volunteers=30)
    (venues_dir / "broken.yaml").write_text("name: Broken\n", encoding="utf-8")
    report = network_report(read_catalogue(venues_dir, venues_dir.parent, DAY), DAY, 30, 100)

    assert report.startswith("# The network on 27 November 2026\n")
    assert table(report, "Venues by status") == [
        "| Shown on the site | 2 |",
        "| … of which must renew within 30 days | 1 |",
        "| Hidden: training lapsed | 1 |",
        "| Hidden: suspended | 1 |",
        "| Not shown: the file has errors (run `make validate`) | 1 |",
        "| All venue files | 5 |",
    ]
    assert [row.split(" | ")[0] for row in table(report, "Renewals due")] == ["| Lapsed", "| Due Soon"]
    # Only venues on the site count towards the target: 40 + 25.
    assert "**65** of the target of 100 (65%), at the 2 venues shown on the site." in report
    offers = table(report, "Venues per offer")
    assert offers[0] == "| Safe space | 2 |" and "| Printing | 0 |" in offers
    assert table(report, "Venues per language") == ["| Arabic | ar | 2 |", "| English | en | 2 |", "| Ukrainian | uk | 1 |"]


def test_make_report_runs_on_the_example_venues():
    result = subprocess.run(["make", "--no-print-directory", "report"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# The network on ")
    for heading in ("Venues by status", "Renewals due", "Volunteers trained", "Venues per offer", "Venues per language"):
        assert f"\n## {heading}\n" in result.stdout
    assert "of the target of 100" in result.stdout
