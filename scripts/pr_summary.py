"""Show the venues a pull request adds or changes, with their map pins: python scripts/pr_summary.py --changes FILE.

FILE holds `git diff --name-status` lines (or plain paths; - reads standard input). The changed venues
are placed the way the build places them (location: block, geocode cache, then Nominatim unless
GEOCODING_OFFLINE is set, then the postcode centre) and the Markdown for $GITHUB_STEP_SUMMARY is printed.

A venue is "pinned" when its position comes from its own file or from the committed geocode cache.
For any other venue the summary prints a ready-to-paste location: block, so that no position reaches
the site without a person looking at it. When GITHUB_OUTPUT is set, unpinned=<count> is written there;
with --require-pinned the exit status is 1 when any venue is not pinned, or when a venue's pin fails the build's
checks (for example a location: block far from the venue's postcode). With --all every venue is listed.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))  # run as a script from anywhere, like the plugins' own CLIs

from geocoding.compass import distance_metres, how_far  # noqa: E402
from geocoding.resolve import FOUND_NOTHING, origin_of, resolve_venues  # noqa: E402
from venues.check.catalogue import Catalogue, build_day, hidden_reason, read_catalogue  # noqa: E402
from venues.city import city_of  # noqa: E402
from venues.model import Position, Problem, Venue  # noqa: E402
from venues.tools.cli import github_annotation  # noqa: E402
from venues.tools.github_text import markdown_code, markdown_text  # noqa: E402
from venues.tools.renewals import markdown_table  # noqa: E402

STATUS_WORDS = {"A": "added", "C": "added", "M": "changed", "T": "changed", "D": "removed", "R": "renamed"}
MOVE_METRES = 1.0  # a cache rounds to 0.1 m: anything less is the same pin
PINNED_SOURCES = {"file", "cache"}  # reviewed and committed: the venue file itself, or data/geocode-cache.json


@dataclass(frozen=True)
class Change:
    """One file the pull request touches: how (added, changed, removed, renamed) and where."""

    status: str
    path: str
    old_path: str | None = None


@dataclass
class Row:
    """One changed venue file as the summary shows it."""

    change: Change
    venue: Venue | None = None
    origin: str = ""
    problems: list[Problem] = field(default_factory=list)
    position: Position | None = None  # where the build would put its pin

    @property
    def pinned(self) -> bool:
        return self.venue is None or self.position is None or self.position.source in PINNED_SOURCES


def parse_changes(lines: Iterable[str]) -> list[Change]:
    """Read `git diff --name-status` lines (a plain path counts as changed)."""
    changes = []
    for line in lines:
        parts = line.rstrip("\n").split("\t")
        if not parts[0].strip():
            continue
        if len(parts) == 1:
            changes.append(Change("changed", parts[0].strip()))
            continue
        status = STATUS_WORDS.get(parts[0][:1], "changed")
        if status == "renamed" or parts[0].startswith("C"):
            changes.append(Change(status, parts[2], old_path=parts[1]))
        else:
            changes.append(Change(status, parts[1]))
    return changes


def is_venue_file(path: str, folder: str = "venues") -> bool:
    """Tell whether a repository path is a venue file (not a template, not in a subfolder)."""
    parent, _, name = path.rpartition("/")
    return parent == folder and name.endswith((".yaml", ".yml")) and not name.startswith(("_", "."))


def venue_changes(changes: Iterable[Change], folder: str = "venues") -> list[Change]:
    """Keep the changes to venue files; a file renamed out of the folder counts as removed."""
    kept = []
    for change in changes:
        if is_venue_file(change.path, folder):
            kept.append(change)
        elif change.old_path and is_venue_file(change.old_path, folder):
            kept.append(Change("removed", change.old_path))
    return kept


def osm_link(position: Position) -> str:
    """Link to the point on openstreetmap.org, with a marker, at street zoom."""
    lat, lon = f"{position.lat:.6f}", f"{position.lon:.6f}"
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"


def location_block(position: Position) -> str:
    """Write the location: block that pins a venue to a point."""
    return f"location:\n  lat: {position.lat:.6f}\n  lon: {position.lon:.6f}"


def offline_positions(folder: Path, cache: Path, settings: Mapping, today: datetime.date) -> dict[str, Position]:
    """Place every valid venue of a folder without the network, as an offline build does: file, cache, postcode."""
    catalogue = read_catalogue(folder, folder.resolve().parent, today, city_of(settings))
    positions, _problems = resolve_venues(
        catalogue.venues, {**settings, "GEOCODING_OFFLINE": True, "GEOCODING_CACHE_PATH": str(cache)}, {})
    return {venue.source: positions[venue.slug] for venue in catalogue.venues if venue.slug in positions}


def moved_by_cache(changes: list[Change], before: Mapping[str, Position], after: Mapping[str, Position]) -> list[Change]:
    """Return a change for each venue whose pin moved though its file did not: the geocode cache moved it."""
    listed = {change.path for change in changes} | {change.old_path for change in changes if change.old_path}
    return [Change("pin moved", source) for source, point in sorted(after.items())
            if source not in listed and source in before and _moved(before[source], point)]


def _moved(before: Position, after: Position) -> bool:
    return distance_metres((before.lat, before.lon), (after.lat, after.lon)) >= MOVE_METRES


def pin_moves(rows: list[Row], before: Mapping[str, Position]) -> list[tuple[Row, Position | None]]:
    """Return each row whose pin is new or moved, with its old pin (None for a new one)."""
    moves = []
    for row in rows:
        if row.venue is None or row.position is None:
            continue
        old = before.get(row.change.old_path or row.change.path)
        if old is None or _moved(old, row.position):
            moves.append((row, old))
    return moves


def collect_rows(changes: list[Change], catalogue: Catalogue, settings: Mapping) -> list[Row]:
    """Place the changed venues and gather what the summary says about each file."""
    by_source = {venue.source: venue for venue in catalogue.venues}
    rows = [Row(change, by_source.get(change.path) if change.status != "removed" else None) for change in changes]
    venues = [row.venue for row in rows if row.venue is not None]
    positions, problems = resolve_venues(venues, settings)
    for row in rows:
        if row.venue is not None:
            row.position = positions.get(row.venue.slug)
            row.origin = origin_of(row.venue, row.position, settings)
            # The file's own warnings (it is published with them) come first, then where it was placed.
            row.problems = [problem for problem in catalogue.problems + problems if problem.file == row.venue.source]
        elif row.change.status != "removed":
            row.problems = [problem for problem in catalogue.problems if problem.file == row.change.path]
    return rows


def _what_changed(change: Change) -> str:
    if change.status == "renamed":
        return f"renamed from {markdown_code(change.old_path)} (its web address changes: old links break)"
    if change.status == "pin moved":
        return "pin moved by data/geocode-cache.json"
    return change.status


def _origin(row: Row) -> str:
    """Say where the position came from, with the file's reason for a pin far from its postcode."""
    reason = row.venue.location_reason if row.venue else None
    return f"{row.origin} (reason: {markdown_text(reason)})" if reason else row.origin


