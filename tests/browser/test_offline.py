"""With no signal, after one visit: the service worker keeps the reader's language's list and says when it saved it."""

from __future__ import annotations

import contextlib
import datetime
import json
import shutil
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.checks import axe_violations, sideways_overflow, small_text
from tests.browser.chromium import QuietHandler, Tab, serve
from tests.conftest import ROOT, build_site

pytestmark = pytest.mark.browser

VENUE = "example-college-hub"
VENUE_NAME = "Learning Hub at Example College (example)"

CACHED_ADDRESSES = """async () => {
  const found = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) found.push(request.url);
  }
  return found;
}"""


def worker_manifest(site: Path) -> dict:
    """Return the precache manifest written on the service worker's first line."""
    first = (site / "service-worker.js").read_text(encoding="utf-8").split("\n", 1)[0]
    return json.loads(first.removeprefix("var OFFLINE=").removesuffix(";"))


# Tab blocks service workers unless a test asks; these tests ask.
WORKER_TAB = {"service_workers": "allow", "viewport": {"width": 360, "height": 740}}


@pytest.fixture
def tabs(tab):
    """Open phone-sized tabs that let service workers register, through the suite's own `tab` (which checks
    that nothing left the site)."""
    return lambda: tab(**WORKER_TAB)


def kept(tab: Tab) -> list[str]:
    """Return the address of every response kept in the page's origin's caches."""
    return tab.page.evaluate(CACHED_ADDRESSES)


def wait_for(tab: Tab, script: str, arg=None, seconds: float = 20) -> None:
    """Evaluate an async script in the page until it returns true (wait_for_function does not await promises)."""
    deadline = time.monotonic() + seconds
    while not tab.page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {script} ({arg}; kept: {kept(tab)})"
        time.sleep(0.2)


def wait_until_kept(tab: Tab, addresses: list[str]) -> None:
    """Wait until every address is kept in the phone's caches."""
    wait_for(tab, f"async (wanted) => {{ const kept = await ({CACHED_ADDRESSES})();"
                  " return wanted.every(address => kept.includes(address)); }", addresses)


def saved_note(page) -> str:
    """Return the "Saved on" line's words if js/offline.js shows it, else "" (once it has looked at the caches)."""
    page.locator("[data-saved-note][data-saved-checked]").wait_for(state="attached", timeout=5_000)
    note = page.locator("[data-saved-note]")
    return note.inner_text() if note.is_visible() else ""


@pytest.mark.parametrize("reader", ["en", "ar"])
def test_list_urgent_help_and_visited_venue_open_with_no_signal(tabs, site_url, reader):
    tab = tabs()
    prefix = "" if reader == "en" else f"{reader}/"
    home, directory = f"{site_url}{prefix}", f"{site_url}{prefix}venues/"
    urgent, venue = f"{site_url}{prefix}urgent-help/", f"{site_url}{prefix}venues/{VENUE}/"
    tab.goto(home)
    tab.goto(directory)
    tab.goto(venue)
    online_h1 = {address: tab.goto(address).locator("h1").inner_text() for address in (directory, urgent, venue)}
    assert saved_note(tab.page) == "", "the page came from the network: it must not say it is a saved copy"
    wait_until_kept(tab, [home, directory, urgent, venue, f"{site_url}theme/css/site.css", f"{site_url}{prefix}words.js"])

    tab.context.set_offline(True)
    tab.page.reload(wait_until="load")  # the venue page, with no signal
    words = tab.page.locator("[data-saved-note]").get_attribute("data-words")
    before, after = words.split("{date}")
    for address in (directory, urgent, venue):
        page = tab.goto(address)
        assert page.locator("h1").inner_text() == online_h1[address], address
        note = saved_note(page)
        assert note.startswith(before) and note.endswith(after) and len(note) > len(before + after), (address, note)
        assert page.evaluate("getComputedStyle(document.body).fontSize") == "16px", "the kept stylesheet is used"
    tab.goto(directory)
    assert tab.page.locator(f'a[href$="{VENUE}/"]').count() >= 1, "the kept directory lists the venues"
    assert saved_note(tab.page)
    assert axe_violations(tab.page, f"{directory} offline") == []
    assert sideways_overflow(tab.page) == [] and small_text(tab.page) == []
    if reader == "en":
        day = datetime.date(*tab.page.evaluate("(d => [d.getFullYear(), d.getMonth() + 1, d.getDate()])(new Date())"))
        assert saved_note(tab.page) == f"Saved on {day.day} {day:%B} {day.year}: check opening times"
    tab.context.set_offline(False)
    assert tab.errors == []


def test_a_page_not_kept_opens_the_kept_list_with_no_signal(tabs, site_url):
    tab = tabs()
    tab.goto(f"{site_url}venues/")
    wait_until_kept(tab, [f"{site_url}venues/"])
    tab.context.set_offline(True)
    page = tab.goto(f"{site_url}map/")  # the map needs a connection: the list instead, never the browser's error
    assert urlsplit(page.url).path == "/venues/"
    assert saved_note(page).startswith("Saved on ")
    tab.context.set_offline(False)


