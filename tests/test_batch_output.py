"""The batch outputs: JSON, CSV for spreadsheets (formula injection neutralised), Markdown, terminal lines."""

from __future__ import annotations

import csv
import io
import json

import pytest

from assessment import score
from assessment._internal.batch_output import spreadsheet_text, text_summary, write_csv, write_json, write_markdown
from tests.batch_samples import INSTRUMENT, ITEMS, answers, batch, csv_text, excel_file, excel_row, row


def test_json_writer_streams_valid_json() -> None:
    out = io.StringIO()
    summary = write_json(batch(csv_text([row(5), row(4, **{"bp-1-a": "x"})])), out)
    data = json.loads(out.getvalue())
    assert data["schema_version"] == 1
    assert data["instrument"] == {"id": "berakhlak-individu", "version": INSTRUMENT.version}
    assert [r["row"] for r in data["rows"]] == [2, 3]
    assert data["rows"][0]["ok"] is True
    assert data["rows"][0]["result"] == score(INSTRUMENT, answers(row(5)))
    assert data["rows"][1] == {"row": 3, "label": None, "ok": False, "error": data["summary"]["bad_rows"][0]["reason"]}
    assert data["summary"] == summary


def test_json_writer_with_no_rows() -> None:
    out = io.StringIO()
    write_json(batch(csv_text([])), out)
    assert json.loads(out.getvalue())["rows"] == []


def test_csv_writer_uses_decimal_comma_with_semicolons() -> None:
    out = io.StringIO()
    header = ["nama", *ITEMS]
    write_csv(batch(csv_text([["Andi", *row(4)], ["Budi", *row(4, **{"bp-1-a": ""})]], header, ";")), out)
    lines = list(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))
    result = score(INSTRUMENT, answers(row(4)))
    assert lines[0][:5] == ["baris", "responden", "status", "indeks", "kategori"]
    assert lines[0][-1] == "keterangan"
    assert lines[1][:5] == ["2", "Andi", "ok", "75,0", result["overall"]["band"]["id"]]
    assert "ekspektasi_adaptif" in lines[0]
    assert lines[1][lines[0].index("ekspektasi_adaptif")] == "sesuai-ekspektasi"
    assert lines[2][:3] == ["3", "Budi", "galat"]
    assert lines[2][-1] == "1 butir belum dijawab: bp-1-a"
    assert len({len(line) for line in lines}) == 1


def test_csv_writer_uses_decimal_dot_with_commas() -> None:
    out = io.StringIO()
    write_csv(batch(csv_text([row(4)])), out)
    assert list(csv.reader(io.StringIO(out.getvalue())))[1][3] == "75.0"


def test_csv_writer_numbers_equal_the_results() -> None:
    rows = [row(v) for v in (1, 2, 3, 4, 5)] + [row(4, **{"ak-1-a": "1", "ko-2-b": "2"})]
    out = io.StringIO()
    write_csv(batch(csv_text(rows)), out)
    lines = list(csv.reader(io.StringIO(out.getvalue())))
    for cells, line in zip(rows, lines[1:], strict=True):
        result = score(INSTRUMENT, answers(cells))
        assert line[3] == f"{result['overall']['index']:.1f}"
        assert line[5 : 5 + len(result["dimensions"])] == [f"{d['index']:.1f}" for d in result["dimensions"]]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+62 812", "'+62 812"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"),
        ("Andi = Budi", "Andi = Budi"),
        ("", ""),
    ],
)
def test_spreadsheet_text_neutralises_formulas(text: str, shown: str) -> None:
    assert spreadsheet_text(text) == shown


def test_labels_that_look_like_formulas_are_neutralised_in_the_csv_output() -> None:
    data = excel_file(
        [
            excel_row("x", "1", '"=HYPERLINK(""http://contoh.test"";""klik"")"', "Umum", row(4)),
            excel_row("x", "2", "+6281234", "Umum", row(4)),
            excel_row("x", "3", "@Andi", "Umum", row(4, **{"bp-1-a": ""})),
            excel_row("x", "4", "-Budi-", "Umum", row(3)),
        ]
    )
    out = io.StringIO()
    write_csv(batch(data), out)
    lines = list(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))
    assert [line[1] for line in lines[1:]] == [
        '\'=HYPERLINK("http://contoh.test";"klik")',
        "'+6281234",
        "'@Andi",
        "'-Budi-",
    ]
    assert all(not line[1].startswith(("=", "+", "-", "@")) for line in lines[1:])


def test_markdown_writer_lists_rows_bad_rows_and_summary() -> None:
    out = io.StringIO()
    write_markdown(batch(csv_text([row(4), row(4, **{"bp-1-a": ""})])), out)
    text = out.getvalue()
    band = score(INSTRUMENT, answers(row(4)))["overall"]["band"]["label"]
    assert f"| 2 | – | 75,0 | {band} |" in text
    assert "- Baris 3: 1 butir belum dijawab: bp-1-a" in text
    assert "| Keseluruhan | 75,0 |" in text
    assert "ambang buatan situs ini" in text


def test_markdown_writer_escapes_labels() -> None:
    out = io.StringIO()
    write_markdown(batch(csv_text([["<b>Andi</b> | [x](javascript:1)", *row(4)]], ["nama", *ITEMS])), out)
    text = out.getvalue()
    assert "<b>" not in text
    assert "\\[x\\](javascript:1)" in text  # brackets escaped: no link


def test_text_summary_counts_rows() -> None:
    out = io.StringIO()
    summary = write_csv(batch(csv_text([row(4), row(4, **{"bp-1-a": ""}), [""] * len(ITEMS)])), out)
    assert text_summary(summary).startswith("ringkasan: 1 dari 2 baris dinilai, 1 bermasalah, 1 kosong dilewati\n")
