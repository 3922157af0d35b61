"""Place every valid venue file and say where each point came from: python -m geocoding.cli.

Asks Nominatim for addresses missing from the cache (unless offline) and saves the cache,
so it is also how to fill the cache after adding a venue. An address Nominatim found nothing for
stays at its postcode centre, with a warning, until its street is corrected, or until this is run
with --retry-not-found. With --markdown it prints a table for a CI job summary.

Problems go to standard error at the line to fix: a location: block or cached point farther from the postcode's
centre than GEOCODING_MAX_DISTANCE_METRES, a postcode the extract does not know; the exit status is 1 on any error.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from pelican.settings import read_settings
from venues.check.catalogue import build_day, read_catalogue
from venues.city import city_of
from venues.tools.cli import github_annotation
from venues.tools.github_text import markdown_code

from geocoding.resolve import origin_of, resolve_venues

ROOT = Path(__file__).resolve().parent.parent.parent


def main(argv: list[str] | None = None) -> int:
    """Resolve the venues; print one line per venue and its problems; return 1 on any error."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py", help="Pelican settings file")
    parser.add_argument("--venues", type=Path, help="folder of venue files (default: VENUES_PATH)")
    parser.add_argument("--cache", type=Path, help="geocode cache file (default: GEOCODING_CACHE_PATH)")
    parser.add_argument("--offline", action="store_true", help="never ask Nominatim")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument(
        "--retry-not-found",
        action="store_true",
        help="ask Nominatim again for addresses it found nothing for before (once OpenStreetMap knows them)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")

    overrides = {"GEOCODING_OFFLINE": True} if args.offline else {}
    if args.cache:
        overrides["GEOCODING_CACHE_PATH"] = str(args.cache)
    if args.venues:
        overrides["VENUES_PATH"] = str(args.venues)
    settings = read_settings(str(args.settings), override=overrides)
    folder = Path(settings["VENUES_PATH"])
    catalogue = read_catalogue(folder, folder.resolve().parent, build_day(settings), city_of(settings))
    if catalogue.errors:
        print(f"{len(catalogue.errors)} error(s) in venue files: run make validate first.", file=sys.stderr)
        return 1

    positions, problems = resolve_venues(catalogue.venues, settings, retry_not_found=args.retry_not_found)
    rows = [(venue.source, positions.get(venue.slug), origin_of(venue, positions.get(venue.slug), settings))
            for venue in catalogue.venues]
    print(markdown_table(rows) if args.markdown else plain_lines(rows))
    on_github = bool(os.environ.get("GITHUB_ACTIONS"))
    for problem in problems:
        print(github_annotation(problem) if on_github else str(problem), file=sys.stderr)
    return 1 if any(problem.severity == "error" for problem in problems) else 0


def plain_lines(rows) -> str:
    """Format one aligned line per venue: file, latitude, longitude, origin."""
    width = max((len(source) for source, _, _ in rows), default=0)
    return "\n".join(f"{source:<{width}}  {_point(position)}  {origin}" for source, position, origin in rows)


def markdown_table(rows) -> str:
    """Format the venues as a Markdown table for a CI summary."""
    lines = ["| Venue file | Point | From |", "| --- | --- | --- |"]
    # A file name is the coordinator's text: as inline code it forms no link, mention or markup, and an
    # escaped pipe cannot end its table cell early.
    lines += [f"| {markdown_code(source).replace('|', chr(92) + '|')} | {_point(position)} | {origin} |"
              for source, position, origin in rows]
    return "\n".join(lines)


def _point(position) -> str:
    return f"{position.lat:.6f}, {position.lon:.6f}" if position else "(none)"


if __name__ == "__main__":
    sys.exit(main())
