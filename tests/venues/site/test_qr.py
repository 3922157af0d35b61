"""venues.site.qr: a text as a full QR code (side and path) that decodes back to the text."""

from __future__ import annotations

import re

import pytest
import zxingcpp
from PIL import Image, ImageDraw
from venues.site.qr import QUIET_ZONE, qr_code

ADDRESSES = ["https://example.org/ar/venues/cafe/", "https://spaces-of-sanctuary.example.org/ckb/venues/a-much-longer-"
             "slug-for-a-venue-with-a-long-name-in-a-city-far-away/"]
RUN = re.compile(r"([Mm])(-?\d+) (-?\d+)(\.5)?h(\d+)")


def drawn(path: str, side: int, scale: int = 8) -> Image.Image:
    """Draw a path of stroked runs (as a browser would) into a picture, to decode it as a phone would."""
    picture = Image.new("L", (side * scale, side * scale), 255)
    pen = ImageDraw.Draw(picture)
    x = y = 0
    for move, dx, dy, _half, length in RUN.findall(path):
        x, y = (int(dx), int(dy)) if move == "M" else (x + int(dx), y + int(dy))
        pen.rectangle([x * scale, y * scale, (x + int(length)) * scale - 1, (y + 1) * scale - 1], fill=0)
        x += int(length)
    return picture


@pytest.mark.parametrize("text", ADDRESSES)
def test_the_path_draws_a_code_a_reader_decodes_back_to_the_text(text):
    code = qr_code(text)
    assert RUN.sub("", code.path) == ""  # nothing but runs
    assert [result.text for result in zxingcpp.read_barcodes(drawn(code.path, code.side))] == [text]


@pytest.mark.parametrize("text", ADDRESSES)
def test_a_full_code_sits_in_a_quiet_zone_of_four_modules(text):
    code = qr_code(text)
    modules = code.side - 2 * QUIET_ZONE
    assert modules >= 21 and (modules - 21) % 4 == 0  # 21 + 4n modules: a full code, never a micro one
    assert code.path.startswith(f"M{QUIET_ZONE} {QUIET_ZONE}.5h7")  # the first finder pattern at the zone's edge


def test_error_correction_is_m_so_a_scratched_poster_still_reads():
    code = qr_code(ADDRESSES[0])
    result = zxingcpp.read_barcode(drawn(code.path, code.side))
    assert result.ec_level == "M"
