"""Every inline if in the theme's templates has an else, so no page renders an Undefined object."""

from __future__ import annotations

from pathlib import Path

import pytest
from fragment_cache.extension import FragmentCache
from jinja2 import Environment, nodes

from tests.conftest import ROOT

TEMPLATES = ROOT / "theme" / "templates"
# {{ ' sos-x' if y }} writes nothing when y is false, but Jinja makes an Undefined object with a message for it,
# and escaping it probes for __html__ through an exception: about 8% of a 1,000-venue build, nearly all of it the
# icon macro's class. {{ ' sos-x' if y else '' }} writes the same nothing for free.
PARSER = Environment(extensions=["jinja2.ext.i18n", FragmentCache])


def inline_ifs_without_else(template: Path) -> list[int]:
    """Return the lines of the template's inline if expressions that have no else."""
    tree = PARSER.parse(template.read_text(encoding="utf-8"))
    return [node.lineno for node in tree.find_all(nodes.CondExpr) if node.expr2 is None]


# Every template: the pages, words.js and the app manifest (the components' .yaml files are their documentation).
ALL = sorted(path for path in TEMPLATES.rglob("*") if path.is_file() and path.suffix != ".yaml")


@pytest.mark.parametrize("template", ALL, ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_every_inline_if_has_an_else(template):
    assert inline_ifs_without_else(template) == []


def test_an_inline_if_without_an_else_is_found(tmp_path):
    template = tmp_path / "page.html"
    template.write_text("<p>\n{{ ' sos-a' if a }}{{ ' sos-b' if b else '' }}</p>", encoding="utf-8")
    assert inline_ifs_without_else(template) == [2]
