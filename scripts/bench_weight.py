"""Print the bytes a phone downloads for each page type (gzip, tiles excluded), beside folium's own map of the same venues.

Run with `make bench-weight`. Builds the example site, serves it gzipped on 127.0.0.1 as GitHub Pages would, opens
each page in Debian's Chromium at 360 × 740 with an empty cache and adds up what came over the wire. folium's
standalone page (`Map.save()` with its default CDN assets) is sized from the npm packages of those exact files,
fetched once with `npm pack` into node_modules/.cache/bench-weight/.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.chromium import TILE_HOSTS, launch, serve  # noqa: E402
from tests.browser.site_pages import languages, site_pages  # noqa: E402
from tests.site_build import build_site  # noqa: E402

CACHE = ROOT / "node_modules" / ".cache" / "bench-weight"  # ignored by git, like node_modules
KINDS = ["home", "map", "directory", "venue", "page", "languages", "404"]
BUDGETS = {"venue": 25_000, "directory": 40_000, "map": 80_000}  # bytes, gzip
# folium's default CDN files and the npm package file each one is a copy of.
NPM_FILES = [
    (r"cdn\.jsdelivr\.net/npm/(?P<pkg>(?:@[^/]+/)?[^@/]+)@(?P<ver>[^/]+)/(?P<path>.+)", None),
    (r"code\.jquery\.com/jquery-(?P<ver>[\d.]+)\.min\.js", ("jquery", "dist/jquery.min.js")),
    (r"cdnjs\.cloudflare\.com/ajax/libs/Leaflet\.awesome-markers/(?P<ver>[\d.]+)/(?P<file>[^/]+)$",
     ("drmonty-leaflet-awesome-markers", None)),
    (r"cdnjs\.cloudflare\.com/ajax/libs/leaflet\.markercluster/(?P<ver>[\d.]+)/(?P<file>[^/]+)$",
     ("leaflet.markercluster", "dist/{file}")),
]


def measure_site(output: Path, langs: list[str]) -> list[tuple[str, str, int, int, str, dict[str, int]]]:
    """Return (language, kind, gzip bytes, requests, path, font files) for one page of each kind in each language."""
    rows = []
    with serve(output, compress=True) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        for lang in langs:
            if lang not in languages() or not (output / languages()[lang]).is_dir():
                rows.append((lang, "-", 0, 0, "not built", {}))
                continue
            pages = {}
            for page in site_pages(output, lang):
                pages.setdefault(page.kind, page)
            for kind in KINDS:
                if kind in pages:
                    size, count, fonts = weigh(browser, url + pages[kind].path, kind)
                    rows.append((lang, kind, size, count, "/" + pages[kind].path, fonts))
        browser.close()
    return rows


def weigh(browser, url: str, kind: str) -> tuple[int, int, dict[str, int]]:
    """Load url with an empty cache at phone size; return its bytes (gzip), its requests, and apart, its font files."""
    # Font files are reported apart: only a phone without the script's own fonts fetches them.
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.route("**/*", lambda route: route.abort() if urlsplit(route.request.url).hostname in TILE_HOSTS
                  else route.continue_())
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url, wait_until="networkidle")
    if kind == "map":
        page.wait_for_selector(".sos-venue-map .leaflet-marker-icon")
        page.wait_for_load_state("networkidle")
    total, fonts = 0, {}
    for request in responses:
        size = request.sizes()["responseBodySize"]  # body as sent: gzip where the server compressed it
        if request.resource_type == "font":
            fonts[request.url.rsplit("/", 1)[-1]] = size
        else:
            total += size
    context.close()
    return total, len(responses) - len(fonts), fonts


def folium_page(output: Path, directory: Path) -> Path:
    """Save folium's own standalone map of the built site's venues, with folium's defaults, and return its path."""
    import folium

    # The same venues as our map page: the places its script puts on the map, with their names.
    places = json.loads((output / "map" / "places.json").read_text("utf-8"))["places"]
    fmap = folium.Map(location=[50.8058, -1.0872], zoom_start=13)
    for place in places:
        folium.Marker([place["lat"], place["lon"]], popup=place["name"], tooltip=place["name"]).add_to(fmap)
    path = directory / "folium.html"
    fmap.save(str(path))
    return path


def npm_file(package: str, version: str, path: str | None, name: str) -> bytes | None:
    """Return a file from an npm package (cached tarball from `npm pack`), or None when it is not there."""
    CACHE.mkdir(parents=True, exist_ok=True)
    tarball = CACHE / f"{package.replace('@', '').replace('/', '-')}-{version}.tgz"
    if not tarball.exists():
        result = subprocess.run(["npm", "pack", f"{package}@{version}", "--silent", "--pack-destination", str(CACHE)],
                                capture_output=True, text=True)
        packed = CACHE / result.stdout.strip().splitlines()[-1] if result.returncode == 0 and result.stdout.strip() else None
        if not packed or not packed.exists():
            return None
        packed.rename(tarball)
    with tarfile.open(tarball) as archive:
        members = {member.name.removeprefix("package/"): member for member in archive.getmembers()}
        wanted = path or next((key for key in members if key.endswith("/" + name)), "")
        if wanted not in members:
            return None
        return archive.extractfile(members[wanted]).read()


