"""``python -m assessment report``: one respondent in three formats, a CSV of many, and the errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from assessment import build_report, load_instrument, render_document, render_markdown, score, to_json
from assessment._internal.cli import main
from assessment._internal.result_code import encode
from assessment._internal.results import Report

INSTRUMENT = load_instrument("berakhlak-individu")
ITEMS = [item.id for item in INSTRUMENT.items]
ANSWERS = {item: (i % 5) + 1 for i, item in enumerate(ITEMS)}
REPORT = ["report", "--instrument", "berakhlak-individu"]


def write(tmp_path: Path, data: object, name: str = "jawaban.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def expected(history: object = (), base_url: str = "") -> Report:
    return build_report(INSTRUMENT, score(INSTRUMENT, ANSWERS), history, base_url, encode(INSTRUMENT, ANSWERS))


def test_json_format_is_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*REPORT, str(write(tmp_path, ANSWERS)), "--format", "json"]) == 0
    assert capsys.readouterr().out == to_json(expected())


def test_markdown_is_the_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*REPORT, str(write(tmp_path, ANSWERS))]) == 0
    assert capsys.readouterr().out == render_markdown(expected())


def test_html_document_to_a_file_with_site_url_and_history(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    history = [{**score(INSTRUMENT, dict.fromkeys(ITEMS, 3)), "saved_at": "2024-03-01"}]
    out = tmp_path / "laporan.html"
    argv = [*REPORT, str(write(tmp_path, ANSWERS)), "--format", "html", "-o", str(out)]
    argv += ["--site-url", "https://contoh.go.id/", "--history", str(write(tmp_path, history, "riwayat.json"))]
    assert main(argv) == 0
    assert capsys.readouterr() == ("", "")
    text = out.read_text(encoding="utf-8")
    assert text == render_document(expected(history, "https://contoh.go.id/"))
    assert 'href="https://contoh.go.id/' in text
    assert "Sejak hasil" in text


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--format", "csv"], "format 'csv' tidak dikenal untuk satu responden"),
        (["--format", "pdf"], "format 'pdf' tidak dikenal"),
        (["--site-url", "javascript:alert(1)"], "--site-url tidak sah"),
        (["--history", "{hist}"], "riwayat harus berupa daftar"),
        (["-o", "/tidak/ada/laporan.md"], "tidak dapat ditulis"),
    ],
)
def test_bad_options_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    history = str(write(tmp_path, {"bukan": "daftar"}, "riwayat.json"))
    argv = [*REPORT, str(write(tmp_path, ANSWERS)), *(history if e == "{hist}" else e for e in extra)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("galat: ")
    assert err.count("\n") == 1
    assert message in err


def test_incomplete_answers_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*REPORT, str(write(tmp_path, {"bp-1-a": 4}))]) == 2
    assert capsys.readouterr().err.startswith("galat: 41 butir belum dijawab")


def csv_file(tmp_path: Path, rows: list[list[str]], name: str = "responden.csv", delimiter: str = ";") -> Path:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["nama", *ITEMS])
    writer.writerows(rows)
    path = tmp_path / name
    path.write_text("\ufeff" + out.getvalue(), encoding="utf-8")
    return path


GOOD = [str(ANSWERS[item]) for item in ITEMS]
BAD = ["", *GOOD[1:]]


def test_csv_all_rows_scored_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*REPORT, str(csv_file(tmp_path, [["Andi", *GOOD]])), "--format", "json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["rows"][0]["result"] == score(INSTRUMENT, ANSWERS)
    assert data["summary"]["scored"] == 1
    assert captured.err == ""


def test_csv_with_bad_rows_exits_1_names_them_and_still_summarises(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = csv_file(tmp_path, [["Andi", *GOOD], ["Budi", *BAD], ["Citra", *GOOD]])
    assert main([*REPORT, str(path), "--format", "md"]) == 1
    captured = capsys.readouterr()
    assert captured.err == "baris 3: 1 butir belum dijawab: bp-1-a\n"
    assert "## Ringkasan" in captured.out
    assert "2 dari 3 baris berisi dinilai" in captured.out


def test_csv_format_writes_rows_and_the_summary_goes_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hasil.csv"
    assert main([*REPORT, str(csv_file(tmp_path, [["Andi", *GOOD]])), "--format", "csv", "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert lines[1][:3] == ["2", "Andi", "ok"]
    assert capsys.readouterr().err.startswith("ringkasan: 1 dari 1 baris dinilai")


def test_csv_flag_reads_a_file_with_another_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = csv_file(tmp_path, [["Andi", *GOOD]], name="ekspor.txt", delimiter=",")
    assert main([*REPORT, str(path), "--csv", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["source"]["delimiter"] == ","


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        ("nama,waktu\nA,1\n", [], "tidak memuat kolom butir"),
        ("nama;" + ";".join(ITEMS) + "\n", [], "tidak ada baris jawaban"),
        (None, ["--format", "html"], "format 'html' tidak dikenal untuk berkas CSV"),
    ],
)
def test_unusable_csv_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, extra: list[str], message: str
) -> None:
    path = csv_file(tmp_path, [["Andi", *GOOD]]) if content is None else write(tmp_path, content, "r.csv")
    assert main([*REPORT, str(path), *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith("galat: ")
    assert message in err.splitlines()[-1]


def test_missing_csv_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*REPORT, str(tmp_path / "hilang.csv")]) == 2
    assert "tidak dapat dibaca" in capsys.readouterr().err


def test_non_utf8_csv_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(("Jos\xe9;" + ";".join(ITEMS) + "\n").encode("latin-1"))
    assert main([*REPORT, str(path)]) == 2
    assert "bukan teks UTF-8" in capsys.readouterr().err


def test_existing_commands_still_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--instrument", "berakhlak-individu", str(write(tmp_path, ANSWERS))]) == 0
    assert capsys.readouterr().out == to_json(score(INSTRUMENT, ANSWERS))
    assert main(["validate"]) == 0
    assert main(["list"]) == 0


def test_module_entry_point_report_without_traceback(tmp_path: Path) -> None:
    bad = csv_file(tmp_path, [["Budi", *BAD]])
    run = subprocess.run(
        [sys.executable, "-m", "assessment", *REPORT, str(bad), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert json.loads(run.stdout)["summary"]["bad"] == 1
    ok = subprocess.run(
        [sys.executable, "-m", "assessment", *REPORT, str(write(tmp_path, ANSWERS)), "--format", "html"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0
    assert ok.stdout.startswith("<!DOCTYPE html>")


def test_unusable_history_entries_are_skipped_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = score(INSTRUMENT, dict.fromkeys(ITEMS, 3))
    good = {**result, "saved_at": "2024-03-01"}
    first, rest = result["dimensions"][0], result["dimensions"][1:]
    hostile = [
        {**good, "dimensions": [{**first, "id": ["akuntabel"]}, *rest]},
        {**good, "dimensions": [{**first, "id": {"x": 1}}, *rest]},
        {**good, "overall": "tinggi"},
        "rusak",
        None,
    ]
    history = write(tmp_path, [*hostile, good, *hostile], "riwayat.json")
    for form in ("md", "json", "html"):
        assert main([*REPORT, str(write(tmp_path, ANSWERS)), "--history", str(history), "--format", form]) == 0
        out, err = capsys.readouterr()
        assert err == ""
        assert "1 Maret 2024" in out if form != "json" else json.loads(out)["history"]["entries"][0]["saved_at"]
