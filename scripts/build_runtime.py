"""Vendor the browser runtime into ``overrides/assets/runtime/`` (git-ignored), from where MkDocs copies it.

It holds the self-hosted Pyodide core from ``node_modules/pyodide`` (pinned in package-lock.json),
a lock file listing no packages (we load none from Pyodide's repository), and our own wheel,
``assessment.whl``, built offline by hatchling. Run: ``python -m scripts.build_runtime``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
TARGET = ROOT / "overrides" / "assets" / "runtime"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")


def vendor_pyodide(target: Path = TARGET) -> None:
    """Copy the Pyodide core files and write a lock file without packages."""
    missing = [name for name in (*RUNTIME_FILES, "pyodide-lock.json") if not (PYODIDE / name).is_file()]
    if missing:
        raise SystemExit(f"Pyodide belum terpasang ({', '.join(missing)} tidak ada): jalankan 'npm ci'.")
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(PYODIDE / name, target / name)
    lock = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    (target / "pyodide-lock.json").write_text(json.dumps({"info": lock["info"], "packages": {}}), encoding="utf-8")


def build_wheel(target: Path = TARGET) -> Path:
    """Build the pure-Python wheel of ``assessment`` (no network) and copy it to ``assessment.whl``."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out, str(ROOT)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (wheel,) = Path(out).glob("assessment-*-py3-none-any.whl")
        target.mkdir(parents=True, exist_ok=True)
        return Path(shutil.copy2(wheel, target / "assessment.whl"))


def main() -> None:
    """Vendor Pyodide and build the wheel."""
    vendor_pyodide()
    wheel = build_wheel()
    print(f"runtime: {TARGET.relative_to(ROOT)} ({wheel.stat().st_size} B wheel)")


if __name__ == "__main__":
    main()
