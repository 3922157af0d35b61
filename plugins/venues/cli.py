"""Check every venue file and print each problem on its own line: python -m venues.cli [folder]."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from .catalogue import build_day, read_catalogue
from .model import Problem


def github_annotation(problem: Problem) -> str:
    """Format a problem as a GitHub Actions workflow command that marks the line."""
    message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    level = "error" if problem.severity == "error" else "warning"
    return f"::{level} file={problem.file},line={problem.line},col={problem.column}::{message}"


def terminal_line(problem: Problem) -> str:
    """Format a problem for the terminal, a warning marked as one: it does not stop the venue being published."""
    return f"warning: {problem}" if problem.severity != "error" else str(problem)


def main(argv: list[str] | None = None) -> int:
    """Validate the venues folder; return 1 when any file has an error."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default="venues", type=Path)
    parser.add_argument("--date", type=datetime.date.fromisoformat, default=None,
                        help="check as of this day, YYYY-MM-DD (default: today in Portsmouth)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: no such folder", file=sys.stderr)
        return 2
    today = args.date or build_day({})  # no settings here: today on Portsmouth's clock, as the build's default
    catalogue = read_catalogue(args.folder, args.folder.resolve().parent, today)
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
