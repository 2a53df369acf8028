"""Scoring a CSV of many respondents: reading the file, bad rows, the summary and the writers."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction
from typing import Any, TextIO, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment import Batch, CsvFileError, load_instrument, score
from assessment._internal.batch import parse_cell, sniff_delimiter, write_csv, write_json, write_markdown
from assessment._internal.scoring import round_index

INSTRUMENT = load_instrument("berakhlak-individu")
ITEMS = [item.id for item in INSTRUMENT.items]


def row(value: int = 4, **changes: str) -> list[str]:
    """A respondent whose every item scores ``value`` (reverse items answered ``6 - value``)."""
    cells = {item.id: str(6 - value if item.reverse else value) for item in INSTRUMENT.items}
    cells.update(changes)
    return [cells[item] for item in ITEMS]


def csv_text(rows: list[list[str]], header: list[str] | None = None, delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header or ITEMS)
    writer.writerows(rows)
    return out.getvalue()


def batch(text: str) -> Batch:
    return Batch(INSTRUMENT, io.StringIO(text, newline=""), name="uji.csv")


def run(text: str) -> tuple[list[Any], dict[str, Any]]:
    b = batch(text)
    outcomes = list(b.rows())
    return outcomes, b.summary.to_dict()


def test_bom_semicolons_and_extra_columns() -> None:
    header = ["Stempel waktu", "NIP", "Nama", *ITEMS]
    text = "\ufeff" + csv_text([["2024-03-01 08:00", "1990", "Andi", *row(5)]], header, delimiter=";")
    b = batch(text)
    assert b.source() == {"file": "uji.csv", "delimiter": ";", "label_column": "Nama", "item_columns": len(ITEMS)}
    outcomes = list(b.rows())
    assert [(o.row, o.label, o.error) for o in outcomes] == [(2, "Andi", None)]
    assert outcomes[0].result == score(INSTRUMENT, dict(zip(ITEMS, map(int, row(5)), strict=True)))
    assert outcomes[0].result["overall"]["index"] == 100.0


def test_tab_delimiter_and_label_column_preference() -> None:
    header = ["nama", *ITEMS, "ID"]
    _, summary = run(csv_text([["Budi", *row(3), "R-7"]], header, delimiter="\t"))
    outcomes, _ = run(csv_text([["Budi", *row(3), "R-7"]], header, delimiter="\t"))
    assert outcomes[0].label == "R-7"
    assert summary["scored"] == 1


def test_bad_rows_are_named_by_spreadsheet_row_and_good_rows_still_scored() -> None:
    rows = [
        row(4),
        row(4, **{"bp-1-a": ""}),
        row(4, **{"ak-1-a": "4,5", "ak-1-b": "9"}),
        [""] * len(ITEMS),
        row(2),
        [*row(4), "sel lebih"],
    ]
    outcomes, summary = run(csv_text(rows))
    assert [o.row for o in outcomes] == [2, 3, 4, 6, 7]
    assert [o.result is not None for o in outcomes] == [True, False, False, True, False]
    assert summary["bad_rows"] == [
        {"row": 3, "label": None, "reason": "1 butir belum dijawab: bp-1-a"},
        {
            "row": 4,
            "label": None,
            "reason": "jawaban tidak sah: ak-1-a: harus bilangan bulat 1–5, bukan '4,5'; ak-1-b: di luar skala 1–5: 9",
        },
        {
            "row": 7,
            "label": None,
            "reason": f"baris berisi {len(ITEMS) + 1} sel, lebih banyak dari {len(ITEMS)} kolom judul"
            " (periksa pemisah)",
        },
    ]
    assert (summary["rows"], summary["scored"], summary["bad"], summary["empty_skipped"]) == (5, 2, 3, 1)


def test_a_multiline_cell_counts_as_one_spreadsheet_row() -> None:
    header = ["nama", *ITEMS]
    outcomes, _ = run(csv_text([["Baris\ndua", *row(4)], ["Citra", *row(4, **{"lo-1-a": ""})]], header))
    assert [(o.row, o.label) for o in outcomes] == [(2, "Baris\ndua"), (3, "Citra")]
    assert outcomes[1].error == "1 butir belum dijawab: lo-1-a"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("4", 4),
        (" 4 ", 4),
        ("4.0", 4),
        ("4,00", 4),
        ("Sering", 4),
        ("selalu", 5),
        ("", None),
        ("  ", None),
        ("4.5", "4.5"),
    ],
)
def test_cell_values(cell: str, expected: int | str | None) -> None:
    assert parse_cell(INSTRUMENT, cell) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ('"x;y",b,c', ","), ("a;b,c", ","), ("abc", ",")],
)
def test_delimiter_is_sniffed_from_the_header(header: str, expected: str) -> None:
    assert sniff_delimiter(header) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "berkas kosong"),
        ("Stempel waktu,Nama\n1,2\n", "tidak memuat kolom butir"),
        (",".join(ITEMS[1:]) + "\n", "1 kolom butir wajib tidak ada: bp-1-a"),
        (",".join([*ITEMS, "BP-1-A"]) + "\n", "kolom butir 'bp-1-a' muncul dua kali"),
        ("nama,\ufffd\n", "bukan teks UTF-8"),
    ],
)
def test_unusable_files_are_refused_as_a_whole(text: str, message: str) -> None:
    with pytest.raises(CsvFileError, match=message):
        batch(text)


def test_summary_means_and_distributions() -> None:
    answer_sets = [dict(zip(ITEMS, map(int, row(v)), strict=True)) for v in (5, 4, 1)]
    answer_sets[1]["ad-1-a"] = 1
    rows = [[str(a[item]) for item in ITEMS] for a in answer_sets]
    _, summary = run(csv_text([*rows, row(4, **{"kl-1-a": ""})]))
    results = [score(INSTRUMENT, a) for a in answer_sets]
    total = sum((Fraction(str(r["overall"]["index"])) for r in results), Fraction(0))
    expected_mean = round_index(total / 3)
    assert summary["overall"]["mean"] == expected_mean
    overall_bands = {b["id"]: b["count"] for b in summary["overall"]["bands"]}
    assert overall_bands == {"sehat": 1, "cukup-sehat": 1, "tidak-sehat": 0, "perlu-penguatan-mendasar": 1}
    adaptif = next(d for d in summary["dimensions"] if d["id"] == "adaptif")
    adaptif_indexes = [next(d["index"] for d in r["dimensions"] if d["id"] == "adaptif") for r in results]
    assert adaptif_indexes == [100.0, 62.5, 0.0]
    assert adaptif["mean"] == 54.2
    assert {e["id"]: e["count"] for e in adaptif["expectations"]} == {
        "di-atas-ekspektasi": 1,
        "sesuai-ekspektasi": 1,
        "di-bawah-ekspektasi": 1,
    }
    assert summary["scored"] == 3
    assert summary["bad"] == 1


def test_no_scored_rows_gives_empty_means() -> None:
    _, summary = run(csv_text([row(4, **{"bp-1-a": ""})]))
    assert summary["overall"]["mean"] is None
    assert summary["dimensions"][0]["mean"] is None


def test_json_writer_streams_valid_json() -> None:
    out = io.StringIO()
    write_json(batch(csv_text([row(5), row(4, **{"bp-1-a": "x"})])), out)
    data = json.loads(out.getvalue())
    assert data["schema_version"] == 1
    assert data["instrument"] == {"id": "berakhlak-individu", "version": INSTRUMENT.version}
    assert [r["row"] for r in data["rows"]] == [2, 3]
    assert data["rows"][0]["ok"] is True
    assert data["rows"][0]["result"] == score(INSTRUMENT, dict(zip(ITEMS, map(int, row(5)), strict=True)))
    assert data["rows"][1] == {"row": 3, "label": None, "ok": False, "error": data["summary"]["bad_rows"][0]["reason"]}


def test_json_writer_with_no_rows() -> None:
    out = io.StringIO()
    write_json(batch(csv_text([])), out)
    assert json.loads(out.getvalue())["rows"] == []


def test_csv_writer_uses_decimal_comma_with_semicolons() -> None:
    out = io.StringIO()
    header = ["nama", *ITEMS]
    write_csv(batch(csv_text([["Andi", *row(4)], ["Budi", *row(4, **{"bp-1-a": ""})]], header, ";")), out)
    lines = list(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))
    assert lines[0][:5] == ["baris", "responden", "status", "indeks", "pita"]
    assert lines[0][-1] == "keterangan"
    assert lines[1][:5] == ["2", "Andi", "ok", "75,0", "sehat"]
    assert "ekspektasi_adaptif" in lines[0]
    assert lines[1][lines[0].index("ekspektasi_adaptif")] == "sesuai-ekspektasi"
    assert lines[2][:3] == ["3", "Budi", "galat"]
    assert lines[2][-1] == "1 butir belum dijawab: bp-1-a"
    assert len({len(line) for line in lines}) == 1


def test_csv_writer_uses_decimal_dot_with_commas() -> None:
    out = io.StringIO()
    write_csv(batch(csv_text([row(4)])), out)
    assert list(csv.reader(io.StringIO(out.getvalue())))[1][3] == "75.0"


def test_markdown_writer_lists_rows_bad_rows_and_summary() -> None:
    out = io.StringIO()
    write_markdown(batch(csv_text([row(4), row(4, **{"bp-1-a": ""})])), out)
    text = out.getvalue()
    assert "| 2 | – | 75,0 | Sehat |" in text
    assert "- Baris 3: 1 butir belum dijawab: bp-1-a" in text
    assert "| Keseluruhan | 75,0 | 1 | 0 | 0 | 0 |" in text
    assert "ambang buatan situs ini" in text


def test_rows_are_streamed_not_read_ahead() -> None:
    reads: list[str] = []
    lines = csv_text([row(4)] * 50).splitlines(keepends=True)

    class Source:
        def readline(self) -> str:
            return lines.pop(0)

        def __iter__(self) -> Source:
            return self

        def __next__(self) -> str:
            if not lines:
                raise StopIteration
            reads.append(lines[0])
            return lines.pop(0)

    rows = Batch(INSTRUMENT, cast(TextIO, Source())).rows()
    next(rows)
    assert len(reads) == 1
    assert len(lines) == 49


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.integers(min_value=1, max_value=5), min_size=len(ITEMS), max_size=len(ITEMS)), max_size=6))
def test_each_row_scores_like_score(rows: list[list[int]]) -> None:
    outcomes, summary = run(csv_text([[str(v) for v in r] for r in rows], delimiter=";"))
    assert [o.result for o in outcomes] == [score(INSTRUMENT, dict(zip(ITEMS, r, strict=True))) for r in rows]
    assert summary["scored"] == len(rows)
    assert all(sum(b["count"] for b in d["bands"]) == len(rows) for d in summary["dimensions"])
