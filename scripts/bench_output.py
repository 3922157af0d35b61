"""Weigh the built site by kind of page, and a venue page by part (head, header, main, footer).

Run: .venv/bin/python scripts/bench_output.py --venues 1000   (or --output FOLDER to weigh a build already made)
A benchmark, not a test: it builds N generated venues once (scripts/bench_build.py, nine languages) and prints the
bytes of each kind of output, as GitHub Pages counts them (at most 1 GB a site), and the processor seconds of the build.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))

from translations.languages import site_languages  # noqa: E402

from tests.site_build import build_site  # noqa: E402

LISTINGS = {"offers", "languages", "areas"}


def kind_of(parts: tuple[str, ...], prefixes: set[str]) -> str:
    """Name the kind of one output file from its path: venue page, sheets, listing, or its top folder."""
    if parts[0] in prefixes:
        parts = parts[1:]
    if parts[0] == "venues" and len(parts) > 2:
        if parts[1] in LISTINGS:
            return f"listings ({parts[1]})"
        return "venue pages" if len(parts) == 3 else f"venue {parts[2]} pages"
    return parts[0] if len(parts) > 1 else f"top-level {Path(parts[0]).suffix or parts[0]}"


def by_kind(output: Path) -> tuple[collections.Counter, collections.Counter]:
    """Return the bytes and the number of files of each kind."""
    from pelican.settings import read_settings

    prefixes = {language.code for language in site_languages(read_settings(str(ROOT / "pelicanconf.py")))}
    size, count = collections.Counter(), collections.Counter()
    for path in output.rglob("*"):
        if path.is_file():
            kind = kind_of(path.relative_to(output).parts, prefixes)
            size[kind] += path.stat().st_size
            count[kind] += 1
    return size, count


def by_part(pages: list[Path]) -> dict[str, float]:
    """Return the mean bytes of a page's head, header (to <main>), main and footer (after </main>)."""
    total = collections.Counter()
    for page in pages:
        html = page.read_bytes()
        head, main, end = html.index(b"</head>"), html.index(b"<main"), html.index(b"</main>")
        total.update({"head": head, "header": main - head, "main": end - main, "footer": len(html) - end})
    return {part: total[part] / len(pages) for part in ("head", "header", "main", "footer")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venues", type=int, default=1000)
    parser.add_argument("--output", type=Path, help="weigh this built site instead of building one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        output = args.output
        if output is None:
            from bench_build import write_venues

            venues = Path(work) / "venues"
            venues.mkdir()
            write_venues(venues, args.venues)
            started = time.process_time()
            output = build_site(Path(work), venues)
            print(f"build: {time.process_time() - started:.1f} processor seconds")
        size, count = by_kind(output)
        for kind, total in size.most_common():
            print(f"{kind:34} {total / 1e6:9.2f} MB {count[kind]:7} files {total / count[kind] / 1e3:7.1f} KB each")
        print(f"{'all':34} {sum(size.values()) / 1e6:9.2f} MB {sum(count.values()):7} files")
        for code in ("", "ar/"):
            pages = sorted(output.glob(f"{code}venues/*/index.html"))
            pages = [page for page in pages if page.parent.name not in LISTINGS | {"areas"}][:200]
            if pages:
                parts = ", ".join(f"{part} {mean / 1e3:.1f} KB" for part, mean in by_part(pages).items())
                print(f"a venue page ({code or 'en/'}): {parts}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "scripts"))
    raise SystemExit(main())
