"""The network's progress page counts what make report counts, and never the fictional example venues."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from venues.tools.report import main as report_main

from tests.conftest import BUILD_DAY, ROOT, build_site, only_languages
from tests.venues.tools.venue_files import write_venue

EXAMPLES_KEPT = ["example-college-hub", "example-corner-cafe", "example-lapsed-bookshop"]
# slug: (postcode, trained_on, renew_by, status, volunteers)
REAL = {
    "anchor-library": ("PO1 2AB", "2026-10-05", "2027-10-05", "active", 5),
    "bridge-cafe": ("PO4 9AA", "2026-10-20", "2026-12-20", "active", 3),
    "cedar-hall": ("PO5 3AA", "2026-06-01", "2027-06-01", "active", 7),
    "dock-shop": ("PO1 3AA", "2025-08-01", "2026-11-30", "active", 2),
    "elm-centre": ("PO2 7AA", "2025-10-01", "2026-10-01", "active", 4),
    "fern-church": ("PO3 5AA", "2026-02-01", "2027-02-01", "suspended", 6),
}


def cells(html: str, table_id: str) -> dict[str, str]:
    """Return {data-key: text} of one table's number cells."""
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S)
    assert table, f"no table #{table_id}"
    return dict(re.findall(r'<td data-key="([^"]+)">([^<]*)</td>', table.group(0)))


def report_rows(report: str, heading: str) -> dict[str, str]:
    """Return {first cell: last cell} of one section's table in make report's Markdown."""
    section = report.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.strip("| ").split(" | ") for line in section.splitlines()
            if line.startswith("| ") and not line.startswith("| ---")][1:]
    return {row[0]: row[-1] for row in rows}


@pytest.fixture(scope="module")
def network(tmp_path_factory) -> tuple[Path, Path]:
    """Build a site from six real venues and three examples; return it and its venues folder."""
    folder = tmp_path_factory.mktemp("network") / "venues"
    folder.mkdir()
    for slug in EXAMPLES_KEPT:
        shutil.copy(ROOT / "venues" / f"{slug}.yaml", folder)
    for slug, (postcode, trained_on, renew_by, status, volunteers) in REAL.items():
        path = write_venue(folder, slug, postcode=postcode, renew_by=renew_by, status=status, volunteers=volunteers)
        path.write_text(path.read_text(encoding="utf-8").replace("2025-01-10", trained_on), encoding="utf-8")
    site = build_site(folder.parent, folder, **only_languages("en", "ar"))
    return site, folder


def report_of(folder: Path, capsys) -> str:
    capsys.readouterr()
    assert report_main(["--date", BUILD_DAY.isoformat(), "--venues", str(folder)]) == 0
    return capsys.readouterr().out


def test_the_page_shows_the_numbers_make_report_prints(network, capsys):
    site, folder = network
    report = report_of(folder, capsys)
    html = (site / "network" / "index.html").read_text(encoding="utf-8")

    status = report_rows(report, "Venues by status")
    assert cells(html, "network-status") == {
        "shown": status["Shown on the site"],
        "lapsed": status["Hidden: training lapsed"],
        "suspended": status["Hidden: suspended"],
    }
    assert (status["Shown on the site"], status["Hidden: training lapsed"], status["Hidden: suspended"]) == ("4", "1", "1")
    assert cells(html, "network-areas") == {"PO1": "2", "PO4": "1", "PO5": "1"}
    assert cells(html, "network-areas") == report_rows(report, "Venues by area")
    months = report_rows(report, "Venues accredited per month")
    page_months = cells(html, "network-months")
    assert list(page_months.values()) == list(months.values()) and len(months) == 12
    assert page_months == {"2025-12": "0", "2026-01": "0", "2026-02": "0", "2026-03": "0", "2026-04": "0",
                           "2026-05": "0", "2026-06": "1", "2026-07": "0", "2026-08": "0", "2026-09": "0",
                           "2026-10": "2", "2026-11": "0"}
    trained = re.search(r"\*\*(\d+)\*\* of the target of (\d+)", report).groups()
    volunteers = re.search(r'id="network-volunteers" data-trained="(\d+)" data-target="(\d+)">([^<]*)<', html).groups()
    assert volunteers[:2] == trained
    assert volunteers[2] == f"{trained[0]} of the target of {trained[1]}" and trained == ("17", "100")
    renewals = re.search(r'<table[^>]*id="network-renewals".*?</table>', html, re.S).group(0)
    assert "Bridge Cafe" in renewals and "Dock Shop" in renewals and "Anchor" not in renewals


def test_examples_are_never_counted(network, capsys):
    site, folder = network
    examples = len(EXAMPLES_KEPT)
    report = report_of(folder, capsys)
    assert report_rows(report, "Venues by status")["Not counted: fictional examples (`example: true`)"] == str(examples)
    html = (site / "network" / "index.html").read_text(encoding="utf-8")
    assert f'id="network-examples" data-count="{examples}"' in html
    for slug in EXAMPLES_KEPT:
        name = re.search(r"^name: (.*)$", (ROOT / "venues" / f"{slug}.yaml").read_text(encoding="utf-8"), re.M).group(1)
        assert name not in html and name not in report


def test_the_example_site_counts_no_venue_at_all(example_site):
    # Every venue file of the project is an example: the network has nothing to show yet, and says so.
    for prefix in ("", "ar/"):
        html = (example_site / prefix / "network" / "index.html").read_text(encoding="utf-8")
        assert set(cells(html, "network-status").values()) == {"0"}
        assert 'data-trained="0"' in html and 'id="network-examples"' in html
