"""Draw the app manifest's PNG icons (192 and 512 px) from theme/static/icons/favicon.svg with Debian's Chromium.

Run after changing the favicon: .venv/bin/python scripts/app_icons.py (the PNGs are committed).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.chromium import launch  # noqa: E402

ICONS = ROOT / "theme" / "static" / "icons"
SIZES = (192, 512)
BACKGROUND = "#ffffff"  # the manifest's background_color: the shield on white, with a margin for round masks


def main() -> int:
    """Write app-<size>.png for each size beside the favicon."""
    svg = (ICONS / "favicon.svg").read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for size in SIZES:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                f'<body style="margin:0;background:{BACKGROUND};display:grid;place-items:center;'
                f'width:{size}px;height:{size}px">'
                f'<div style="width:{size * 0.7}px;height:{size * 0.7}px">{svg}</div></body>'
            )
            page.locator("svg").evaluate("svg => { svg.style.width = svg.style.height = '100%'; }")
            (ICONS / f"app-{size}.png").write_bytes(page.screenshot())
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
