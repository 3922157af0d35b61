"""Count the network's progress for partners and funders: the same numbers for make report and network/."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..check.catalogue import hidden_reason, renewal_due
from ..model import Venue

VOLUNTEER_TARGET = 100  # the network's goal; VENUES_VOLUNTEER_TARGET in the settings overrides it
CHART_MONTHS = 12  # months shown in "venues accredited per month"
RENEWAL_DAYS = 60  # the public page lists renewals due within this many days


@dataclass(frozen=True)
class MonthCount:
    """Venues whose (latest) training fell in one month."""

    month: datetime.date  # the first day of the month
    venues: int


@dataclass
class Progress:
    """The network's numbers on one day; example venues are never counted, only told apart."""

    today: datetime.date
    shown: list[Venue] = field(default_factory=list)
    lapsed: list[Venue] = field(default_factory=list)
    suspended: list[Venue] = field(default_factory=list)
    examples: list[Venue] = field(default_factory=list)  # fictional: not counted anywhere
    volunteer_target: int = VOLUNTEER_TARGET
    renewal_days: int = RENEWAL_DAYS
    months: int = CHART_MONTHS

    @property
    def volunteers_trained(self) -> int:
        return sum(venue.accreditation.volunteers_trained or 0 for venue in self.shown)

    @property
    def volunteers_unknown(self) -> int:
        """Count shown venues that do not say how many were trained."""
        return sum(venue.accreditation.volunteers_trained is None for venue in self.shown)

    @property
    def volunteer_share(self) -> int:
        """Return the volunteers trained as a whole percentage of the target, at most 100."""
        return min(100, self.volunteers_trained * 100 // self.volunteer_target) if self.volunteer_target else 0

    @property
    def by_area(self) -> list[tuple[str, int]]:
        """Return shown venues per postcode district (PO1, PO2 … PO10), in natural order."""
        counts = Counter(district(venue.address.postcode) for venue in self.shown)
        return sorted(counts.items(), key=lambda item: _natural(item[0]))

    @property
    def per_month(self) -> list[MonthCount]:
        """Return shown venues by the month of their training, for the last `months` months (this one last)."""
        counts = Counter(venue.accreditation.trained_on.replace(day=1) for venue in self.shown)
        first = _months_before(self.today.replace(day=1), self.months - 1)
        return [MonthCount(month, counts[month]) for month in (_months_before(first, -step)
                                                               for step in range(self.months))]

    @property
    def accredited_before(self) -> int:
        """Count shown venues trained before the months of the chart."""
        first = _months_before(self.today.replace(day=1), self.months - 1)
        return sum(venue.accreditation.trained_on < first for venue in self.shown)

    @property
    def renewals(self) -> list[Venue]:
        """Return shown venues that must renew within renewal_days, soonest first."""
        due = [venue for venue in self.shown if renewal_due(venue, self.today, self.renewal_days)]
        return sorted(due, key=lambda venue: (venue.accreditation.renew_by, venue.name.casefold()))


def network_progress(venues: Iterable[Venue], today: datetime.date, volunteer_target: int = VOLUNTEER_TARGET,
                     renewal_days: int = RENEWAL_DAYS, months: int = CHART_MONTHS) -> Progress:
    """Sort every valid venue into shown, lapsed, suspended, or example (which is never counted)."""
    progress = Progress(today, volunteer_target=volunteer_target, renewal_days=renewal_days, months=months)
    for venue in venues:
        if venue.example:
            progress.examples.append(venue)
        elif venue.status == "suspended":
            progress.suspended.append(venue)
        elif hidden_reason(venue, today):
            progress.lapsed.append(venue)
        else:
            progress.shown.append(venue)
    return progress


def district(postcode: str) -> str:
    """Return a postcode's district (its outward code): "PO1 2AB" gives "PO1"."""
    return postcode.split()[0] if " " in postcode else postcode[:-3]


def _natural(text: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def _months_before(month: datetime.date, count: int) -> datetime.date:
    """Return the first day of the month `count` months before (negative: after) a month's first day."""
    index = month.year * 12 + month.month - 1 - count
    return datetime.date(index // 12, index % 12 + 1, 1)
