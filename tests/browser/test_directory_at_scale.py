"""The directory above VENUES_DIRECTORY_MAX_CARDS places, in Chromium at 360 × 740: split by area, and still complete.

A second site of generated venues (tests/conftest.py large_site), served on its own port.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import checks
from tests.conftest import LARGE_SITE_VENUES

pytestmark = pytest.mark.browser


def area_paths(site: Path, prefix: str) -> list[str]:
    return sorted(f"{prefix}venues/areas/{path.name}/" for path in (site / prefix / "venues" / "areas").iterdir())


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_the_directory_and_an_area_page_pass_the_same_checks_as_every_page(large_site, large_url, tab, prefix):
    opened = tab(viewport=checks.PHONE)
    found = []
    for path in [f"{prefix}venues/", area_paths(large_site, prefix)[0], f"{prefix}venues/languages/en/"]:
        page = opened.goto(large_url + path)
        found += checks.axe_violations(page, "/" + path)
        found += [f"/{path}: {line}" for line in checks.sideways_overflow(page)]
        found += [f"/{path}: small target {line}" for line in checks.small_targets(page)]
        found += [f"/{path}: small text {line}" for line in checks.small_text(page)]
    assert found == [], "\n".join(found)
    assert opened.errors == []


def test_without_javascript_every_place_is_two_clicks_from_the_directory(large_site, large_url, tab):
    page = tab(viewport=checks.PHONE, java_script_enabled=False).goto(large_url + "venues/")
    # The first screen's few cards and the search stay hidden: the page is its lists of places, as before.
    assert page.locator(".sos-venue-card:visible, [data-directory-search]:visible").count() == 0
    area_links = page.locator("a[href*='/venues/areas/']")
    hrefs = [area_links.nth(index).get_attribute("href") for index in range(area_links.count())]
    assert len(hrefs) == len(area_paths(large_site, ""))
    reached = set()
    for href in hrefs:
        page.goto(page.url if href.startswith("#") else large_url + "venues/")
        page.locator(f"a[href='{href}']").first.click()
        rows = page.locator(".sos-venue-rows__link")
        reached |= {rows.nth(index).get_attribute("href") for index in range(rows.count())}
    assert len(reached) == LARGE_SITE_VENUES