def _shown(row: Row, today: datetime.date) -> str:
    if row.change.status == "removed":
        return "no: removed from the site"
    if row.venue is None:
        return "no: the file has errors (see the annotations in *Files changed*)"
    reason = hidden_reason(row.venue, today)
    return f"no: {reason}" if reason else "yes"


def _pin(row: Row) -> str:
    position = row.position if row.venue else None
    return f"[{position.lat:.6f}, {position.lon:.6f}]({osm_link(position)})" if position else ""


def summary_markdown(rows: list[Row], today: datetime.date, heading: str = "Venues in this pull request",
                     before: Mapping[str, Position] | None = None) -> str:
    """Write the job summary: one row per venue file, the pins that move, then what to do about each unpinned one."""
    lines = [f"## {heading}", ""]
    if not rows:
        lines.append("No venue file is added or changed.")
        return "\n".join(lines) + "\n"
    table = []
    for row in rows:
        name = markdown_text(row.venue.name) if row.venue else ""
        table.append((_what_changed(row.change), name, markdown_code(row.change.path), _shown(row, today), _pin(row),
                      _origin(row)))
    lines.append(markdown_table(("What", "Venue", "File", "On the site", "Map pin", "Position from"), table))
    lines += ["", "Open each map pin and check it is on the venue's entrance before approving."]
    if before is not None:
        lines += _moves_markdown(pin_moves(rows, before))

    for row in rows:
        for problem in row.problems:
            lines += ["", f"- **{problem.severity}** in {markdown_code(problem.file)} line {problem.line}: "
                          f"{markdown_text(problem.message)}"]
    for row in rows:
        if not row.pinned:
            lines += ["", *_pin_advice(row)]
    return "\n".join(lines) + "\n"


