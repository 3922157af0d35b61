"""Measure the directory split by area at N generated venues on a 4x-slowed phone: page weight, first card, search.

Run: .venv/bin/python scripts/bench_directory.py --venues 5000   (make bench-directory)
A benchmark, not a test. It builds the site of N generated venues (scripts/bench_build.py) in all nine languages,
serves it gzipped as GitHub Pages does, and opens the directory in Chromium at 360 x 740 with the CPU slowed 4x (CDP):
the page's gzipped bytes, when its first card shows, how long a first search takes from the first typed letter to its
results (the index fetched, read and searched), the longest task on the way, and the index's gzipped bytes per place.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Until the first card shows, with every long task on the way (a `longtask` observer, kept for the search too).
FIRST_CARD = """() => new Promise((resolve) => {
  window.benchTasks = [];
  new PerformanceObserver((list) => window.benchTasks.push(...list.getEntries().map((entry) => entry.duration)))
    .observe({type: "longtask", buffered: true});
  const shown = () => [...document.querySelectorAll(".sos-venue-card")].some((card) => card.checkVisibility());
  const check = () => shown() ? resolve(performance.now()) : setTimeout(check, 10);
  check();
})"""
# From the first letter typed to the first result on screen.
SEARCH = """(words) => new Promise((resolve) => {
  const input = document.querySelector("#finder-search");
  const list = document.querySelector("[data-result-list]");
  const start = performance.now();
  new MutationObserver((changes, observer) => {
    if (list.children.length) {
      observer.disconnect();
      requestAnimationFrame(() => resolve({ms: performance.now() - start, results: list.children.length}));
    }
  }).observe(list, {childList: true});
  input.value = words;
  input.dispatchEvent(new Event("input", {bubbles: true}));
})"""


def build(work: Path, count: int) -> Path:
    """Write count generated venues and build the site; return its output folder."""
    from scripts.bench_build import write_venues
    from tests.site_build import build_site

    venues = work / "venues"
    venues.mkdir()
    write_venues(venues, count)
    return build_site(work, venues)


def measure(output: Path, prefix: str) -> dict:
    """Open the directory on the slowed phone; return first card, search and longest task in milliseconds."""
    from playwright.sync_api import sync_playwright

    from tests.browser.chromium import launch, serve

    with serve(output, compress=True) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(url + prefix + "venues/", wait_until="commit", timeout=600_000)
        first_card = page.evaluate(FIRST_CARD)
        page.wait_for_load_state("load")
        page.wait_for_timeout(1000)
        loading = page.evaluate("Math.max(0, ...window.benchTasks)")
        page.evaluate("window.benchTasks.length = 0")
        searched = page.evaluate(SEARCH, "venue 12")
        page.wait_for_timeout(1000)
        searching = page.evaluate("Math.max(0, ...window.benchTasks)")
        browser.close()
    return {"first_card": first_card, "search": searched["ms"], "results": searched["results"],
            "loading": loading, "searching": searching}


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venues", type=int, default=5000, help="size of the generated network")
    parser.add_argument("--runs", type=int, default=3, help="times to open each language's directory")
    parser.add_argument("--site", type=Path, help="measure this built output folder of --venues places; build nothing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        output = args.site or build(Path(folder), args.venues)
        print(f"built {args.venues:,} venues in {time.perf_counter() - start:.0f} s", flush=True)
        index = output / "venues" / "search.json"
        print(f"index: {index.stat().st_size / 1000:.0f} KB, {gzipped(index) / 1000:.1f} KB gzip, "
              f"{gzipped(index) / args.venues:.0f} bytes a place gzipped")
        for prefix in ["", "ar/"]:
            page = gzipped(output / prefix / "venues" / "index.html")
            for _run in range(args.runs):
                seen = measure(output, prefix)
                print(f"{prefix or 'en/'} directory {page / 1000:.1f} KB gzip; first card {seen['first_card'] / 1000:.2f} s; "
                      f"search ready {seen['search'] / 1000:.2f} s ({seen['results']} shown); longest task "
                      f"{seen['loading']:.0f} ms loading, {seen['searching']:.0f} ms searching", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
