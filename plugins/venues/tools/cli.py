"""Check every venue file and print each problem on its own line: python -m venues.tools.cli [folder]."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from ..check.catalogue import build_day, read_catalogue
from ..city import city_of
from ..model import Problem, Venue
from .github_text import workflow_command

ROOT = Path(__file__).resolve().parents[3]


def github_annotation(problem: Problem) -> str:
    """Format a problem as a GitHub Actions workflow command that marks the line."""
    level = "error" if problem.severity == "error" else "warning"
    # A file name can hold a newline and "::notice ...::": escaped, it cannot start a command of its own.
    return workflow_command(level, problem.message, file=problem.file, line=problem.line, col=problem.column)


def terminal_line(problem: Problem) -> str:
    """Format a problem for the terminal, a warning marked as one: it does not stop the venue being published."""
    return f"warning: {problem}" if problem.severity != "error" else str(problem)


def read_site_settings(settings_file: Path) -> dict:
    """Read the site's settings (the city, the geocoding files), for checks that never reach the network."""
    from pelican.settings import read_settings  # here, so importing the module stays light

    return read_settings(str(settings_file), override={"GEOCODING_OFFLINE": True}) if settings_file.exists() \
        else {"GEOCODING_OFFLINE": True}


def position_problems(venues: list[Venue], settings: dict) -> list[Problem]:
    """Place the venues without the network, as an offline build does, and return the problems with their pins."""
    # Imported here: geocoding builds on venues, and only this command needs both.
    from geocoding.resolve import resolve_venues

    return resolve_venues(venues, {**settings, "GEOCODING_OFFLINE": True}, environ={}).problems


def main(argv: list[str] | None = None) -> int:
    """Validate the venues folder; return 1 when any file has an error."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default="venues", type=Path)
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py", help="Pelican settings file")
    parser.add_argument("--date", type=datetime.date.fromisoformat, default=None,
                        help="check as of this day, YYYY-MM-DD (default: today on the site's clock, TIMEZONE)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: no such folder", file=sys.stderr)
        return 2
    settings = read_site_settings(args.settings)
    today = args.date or build_day(settings)
    catalogue = read_catalogue(args.folder, args.folder.resolve().parent, today, city_of(settings))
    # Every check of a map pin that needs no network runs here too: a pin kilometres from its postcode, a broken
    # geocode cache entry, a postcode the site does not know are found before the build.
    catalogue.problems += position_problems(catalogue.venues, settings)
    on_github = bool(os.environ.get("GITHUB_ACTIONS"))
    for problem in catalogue.problems:
        print(github_annotation(problem) if on_github else terminal_line(problem))
    if catalogue.errors:
        print(f"{len(catalogue.errors)} error(s) in venue files. Fix them and run make validate again.", file=sys.stderr)
        return 1
    warnings = len(catalogue.problems)
    counted = f" ({warnings} warning{'' if warnings == 1 else 's'})" if warnings else ""
    print(f"All {len(catalogue.venues)} venue files are valid{counted}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
