"""Write a ``.gz`` and a ``.br`` copy beside every compressible file of the built site.

Servers then send the compressed copy without compressing on each request: nginx with
``gzip_static on;`` (and ``brotli_static on;`` from the ngx_brotli module), Apache with rewrite rules
(README, "Deployment"), ``scripts.serve_site`` like both. On a weak connection this matters as much as
anything in the code: the Pyodide runtime is about 16 MB as files, about 5 MB gzip and 4 MB brotli.

The ``.gz`` copies are written by Zopfli, a gzip encoder that searches harder than zlib's level 9:
any gzip reader takes them, and they are about 3 % smaller (the wasm: 3.41 MB against 3.53 MB), which
is what a server without brotli sends. Both encoders at their best settings are slow (brotli at
quality 11 takes about a minute and a half for the 9.6 MB wasm on a small machine, Zopfli about 15 s),
so their output is kept in a content-addressed cache (``.cache/brotli/``, removed by ``make clean``):
the runtime, which rarely changes, is compressed once per machine.
Run: ``python -m scripts.precompress site``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import brotli
import zopfli.gzip

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".webmanifest", ".wasm", ".zip", ".svg", ".xml", ".txt", ".map"}
)
MIN_SIZE = 1024
BROTLI_QUALITY = 11
ZOPFLI_ITERATIONS = 5  # 15 (Zopfli's default) saves 3 kB more on the wasm and takes twice as long
CACHE = ROOT / ".cache" / "brotli"


class Sizes(NamedTuple):
    """Bytes of the files compressed: as they are, and their ``.gz`` and ``.br`` copies."""

    raw: int
    gzip: int
    brotli: int


def compress_brotli(data: bytes, cache: Path | None = CACHE) -> bytes:
    """``data`` brotli-compressed at quality 11, from ``cache`` when it was compressed before."""
    return _cached(data, f"q{BROTLI_QUALITY}.br", lambda: bytes(brotli.compress(data, quality=BROTLI_QUALITY)), cache)


def compress_gzip(data: bytes, cache: Path | None = CACHE) -> bytes:
    """``data`` as a gzip member written by Zopfli (no name, mtime 0), from ``cache`` when done before."""
    name = f"z{ZOPFLI_ITERATIONS}.gz"
    return _cached(data, name, lambda: bytes(zopfli.gzip.compress(data, numiterations=ZOPFLI_ITERATIONS)), cache)


def _cached(data: bytes, kind: str, compress: Callable[[], bytes], cache: Path | None) -> bytes:
    """``compress()`` of ``data``, kept in ``cache`` under the data's hash and ``kind``."""
    if cache is None:
        return compress()
    entry = cache / f"{hashlib.sha256(data).hexdigest()}-{kind}"
    if entry.is_file():
        return entry.read_bytes()
    packed = compress()
    cache.mkdir(parents=True, exist_ok=True)
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")  # builds may run side by side
    partial.write_bytes(packed)
    partial.replace(entry)
    return packed


def _write_copy(file: Path, suffix: str, data: bytes, packed: bytes) -> int:
    """Write ``packed`` beside ``file`` if smaller (else drop a stale copy); returns the bytes a client gets."""
    copy = file.with_name(file.name + suffix)
    if len(packed) >= len(data):
        copy.unlink(missing_ok=True)
        return len(data)
    copy.write_bytes(packed)
    return len(packed)


def precompress(site: Path, cache: Path | None = CACHE) -> Sizes:
    """Compress the site's files in place; returns the byte totals of the files considered."""
    raw = gz = br = 0
    for file in sorted(site.rglob("*")):
        if not file.is_file() or file.suffix not in SUFFIXES or file.stat().st_size < MIN_SIZE:
            continue
        data = file.read_bytes()
        raw += len(data)
        gz += _write_copy(file, ".gz", data, compress_gzip(data, cache))
        br += _write_copy(file, ".br", data, compress_brotli(data, cache))
    return Sizes(raw, gz, br)


def main() -> None:
    """Precompress the folder given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    args = parser.parse_args()
    sizes = precompress(args.site)
    print(
        f"precompressed: {sizes.raw / 1e6:.1f} MB -> {sizes.gzip / 1e6:.1f} MB gzip, {sizes.brotli / 1e6:.1f} MB brotli"
    )


if __name__ == "__main__":
    main()
