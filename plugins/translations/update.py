"""Extract the site's words, update every language's catalogue and compile them: make translations."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from pelican.settings import read_settings

from .catalogues import DOMAIN, catalogue_path
from .languages import site_languages

ROOT = Path(__file__).resolve().parents[2]


def pybabel(*arguments: str, quiet: bool = True) -> None:
    """Run one pybabel command, stopping on failure."""
    CommandLineInterface().run(["pybabel", *(["--quiet"] if quiet else []), *arguments])


def main() -> int:
    """Bring every catalogue in line with the templates and the schema, then compile them to check."""
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    folder = Path(settings["TRANSLATIONS_PATH"])
    template = folder / f"{DOMAIN}.pot"
    # No line numbers and sorted output: a catalogue's diff then shows only words that changed.
    pybabel("extract", "--mapping-file", str(ROOT / "babel.cfg"), "--output-file", str(template),
            "--no-location", "--sort-output", "--omit-header", "--add-comments", "Translators:", str(ROOT))
    for language in site_languages(settings):
        if language.default:
            continue
        if catalogue_path(folder, language.code).is_file():
            pybabel("update", "--input-file", str(template), "--output-dir", str(folder), "--locale", language.code,
                    "--ignore-obsolete", "--no-fuzzy-matching")
        else:
            pybabel("init", "--input-file", str(template), "--output-dir", str(folder), "--locale", language.code)
    # Compiling checks every catalogue's syntax and prints how much of each is translated; the site
    # itself reads the .po files, so the .mo files are not committed.
    pybabel("compile", "--directory", str(folder), "--statistics", quiet=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
