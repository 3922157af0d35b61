"""Run Lighthouse (mobile) on home, map, directory and a venue page in English and Arabic; print the four scores.

Run with `make lighthouse`. Builds the published site (publishconf.py, absolute URLs) for http://127.0.0.1:PORT,
serves it gzipped as GitHub Pages does, with blank map tiles served locally so nothing leaves the machine, and
runs npm's lighthouse@12.2.3 with CHROME_PATH=/usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]

from tests.browser.chromium import BLANK_TILE, CHROMIUM_PATH, BytesFile, GzipHandler, serve  # noqa: E402
from tests.browser.site_pages import languages, site_pages  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
KINDS = ["home", "map", "directory", "venue"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = " ".join(["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--no-first-run"])


class TileHandler(GzipHandler):
    """Serve the site gzipped, and a blank tile for any /tiles/ address."""

    def send_head(self):
        if not self.path.startswith("/tiles/"):
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(BLANK_TILE)))
        self.send_header("Cache-Control", "max-age=86400")
        self.end_headers()
        return BytesFile(BLANK_TILE)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_published(output: Path, site_url: str) -> None:
    """Build with publishconf.py for site_url, offline, with tiles from the local server."""
    from pelican import Pelican
    from pelican.settings import read_settings

    os.environ["SITEURL"] = site_url
    settings = read_settings(str(ROOT / "publishconf.py"), override={
        "OUTPUT_PATH": str(output), "GEOCODING_OFFLINE": True, "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
        "MAP_TILES_URL": site_url + "/tiles/{z}/{x}/{y}.png"})
    Pelican(settings).run()


def run_lighthouse(url: str, report: Path) -> dict[str, int]:
    """Run Lighthouse in its default mobile mode on url; return the four scores out of 100."""
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM_PATH}, timeout=180)
    categories = json.loads(report.read_text("utf-8"))["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default="en,ar", help="comma-separated language codes (default: en,ar)")
    parser.add_argument("--keep", type=Path, help="keep the JSON reports in this folder")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("lighthouse is not installed: run `npm ci` (make lighthouse does)", file=sys.stderr)
        return 2
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        output, reports = Path(tmp) / "output", args.keep or Path(tmp) / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        build_published(output, base)
        print(f"Lighthouse {json.loads((ROOT / 'node_modules/lighthouse/package.json').read_text())['version']}, "
              "mobile (emulated Moto G Power, slow 4G), published build served with gzip on 127.0.0.1\n")
        print("| language | page | performance | accessibility | best practices | SEO | path |")
        print("| --- | --- | ---: | ---: | ---: | ---: | --- |")
        with serve(output, port=port, handler=TileHandler) as url:
            for lang in args.languages.split(","):
                if lang not in languages() or not (output / languages()[lang]).is_dir():
                    print(f"| {lang} | - | - | - | - | - | not built |")
                    continue
                pages = {}
                for page in site_pages(output, lang):
                    pages.setdefault(page.kind, page)
                for kind in KINDS:
                    page = pages[kind]
                    scores = run_lighthouse(url + page.path, reports / f"{lang}-{kind}.json")
                    low = [name for name in CATEGORIES if scores[name] < TARGETS[name]]
                    failed |= bool(low)
                    cells = " | ".join(f"{scores[name]}{' (below target)' if name in low else ''}" for name in CATEGORIES)
                    print(f"| {lang} | {kind} | {cells} | /{page.path} |", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
