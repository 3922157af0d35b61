"""Time make validate's checks on generated venue folders of growing size, and on the largest file allowed."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))

from venues.check import limits  # noqa: E402
from venues.check.catalogue import read_catalogue  # noqa: E402
from venues.check.load import load_text  # noqa: E402

from scripts.bench_build import write_venues  # noqa: E402  (the same generated network as the build benchmark)


def timed_catalogue(count: int) -> tuple[float, int]:
    """Write count venues and time reading and checking the folder, as make validate does."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "venues"
        folder.mkdir()
        write_venues(folder, count)
        # Processor time, not wall time: on a shared machine the wall clock mostly measures the neighbours.
        start = time.process_time()
        catalogue = read_catalogue(folder, Path(work))
        return time.process_time() - start, len(catalogue.venues)


def largest_file(tokens_per_line: int) -> str:
    """Return a file near the size limit made of long lines of short list items: many tokens on each line."""
    line = "  - [" + ", ".join(["ab"] * tokens_per_line) + "]\n"
    lines = (limits.MAX_FILE_BYTES - 200) // len(line)
    return "name: Big\nnotes:\n" + line * lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--venues", type=int, nargs="+", default=[250, 500, 1000])
    args = parser.parse_args()
    print("| venue files | processor seconds | ms per file |\n| ---: | ---: | ---: |")
    for count in args.venues:
        seconds, valid = timed_catalogue(count)
        assert valid == count, f"{valid} of {count} generated venues are valid"
        print(f"| {count:,} | {seconds:.2f} | {1000 * seconds / count:.1f} |")
    print("\n| tokens per line | file bytes | processor seconds |\n| ---: | ---: | ---: |")
    for tokens in (100, 200, 400, 490):
        text = largest_file(tokens)
        start = time.process_time()
        load_text(text, "venues/big.yaml", "big")
        print(f"| {tokens} | {len(text.encode()):,} | {time.process_time() - start:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