def weigh_folium(page: Path) -> tuple[int, int, set[str], list[str]]:
    """Return folium's page weight (gzip bytes), its request count, the hosts it asks and the files npm does not have."""
    html = page.read_text("utf-8")
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https://[^"]+)"', html)
    # Default markers: Leaflet's marker image and its shadow, from the same CDN as leaflet.css.
    leaflet_css = next(url for url in assets if url.endswith("leaflet.css"))
    if "L.marker(" in html:
        images = leaflet_css.rsplit("/", 1)[0] + "/images/"
        assets += [images + "marker-icon.png", images + "marker-shadow.png"]
    total, missing = len(gzip.compress(html.encode(), mtime=0)), []
    for url in assets:
        data = None
        for pattern, fixed in NPM_FILES:
            match = re.search(pattern, url)
            if not match:
                continue
            found = match.groupdict()
            package, path = fixed if fixed else (found["pkg"], found["path"])
            file_name = found.get("file") or url.rsplit("/", 1)[-1]
            data = npm_file(package, found["ver"], path.format(file=file_name) if path else None, file_name)
            break
        if data is None:
            missing.append(url)
            continue
        total += len(data) if url.endswith(".png") else len(gzip.compress(data, mtime=0))
    return total, 1 + len(assets), {urlsplit(url).hostname for url in assets}, missing


KEPT = """async () => {
  let count = 0;
  for (const name of await caches.keys()) count += (await (await caches.open(name)).keys()).length;
  return count;
}"""


def weigh_offline(browser, output: Path, lang: str) -> tuple[int, int, int]:
    """Open a language's home once; return what keeping its list for no signal downloads in the background:
    the worker itself and its requests (gzip bytes), their count, and the number of files kept."""
    manifest = json.loads((output / "service-worker.js").read_text("utf-8").split("\n", 1)[0].removeprefix(
        "var OFFLINE=").removesuffix(";"))
    prefix = manifest["languages"][lang]
    expected = len(manifest["assets"]) + len([page for page in manifest["pages"] if prefix + page in manifest["revisions"]])
    with serve(output, compress=True) as url:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        worker_requests = []
        context.on("requestfinished", lambda request: request.service_worker and worker_requests.append(request))
        page = context.new_page()
        page.goto(url + prefix, wait_until="networkidle")
        for _ in range(100):
            if page.evaluate(KEPT) >= expected:
                break
            page.wait_for_timeout(100)
        kept = page.evaluate(KEPT)
        total = sum(request.sizes()["responseBodySize"] for request in worker_requests)
        context.close()
    worker = len(gzip.compress((output / "service-worker.js").read_bytes(), 9))
    return worker + total, len(worker_requests) + 1, kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default="en,ar", help="comma-separated language codes (default: en,ar)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        output = build_site(Path(tmp) / "site")
        rows = measure_site(output, args.languages.split(","))
        folium_size, folium_count, hosts, missing = weigh_folium(folium_page(output, Path(tmp)))
        venue_count = len(json.loads((output / "map" / "places.json").read_text("utf-8"))["places"])
        with sync_playwright() as playwright:
            browser = launch(playwright)
            offline = {lang: weigh_offline(browser, output, lang) for lang in args.languages.split(",")
                       if (output / languages().get(lang, "-")).is_dir()}
            browser.close()

    print(f"Page weight on a phone (360 × 740, empty cache, gzip, map tiles excluded), {venue_count} venues\n")
    print("| language | page | bytes (gzip) | KB | requests | budget | share of folium's page | path |")
    print("| --- | --- | ---: | ---: | ---: | --- | ---: | --- |")
    failed = False
    for lang, kind, size, count, path, _ in rows:
        if path == "not built":
            print(f"| {lang} | - | - | - | - | - | - | not built |")
            continue
        budget, share = BUDGETS.get(kind), (0.5 if kind == "map" else 0.2)
        verdict = "" if budget is None else ("under " if size < budget else "OVER ") + f"{budget // 1000} KB, "
        verdict += ("at most " if size <= share * folium_size else "MORE than ") + f"{share:.0%} of folium"
        failed |= (budget is not None and size >= budget) or size > share * folium_size
        print(f"| {lang} | {kind} | {size} | {size / 1000:.1f} | {count} | {verdict} | {size / folium_size:.0%} | {path} |")
    print(f"| folium | Map.save() | {folium_size} | {folium_size / 1000:.1f} | {folium_count} | | 100% | "
          f"{len(hosts)} outside hosts: {', '.join(sorted(hosts))} |")
    if missing:
        print("\nNot on npm, so counted as requests but not as bytes: " + ", ".join(missing))
    print("\nFallback fonts, apart from the pages above (this machine has no Ethiopic font and no ۍ):\n")
    print("| language | page | font files | bytes |")
    print("| --- | --- | --- | ---: |")
    for lang, kind, _, _, path, fonts in rows:
        if path != "not built" and kind == "home":
            print(f"| {lang} | home | {', '.join(sorted(fonts)) or 'none'} | {sum(fonts.values())} |")
    print("\nKept for reading with no signal, downloaded in the background after the first page of a language"
          " (the worker, gzipped, and its requests; see docs/offline.md)\n")
    print("| language | bytes (gzip) | KB | requests | files kept |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for lang, (size, count, kept) in offline.items():
        print(f"| {lang} | {size} | {size / 1000:.1f} | {count} | {kept} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
