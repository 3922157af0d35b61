"""The geocoding command places venue files, fills the cache and says where each point came from."""

import json
import shutil
from pathlib import Path

from geocoding.cli import main

ROOT = Path(__file__).resolve().parents[2]


def copy_venues(tmp_path, *names):
    folder = tmp_path / "venues"
    folder.mkdir()
    for name in names:
        shutil.copy(ROOT / "venues" / name, folder / name)
    return folder


def test_cli_fills_the_cache_then_reports_cache_origin(nominatim, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NOMINATIM_URL", nominatim.url)
    monkeypatch.delenv("GEOCODING_OFFLINE", raising=False)
    nominatim.mode = "not_found"
    folder = copy_venues(tmp_path, "example-corner-cafe.yaml", "example-harbour-library.yaml")
    cache = tmp_path / "cache.json"
    arguments = ["--venues", str(folder), "--cache", str(cache)]

    assert main(arguments) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("venues/example-corner-cafe.yaml ") and lines[0].endswith("  file")
    assert lines[1].startswith("venues/example-harbour-library.yaml ") and lines[1].endswith("  postcode")
    assert len(nominatim.requests) == 1
    assert [entry["source"] for entry in json.loads(cache.read_text()).values()] == ["postcode"]

    assert main([*arguments, "--markdown"]) == 0
    table = capsys.readouterr().out
    assert "| `venues/example-harbour-library.yaml` | 50.797645, -1.097711 | cache (postcode) |" in table
    assert len(nominatim.requests) == 1


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
