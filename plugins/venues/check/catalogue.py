"""Load every venue file, check it, and sort venues into shown and hidden."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from ..city import NO_CITY, City
from ..model import Problem, Venue, venue_from_data
from .load import LoadedFile, display_path, load_file, unpublished_files, venue_files
from .look_alikes import check_look_alikes
from .validate import check_duplicates, check_rules, check_schema


@dataclass
class Catalogue:
    """Hold the result of reading the venues folder."""

    venues: list[Venue] = field(default_factory=list)  # every valid venue, shown or not
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]


def read_catalogue(directory: Path, display_root: Path | None = None, today: datetime.date | None = None,
                   city: City = NO_CITY) -> Catalogue:
    """Load and check every venue file of a city's site as of a day (default: today), collecting every problem."""
    # The day matters: a training after it is refused. Pass the day the caller works with (build_day for a build).
    catalogue = Catalogue(problems=unpublished_files(directory, display_root))
    loaded_files = []
    for path in venue_files(directory):
        try:
            loaded, problems, venue = check_file(path, display_root, today, city)
        except Exception as error:
            # A last guard, never the plan (the tests feed thousands of broken files through check_file without
            # it): one file must not stop the checks and hide the other files' problems.
            source = display_path(path, display_root, follow_links=False)
            catalogue.problems.append(Problem(source, 1, 1, (
                f"the checks stopped on this file ({type(error).__name__}), which is a fault in the checks, not in "
                "your file alone. Tell the website team, and send them the file.")))
            continue
        catalogue.problems.extend(problems)
        if loaded.data is not None:
            loaded_files.append(loaded)
        if venue is not None:
            catalogue.venues.append(venue)
    catalogue.problems.extend(check_duplicates(loaded_files))
    catalogue.problems.extend(check_look_alikes(loaded_files))
    catalogue.problems.sort(key=lambda problem: (problem.file, problem.line, problem.column))
    return catalogue


def check_file(path: Path, display_root: Path | None, today: datetime.date | None,
               city: City = NO_CITY) -> tuple[LoadedFile, list[Problem], Venue | None]:
    """Load and check one venue file; return it, its problems, and its venue when it has no error."""
    loaded, problems = load_file(path, display_root)
    if loaded.data is not None:
        problems += check_schema(loaded)
        if isinstance(loaded.data, dict):
            problems += check_rules(loaded, today, city)
    if any(problem.severity == "error" for problem in problems):
        return loaded, problems, None
    return loaded, problems, venue_from_data(
        loaded.data, loaded.slug, loaded.source, loaded.where(())[0], loaded.key_marks, loaded.value_marks, city.name,
    )


def build_day(settings: dict) -> datetime.date:
    """Return the day the site is built "as of": VENUES_TODAY, or today on the site's own clock (TIMEZONE)."""
    # The machine's clock may be in another zone (CI runs in UTC); a venue's day follows the city's.
    return settings.get("VENUES_TODAY") or datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE") or "Europe/London")).date()


def hidden_reason(venue: Venue, today: datetime.date) -> str | None:
    """Say why a valid venue is not shown today, or None when it is shown."""
    if venue.status == "suspended":
        return "it is suspended (status: suspended)"
    if venue.accreditation.renew_by < today:
        return f"its training lapsed on {venue.accreditation.renew_by.isoformat()} (accreditation: renew_by)"
    return None


def renewal_due(venue: Venue, today: datetime.date, warning_days: int) -> bool:
    """Tell whether a shown venue must renew its training within the warning period."""
    return today <= venue.accreditation.renew_by <= today + datetime.timedelta(days=warning_days)
