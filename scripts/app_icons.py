"""The home-screen icons of the web app manifest, drawn with the standard library (zlib PNG).

A white public building (pediment, beam, four columns, base) on the site's teal (#00695c, the
``--md-primary-fg-color`` of ``overrides/assets/stylesheets/site.css``). Two kinds, 192 and 512 px:
``icon-N.png`` a rounded square with transparent corners (``purpose: any``), and
``icon-maskable-N.png`` full-bleed with the building inside the central safe circle (``purpose:
maskable``, which launchers crop to their own shape). The PNGs are committed under
``overrides/assets/images/``; ``tests/test_app_icons.py`` checks they are what this script draws.
Run: ``python -m scripts.app_icons`` (rewrites them).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "overrides" / "assets" / "images"
TEAL = (0x00, 0x69, 0x5C)
WHITE = (0xFF, 0xFF, 0xFF)
SIZES = (192, 512)
SAMPLES = 4  # per axis, for smooth edges

Shape = Callable[[float, float], bool]


def _rect(x0: float, y0: float, x1: float, y1: float) -> Shape:
    return lambda x, y: x0 <= x <= x1 and y0 <= y <= y1


def _pediment(left: float, right: float, base: float, apex: float) -> Shape:
    middle, half = (left + right) / 2, (right - left) / 2

    def inside(x: float, y: float) -> bool:
        return apex <= y <= base and abs(x - middle) <= half * (y - apex) / (base - apex)

    return inside


#: The building in a unit square.
BUILDING: tuple[Shape, ...] = (
    _pediment(0.02, 0.98, 0.30, 0.02),
    _rect(0.08, 0.34, 0.92, 0.42),
    *(_rect(x - 0.055, 0.46, x + 0.055, 0.82) for x in (0.2, 0.4, 0.6, 0.8)),
    _rect(0.02, 0.86, 0.98, 0.96),
)


def _rounded_square(radius: float) -> Shape:
    def inside(x: float, y: float) -> bool:
        dx = max(radius - x, 0.0, x - (1 - radius))
        dy = max(radius - y, 0.0, y - (1 - radius))
        return dx * dx + dy * dy <= radius * radius

    return inside


def _full(x: float, y: float) -> bool:
    return True


def draw(size: int, *, maskable: bool) -> list[bytes]:
    """RGBA rows of one icon."""
    radius = 0.0 if maskable else 0.18
    background = _full if maskable else _rounded_square(radius)
    margin = 0.27 if maskable else 0.2  # maskable: the building's corners stay inside the 80 % circle
    scale = 1 - 2 * margin
    plain = bytes([*TEAL, 255])
    rows = []
    for row in range(size):
        pixels = bytearray()
        for column in range(size):
            x0, y0, x1, y1 = column / size, row / size, (column + 1) / size, (row + 1) / size
            corner = min(x0, 1 - x1) < radius and min(y0, 1 - y1) < radius
            building = x1 > margin and x0 < 1 - margin and y1 > margin and y0 < 1 - margin
            if not (corner or building):
                pixels += plain
                continue
            back = fore = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x, y = (column + (sx + 0.5) / SAMPLES) / size, (row + (sy + 0.5) / SAMPLES) / size
                    if background(x, y):
                        back += 1
                        u, v = (x - margin) / scale, (y - margin) / scale
                        fore += any(shape(u, v) for shape in BUILDING)
            colour = [round((f * fore + t * (back - fore)) / max(back, 1)) for f, t in zip(WHITE, TEAL, strict=True)]
            pixels += bytes([*colour, round(255 * back / SAMPLES**2)])
        rows.append(bytes(pixels))
    return rows


def png(rows: list[bytes], size: int) -> bytes:
    """A PNG file (8-bit RGBA, no filtering) of the given rows."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    data = zlib.compress(b"".join(b"\0" + row for row in rows), 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def icons() -> dict[str, bytes]:
    """Every icon by file name."""
    return {
        f"icon-{kind}{size}.png": png(draw(size, maskable=bool(kind)), size)
        for size in SIZES
        for kind in ("", "maskable-")
    }


def main() -> None:
    """Write the icons into ``overrides/assets/images/``."""
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, data in icons().items():
        (IMAGES / name).write_bytes(data)
        print(f"{IMAGES / name}: {len(data)} B")


if __name__ == "__main__":
    main()
