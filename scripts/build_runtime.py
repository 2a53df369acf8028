"""Vendor the browser runtime into ``overrides/assets/runtime/`` (git-ignored), from where MkDocs copies it.

It holds the self-hosted Pyodide core from ``node_modules/pyodide`` (pinned in package-lock.json),
a lock file listing no packages (we load none from Pyodide's repository), ``python_stdlib.min.zip``,
the standard library cut down to what the page uses and precompiled, and ``assessment.zip``, our
package precompiled (both written by ``scripts/precompile_stdlib.mjs``, which runs
``scripts/stdlib_probe.py`` in Pyodide under Node.js on the wheel hatchling builds offline); the full
``python_stdlib.zip`` stays beside them as the worker's fallback. Run: ``python -m scripts.build_runtime``.
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
    if target.exists():  # nothing of an earlier build (a wheel the page no longer loads) is shipped
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in RUNTIME_FILES:
        shutil.copy2(PYODIDE / name, target / name)
    if not QR_ENCODER.is_file():
        raise SystemExit("qrcode-generator belum terpasang: jalankan 'npm ci'.")
    shutil.copy2(QR_ENCODER, target / "qrcode.mjs")
    lock = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    (target / "pyodide-lock.json").write_text(json.dumps({"info": lock["info"], "packages": {}}), encoding="utf-8")


def build_wheel(folder: Path) -> Path:
    """Build the pure-Python wheel of ``assessment`` (no network) into ``folder``, its entries stored.

    Stored entries can be read without Python (``stored-zip.js``), as the build reads this wheel.
    """
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out, str(ROOT)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (wheel,) = Path(out).glob("assessment-*-py3-none-any.whl")
        stored = folder / wheel.name
        with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as copy:
            for info in source.infolist():
                copy.writestr(info, source.read(info), compress_type=zipfile.ZIP_STORED)
        return stored


def precompile(wheel: Path, target: Path = TARGET) -> tuple[Path, Path]:
    """Write ``python_stdlib.min.zip`` (the modules our package needs) and ``assessment.zip`` (the package).

    Both are precompiled by Pyodide under Node.js and stored uncompressed: the web server's brotli or
    gzip over the whole file compresses far better than zip's deflate file by file.
    """
    stdlib, package = target / "python_stdlib.min.zip", target / "assessment.zip"
    script = ROOT / "scripts" / "precompile_stdlib.mjs"
    command = ["node", str(script), str(target / "python_stdlib.zip"), str(wheel), str(stdlib), str(package)]
    subprocess.run(command, check=True)
    return stdlib, package


def main() -> None:
    """Vendor Pyodide, build the wheel, precompile the standard library and the package."""
    vendor_pyodide()
    with tempfile.TemporaryDirectory() as folder:
        stdlib, package = precompile(build_wheel(Path(folder)))
    sizes = f"package {package.stat().st_size} B, stdlib {stdlib.stat().st_size} B"
    print(f"runtime: {TARGET.relative_to(ROOT)} ({sizes})")


if __name__ == "__main__":
    main()
