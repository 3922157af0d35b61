"""Measure how long a full build takes for the example venues and for a generated network of N venues.

Run: make bench-build   (or: .venv/bin/python scripts/bench_build.py --venues 1000)
A benchmark, not a test: it prints wall-clock seconds of real Pelican runs, all languages included.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.site_build import build_site  # noqa: E402  (the tests' own real build)

OFFERS = ["safe-space", "call-for-help", "signposting", "phone-charging", "wifi", "toilets", "drinking-water",
          "hot-drink", "food", "warm-space", "quiet-space", "baby-changing", "interpreting", "computer-access", "printing"]
HOURS = ["Mo-Fr 09:00-17:00; PH off", "Mo-Sa 08:00-18:00", "24/7", "Tu,Th 10:00-14:00", "Mo-Th 09:00-23:00, Fr,Sa 18:00-02:00"]


def write_venues(folder: Path, count: int, seed: int = 1) -> None:
    """Write count fictional venues at real Portsmouth postcodes, each with its own location."""
    rows = list(csv.DictReader((ROOT / "data" / "postcodes" / "po.csv").open(encoding="utf-8")))
    pick = random.Random(seed)
    for number in range(count):
        row = pick.choice(rows)
        venue = {
            "name": f"Benchmark Venue {number} (example)",
            "kind": "other",
            "address": {"street": f"{number} Benchmark Road", "postcode": row["postcode"]},
            "location": {"lat": float(row["lat"]), "lon": float(row["lon"])},
            "offers": pick.sample(OFFERS, 4),
            "languages": ["en", *pick.sample(["ar", "fa", "ps", "ckb", "ti", "uk", "sq", "vi"], 2)],
            "opening_hours": pick.choice(HOURS),
            "accreditation": {"trained_on": "2026-06-01", "renew_by": "2027-06-01"},
            "example": True,
        }
        if number % 4:
            # Most real places give a public number; Ofcom keeps 01632 960000 to 960999 for drama, never a real line.
            venue["contact"] = {"phone": f"01632 960 {number % 1000:03d}"}
        (folder / f"benchmark-venue-{number}.yaml").write_text(yaml.safe_dump(venue, allow_unicode=True), encoding="utf-8")


def timed_build(venues: Path | None) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as work:
        start = time.perf_counter()
        output = build_site(Path(work), venues)
        seconds = time.perf_counter() - start
        return seconds, sum(1 for _ in output.rglob("*.html"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--venues", type=int, default=1000, help="size of the generated network")
    args = parser.parse_args()
    seconds, pages = timed_build(None)
    print(f"example venues: {seconds:6.1f} s, {pages} HTML pages")
    with tempfile.TemporaryDirectory() as folder:
        write_venues(Path(folder), args.venues)
        seconds, pages = timed_build(Path(folder))
    print(f"{args.venues} venues:   {seconds:6.1f} s, {pages} HTML pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
