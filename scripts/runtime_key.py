"""Write the key of the built site's Python runtime into its ``python-snapshot.js``.

The assessment worker keeps a memory snapshot of the started Python on the device and restores it on
later visits (``overrides/assets/javascripts/python-snapshot.js``). A snapshot only fits the runtime
it was made from: the wasm and its JavaScript, the small standard library (a restored Python holds
that zip's index in memory) and our package. A hash of those files, written here, names the
snapshot, so any change to them makes a new one; an edit to the pages does not. Unfilled (as
``mkdocs serve`` serves the file), no snapshot is made or used.

A post-build step, before ``service_worker`` (which hashes the filled file).
``python -m scripts.runtime_key SITE`` prints the key.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

RUNTIME = "assets/runtime"
#: The files a snapshot depends on, in the runtime folder.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.min.zip", "assessment.zip")
SCRIPT = "assets/javascripts/python-snapshot.js"
_SLOT = re.compile(r'const RUNTIME_KEY = /\*\* @type \{string\} \*/ \("[0-9a-f]*"\);')


class RuntimeKeyError(RuntimeError):
    """A runtime file or the slot in ``python-snapshot.js`` is missing."""


def runtime_key(site: Path) -> str:
    """The first 16 hex digits of a sha256 over the runtime files' names and contents."""
    digest = hashlib.sha256()
    for name in RUNTIME_FILES:
        path = site / RUNTIME / name
        if not path.is_file():
            raise RuntimeKeyError(f"{path}: tidak ada (jalankan 'make runtime')")
        digest.update(f"{name}\0{path.stat().st_size}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def write_runtime_key(site: Path) -> str:
    """Fill the built ``python-snapshot.js`` with the runtime's key; returns the key."""
    key = runtime_key(site)
    script = site / SCRIPT
    if not script.is_file():
        raise RuntimeKeyError(f"{script}: tidak ada (overrides/ tidak tersalin?)")
    filled, count = _SLOT.subn(f'const RUNTIME_KEY = /** @type {{string}} */ ("{key}");', script.read_text("utf-8"))
    if count != 1:
        raise RuntimeKeyError(f"{script}: tempat isian RUNTIME_KEY tidak ditemukan")
    script.write_text(filled, encoding="utf-8")
    return key


def main(argv: list[str] | None = None) -> int:
    """Print the runtime key of a built site."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    args = parser.parse_args(argv)
    try:
        print(runtime_key(args.site))
    except RuntimeKeyError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
