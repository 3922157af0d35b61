"""Print what the English map costs a slow phone at a number of generated venues: bytes before the first tap, time to markers.

Run with `.venv/bin/python scripts/bench_map.py 12 5000`. For each count it writes that many fictional venues
(scripts/bench_build.py), builds the site, serves it gzipped on 127.0.0.1 and opens map/ in Debian's Chromium at
360 × 740 with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate) and an empty cache. Tiles are refused. It
reports the bytes that came over the wire before any tap, the time from navigation to every marker on the map
(`data-map-ready`), the longest task (a `longtask` observer), and the gzip bytes per venue of the markers file
and of the details file (fetched only on a popup's or a filter's first use). With `--runs N` it opens the map N
times and reports the median time and longest task (a shared machine's load makes a single run noisy).
A benchmark, not a timed test.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT), str(ROOT / "scripts")]

from bench_build import write_venues  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.chromium import TILE_HOSTS, launch, serve  # noqa: E402
from tests.site_build import build_site  # noqa: E402

LONG_TASKS = """
window.__longest = 0;
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) { window.__longest = Math.max(window.__longest, entry.duration); });
}).observe({ type: "longtask", buffered: true });
"""


def gzip_size(path: Path) -> int:
    """Return the bytes of path gzipped at the level a static host uses."""
    return len(gzip.compress(path.read_bytes(), 6))


def measure(browser, url: str) -> tuple[int, float, float]:
    """Open the map at phone size on a 4×-slowed CPU; return its bytes before a tap, seconds to markers, longest task."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.route("**/*", lambda route: route.abort() if urlsplit(route.request.url).hostname in TILE_HOSTS
                  else route.continue_())
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    page.goto(url, wait_until="commit")
    page.wait_for_selector(".sos-venue-map[data-map-ready]", timeout=300_000)
    ready = page.evaluate("performance.now()") / 1000
    page.wait_for_load_state("networkidle")
    longest = page.evaluate("window.__longest") / 1000
    size = sum(request.sizes()["responseBodySize"] for request in requests if request.resource_type != "font")
    context.close()
    return size, ready, longest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[12, 1000])
    parser.add_argument("--runs", type=int, default=1, help="loads of the map per size; the median is reported")
    args = parser.parse_args()
    print("| venues | before the first tap (gzip) | markers on a 4×-slowed phone | longest task"
          " | markers file, gzip per venue | details file, gzip per venue |")
    print("|---:|---:|---:|---:|---:|---:|")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for count in args.counts:
            with tempfile.TemporaryDirectory() as folder:
                venues = Path(folder) / "venues"
                venues.mkdir()
                write_venues(venues, count)
                output = build_site(Path(folder) / "site", venues)
                markers, details = (gzip_size(output / "map" / name) for name in ["places.json", "details.json"])
                with serve(output, compress=True) as url:
                    runs = [measure(browser, url + "map/") for _ in range(args.runs)]
                size = runs[0][0]
                ready = statistics.median(run[1] for run in runs)
                longest = statistics.median(run[2] for run in runs)
            print(f"| {count:,} | {size / 1000:.1f} KB | {ready:.1f} s | {longest * 1000:.0f} ms"
                  f" | {markers / count:.0f} B | {details / count:.0f} B |", flush=True)
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
