"""Write a ``.gz`` copy beside every compressible file of the built site.

Servers such as nginx (``gzip_static on;``) then send the compressed copy without compressing on
each request. On a weak connection this matters as much as anything in the code: the Pyodide
runtime is about 16 MB as files and about 6 MB gzip-compressed. Run: ``python -m scripts.precompress site``.
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

SUFFIXES = frozenset({".html", ".css", ".js", ".mjs", ".json", ".wasm", ".zip", ".svg", ".xml", ".txt", ".map"})
MIN_SIZE = 1024


def precompress(site: Path) -> tuple[int, int]:
    """Compress the site's files in place; returns (bytes before, bytes after) for the files done."""
    before = after = 0
    for file in sorted(site.rglob("*")):
        if not file.is_file() or file.suffix not in SUFFIXES or file.stat().st_size < MIN_SIZE:
            continue
        data = file.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) < len(data):
            file.with_name(file.name + ".gz").write_bytes(packed)
            before, after = before + len(data), after + len(packed)
    return before, after


def main() -> None:
    """Precompress the folder given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    args = parser.parse_args()
    before, after = precompress(args.site)
    print(f"precompressed: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB (.gz copies)")


if __name__ == "__main__":
    main()
