"""``overrides/assets/javascripts/stored-zip.js``, run by Node.js: the files of a stored zip, bad ones refused."""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest

MODULE = Path(__file__).resolve().parents[1] / "overrides" / "assets" / "javascripts" / "stored-zip.js"
READ = f"""
import {{ readFileSync }} from "node:fs";
import {{ storedFiles, writeStoredFiles }} from "{MODULE.as_uri()}";
const bytes = new Uint8Array(readFileSync(0));
try {{
  const written = [];
  const fs = {{
    mkdirTree: (path) => written.push(["dir", path]),
    writeFile: (path, data) => written.push([path, [...data]]),
  }};
  writeStoredFiles(fs, bytes, "/lib/x");
  const files = storedFiles(bytes).map(({{ name, data }}) => [name, new TextDecoder().decode(data)]);
  console.log(JSON.stringify({{ files, written }}));
}} catch (error) {{
  console.log(JSON.stringify({{ error: String(error.message) }}));
}}
"""


def read(data: bytes) -> dict[str, object]:
    result = subprocess.run(
        ["node", "--input-type=module", "-e", READ], input=data, capture_output=True, check=True, timeout=60
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def archive(entries: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as target:
        for name, data in entries.items():
            target.writestr(name, data)
    return buffer.getvalue()


def test_every_file_is_read_in_order_folders_created_and_skipped() -> None:
    data = archive({"pkg/": b"", "pkg/__init__.pyc": b"\x00\x01", "pkg/data/a.toml": "é = 1".encode()})
    found = read(data)
    assert found["files"] == [["pkg/__init__.pyc", "\x00\x01"], ["pkg/data/a.toml", "é = 1"]]
    assert found["written"] == [
        ["dir", "/lib/x/pkg"],
        ["/lib/x/pkg/__init__.pyc", [0, 1]],
        ["dir", "/lib/x/pkg/data"],
        ["/lib/x/pkg/data/a.toml", list("é = 1".encode())],
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (archive({"a.pyc": b"x" * 100}, zipfile.ZIP_DEFLATED), "a.pyc dikompresi"),
        (archive({"a.pyc": b"x"})[:-30], "akhir arsip tidak ditemukan"),
        (b"", "akhir arsip tidak ditemukan"),
        (archive({"../luar.pyc": b"x"}), "../luar.pyc"),
        (archive({"/mutlak.pyc": b"x"}), "/mutlak.pyc"),
    ],
)
def test_a_broken_or_unsafe_archive_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    error = read(data)["error"]
    assert isinstance(error, str)
    assert error.startswith("arsip paket rusak")
    assert reason in error
