"""Vendor the browser runtime into ``overrides/assets/runtime/`` (git-ignored), from where MkDocs copies it.

It holds the self-hosted Pyodide core from ``node_modules/pyodide`` (pinned in package-lock.json),
a lock file listing no packages (we load none from Pyodide's repository), our own wheel,
``assessment.whl``, built offline by hatchling, and ``python_stdlib.min.zip``, the standard library
cut down to what the page uses and precompiled (``scripts/precompile_stdlib.mjs`` runs
``scripts/stdlib_probe.py`` in Pyodide under Node.js); the full
``python_stdlib.zip`` stays beside it as the worker's fallback. Run: ``python -m scripts.build_runtime``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
TARGET = ROOT / "overrides" / "assets" / "runtime"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
QR_ENCODER = ROOT / "node_modules" / "qrcode-generator" / "dist" / "qrcode.mjs"
"""Draws the QR code of a result code in the page (pinned npm package, self-hosted)."""


def vendor_pyodide(target: Path = TARGET) -> None:
    """Copy the Pyodide core files and the QR encoder, and write a lock file without packages."""
    missing = [name for name in (*RUNTIME_FILES, "pyodide-lock.json") if not (PYODIDE / name).is_file()]
    if missing:
        raise SystemExit(f"Pyodide belum terpasang ({', '.join(missing)} tidak ada): jalankan 'npm ci'.")
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(PYODIDE / name, target / name)
    if not QR_ENCODER.is_file():
        raise SystemExit("qrcode-generator belum terpasang: jalankan 'npm ci'.")
    shutil.copy2(QR_ENCODER, target / "qrcode.mjs")
    lock = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    (target / "pyodide-lock.json").write_text(json.dumps({"info": lock["info"], "packages": {}}), encoding="utf-8")


def build_wheel(target: Path = TARGET) -> Path:
    """Build the pure-Python wheel of ``assessment`` (no network) and store it as ``assessment.whl``.

    Its entries are stored uncompressed, like the precompiled standard library's: the web server's
    brotli or gzip over the whole file compresses far better than zip's deflate file by file.
    """
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out, str(ROOT)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (wheel,) = Path(out).glob("assessment-*-py3-none-any.whl")
        target.mkdir(parents=True, exist_ok=True)
        stored = target / "assessment.whl"
        with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as copy:
            for info in source.infolist():
                copy.writestr(info, source.read(info), compress_type=zipfile.ZIP_STORED)
        return stored


def precompile_stdlib(wheel: Path, target: Path = TARGET) -> Path:
    """Write ``python_stdlib.min.zip``: the modules our wheel needs, precompiled by Pyodide under Node.js."""
    output = target / "python_stdlib.min.zip"
    script = ROOT / "scripts" / "precompile_stdlib.mjs"
    subprocess.run(["node", str(script), str(target / "python_stdlib.zip"), str(wheel), str(output)], check=True)
    return output


def main() -> None:
    """Vendor Pyodide, build the wheel and the precompiled standard library."""
    vendor_pyodide()
    wheel = build_wheel()
    stdlib = precompile_stdlib(wheel)
    print(f"runtime: {TARGET.relative_to(ROOT)} (wheel {wheel.stat().st_size} B, stdlib {stdlib.stat().st_size} B)")


if __name__ == "__main__":
    main()