def _moves_markdown(moves: list[tuple[Row, Position | None]]) -> list[str]:
    """List every new or moved pin: where it was, where it is now, how far it moved and what moved it."""
    if not moves:
        return ["", "No map pin moves."]
    table = []
    for row, old in moves:
        new = row.position
        was = f"[{old.lat:.6f}, {old.lon:.6f}]({osm_link(old)})" if old else "(new)"
        far = how_far((old.lat, old.lon), (new.lat, new.lon)) if old else ""
        table.append((markdown_text(row.venue.name), markdown_code(row.venue.source), was, _pin(row), far, _origin(row)))
    return ["", "### Map pins that move", "",
            markdown_table(("Venue", "File", "Pin before", "Pin after", "Moved", "Position from"), table),
            "", "Open both pins of each venue: a pin that moves sends people to another door."]


def move_problem(row: Row, old: Position) -> Problem:
    """Mark a moved pin on the venue file, so the pull request shows it on the file's page too."""
    new = row.position
    where = row.venue.key_at("location") if row.venue.location else row.venue.key_at("address")
    return Problem(row.venue.source, *where, (
        f"the map pin moves {how_far((old.lat, old.lon), (new.lat, new.lon))}, from {old.lat:.6f}, {old.lon:.6f} to "
        f"{new.lat:.6f}, {new.lon:.6f} ({row.origin}): check it on the map, {osm_link(new)}"), severity="warning")


def _pin_advice(row: Row) -> list[str]:
    venue = row.venue
    found_nothing = row.origin == f"postcode: {FOUND_NOTHING}"
    where = {
        "nominatim": "OpenStreetMap's address search (Nominatim) found it just now",
        "postcode": "it is the centre of the postcode, which can be a few hundred metres from the door",
        f"postcode: {FOUND_NOTHING}": "OpenStreetMap's address search (Nominatim) found nothing for this address, "
        "so it is only the centre of the postcode, which can be a few hundred metres from the door",
    }.get(row.origin, f"it came from {row.origin}")
    street = []
    if found_nothing:
        # A misspelt street is the usual cause of a miss, and the cheapest fix: a corrected address is looked up afresh.
        street = ["", "First check the street under `address:` in the venue file (spelling, house number): "
                  "once it is corrected, the next run looks the address up again."]
    return [
        f"### Check the pin of {markdown_text(venue.name)} ({markdown_code(venue.source)})",
        "",
        f"This position is not in the venue file nor in the committed geocode cache: {where}. "
        f"Look at it on the map: {_pin(row)}.",
        *street,
        "",
        "If the pin is on the venue, paste this block into the venue file (for example after the address), "
        "so the map always uses it:",
        "",
        "```yaml",
        location_block(row.position),
        "```",
        "",
        "If it is wrong, write the right numbers instead: on openstreetmap.org, right-click the entrance and "
        'choose "Show address" to read them. (A maintainer may instead commit the updated '
        "`data/geocode-cache.json` that this run offers as the `geocode-cache` artifact.)",
    ]


