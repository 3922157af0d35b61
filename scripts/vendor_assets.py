"""Copy the front-end files the site serves from node_modules into theme/static/vendor.

Run `npm ci` first. The copies are committed, so a build needs neither npm nor the network;
`--check` exits 1 when a committed copy differs from node_modules (for CI after `npm ci`).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "theme" / "static" / "vendor"

# package -> files to copy, relative to the package; the licence travels with the code.
FILES = {
    "leaflet": [
        ("dist/leaflet.js", "leaflet.js"),
        ("dist/leaflet.css", "leaflet.css"),
        ("dist/images/marker-icon.png", "images/marker-icon.png"),
        ("dist/images/marker-icon-2x.png", "images/marker-icon-2x.png"),
        ("dist/images/marker-shadow.png", "images/marker-shadow.png"),
        ("dist/images/layers.png", "images/layers.png"),
        ("dist/images/layers-2x.png", "images/layers-2x.png"),
        ("LICENSE", "LICENSE"),
    ],
    # The map's clusters (ISC): its browser build carries kdbush (ISC, same author), whose licence goes with it.
    "supercluster": [
        ("dist/supercluster.min.js", "supercluster.min.js"),
        ("LICENSE", "LICENSE"),
        ("../kdbush/LICENSE", "kdbush-LICENSE"),
    ],
}


def pinned_versions() -> dict[str, str]:
    """Return the exact versions package.json asks for."""
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    return {**package.get("dependencies", {}), **package.get("devDependencies", {})}


def installed_version(package: str) -> str:
    """Return the version of a package found in node_modules."""
    manifest = NODE_MODULES / package / "package.json"
    if not manifest.is_file():
        sys.exit(f"vendor: {package} is not in node_modules; run `npm ci` first")
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


def main(argv: list[str] | None = None) -> int:
    """Copy (or with --check, compare) every vendored file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report files that differ from node_modules")
    args = parser.parse_args(argv)

    pins = pinned_versions()
    stale = []
    for package, files in FILES.items():
        version = installed_version(package)
        if pins.get(package) != version:
            sys.exit(f"vendor: node_modules has {package} {version}, package.json pins {pins.get(package)}")
        for source, target in files:
            src = NODE_MODULES / package / source
            dest = VENDOR / package / target
            if args.check:
                if not dest.is_file() or not filecmp.cmp(src, dest, shallow=False):
                    stale.append(dest.relative_to(ROOT))
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
        if not args.check:
            print(f"vendor: copied {package} {version} to {(VENDOR / package).relative_to(ROOT)}")
    for path in stale:
        print(f"vendor: {path} differs from node_modules; run `make vendor`")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
