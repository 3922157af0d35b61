"""The maintainers review every change to what readers trust: pages, theme, code, data, settings and workflows."""

from __future__ import annotations

from tests.conftest import ROOT

MUST_REVIEW = ["content/", "theme/", "plugins/", "data/", ".github/", "pelicanconf.py"]


def owned_paths() -> dict[str, list[str]]:
    lines = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    rules = [line.split() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return {rule[0].lstrip("/"): rule[1:] for rule in rules}


def test_the_maintainers_own_what_readers_trust():
    owned = owned_paths()
    for path in MUST_REVIEW:
        assert owned.get(path) == ["@portsmouth-sanctuary/maintainers"], path


def test_every_owned_path_exists():
    for path in owned_paths():
        assert (ROOT / path).exists(), f".github/CODEOWNERS names {path}, which is not in the repository"
