"""Show the network at a glance for coordinators: python -m venues.tools.report [--date YYYY-MM-DD].

Venues by status and by area, accredited per month, renewals due, volunteers trained against the target, venues
per offer and per language. Fictional example venues are told apart and never counted.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from .. import schema
from ..check.catalogue import Catalogue, build_day, read_catalogue, renewal_due
from ..city import city_of
from ..config import setting
from ..site.present import format_date, language_name
from ..site.progress import VOLUNTEER_TARGET, network_progress
from .renewals import markdown_table, renewals_due, renewals_table

ROOT = Path(__file__).resolve().parents[3]


def network_report(catalogue: Catalogue, today: datetime.date, warning_days: int = 30,
                   volunteer_target: int = VOLUNTEER_TARGET) -> str:
    """Write the coordinators' report of one day as Markdown; example venues are told apart, never counted."""
    progress = network_progress(catalogue.venues, today, volunteer_target)
    shown = progress.shown
    due_soon = [venue for venue in shown if renewal_due(venue, today, warning_days)]
    broken = sorted({problem.file for problem in catalogue.errors})

    lines = [f"# The network on {format_date(today)}", "", "## Venues by status", ""]
    rows = [
        ("Shown on the site", str(len(shown))),
        (f"… of which must renew within {warning_days} days", str(len(due_soon))),
        ("Hidden: training lapsed", str(len(progress.lapsed))),
        ("Hidden: suspended", str(len(progress.suspended))),
        ("Not shown: the file has errors (run `make validate`)", str(len(broken))),
    ]
    if progress.examples:
        rows.append(("Not counted: fictional examples (`example: true`)", str(len(progress.examples))))
    rows.append(("All venue files", str(len(catalogue.venues) + len(broken))))
    lines.append(markdown_table(("Status", "Venues"), rows))
    if progress.examples:
        lines += ["", f"{len(progress.examples)} venue file(s) are fictional examples: they are not counted "
                  "in any number of this report, nor on the site's network page."]

    lines += ["", "## Venues by area", "", "Real venues shown on the site, by postcode district.", ""]
    lines.append(markdown_table(("Area", "Venues"), [(area, str(count)) for area, count in progress.by_area])
                 if progress.by_area else "None yet.")

    lines += ["", "## Venues accredited per month", "",
              f"Real venues shown on the site, by the month of their latest training ({progress.months} months).", ""]
    lines.append(markdown_table(("Month", "Venues"), [(month.month.strftime("%B %Y"), str(month.venues))
                                                      for month in progress.per_month]))
    lines += ["", f"Trained before then: {progress.accredited_before}."]

    lines += ["", "## Renewals due", ""]
    due = renewals_due([venue for venue in catalogue.venues if not venue.example], today, warning_days)
    lines.append(renewals_table(due) if due else f"None in the next {warning_days} days.")

    lines += ["", "## Volunteers trained", ""]
    trained = progress.volunteers_trained
    share = f" ({trained * 100 // volunteer_target}%)" if volunteer_target else ""
    lines.append(f"**{trained}** of the target of {volunteer_target}{share}, at the {len(shown)} venues shown on the site.")
    if progress.volunteers_unknown:
        lines.append(f"{progress.volunteers_unknown} shown venue(s) do not say how many were trained "
                     "(`accreditation: volunteers_trained`).")

    lines += ["", "## Venues per offer", "", "Venues shown on the site that offer each thing.", ""]
    offers = Counter(offer for venue in shown for offer in venue.offers)
    lines.append(markdown_table(("Offer", "Venues"),
                                [(choice.title, str(offers[key])) for key, choice in schema.offers().items()]))

    lines += ["", "## Venues per language", "", "Venues shown on the site whose trained staff speak each language.", ""]
    languages = Counter(code for venue in shown for code in venue.languages)
    ordered = sorted(languages.items(), key=lambda item: (-item[1], language_name(item[0]).name))
    lines.append(markdown_table(("Language", "Code", "Venues"),
                                [(language_name(code).name, code, str(count)) for code, count in ordered])
                 if ordered else "None yet.")
    return "\n".join(lines) + "\n"


def _target(settings: Mapping) -> int:
    return int(settings.get("VENUES_VOLUNTEER_TARGET") or VOLUNTEER_TARGET)


def main(argv: list[str] | None = None) -> int:
    """Print the report; return 0 (it informs, it does not judge)."""
    from pelican.settings import read_settings  # here, so importing the module stays light

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--date", type=datetime.date.fromisoformat, default=None, help="the day (default: today)")
    parser.add_argument("--venues", type=Path, help="folder of venue files (default: VENUES_PATH)")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py", help="Pelican settings file")
    args = parser.parse_args(argv)

    settings = read_settings(str(args.settings))
    today = args.date or build_day(settings)
    folder = args.venues or Path(settings["VENUES_PATH"])
    catalogue = read_catalogue(folder, folder.resolve().parent, today, city_of(settings))
    print(network_report(catalogue, today, setting(settings, "VENUES_RENEWAL_WARNING_DAYS"), _target(settings)), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
