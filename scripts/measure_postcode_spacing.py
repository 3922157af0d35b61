"""Print how far each Code-Point Open postcode point is from its nearest neighbours: docs/geocoding.md's table."""

from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    rows = list(csv.DictReader((ROOT / "data" / "postcodes" / "po.csv").open(encoding="utf-8")))
    points = np.array(sorted({(float(row["lat"]), float(row["lon"])) for row in rows}))
    # Metres on a local flat projection: over a city, the error is far below a metre.
    latitude = math.radians(points[:, 0].mean())
    xy = np.c_[points[:, 1] * 111_320 * math.cos(latitude), points[:, 0] * 110_574]
    distances = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(distances, np.inf)
    ordered = np.sort(distances, axis=1)
    print(f"{len(rows):,} units, {len(points):,} distinct points")
    print("| neighbour | median | 90% within | 95% within | 99% within | largest |")
    for rank in (1, 3, 6):
        p50, p90, p95, p99, largest = np.percentile(ordered[:, rank - 1], [50, 90, 95, 99, 100])
        print(f"| {rank} | {p50:.0f} m | {p90:.0f} m | {p95:.0f} m | {p99:.0f} m | {largest:.0f} m |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
