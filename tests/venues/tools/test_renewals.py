"""The renewals list picks the venues due within the warning period or lapsed, for a given day."""

from __future__ import annotations

import datetime

import pytest
from venues.check.catalogue import read_catalogue
from venues.tools.renewals import ISSUE_MARKER, main, renewals_due

from tests.venues.tools.venue_files import write_venue

DAY = datetime.date(2026, 11, 27)


@pytest.fixture
def network(venues_dir):
    write_venue(venues_dir, "lapsed-yesterday", renew_by="2026-11-26")
    write_venue(venues_dir, "due-today", renew_by="2026-11-27")
    write_venue(venues_dir, "due-in-30-days", renew_by="2026-12-27")
    write_venue(venues_dir, "due-in-31-days", renew_by="2026-12-28")
    write_venue(venues_dir, "suspended-and-lapsed", renew_by="2026-11-01", status="suspended")
    (venues_dir / "broken.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    return venues_dir


def slugs_due(folder, day, days=30):
    catalogue = read_catalogue(folder, folder.parent, day)
    return [(renewal.venue.slug, renewal.days_left) for renewal in renewals_due(catalogue.venues, day, days)]


def test_picks_lapsed_and_due_within_the_window_soonest_first(network):
    assert slugs_due(network, DAY) == [("lapsed-yesterday", -1), ("due-today", 0), ("due-in-30-days", 30)]


def test_the_window_moves_with_the_day(network):
    assert slugs_due(network, datetime.date(2026, 11, 28)) == [
        ("lapsed-yesterday", -2), ("due-today", -1), ("due-in-30-days", 29), ("due-in-31-days", 30)]
    assert slugs_due(network, datetime.date(2026, 10, 1)) == []
    assert slugs_due(network, DAY, days=0) == [("lapsed-yesterday", -1), ("due-today", 0)]


def test_markdown_body_and_count_for_the_workflow(network, tmp_path, monkeypatch, capsys):
    output = tmp_path / "github-output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(output))
    assert main(["--date", "2026-11-27", "--venues", str(network),
                 "--edit-url", "https://github.com/o/r/edit/main/{path}"]) == 0
    body = capsys.readouterr().out
    assert output.read_text() == "count=3\n"
    assert body.startswith(ISSUE_MARKER + "\n## Renewals due, as of 27 November 2026\n")
    rows = [line for line in body.splitlines() if line.startswith("| ") and "venues/" in line]
    assert rows == [
        "| Lapsed Yesterday | [`venues/lapsed-yesterday.yaml`](https://github.com/o/r/edit/main/venues/lapsed-yesterday.yaml)"
        " | 26 November 2026 | lapsed 1 day ago: hidden from the site |",
        "| Due Today | [`venues/due-today.yaml`](https://github.com/o/r/edit/main/venues/due-today.yaml)"
        " | 27 November 2026 | today |",
        "| Due In 30 Days | [`venues/due-in-30-days.yaml`](https://github.com/o/r/edit/main/venues/due-in-30-days.yaml)"
        " | 27 December 2026 | in 30 days |",
    ]
    assert "1 venue file(s) have errors" in body


def test_none_due_says_so_and_counts_zero(venues_dir, tmp_path, monkeypatch, capsys):
    write_venue(venues_dir, "fine", renew_by="2027-06-01")
    output = tmp_path / "github-output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(output))
    assert main(["--date", "2026-11-27", "--venues", str(venues_dir)]) == 0
    body = capsys.readouterr().out
    assert output.read_text() == "count=0\n"
    assert "No venue needs to renew its training in the next 30 days." in body
    assert "| Venue |" not in body
