"""Take the README's screenshots: the home page at 360 × 740 in Chromium, in English and Arabic, from the built site.

Run with `make screenshots` (it builds the site into output/ first). Writes docs/screenshots/home-<lang>.png;
`--langs en ar fa ti` takes more languages, `--out` writes elsewhere (for a look that is not committed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.chromium import launch, serve  # noqa: E402
from tests.browser.site_pages import languages  # noqa: E402

PHONE = {"width": 360, "height": 740}


def take(output: Path, langs: list[str], folder: Path) -> list[Path]:
    """Save the first screen of each language's home page as folder/home-<lang>.png; return the files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(output) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        # Twice the pixels, as on most phones, so the words stay sharp in the README.
        context = browser.new_context(viewport=PHONE, device_scale_factor=2)
        page = context.new_page()
        for lang in langs:
            page.goto(url + languages()[lang], wait_until="load")
            page.evaluate("document.fonts.ready")
            path = folder / f"home-{lang}.png"
            page.screenshot(path=path)
            written.append(path)
        browser.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "output", help="the built site (default: output/)")
    parser.add_argument("--langs", nargs="+", default=["en", "ar"], choices=list(languages()))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    arguments = parser.parse_args()
    if not (arguments.site / "index.html").is_file():
        print(f"{arguments.site}/index.html is missing: build the site first (make html)", file=sys.stderr)
        return 1
    for path in take(arguments.site, arguments.langs, arguments.out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