def test_languages_not_opened_are_not_kept(tabs, site_url, example_site):
    tab = tabs()
    tab.goto(site_url)
    tab.goto(f"{site_url}venues/")
    wait_until_kept(tab, [site_url, f"{site_url}venues/", f"{site_url}urgent-help/"])
    kept = tab.page.evaluate(CACHED_ADDRESSES)
    others = [code for code in worker_manifest(example_site)["languages"] if code != "en"]
    assert others, "the example site has other languages"
    assert [url for url in kept if urlsplit(url).path.split("/")[1] in others] == []
    names = tab.page.evaluate("caches.keys()")
    assert sorted(name.rsplit("-", 1)[1] for name in names) == ["assets", "en"]
    assert not any("/map/" in url or "vendor/" in url or url.endswith("map.js") for url in kept), kept


class Switchable:
    """A folder served at one address whose build can be swapped for another, as a new deploy does."""

    def __init__(self, folder: Path):
        self.link = folder

    def point_to(self, site: Path) -> None:
        if self.link.is_symlink():
            self.link.unlink()
        self.link.symlink_to(site, target_is_directory=True)


def test_a_new_build_drops_a_hidden_venue_at_the_next_online_visit(tabs, example_site, tmp_path):
    venues = tmp_path / "venues"
    shutil.copytree(ROOT / "venues", venues)
    source = venues / f"{VENUE}.yaml"
    source.write_text(source.read_text(encoding="utf-8") + "status: suspended\n", encoding="utf-8")
    hidden = build_site(tmp_path / "next", venues)
    assert not (hidden / "venues" / VENUE).exists() and VENUE not in worker_manifest(hidden)["venues"]
    first, second = worker_manifest(example_site)["version"], worker_manifest(hidden)["version"]
    assert first != second, "a new build names a new cache"

    site = Switchable(tmp_path / "served")
    site.point_to(example_site)
    with serve(site.link) as url:
        tab = tabs()
        tab.goto(f"{url}venues/{VENUE}/")
        wait_until_kept(tab, [f"{url}venues/{VENUE}/"])  # the first page asks once the worker is ready
        tab.goto(f"{url}venues/example-corner-cafe/")
        wait_until_kept(tab, [f"{url}venues/{VENUE}/", f"{url}venues/example-corner-cafe/", f"{url}venues/"])

        site.point_to(hidden)  # the next deploy
        tab.goto(url)  # the next online visit: the browser checks for a new worker
        wait_for(tab, "async ([first, second]) => { const names = await caches.keys();"
                      " return names.some(n => n.includes(second)) && !names.some(n => n.includes(first)); }",
                 [first, second])
        wait_until_kept(tab, [f"{url}venues/", f"{url}venues/example-corner-cafe/"])
        kept = tab.page.evaluate(CACHED_ADDRESSES)
        assert f"{url}venues/{VENUE}/" not in kept
        assert f"{url}venues/example-corner-cafe/" in kept, "the venues still shown are kept from the new build"

        tab.context.set_offline(True)
        page = tab.goto(f"{url}venues/{VENUE}/")
        assert urlsplit(page.url).path == "/venues/", "the hidden venue's page is not served from the phone"
        assert page.locator(f'a[href$="{VENUE}/"]').count() == 0, "the kept list is the new build's"
        tab.context.set_offline(False)


class SubPathHandler(QuietHandler):
    """Serve the site under /sub/ only, as GitHub Pages serves a project site under /<repository>/."""

    def translate_path(self, path):
        if not path.startswith("/sub/"):
            return str(Path(self.directory) / "not-here")
        return super().translate_path(path.removeprefix("/sub"))


@contextlib.contextmanager
def serve_under_sub(folder: Path):
    with serve(folder, handler=SubPathHandler) as url:
        yield url


def test_scope_is_the_sub_path_when_published_under_one(tabs, tmp_path):
    output = tmp_path / "site" / "output"
    output.mkdir(parents=True)
    with serve_under_sub(output) as url:
        site_url = f"{url}sub"
        build_site(tmp_path / "site", SITEURL=site_url, RELATIVE_URLS=False)
        tab = tabs()
        page = tab.goto(f"{site_url}/venues/")
        scope = page.evaluate("navigator.serviceWorker.ready.then(registration => registration.scope)")
        assert scope == f"{site_url}/"
        worker = page.evaluate("navigator.serviceWorker.ready.then(registration => registration.active.scriptURL)")
        assert worker == f"{site_url}/service-worker.js"
        manifest = page.locator('link[rel="manifest"]').get_attribute("href")
        assert manifest == f"{site_url}/manifest.webmanifest"
        wait_until_kept(tab, [f"{site_url}/", f"{site_url}/venues/", f"{site_url}/theme/css/site.css"])
        tab.context.set_offline(True)
        page = tab.goto(f"{site_url}/urgent-help/")
        assert page.locator("h1").inner_text() != ""
        assert saved_note(page).startswith("Saved on ")
        tab.context.set_offline(False)
