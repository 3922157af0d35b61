"""Choose the few places the split directory's first screen may show: some open at as many hours of the week as can be.

The page is read at any hour, and what is open is known only on the phone; so it carries a handful of cards chosen
so that at most hours some are open, and js/directory-search.js shows those open now, or those opening next.
"""

from __future__ import annotations

from ..schedule import MINUTES_A_DAY

HOURS_A_WEEK = 7 * 24
FIRST_PLACES = 12  # cards the page carries for its first screen (about 0.3 KB each, gzipped)
OPEN_AT_ONCE = 4  # how many open places the first screen tries to have at every hour


def open_hours(venue) -> frozenset[int]:
    """Return the hours of the schedule's first week (0 = the build day's first hour) the venue is open at half past."""
    schedule = venue.schedule
    if schedule is None:
        return frozenset()
    hours = set()
    for start, end in schedule.intervals:
        if start >= 7 * MINUTES_A_DAY:
            break
        hours.update(hour for hour in range(start // 60, min(HOURS_A_WEEK, (end + 29) // 60))
                     if start <= hour * 60 + 30 < end)
    return frozenset(hours)


def first_places(venues, most: int = FIRST_PLACES, at_once: int = OPEN_AT_ONCE) -> list:
    """Return up to `most` venues, in their order, picked one by one to cover the hours that have fewest open."""
    covered = [0] * HOURS_A_WEEK
    # Venues open at the same hours are alike here: the first few of each kind are all that can be chosen.
    alike: dict[frozenset[int], list[int]] = {}
    for index, venue in enumerate(venues):
        hours = open_hours(venue)
        if hours and len(alike.setdefault(hours, [])) < at_once:
            alike[hours].append(index)
    candidates = [(index, hours) for hours, indexes in alike.items() for index in indexes]
    chosen: list[int] = []
    while candidates and len(chosen) < most:
        # The venue open at the most hours that still lack places; ties go to the earlier (by name).
        best = max(candidates, key=lambda item: (sum(1 for hour in item[1] if covered[hour] < at_once), -item[0]))
        if not any(covered[hour] < at_once for hour in best[1]):
            break
        candidates.remove(best)
        chosen.append(best[0])
        for hour in best[1]:
            covered[hour] += 1
    return [venues[index] for index in sorted(chosen)]
