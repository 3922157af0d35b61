"""Encode a text as a QR code for the printed sheets: its side in modules and the SVG path that draws it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import zxingcpp

QUIET_ZONE = 4  # modules each side of a QR code, as the standard asks


@dataclass(frozen=True)
class QrCode:
    """A QR code ready for components/qr_code.html: its side (quiet zone included) and one path of dark runs."""

    side: int
    path: str


DARK_RUN = re.compile(rb"\x00+")  # zxing draws dark modules black (0) on white (255)


def _dark_runs(rows: list[bytes]):
    """Yield (x, y, length) of each horizontal run of dark modules, row by row."""
    for y, row in enumerate(rows):
        for run in DARK_RUN.finditer(row):
            start, end = run.span()
            yield start, y, end - start


def _path(rows: list[bytes]) -> str:
    """Return the path data that strokes each dark run as a line one module thick, in relative moves."""
    # The same drawing as segno's (one stroked line a run, "M4 4.5h7m1 0h2..."), about 2.3 KB for a version 5 code:
    # a rectangle a run would be nearly twice that.
    parts, pen = [], None
    for x, y, length in _dark_runs(rows):
        x, y = x + QUIET_ZONE, y + QUIET_ZONE
        parts.append(f"M{x} {y}.5h{length}" if pen is None else f"m{x - pen[0]} {y - pen[1]}h{length}")
        pen = (x + length, y)
    return "".join(parts)


# A venue's poster and card in one language carry the same code, on one page; a process builds every language.
@lru_cache(maxsize=256)
def qr_code(text: str) -> QrCode:
    """Return the QR code of a text: error correction M, the mask the standard's penalty rules pick, never micro."""
    # zxing-cpp (zint's encoder, in C) scores all eight masks in about 0.3 ms; segno, in Python, took 5 to 6 ms a
    # code, the largest single cost of a 1,000-venue build (3,000 codes). M: a poster in a window may be scratched.
    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    height, width = image.shape  # rows, then columns (the same for a QR code, which is square)
    pixels = image.tobytes()
    rows = [pixels[row * width:(row + 1) * width] for row in range(height)]
    return QrCode(side=width + 2 * QUIET_ZONE, path=_path(rows))
