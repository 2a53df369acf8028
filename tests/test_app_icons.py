"""The committed home-screen icons are the ones scripts/app_icons.py draws."""

from __future__ import annotations

import struct
import zlib

from scripts.app_icons import IMAGES, TEAL, draw, png


def pixels(data: bytes) -> tuple[int, list[bytes]]:
    """Width and RGBA rows of a PNG written by ``png`` (8-bit RGBA, filter 0)."""
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert (depth, colour) == (8, 6)
    raw = zlib.decompress(data[data.index(b"IDAT") + 4 : data.index(b"IEND") - 8])
    stride = 1 + 4 * width
    assert len(raw) == stride * height
    return width, [raw[row * stride + 1 : (row + 1) * stride] for row in range(height)]


def test_the_192_px_icons_are_what_the_script_draws() -> None:
    for name, maskable in (("icon-192.png", False), ("icon-maskable-192.png", True)):
        assert (IMAGES / name).read_bytes() == png(draw(192, maskable=maskable), 192), name


def test_the_512_px_icons_are_sound() -> None:
    for name in ("icon-512.png", "icon-maskable-512.png"):
        width, rows = pixels((IMAGES / name).read_bytes())
        assert width == len(rows) == 512
        middle_left = rows[256][4 * 60 : 4 * 61]
        assert tuple(middle_left) == (*TEAL, 255)  # teal background beside the building
        column = rows[300][4 * 256 : 4 * 257]  # between the two middle columns: background
        assert tuple(column) == (*TEAL, 255)
    corner = pixels((IMAGES / "icon-512.png").read_bytes())[1][0][:4]
    assert corner[3] == 0  # rounded corners are transparent
    corner = pixels((IMAGES / "icon-maskable-512.png").read_bytes())[1][0][:4]
    assert tuple(corner) == (*TEAL, 255)  # maskable icons are full-bleed
