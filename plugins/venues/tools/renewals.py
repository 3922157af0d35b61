"""List venues whose training must be renewed soon or has lapsed: python -m venues.tools.renewals --date YYYY-MM-DD.

Prints Markdown (the body of the one open "renewals" issue). When GITHUB_OUTPUT is set it also
writes count=<number of venues due> there, so a workflow can open, update or close that issue.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..check.catalogue import build_day, read_catalogue, renewal_due
from ..city import city_of
from ..config import setting
from ..model import Venue
from ..site.present import format_date
from .github_text import markdown_code, markdown_text

ROOT = Path(__file__).resolve().parents[3]
ISSUE_MARKER = "<!-- spaces-of-sanctuary:renewals -->"  # lets a person (or a script) tell the bot's issue apart


@dataclass(frozen=True)
class Renewal:
    """A venue that must renew, and how many days are left (negative once lapsed)."""

    venue: Venue
    days_left: int

    @property
    def lapsed(self) -> bool:
        return self.days_left < 0

    def when(self) -> str:
        """Say in words when the training lapses or lapsed."""
        if self.days_left > 1:
            return f"in {self.days_left} days"
        if self.days_left == 1:
            return "tomorrow"
        if self.days_left == 0:
            return "today"
        days = -self.days_left
        return f"lapsed {days} day{'s' if days > 1 else ''} ago: hidden from the site"


def renewals_due(venues: Iterable[Venue], today: datetime.date, warning_days: int) -> list[Renewal]:
    """Return active venues whose renew_by is within warning_days of today or already past, soonest first."""
    # Suspended venues are off the site on purpose; they come back here once made active again.
    due = [
        Renewal(venue, (venue.accreditation.renew_by - today).days)
        for venue in venues
        if venue.status == "active" and (venue.accreditation.renew_by < today or renewal_due(venue, today, warning_days))
    ]
    return sorted(due, key=lambda renewal: (renewal.venue.accreditation.renew_by, renewal.venue.slug))


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Format rows as a Markdown table, escaping the pipes inside cells."""
    def cell(value: str) -> str:
        return str(value).replace("|", "\\|").replace("\r", " ").replace("\n", " ")

    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def renewals_table(renewals: Sequence[Renewal], edit_url: str = "") -> str:
    """Format the venues due as a table; edit_url (with {path}) links each file to GitHub's editor."""
    rows = []
    for renewal in renewals:
        venue = renewal.venue
        source = f"[{markdown_code(venue.source)}]({edit_url.format(path=venue.source)})" if edit_url \
            else markdown_code(venue.source)
        # Venue text is escaped: a name holding a link, an image or an @mention stays plain words in the issue.
        name = markdown_text(venue.name)
        name = f"{name} *(example)*" if venue.example and "(example)" not in venue.name else name
        rows.append((name, source, format_date(venue.accreditation.renew_by), renewal.when()))
    return markdown_table(("Venue", "File", "Renew by", "When"), rows)


def renewals_markdown(renewals: Sequence[Renewal], today: datetime.date, warning_days: int,
                      edit_url: str = "", files_with_errors: int = 0) -> str:
    """Write the body of the renewals issue."""
    lines = [ISSUE_MARKER, f"## Renewals due, as of {format_date(today)}", ""]
    if not renewals:
        lines.append(f"No venue needs to renew its training in the next {warning_days} days.")
    else:
        lines += [
            f"These venues must renew their Space of Sanctuary training within {warning_days} days, "
            "or it has already lapsed. A venue whose training has lapsed is hidden from the site "
            "until its file shows the new dates.",
            "",
            renewals_table(renewals, edit_url),
            "",
            "**To renew a venue** after its refresher training: open its file, set `trained_on:` to the date "
            "of the training and `renew_by:` to the new renewal date, and propose the change "
            "(see *Renew a venue* in CONTRIBUTING.md).",
            "",
            "**To take a venue off the site** instead, set `status: suspended` in its file.",
        ]
    if files_with_errors:
        lines += ["", f"{files_with_errors} venue file(s) have errors and are not checked here: run `make validate`."]
    lines += ["", "_This issue is kept up to date every day by the publish workflow, "
                  "and closed when no renewal is due._"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Print the renewals due on a day as Markdown; write count=N to GITHUB_OUTPUT when it is set."""
    from pelican.settings import read_settings  # here, so importing the module stays light

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--date", type=datetime.date.fromisoformat, default=None, help="the day to check (default: today)")
    parser.add_argument("--days", type=int, help="warning period in days (default: VENUES_RENEWAL_WARNING_DAYS)")
    parser.add_argument("--venues", type=Path, help="folder of venue files (default: VENUES_PATH)")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py", help="Pelican settings file")
    parser.add_argument("--edit-url", default="", help="link for each file, with {path}, e.g. .../edit/main/{path}")
    args = parser.parse_args(argv)

    settings = read_settings(str(args.settings))
    today = args.date or build_day(settings)
    days = args.days if args.days is not None else setting(settings, "VENUES_RENEWAL_WARNING_DAYS")
    folder = args.venues or Path(settings["VENUES_PATH"])
    catalogue = read_catalogue(folder, folder.resolve().parent, today, city_of(settings))
    files_with_errors = len({problem.file for problem in catalogue.errors})
    due = renewals_due(catalogue.venues, today, days)
    print(renewals_markdown(due, today, days, args.edit_url, files_with_errors), end="")
    if os.environ.get("GITHUB_OUTPUT"):
        with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as output:
            output.write(f"count={len(due)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
