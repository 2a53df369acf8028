from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.regulation.cli import main
from scripts.regulation.model import from_dict
from tests.test_regulation_support import line_of, sample, sample_path

FULL = "contoh-lengkap.txt"
FLAWED = "contoh-cacat.txt"
ROOT = Path(__file__).resolve().parent.parent


def test_parse_then_render(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "perbup.json"
    page = tmp_path / "teks" / "perbup.md"
    assert main(["parse", str(sample_path(FULL)), "-o", str(data)]) == 0
    reg = from_dict(json.loads(data.read_text(encoding="utf-8")))
    assert len(reg.pasal_list()) == 8
    assert main(["render", str(data), "-o", str(page), "--source", "JDIH Contoh, https://contoh.invalid/x.pdf"]) == 0
    text = page.read_text(encoding="utf-8")
    assert "### Pasal 1 {#pasal-1}" in text
    assert "https://contoh.invalid/x.pdf" in text
    err = capsys.readouterr().err
    assert "galat" not in err
    assert f"ditulis: {page}" in err


def test_parse_with_errors_writes_nothing_and_reports_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "cacat.json"
    assert main(["parse", str(sample_path(FLAWED)), "-o", str(data)]) == 2
    assert not data.exists()
    err = capsys.readouterr().err
    assert f"{FLAWED}:{line_of(FLAWED, 'Pasal 4')}: galat: Pasal 3 tidak ditemukan (setelah Pasal 2)" in err
    assert f"{FLAWED}:{line_of(FLAWED, 'Pasal 4', 2)}: galat: Pasal 4 berulang" in err
    assert f"{FLAWED}:{line_of(FLAWED, 'Pasal 1')}: peringatan: Pasal 1 berada di luar BAB" in err
    assert "7 galat, 2 peringatan" in err
    assert main(["parse", str(sample_path(FLAWED)), "-o", str(data), "--force"]) == 0
    assert len(json.loads(data.read_text(encoding="utf-8"))["unplaced"]) == 2


def test_check_reports_missing_references_and_strict_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = sample(FULL).replace("dimaksud dalam Pasal 5 ayat (2)", "dimaksud dalam Pasal 55 ayat (2)")
    source = tmp_path / "rujukan.txt"
    source.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), start=1) if "Pasal 55" in t)
    assert main(["check", str(source)]) == 0
    err = capsys.readouterr().err
    assert f"rujukan.txt:{line}: peringatan: rujukan ke pasal yang tidak ada: 'Pasal 55 ayat (2)'" in err
    assert main(["check", "--strict", str(source)]) == 2
    assert main(["check", str(sample_path(FLAWED))]) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "galat: berkas tidak ditemukan:"),
        (b"\xff\xfe\x00bukan utf-8", "galat: berkas bukan teks UTF-8:"),
        (b"{bukan json", "galat: data.json: bukan JSON yang sah (baris 1:"),
        (b'{"schema_version": 99}', "galat: data.json: schema_version 99 tidak didukung"),
        (b'{"schema_version": 1}', "galat: data.json: data: kunci 'heading' tidak ada"),
    ],
)
def test_render_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    data = tmp_path / "data.json"
    if content is not None:
        data.write_bytes(content)
    assert main(["render", str(data), "-o", str(tmp_path / "x.md")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message.replace("data.json", str(data)))
    assert err.count("\n") == 1
    assert not (tmp_path / "x.md").exists()


def test_module_entry_point_without_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada.txt"
    result = subprocess.run(
        [sys.executable, "-m", "scripts.regulation", "check", str(missing)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == f"galat: berkas tidak ditemukan: {missing}\n"
    ok = subprocess.run(
        [sys.executable, "-m", "scripts.regulation", "parse", str(sample_path(FULL))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0
    assert json.loads(ok.stdout)["heading"]["nomor"] == "1"
