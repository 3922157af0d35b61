"""The Nu HTML Checker (vnu-jar from npm, run with the machine's Java) finds no error in any built page."""

from __future__ import annotations

import json
import shutil
import subprocess

from tests.browser.site_pages import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_the_nu_html_checker_finds_no_error_in_any_page(example_site):
    assert VNU.is_file(), "npm's vnu-jar is missing: run make test, which installs it"
    assert shutil.which("java"), "Java is missing: run make browser, which installs it"
    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) > 10
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(example_site)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m['url'].split(str(example_site), 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
              for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0, result.stderr[-2000:]
