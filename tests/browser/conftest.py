"""Fixtures for the browser suite: the example site built once, served on 127.0.0.1, and its pages by language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.chromium import Tab, browser, serve  # noqa: F401  (browser is a fixture)
from tests.browser.site_pages import language_codes


def pytest_generate_tests(metafunc):
    """Run each test that takes `lang` once per language of the site."""
    if "lang" in metafunc.fixturenames:
        metafunc.parametrize("lang", language_codes())


@pytest.fixture(scope="session")
def site_url(example_site: Path) -> Iterator[str]:
    """Serve the example site on 127.0.0.1 for the whole session; yield its base URL."""
    with serve(example_site) as url:
        yield url


@pytest.fixture
def tab(browser):  # noqa: F811
    """Open tabs with their own context options; check none of them reached outside the site."""
    tabs: list[Tab] = []

    def open_tab(**context_options) -> Tab:
        tabs.append(Tab(browser, **context_options))
        return tabs[-1]

    yield open_tab
    outside = sorted({url for each in tabs for url in each.left_the_site()})
    for each in tabs:
        each.close()
    assert outside == [], "requests left the site (only map tiles may):\n" + "\n".join(outside)


# Until branch phone makes the header compact (160 px at most), the exit bar above it (branch exit-csp) pushes a
# translated venue page's heading past 400 px in these languages. Strict: once both have merged and the heading
# fits again, these fail as passing, and this hook must go.
WAITING_FOR_THE_COMPACT_HEADER = {"ar", "fa", "ps", "ckb", "uk", "sq", "vi"}


def pytest_collection_modifyitems(items):
    """Mark the first-screen checks that wait for branch phone's compact header as expected to fail."""
    for item in items:
        if (getattr(item, "originalname", "") == "test_the_heading_is_on_the_first_screen_under_a_one_line_notice"
                and item.callspec.params.get("code") in WAITING_FOR_THE_COMPACT_HEADER):
            item.add_marker(pytest.mark.xfail(strict=True, reason="the header becomes compact in branch phone"))
