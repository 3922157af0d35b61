"""VENUES_SCHEDULE_DAYS: how many days of opening hours the built pages carry for "open now"."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import build_site, only_languages

VENUE_PAGE = Path("venues/example-night-pharmacy/index.html")
PAGES_WITH_STATUS = [VENUE_PAGE, Path("venues/index.html"), Path("ar/venues/index.html"), Path("map/details.json")]


def days_carried(page: Path) -> set[str]:
    """Return every data-open-days value on a page, or every place's days in the map's details file."""
    text = page.read_text(encoding="utf-8")
    if page.suffix == ".json":
        return {str(place["open"]["days"]) for place in json.loads(text)["details"] if "open" in place}
    return set(re.findall(r'data-open-days="(\d+)"', text))


def open_now_words(page: Path) -> dict:
    """Return the open-now words a page loads: its language's words.js, which the page's own script tag names."""
    tag = re.search(r'<script defer src="([^"]*words\.js)"></script>\s*<script defer src="[^"]*/open-now\.js">',
                    page.read_text(encoding="utf-8"))
    words = (page.parent / tag.group(1)).resolve().read_text(encoding="utf-8")
    return json.loads(re.search(r"^window\.sosPageWords = (\{.*\});$", words, re.M).group(1))["openNow"]


def week_rows(page: Path) -> int:
    table = re.search(r'<table class="sos-hours-table">.*?</table>', page.read_text(encoding="utf-8"), re.S).group(0)
    return len(re.findall(r"<tr\b", table)) - 1  # less the heading row


def test_the_setting_sets_how_many_days_the_pages_carry(example_site, tmp_path):
    fortnight = build_site(tmp_path, VENUES_SCHEDULE_DAYS=14, **only_languages("en", "ar"))
    # Both built as of Friday 27 November 2026: by default 60 days, to 25 January 2027; else 14, to 10 December.
    for site, days, last_day in [(example_site, "60", "25 January 2027"), (fortnight, "14", "10 December 2026")]:
        for page in PAGES_WITH_STATUS:
            assert days_carried(site / page) == {days}, (site, page)
        assert open_now_words(site / VENUE_PAGE)["after"] == (
            f"We do not know the hours after {last_day}: please call before you visit.")
        assert week_rows(site / VENUE_PAGE) == 7  # the table of the week does not follow the setting
