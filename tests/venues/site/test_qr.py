"""venues.site.qr: a text as a full QR code (side and path) that decodes back to the text."""

from __future__ import annotations

import re

import pytest
import zxingcpp
from PIL import Image, ImageDraw
from venues.site.qr import QUIET_ZONE, qr_code

ADDRESSES = ["https://example.org/ar/venues/cafe/", "https://spaces-of-sanctuary.example.org/ckb/venues/a-much-longer-"
             "slug-for-a-venue-with-a-long-name-in-a-city-far-away/"]
# One absolute move to the middle of the first run's row (a line one module thick is stroked along y + 0.5), then
# moves relative to the end of the run before, in whole modules.
FIRST = re.compile(r"M(\d+) (\d+)\.5h(\d+)")
NEXT = re.compile(r"m(-?\d+) (-?\d+)h(\d+)")


def runs(path: str) -> list[tuple[int, int, int]]:
    """Read the path back as (x, y, length) runs of dark modules; fail on anything else in it."""
    first = FIRST.match(path)
    assert first, path[:40]
    x, y, length = (int(group) for group in first.groups())
    found, at = [(x, y, length)], first.end()
    while at < len(path):
        move = NEXT.match(path, at)
        assert move, f"not a run at {at}: {path[at:at + 20]!r}"
        dx, dy, length = (int(group) for group in move.groups())
        x, y = x + found[-1][2] + dx, y + dy
        found.append((x, y, length))
        at = move.end()
    return found


def drawn(code, scale: int = 8) -> Image.Image:
    """Draw the runs into a picture, as a browser strokes the path, to decode it as a phone would."""
    picture = Image.new("L", (code.side * scale, code.side * scale), 255)
    pen = ImageDraw.Draw(picture)
    for x, y, length in runs(code.path):
        pen.rectangle([x * scale, y * scale, (x + length) * scale - 1, (y + 1) * scale - 1], fill=0)
    return picture


@pytest.mark.parametrize("text", ADDRESSES)
def test_the_path_draws_a_code_a_reader_decodes_back_to_the_text(text):
    assert [result.text for result in zxingcpp.read_barcodes(drawn(qr_code(text)))] == [text]


@pytest.mark.parametrize("text", ADDRESSES)
def test_a_full_code_sits_in_a_quiet_zone_of_four_modules(text):
    code = qr_code(text)
    found = runs(code.path)
    left, top = min(x for x, _y, _n in found), min(y for _x, y, _n in found)
    right, bottom = max(x + n for x, _y, n in found), max(y + 1 for _x, y, _n in found)
    # The finder patterns sit in three corners, so the dark modules span the whole code: the quiet zone is what is
    # left of the side, four modules each way.
    assert (left, top, code.side - right, code.side - bottom) == (QUIET_ZONE,) * 4
    modules = right - left
    assert modules >= 21 and (modules - 21) % 4 == 0  # 21 + 4n modules: a full code, never a micro one
    assert found[0] == (QUIET_ZONE, QUIET_ZONE, 7)  # the top-left finder pattern's first row


def test_error_correction_is_m_so_a_scratched_poster_still_reads():
    assert zxingcpp.read_barcode(drawn(qr_code(ADDRESSES[0]))).ec_level == "M"
