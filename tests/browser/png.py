"""Screenshots as pixels for a barcode decoder, with the standard library only (no PIL or numpy here)."""

from __future__ import annotations

import io
import struct
import zlib


def grey_pixels(png: bytes) -> memoryview:
    """Grey pixels of a PNG screenshot, decoded with the standard library (no PIL or numpy here)."""
    data = io.BytesIO(png)
    assert data.read(8) == b"\x89PNG\r\n\x1a\n"
    chunks, width, height, colour = b"", 0, 0, 0
    while True:
        length, kind = struct.unpack(">I4s", data.read(8))
        body = data.read(length)
        data.read(4)
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8
        elif kind == b"IDAT":
            chunks += body
        elif kind == b"IEND":
            break
    channels = {2: 3, 6: 4, 0: 1}[colour]
    raw = zlib.decompress(chunks)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    position = 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1 : position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line[::channels]))  # the red channel is enough for a dark-on-white code
        previous = line
    return memoryview(b"".join(rows)).cast("B", (height, width))
