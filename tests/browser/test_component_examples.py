"""Every component example (theme/templates/components/*.yaml) passes axe on its own page, styled as the site is."""

from __future__ import annotations

import shutil

import pytest

from tests.browser import checks
from tests.browser.chromium import serve
from tests.conftest import ROOT
from tests.theme.test_components import EXAMPLES, render, site

pytestmark = pytest.mark.browser


def test_every_component_example_passes_axe(tab, tmp_path):
    shutil.copytree(ROOT / "theme" / "static", tmp_path / "theme")
    names = []
    for stem, macro, example in (param.values for param in EXAMPLES):
        if example.get("empty") or example.get("in") == "head":
            continue  # nothing on screen to check
        html = render(stem, macro, example)
        code = example.get("language", "en")
        direction = next(language.dir for language in site().writer.languages if language.code == code)
        body = f"<ul>{html}</ul>" if example.get("in") == "ul" else html
        level = example.get("data", {}).get("heading_level", 2)
        if level > 2:  # headings go down one level at a time: a section above an example that asks for a deeper one
            body = f"<h{level - 1}>{macro}</h{level - 1}>{body}"
        name = f"{stem}-{macro}-{len(names)}.html"
        (tmp_path / name).write_text(
            f'<!DOCTYPE html><html lang="{code}" dir="{direction}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="stylesheet" href="/theme/css/fonts.css"><link rel="stylesheet" href="/theme/css/site.css">'
            f'<title>{macro}</title></head><body><main><h1>{macro}: {example["name"]}</h1>{body}</main></body></html>',
            encoding="utf-8")
        names.append(name)
    assert len(names) > 50
    page = tab(viewport=checks.PHONE).page
    violations = []
    with serve(tmp_path) as url:
        for name in names:
            page.goto(f"{url}/{name}", wait_until="load")
            violations += checks.axe_violations(page, name)
    assert violations == [], "\n".join(violations)
