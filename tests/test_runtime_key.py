"""``scripts/runtime_key.py``: the key that names the Python snapshot, written into the built script."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import runtime_key as rk

SOURCE = Path(__file__).resolve().parents[1] / "overrides" / rk.SCRIPT


def site(tmp_path: Path) -> Path:
    runtime = tmp_path / rk.RUNTIME
    runtime.mkdir(parents=True)
    for name in rk.RUNTIME_FILES:
        (runtime / name).write_bytes(name.encode() * 3)
    script = tmp_path / rk.SCRIPT
    script.parent.mkdir(parents=True)
    script.write_text(SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_the_key_is_filled_into_the_built_script_and_changes_with_any_runtime_file(tmp_path: Path) -> None:
    built = site(tmp_path)
    key = rk.write_runtime_key(built)
    assert len(key) == 16
    assert f'const RUNTIME_KEY = /** @type {{string}} */ ("{key}");' in (built / rk.SCRIPT).read_text("utf-8")
    assert rk.write_runtime_key(built) == key  # filling again keeps one slot, same key
    for name in rk.RUNTIME_FILES:
        file = built / rk.RUNTIME / name
        before = file.read_bytes()
        file.write_bytes(before + b"!")
        assert rk.runtime_key(built) != key, name
        file.write_bytes(before)
    (built / "index.html").write_text("<p>halaman berubah</p>", encoding="utf-8")
    assert rk.runtime_key(built) == key  # pages do not make a new snapshot


def test_the_source_leaves_snapshots_off() -> None:
    assert 'const RUNTIME_KEY = /** @type {string} */ ("");' in SOURCE.read_text(encoding="utf-8")


def test_a_missing_file_or_slot_stops_the_build(tmp_path: Path) -> None:
    built = site(tmp_path)
    (built / rk.RUNTIME / "assessment.zip").unlink()
    with pytest.raises(rk.RuntimeKeyError, match=r"assessment\.zip"):
        rk.write_runtime_key(built)
    built = site(tmp_path / "lagi")
    (built / rk.SCRIPT).write_text("// kosong\n", encoding="utf-8")
    with pytest.raises(rk.RuntimeKeyError, match="RUNTIME_KEY"):
        rk.write_runtime_key(built)
