"""The pull-request summary lists the venues a diff adds or changes, with their real positions and origins."""

from __future__ import annotations

import datetime
import json
import shutil

import pytest
from venues.check.catalogue import read_catalogue
from venues.city import City

from scripts.pr_summary import Change, collect_rows, main, parse_changes, summary_markdown, venue_changes
from tests.conftest import ROOT
from tests.venues.tools.venue_files import write_venue

PORTSMOUTH = City("Portsmouth")  # the example venues leave out town:, as a coordinator may

DAY = datetime.date(2026, 11, 27)
GUILDHALL_CENTRE = "50.797635, -1.092887"  # centre of PO1 2AB in the committed postcode extract
GUILDHALL_LINK = "https://www.openstreetmap.org/?mlat=50.797635&mlon=-1.092887#map=18/50.797635/-1.092887"

DIFF = """\
A\tvenues/fresh.yaml
M\tvenues/cached.yaml
M\tvenues/pinned.yaml
M\tvenues/resting.yaml
D\tvenues/gone.yaml
M\tvenues/broken.yaml
M\tvenues/_template.yaml
M\tREADME.md
R095\tvenues/old-name.yaml\tvenues/renamed.yaml
R100\tvenues/moved-away.yaml\tarchive/moved-away.yaml
"""


@pytest.fixture(autouse=True)
def no_environment_overrides(monkeypatch):
    for name in ("GEOCODING_OFFLINE", "NOMINATIM_URL", "GITHUB_ACTIONS", "GITHUB_OUTPUT"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def pull_request(venues_dir):
    """Venue files as a pull request leaves them; untouched.yaml is not in the diff."""
    write_venue(venues_dir, "fresh", street="3 Newly Added Street")  # address in no cache
    write_venue(venues_dir, "cached", street="12 Palmerston Road", postcode="PO1 2AE")
    write_venue(venues_dir, "pinned", location=(50.7981, -1.0921))
    write_venue(venues_dir, "resting", status="suspended", location=(50.7982, -1.0922))
    write_venue(venues_dir, "renamed", location=(50.7983, -1.0923))
    write_venue(venues_dir, "untouched", street="99 Quiet Lane")
    (venues_dir / "broken.yaml").write_text("name: Broken\nkind: castle\n", encoding="utf-8")
    (venues_dir / "_template.yaml").write_text("name: Template\n", encoding="utf-8")
    return venues_dir


def offline_settings(cache_file):
    return {"GEOCODING_OFFLINE": True, "GEOCODING_CACHE_PATH": str(cache_file)}


def test_reads_the_diff_and_keeps_venue_files_only():
    assert venue_changes(parse_changes(DIFF.splitlines())) == [
        Change("added", "venues/fresh.yaml"),
        Change("changed", "venues/cached.yaml"),
        Change("changed", "venues/pinned.yaml"),
        Change("changed", "venues/resting.yaml"),
        Change("removed", "venues/gone.yaml"),
        Change("changed", "venues/broken.yaml"),
        Change("renamed", "venues/renamed.yaml", old_path="venues/old-name.yaml"),
        Change("removed", "venues/moved-away.yaml"),
    ]
    assert parse_changes(["venues/a.yaml", ""]) == [Change("changed", "venues/a.yaml")]


def test_each_changed_venue_gets_its_position_and_origin(pull_request, cache_file):
    catalogue = read_catalogue(pull_request, pull_request.parent, DAY, city=PORTSMOUTH)
    rows = collect_rows(venue_changes(parse_changes(DIFF.splitlines())), catalogue, offline_settings(cache_file))
    seen = {row.change.path: (row.origin, row.pinned,
                              (row.position.lat, row.position.lon) if row.venue else None) for row in rows}
    assert seen == {
        "venues/fresh.yaml": ("postcode", False, (50.797635, -1.092887)),
        "venues/cached.yaml": ("cache (nominatim)", True, (50.7903, -1.1028)),
        "venues/pinned.yaml": ("file", True, (50.7981, -1.0921)),
        "venues/resting.yaml": ("file", True, (50.7982, -1.0922)),
        "venues/gone.yaml": ("", True, None),
        "venues/broken.yaml": ("", True, None),
        "venues/renamed.yaml": ("file", True, (50.7983, -1.0923)),
        "venues/moved-away.yaml": ("", True, None),
    }
    broken = next(row for row in rows if row.change.path == "venues/broken.yaml")
    assert [str(problem) for problem in broken.problems][0].startswith("venues/broken.yaml:")


def test_summary_shows_pins_as_openstreetmap_links_and_a_block_to_paste(pull_request, cache_file):
    catalogue = read_catalogue(pull_request, pull_request.parent, DAY, city=PORTSMOUTH)
    rows = collect_rows(venue_changes(parse_changes(DIFF.splitlines())), catalogue, offline_settings(cache_file))
    markdown = summary_markdown(rows, DAY)
    table = [line for line in markdown.splitlines() if line.startswith("| ") and "`venues/" in line]
    assert table == [
        f"| added | Fresh | `venues/fresh.yaml` | yes | [{GUILDHALL_CENTRE}]({GUILDHALL_LINK}) | postcode |",
        "| changed | Cached | `venues/cached.yaml` | yes | [50.790300, -1.102800](https://www.openstreetmap.org/"
        "?mlat=50.790300&mlon=-1.102800#map=18/50.790300/-1.102800) | cache (nominatim) |",
        "| changed | Pinned | `venues/pinned.yaml` | yes | [50.798100, -1.092100](https://www.openstreetmap.org/"
        "?mlat=50.798100&mlon=-1.092100#map=18/50.798100/-1.092100) | file |",
        "| changed | Resting | `venues/resting.yaml` | no: it is suspended (status: suspended) | [50.798200, -1.092200]"
        "(https://www.openstreetmap.org/?mlat=50.798200&mlon=-1.092200#map=18/50.798200/-1.092200) | file |",
        "| removed |  | `venues/gone.yaml` | no: removed from the site |  |  |",
        "| changed |  | `venues/broken.yaml` | no: the file has errors (see the annotations in *Files changed*) |  |  |",
        "| renamed from `venues/old-name.yaml` (its web address changes: old links break) | Renamed | `venues/renamed.yaml`"
        " | yes | [50.798300, -1.092300](https://www.openstreetmap.org/?mlat=50.798300&mlon=-1.092300"
        "#map=18/50.798300/-1.092300) | file |",
        "| removed |  | `venues/moved-away.yaml` | no: removed from the site |  |  |",
    ]
    assert "untouched" not in markdown and "_template" not in markdown and "README" not in markdown
    # Only the venue placed at a guessed point needs a person to look: it alone gets a block to paste.
    assert markdown.count("### Check the pin") == 1
    assert "### Check the pin of Fresh (`venues/fresh.yaml`)" in markdown
    assert "```yaml\nlocation:\n  lat: 50.797635\n  lon: -1.092887\n```" in markdown


def test_no_venue_change_says_so(pull_request, cache_file):
    catalogue = read_catalogue(pull_request, pull_request.parent, DAY, city=PORTSMOUTH)
    rows = collect_rows(venue_changes(parse_changes(["M\tREADME.md"])), catalogue, offline_settings(cache_file))
    assert summary_markdown(rows, DAY) == "## Venues in this pull request\n\nNo venue file is added or changed.\n"


def test_command_marks_unpinned_venues_for_github(pull_request, cache_file, tmp_path, monkeypatch, capsys):
    changes = tmp_path / "changes.txt"
    changes.write_text(DIFF, encoding="utf-8")
    output = tmp_path / "github-output"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_OUTPUT", str(output))
    monkeypatch.setenv("GEOCODING_OFFLINE", "1")
    common = ["--changes", str(changes), "--venues", str(pull_request), "--cache", str(cache_file),
              "--settings", str(ROOT / "pelicanconf.py"), "--date", "2026-11-27"]

    assert main(common) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("## Venues in this pull request\n")
    assert captured.err.splitlines() == [
        "::warning file=venues/fresh.yaml,line=1,col=1::the map position of this venue is not pinned yet (postcode): "
        "check the pin in the job summary and add the location: block it gives"]
    assert output.read_text() == "unpinned=1\n"

    assert main([*common, "--require-pinned"]) == 1
    assert capsys.readouterr().err.startswith("::error file=venues/fresh.yaml,line=1,col=1::")


def test_new_address_found_by_nominatim_goes_to_the_cache_for_review(pull_request, cache_file, nominatim):
    settings = {**offline_settings(cache_file), "GEOCODING_OFFLINE": False, "GEOCODING_NOMINATIM_URL": nominatim.url,
                "GEOCODING_MIN_DELAY_SECONDS": 0.0, "GEOCODING_TIMEOUT_SECONDS": 2}
    catalogue = read_catalogue(pull_request, pull_request.parent, DAY, city=PORTSMOUTH)
    rows = collect_rows([Change("added", "venues/fresh.yaml"), Change("changed", "venues/cached.yaml")], catalogue, settings)

    assert [(row.change.path, row.origin, row.pinned) for row in rows] == [
        ("venues/fresh.yaml", "nominatim", False), ("venues/cached.yaml", "cache (nominatim)", True)]
    assert [request.query["q"] for request in nominatim.requests] == ["3 Newly Added Street, Portsmouth PO1 2AB"]
    cache = json.loads(cache_file.read_text(encoding="utf-8"))
    assert cache["3 newly added street, portsmouth po1 2ab"]["source"] == "nominatim"
    markdown = summary_markdown(rows, DAY)
    assert "OpenStreetMap's address search (Nominatim) found it just now" in markdown
    assert f"```yaml\nlocation:\n  lat: {cache['3 newly added street, portsmouth po1 2ab']['lat']:.6f}\n" in markdown


def test_address_nominatim_found_nothing_for_is_shown_as_a_postcode_centre_and_why(pull_request, cache_file, nominatim):
    nominatim.mode = "not_found"
    settings = {**offline_settings(cache_file), "GEOCODING_OFFLINE": False, "GEOCODING_NOMINATIM_URL": nominatim.url,
                "GEOCODING_MIN_DELAY_SECONDS": 0.0, "GEOCODING_TIMEOUT_SECONDS": 2}
    catalogue = read_catalogue(pull_request, pull_request.parent, DAY, city=PORTSMOUTH)
    rows = collect_rows([Change("added", "venues/fresh.yaml")], catalogue, settings)

    assert [(row.origin, row.pinned) for row in rows] == [("postcode: Nominatim found nothing", False)]
    markdown = summary_markdown(rows, DAY)
    assert (f"| added | Fresh | `venues/fresh.yaml` | yes | [{GUILDHALL_CENTRE}]({GUILDHALL_LINK}) "
            "| postcode: Nominatim found nothing |") in markdown
    # Line 3 is address: in venue_files.VENUE, where the fix goes.
    assert "- **warning** in `venues/fresh.yaml` line 3: Nominatim found nothing for \"3 Newly Added Street" in markdown
    assert ("OpenStreetMap's address search (Nominatim) found nothing for this address, "
            "so it is only the centre of the postcode") in markdown
    assert "First check the street under `address:` in the venue file" in markdown
    assert json.loads(cache_file.read_text(encoding="utf-8"))["3 newly added street, portsmouth po1 2ab"][
        "nominatim_found"] is False

    # Once a maintainer commits that cache, the next run takes the miss from it without asking, and still says why.
    rows = collect_rows([Change("changed", "venues/fresh.yaml")], catalogue, settings)
    assert [(row.origin, row.pinned) for row in rows] == [("cache (postcode: Nominatim found nothing)", True)]
    assert len(nominatim.requests) == 1
    markdown = summary_markdown(rows, DAY)
    assert "| cache (postcode: Nominatim found nothing) |" in markdown
    assert "- **warning** in `venues/fresh.yaml` line 3: Nominatim found nothing" in markdown
    assert "### Check the pin" not in markdown


def test_a_venue_published_with_a_warning_shows_the_warning(venues_dir, cache_file):
    path = write_venue(venues_dir, "odd-number", location=(50.7981, -1.0921))
    path.write_text(path.read_text(encoding="utf-8") + 'contact:\n  phone: "023 9200"\n', encoding="utf-8")
    catalogue = read_catalogue(venues_dir, venues_dir.parent, DAY, city=PORTSMOUTH)
    rows = collect_rows(venue_changes(parse_changes(["A\tvenues/odd-number.yaml"])), catalogue, offline_settings(cache_file))
    markdown = summary_markdown(rows, DAY)
    assert "| added | Odd Number | `venues/odd-number.yaml` | yes |" in markdown
    warning = '- **warning** in `venues/odd-number.yaml` line 17: contact: phone: "023 9200" is not a phone number in use'
    assert warning in markdown


def test_a_pin_moved_by_the_cache_alone_is_a_venue_change_listed_with_both_points(
        pull_request, cache_file, tmp_path, monkeypatch, capsys):
    # The base branch: the same venues and cache; the pull request edits only data/geocode-cache.json.
    base = tmp_path / "base"
    (base / "data").mkdir(parents=True)
    shutil.copytree(pull_request, base / "venues")
    shutil.copy(cache_file, base / "data" / "geocode-cache.json")
    entry = {"lat": 50.7798, "lon": -1.1028, "source": "nominatim"}  # 1.17 km south: off the beach, into the sea
    cache_file.write_text(json.dumps({"12 palmerston road, portsmouth po1 2ae": entry}), encoding="utf-8")
    changes = tmp_path / "changes.txt"
    changes.write_text("M\tdata/geocode-cache.json\n", encoding="utf-8")
    monkeypatch.setenv("GEOCODING_OFFLINE", "1")
    status = main(["--changes", str(changes), "--venues", str(pull_request), "--cache", str(cache_file),
                   "--base", str(base), "--date", "2026-11-27", "--require-pinned"])
    captured = capsys.readouterr()
    assert "No venue file is added or changed." not in captured.out
    assert "| pin moved by data/geocode-cache.json | Cached | `venues/cached.yaml` |" in captured.out
    assert "### Map pins that move" in captured.out
    assert ("| Cached | `venues/cached.yaml` | [50.790300, -1.102800](https://www.openstreetmap.org/?mlat=50.790300&"
            "mlon=-1.102800#map=18/50.790300/-1.102800) | [50.779800, -1.102800](https://www.openstreetmap.org/?"
            "mlat=50.779800&mlon=-1.102800#map=18/50.779800/-1.102800) | 1,168 m south | cache (nominatim) |"
            ) in captured.out
    assert "venues/cached.yaml:3:1: the map pin moves 1,168 m south, from 50.790300, -1.102800 to 50.779800, " \
           "-1.102800 (cache (nominatim))" in captured.err
    # The same check as a far location: block stops it: the cache's point is more than 250 m from PO1 2AE.
    assert status == 1 and "more than the 250 m allowed" in captured.err


def test_without_a_moved_pin_the_summary_says_so(pull_request, cache_file, tmp_path, monkeypatch, capsys):
    base = tmp_path / "base"
    (base / "data").mkdir(parents=True)
    shutil.copytree(pull_request, base / "venues")
    shutil.copy(cache_file, base / "data" / "geocode-cache.json")
    changes = tmp_path / "changes.txt"
    changes.write_text("M\tvenues/pinned.yaml\n", encoding="utf-8")
    monkeypatch.setenv("GEOCODING_OFFLINE", "1")
    assert main(["--changes", str(changes), "--venues", str(pull_request), "--cache", str(cache_file),
                 "--base", str(base), "--date", "2026-11-27"]) == 0
    assert "No map pin moves." in capsys.readouterr().out
