"""Tests of the command line (scripts/regulation/cli.py) through ``python -m scripts.regulation``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.regulation.model import from_dict
from scripts.regulation.parse import parse_text
from scripts.regulation.render import render
from tests.regulation.support import ROOT, anchors, sample, sample_path, to_html

LENGKAP = sample_path("contoh-lengkap.txt")
CACAT = sample_path("contoh-cacat.txt")
SOURCE = "JDIH Kabupaten Contoh, https://jdih.contoh.example/perbup-1-2099"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.regulation", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [result.stderr.strip()], "one line"
    assert result.stderr.startswith("galat: ")
    assert expected in result.stderr


def test_help():
    result = run("--help")
    assert result.returncode == 0
    assert "parse" in result.stdout
    assert "render" in result.stdout
    assert "check" in result.stdout


def test_parse_then_render(tmp_path):
    data = tmp_path / "teks" / "contoh.json"
    page = tmp_path / "teks" / "contoh.md"
    parsed = run("parse", LENGKAP, "-o", data)
    assert parsed.returncode == 0, parsed.stderr
    assert parsed.stderr == f"ditulis: {data} (8 pasal)\n"
    written = json.loads(data.read_text(encoding="utf-8"))
    assert written["schema_version"] == 2
    assert written["source_file"] == "contoh-lengkap.txt"

    rendered = run("render", data, "-o", page, "--source", SOURCE)
    assert rendered.returncode == 0, rendered.stderr
    assert rendered.stderr == f"ditulis: {page}\n"
    text = page.read_text(encoding="utf-8")
    assert "JDIH Kabupaten Contoh, " in text
    assert "<https://jdih.contoh.example/perbup-1-2099>" in text
    assert "<!-- Dibuat otomatis oleh `python -m scripts.regulation render` dari berkas data;" in text
    found = anchors(to_html(text))
    assert {f"pasal-{n}" for n in range(1, 9)} <= set(found.ids)
    # what the command writes is what the API gives for the same data
    assert text == render(from_dict(written), source=SOURCE)[0]
    assert text == render(parse_text(sample("contoh-lengkap.txt"), "contoh-lengkap.txt"), SOURCE)[0]


def test_parse_to_stdout():
    result = run("parse", LENGKAP)
    assert result.returncode == 0
    assert json.loads(result.stdout)["heading"]["nomor"] == "1"
    assert result.stderr == ""


def test_check_clean_sample():
    result = run("check", LENGKAP)
    assert result.returncode == 0
    assert result.stderr == "contoh-lengkap.txt: 8 pasal, tidak ada galat\n"


def test_check_reports_problems_with_input_line_numbers():
    result = run("check", CACAT)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1] == "7 galat, 3 peringatan"
    prefixes = [line.split(": ", 2)[:2] for line in lines[:-1]]
    assert prefixes == [
        ["contoh-cacat.txt:14", "peringatan"],
        ["contoh-cacat.txt:22", "galat"],
        ["contoh-cacat.txt:22", "peringatan"],
        ["contoh-cacat.txt:24", "galat"],
        ["contoh-cacat.txt:27", "peringatan"],
        ["contoh-cacat.txt:29", "galat"],
        ["contoh-cacat.txt:32", "galat"],
        ["contoh-cacat.txt:34", "galat"],
        ["contoh-cacat.txt:39", "galat"],
        ["contoh-cacat.txt:48", "galat"],
    ]
    assert "contoh-cacat.txt:24: galat: Pasal 3 tidak ditemukan (setelah Pasal 2)" in lines
    assert "contoh-cacat.txt:22: peringatan: rujukan ke pasal yang tidak ada: 'Pasal 9' (tidak ditautkan)" in lines


def test_parse_with_errors_writes_nothing_unless_forced(tmp_path):
    data = tmp_path / "cacat.json"
    refused = run("parse", CACAT, "-o", data)
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[-1] == "berkas data tidak ditulis; perbaiki teks masukan atau gunakan --force"
    assert not data.exists()

    forced = run("parse", CACAT, "-o", data, "--force")
    assert forced.returncode == 0
    assert json.loads(data.read_text(encoding="utf-8"))["unplaced"][0]["line"] == 34

    rendered = run("render", data, "-o", tmp_path / "cacat.md", "--source", SOURCE)
    assert rendered.returncode == 0
    assert "contoh-cacat.txt:1: peringatan: berkas data mencatat 7 galat dari tahap parse" in rendered.stderr


def test_strict_makes_warnings_fail(tmp_path):
    data = tmp_path / "lengkap.json"
    assert run("parse", LENGKAP, "-o", data).returncode == 0
    page = tmp_path / "lengkap.md"
    result = run("render", data, "-o", page, "--strict")
    assert result.returncode == 2
    assert "peringatan: sumber teks tidak disebutkan" in result.stderr
    assert not page.exists()
    assert run("render", data, "-o", page, "--strict", "--force").returncode == 0
    assert page.exists()


def test_check_reports_missing_references_and_strict_makes_them_fail(tmp_path):
    text = sample("contoh-lengkap.txt").replace("dimaksud dalam Pasal 5 ayat (2)", "dimaksud dalam Pasal 55 ayat (2)")
    path = tmp_path / "rujukan.txt"
    path.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), start=1) if "Pasal 55" in t)
    result = run("check", path)
    assert result.returncode == 0
    assert f"rujukan.txt:{line}: peringatan: rujukan ke pasal yang tidak ada: 'Pasal 55 ayat (2)'" in result.stderr
    assert run("check", "--strict", path).returncode == 2


def test_missing_file():
    assert_one_line_error(run("parse", "tidak-ada.txt"), "galat: tidak-ada.txt: berkas tidak ditemukan")
    assert_one_line_error(run("check", "tidak-ada.txt"), "berkas tidak ditemukan")
    assert_one_line_error(run("render", "tidak-ada.json"), "berkas tidak ditemukan")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], "galat: argumen wajib belum diberikan: command (lihat --help)"),
        (["ubah"], "galat: argumen command: pilihan 'ubah' tidak dikenal (pilih 'parse', 'render', 'check')"),
        (["parse"], "galat: argumen wajib belum diberikan: input (lihat --help)"),
        (["check", "a.txt", "--lain"], "galat: argumen tidak dikenal: --lain (lihat --help)"),
        (["render", "a.json", "-o"], "galat: argumen -o/--output: memerlukan satu nilai (lihat --help)"),
    ],
)
def test_wrong_command_line_is_one_indonesian_line(args, expected):
    result = run(*args)
    assert_one_line_error(result, expected)
    assert result.stdout == ""


def test_directory_instead_of_file(tmp_path):
    assert_one_line_error(run("check", tmp_path), "bukan berkas")


@pytest.mark.parametrize("command", ["parse", "check"])
def test_input_not_utf8(tmp_path, command):
    path = tmp_path / "latin1.txt"
    path.write_bytes(sample("contoh-lengkap.txt").replace("Contoh", "Contoh \u00e9").encode("latin-1"))
    assert_one_line_error(run(command, path), "berkas bukan teks UTF-8")


def test_input_with_bom_is_read(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + sample("contoh-lengkap.txt").encode("utf-8"))
    assert run("check", path).returncode == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{bukan json", "bukan JSON yang sah (baris 1"),
        ("[]", "data: harus berupa objek JSON"),
        ('{"schema_version": 99}', "schema_version 99 tidak didukung"),
        ('{"schema_version": 2}', "rusak.json: data: kunci 'source_file' tidak ada"),
    ],
)
def test_render_bad_data_file(tmp_path, content, expected):
    path = tmp_path / "rusak.json"
    path.write_text(content, encoding="utf-8")
    assert_one_line_error(run("render", path, "-o", tmp_path / "x.md"), expected)
    assert not (tmp_path / "x.md").exists()


def test_render_hand_edited_data_without_closing_lines(tmp_path):
    data = json.loads(run("parse", LENGKAP).stdout)
    data["closing"][0]["lines"] = []
    path = tmp_path / "disunting.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("render", path, "--source", SOURCE)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_output_that_cannot_be_written(tmp_path):
    assert_one_line_error(run("parse", LENGKAP, "-o", tmp_path), "berkas tidak dapat ditulis")


def test_check_of_a_scanned_copy_lists_each_repair_with_its_line():
    result = run("check", sample_path("contoh-pindaian.txt"))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert "contoh-pindaian.txt:36: peringatan: perbaikan hasil pindaian: '427O' dibaca '4270'" in lines
    assert lines[-2:] == ["0 galat, 9 peringatan", "contoh-pindaian.txt: 3 pasal, tidak ada galat"]
    assert run("check", "--strict", sample_path("contoh-pindaian.txt")).returncode == 2
