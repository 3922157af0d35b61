"""venues.site.progress: the network's numbers; examples are never counted, months are counted back from today."""

from __future__ import annotations

import dataclasses
import datetime

from venues.model import Accreditation, Address, Venue
from venues.site.progress import district, network_progress

TODAY = datetime.date(2026, 11, 27)


def venue(slug, trained_on, renew_by, postcode="PO1 2AB", volunteers=None, **changes) -> Venue:
    made = Venue(slug, f"venues/{slug}.yaml", slug.title(), "cafe", Address("1 Road", postcode), ("wifi",),
                 Accreditation(trained_on, renew_by, volunteers))
    return dataclasses.replace(made, **changes)


def test_every_venue_is_shown_lapsed_suspended_or_an_example():
    progress = network_progress([
        venue("shown", datetime.date(2026, 3, 1), datetime.date(2027, 3, 1), volunteers=4),
        venue("lapsed", datetime.date(2025, 1, 1), datetime.date(2026, 1, 1), volunteers=9),
        venue("suspended", datetime.date(2026, 3, 1), datetime.date(2027, 3, 1), status="suspended"),
        venue("example", datetime.date(2026, 3, 1), datetime.date(2027, 3, 1), volunteers=50, example=True),
    ], TODAY, volunteer_target=8)
    assert [[v.slug for v in group] for group in (progress.shown, progress.lapsed, progress.suspended,
                                                   progress.examples)] == [["shown"], ["lapsed"], ["suspended"],
                                                                           ["example"]]
    assert (progress.volunteers_trained, progress.volunteers_unknown, progress.volunteer_share) == (4, 0, 50)


def test_the_share_stops_at_a_hundred_and_a_target_of_nought_gives_nought():
    many = [venue("a", datetime.date(2026, 3, 1), datetime.date(2027, 3, 1), volunteers=30)]
    assert network_progress(many, TODAY, volunteer_target=10).volunteer_share == 100
    assert network_progress(many, TODAY, volunteer_target=0).volunteer_share == 0


def test_months_count_back_across_the_new_year_and_areas_sort_naturally():
    venues = [venue("a", datetime.date(2026, 11, 2), datetime.date(2027, 11, 2), "PO10 1AA"),
              venue("b", datetime.date(2026, 1, 20), datetime.date(2027, 1, 20), "PO2 1AA"),
              venue("c", datetime.date(2025, 12, 5), datetime.date(2026, 12, 5), "PO2 2BB"),
              venue("d", datetime.date(2024, 6, 1), datetime.date(2026, 12, 20), "PO9 1AA")]
    progress = network_progress(venues, TODAY, months=12, renewal_days=30)
    months = progress.per_month
    assert (months[0].month, months[-1].month, len(months)) == (datetime.date(2025, 12, 1), datetime.date(2026, 11, 1),
                                                                12)
    assert [(m.month.month, m.venues) for m in months if m.venues] == [(12, 1), (1, 1), (11, 1)]
    assert progress.accredited_before == 1
    assert progress.by_area == [("PO2", 2), ("PO9", 1), ("PO10", 1)]
    assert [v.slug for v in progress.renewals] == ["c", "d"]  # soonest first, within 30 days
    assert district("PO12AB") == "PO1" and district("PO1 2AB") == "PO1"
