"""A build stopped by venue problems prints them whole, one a line, and exits 1 without a Python traceback."""

from __future__ import annotations

import os
import shutil
import subprocess

from tests.conftest import ROOT


def test_make_html_on_a_broken_venue_prints_whole_lines_and_no_traceback(tmp_path):
    folder = tmp_path / "venues"
    folder.mkdir()
    for path in (ROOT / "venues").glob("example-*.yaml"):
        shutil.copy(path, folder / path.name)
    (folder / "broken.yaml").write_text("name: x\n", encoding="utf-8")
    # A narrow terminal: rich used to wrap each message at 60 columns, cutting venues/broken.yaml:1:1: in two.
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pelican"), "content", "-s", "pelicanconf.py", "-o", str(tmp_path / "out"),
         "--fatal", "errors", "-e", f'VENUES_PATH="{folder}"', "GEOCODING_OFFLINE=true"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "60"})
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output and "RuntimeError" not in output
    lines = output.splitlines()
    assert ('venues/broken.yaml:1:1: "offers" is missing. Add it: What anyone can get here. At least one.' in lines)
    assert "venues/broken.yaml:1:7: name is too short: use between 2 and 120 characters." in lines
    # Each missing field once (several parts of the schema ask for it).
    assert sum('"kind" is missing' in line for line in lines) == 1
    assert lines[-1] == ("CRITICAL the build stopped on the venue problems above: fix them and build again "
                         "(make validate lists them too)")
