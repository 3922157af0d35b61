"""Fixtures for the browser suite: the example site built once, served on 127.0.0.1, and its pages by language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import checks
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


@pytest.fixture(scope="session")
def large_url(large_site: Path) -> Iterator[str]:
    """Serve the large site (above the directory's card limit) on 127.0.0.1 for the whole session; yield its base URL."""
    with serve(large_site) as url:
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



@pytest.fixture
def phone(tab):
    """Return a function that opens a page in one phone-sized tab (reused page after page) and waits for it."""
    opened = None

    def open_page(site_url, page):
        nonlocal opened
        opened = opened or tab(viewport=checks.PHONE)
        playwright_page = opened.goto(site_url + page.path)
        checks.wait_until_ready(playwright_page, page.kind)
        return opened, playwright_page

    return open_page