def unpinned_problem(row: Row) -> Problem:
    """Make the message that marks an unpinned venue file in the pull request."""
    return Problem(row.venue.source, row.venue.line, 1,
                   f"the map position of this venue is not pinned yet ({row.origin}): check the pin in the job summary "
                   "and add the location: block it gives", severity="warning")


def main(argv: list[str] | None = None) -> int:
    """Print the summary for the changed venue files."""
    from pelican.settings import read_settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=argparse.FileType("r", encoding="utf-8"), help="git diff --name-status output")
    parser.add_argument("--all", action="store_true", help="list every venue file, not only the changed ones")
    parser.add_argument(
        "--require-pinned", action="store_true", help="exit 1 when a listed venue is not pinned or its pin fails a check"
    )
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument("--venues", type=Path, help="folder of venue files (default: VENUES_PATH)")
    parser.add_argument("--cache", type=Path, help="geocode cache file (default: GEOCODING_CACHE_PATH)")
    parser.add_argument("--date", type=datetime.date.fromisoformat, default=None)
    parser.add_argument("--base", type=Path, help="a copy of the base branch's venues/ and data/geocode-cache.json: "
                                                  "every pin that moves is listed, a pin moved by the cache alone too")
    args = parser.parse_args(argv)
    if not args.all and args.changes is None:
        parser.error("give --changes FILE or --all")

    overrides = {"GEOCODING_CACHE_PATH": str(args.cache)} if args.cache else {}
    if args.venues:
        overrides["VENUES_PATH"] = str(args.venues)
    settings = read_settings(str(args.settings), override=overrides or None)
    folder = Path(settings["VENUES_PATH"])
    today = args.date or build_day(settings)
    catalogue = read_catalogue(folder, folder.resolve().parent, today, city_of(settings))
    if args.all:
        changes = [Change("listed", venue.source) for venue in catalogue.venues]
        changes += [Change("changed", file) for file in sorted({problem.file for problem in catalogue.errors})]
    else:
        changes = venue_changes(parse_changes(args.changes), folder.name)
    before = None
    if args.base:
        # Compared without the network on both sides: only the files and the committed cache can move a pin here.
        cache = Path(settings.get("GEOCODING_CACHE_PATH") or ROOT / "data" / "geocode-cache.json")
        before = offline_positions(args.base / folder.name, args.base / "data" / cache.name, settings, today)
        changes += moved_by_cache(changes, before, offline_positions(folder, cache, settings, today))
    rows = collect_rows(changes, catalogue, settings)
    heading = "Venues on the site" if args.all else "Venues in this pull request"
    print(summary_markdown(rows, today, heading, before), end="")

    unpinned = [row for row in rows if not row.pinned]
    on_github = bool(os.environ.get("GITHUB_ACTIONS"))
    for row in unpinned:
        problem = unpinned_problem(row)
        if args.require_pinned:
            problem = Problem(problem.file, problem.line, problem.column, problem.message)  # an error, then
        print(github_annotation(problem) if on_github else str(problem), file=sys.stderr)
    # A pin the build rejects (a location: block kilometres from its postcode) is in the file, hence "pinned",
    # but no person can have checked it: the same errors that stop the build fail this check.
    placing_errors = [problem for row in rows if row.venue for problem in row.problems if problem.severity == "error"]
    for problem in placing_errors:
        print(github_annotation(problem) if on_github else str(problem), file=sys.stderr)
    for row, old in pin_moves(rows, before) if before is not None else ():
        if old is not None:
            problem = move_problem(row, old)
            print(github_annotation(problem) if on_github else str(problem), file=sys.stderr)
    if os.environ.get("GITHUB_OUTPUT"):
        with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as output:
            output.write(f"unpinned={len(unpinned)}\n")
    return 1 if args.require_pinned and (unpinned or placing_errors) else 0


if __name__ == "__main__":
    sys.exit(main())
