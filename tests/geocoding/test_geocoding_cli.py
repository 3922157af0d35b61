"""The geocoding command places venue files, fills the cache and says where each point came from."""

import json
import shutil
from pathlib import Path

from geocoding.cli import main

ROOT = Path(__file__).resolve().parents[2]
LIBRARY_ADDRESS_LINE = (ROOT / "venues" / "example-harbour-library.yaml").read_text(encoding="utf-8").splitlines().index(
    "address:") + 1


def copy_venues(tmp_path, *names):
    folder = tmp_path / "venues"
    folder.mkdir()
    for name in names:
        shutil.copy(ROOT / "venues" / name, folder / name)
    return folder


def test_cli_fills_the_cache_then_reports_cache_origin(nominatim, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NOMINATIM_URL", nominatim.url)
    monkeypatch.delenv("GEOCODING_OFFLINE", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    nominatim.mode = "not_found"
    folder = copy_venues(tmp_path, "example-corner-cafe.yaml", "example-harbour-library.yaml")
    cache = tmp_path / "cache.json"
    arguments = ["--venues", str(folder), "--cache", str(cache)]

    assert main(arguments) == 0  # a miss is a warning: the venue is still on the map
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].startswith("venues/example-corner-cafe.yaml ") and lines[0].endswith("  file")
    assert lines[1].startswith("venues/example-harbour-library.yaml ")
    assert lines[1].endswith("  postcode: Nominatim found nothing")
    assert len(nominatim.requests) == 1
    entries = json.loads(cache.read_text())
    assert [(entry["source"], entry["nominatim_found"]) for entry in entries.values()] == [("postcode", False)]
    assert_miss_explained(captured.err)

    assert main([*arguments, "--markdown"]) == 0
    captured = capsys.readouterr()
    table = captured.out
    assert "| `venues/example-harbour-library.yaml` | 50.797645, -1.097711 | cache (postcode: Nominatim found nothing) |" in table
    assert len(nominatim.requests) == 1
    assert_miss_explained(captured.err)  # still said from the cache, without asking


def assert_miss_explained(err):
    """Check stderr names the venue file at its address: line and says how to fix a miss."""
    [warning] = err.splitlines()
    assert warning.startswith(f"venues/example-harbour-library.yaml:{LIBRARY_ADDRESS_LINE}:1: Nominatim found nothing for ")
    assert '"1 Example Quay, Portsmouth PO1 3AA"' in warning
    assert "the map pin is only the centre of PO1 3AA" in warning
    assert "check the street under address: in the venue file" in warning
    assert "or add a location: block with lat: and lon: to the file" in warning


def test_cli_asks_again_for_a_cached_miss_only_when_told(nominatim, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NOMINATIM_URL", nominatim.url)
    monkeypatch.delenv("GEOCODING_OFFLINE", raising=False)
    nominatim.mode = "not_found"
    folder = copy_venues(tmp_path, "example-harbour-library.yaml")
    cache = tmp_path / "cache.json"
    arguments = ["--venues", str(folder), "--cache", str(cache)]
    assert main(arguments) == 0
    assert main(arguments) == 0
    assert len(nominatim.requests) == 1

    # OpenStreetMap has since learnt the address: only --retry-not-found asks, and the answer replaces the miss.
    nominatim.mode = "found"
    nominatim.answer = (50.7977, -1.0977)
    assert main([*arguments, "--retry-not-found"]) == 0
    assert len(nominatim.requests) == 2
    assert capsys.readouterr().out.splitlines()[-1].endswith("50.797700, -1.097700  nominatim")
    [entry] = json.loads(cache.read_text()).values()
    assert (entry["source"], "nominatim_found" in entry, "note" in entry) == ("nominatim", False, False)


def test_cli_offline_asks_nothing_and_fails_on_an_unplaceable_venue(nominatim, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NOMINATIM_URL", nominatim.url)
    folder = copy_venues(tmp_path, "example-harbour-library.yaml")
    text = (folder / "example-harbour-library.yaml").read_text(encoding="utf-8")
    (folder / "example-harbour-library.yaml").write_text(text.replace("PO1 3AA", "PO12 1AA"), encoding="utf-8")

    assert main(["--venues", str(folder), "--cache", str(tmp_path / "cache.json"), "--offline"]) == 1
    captured = capsys.readouterr()
    assert "venues/example-harbour-library.yaml  (none)  none" in captured.out
    assert "venues/example-harbour-library.yaml:" in captured.err
    assert "add a location: block" in captured.err
    assert nominatim.requests == []
    assert not (tmp_path / "cache.json").exists()


def test_the_markdown_table_keeps_a_file_name_as_code_in_its_cell():
    """A file name with backticks, a pipe and a mention stays inert code inside its own table cell."""
    from geocoding.cli import markdown_table

    table = markdown_table([("venues/a`b|@someone[x](http://e.example).yaml", None, "postcode centre")])
    row = table.splitlines()[2]
    assert row.startswith("| ``venues/a`b\\|@someone[x](http://e.example).yaml`` | (none) | postcode centre |")
    # Unescaped pipes split the row into cells: exactly the three cells of the table, no more.
    assert len([cell for cell in row.replace("\\|", "").split("|")[1:-1]]) == 3
