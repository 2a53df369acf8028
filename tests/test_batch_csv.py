"""Reading a CSV of many respondents: header, delimiter, cells, and one bad row costing only that row."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment import CsvFileError
from assessment._internal.batch_csv import (
    UNCLOSED_QUOTE,
    CsvReader,
    _open_at_end,
    known_cells,
    parse_cell,
    sniff_delimiter,
)
from assessment._internal.scoring import parse_answer
from tests.batch_samples import (
    INSTRUMENT,
    ITEMS,
    batch,
    comma_decimals,
    csv_text,
    excel_file,
    excel_row,
    row,
)


def records(data: str | bytes) -> list[tuple[int, list[str], str | None]]:
    stream = io.BytesIO(data) if isinstance(data, bytes) else io.StringIO(data, newline="")
    return [(r.row, r.cells, r.error) for r in CsvReader(INSTRUMENT, stream).records()]


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
        ("1" * 5000, "1" * 5000),
    ],
)
def test_cell_values(cell: str, expected: int | str | None) -> None:
    assert parse_cell(INSTRUMENT, cell) == expected


def test_known_cells_agree_with_parsing() -> None:
    table = known_cells(INSTRUMENT)
    assert table["4,00"] == table["Sering"] == table["SERING"] == table["sering"] == 4
    for text, value in table.items():
        parsed = parse_cell(INSTRUMENT, text)
        assert parsed is not None
        assert parse_answer(parsed, 1, 5) == value


@pytest.mark.parametrize(
    ("header", "expected"),
    [("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ('"x;y",b,c', ","), ("a;b,c", ","), ("abc", ",")],
)
def test_delimiter_is_sniffed_from_the_header(header: str, expected: str) -> None:
    assert sniff_delimiter(header) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("", "berkas kosong"),
        ("Stempel waktu,Nama\n1,2\n", "tidak memuat kolom butir"),
        (",".join(ITEMS[1:]) + "\n", "1 kolom butir wajib tidak ada: bp-1-a"),
        (",".join([*ITEMS, "BP-1-A"]) + "\n", "kolom butir 'bp-1-a' muncul dua kali"),
        ("nama,\ufffd\n", "bukan teks UTF-8"),
        (
            b"Nama;" + "Jos\xe9".encode("latin-1") + b";" + ";".join(ITEMS).encode() + b"\r\n",
            "bukan teks UTF-8",
        ),
        ('"' + "x" * 200_000 + '";' + ";".join(ITEMS) + "\n", "baris judul tidak dapat dibaca sebagai CSV"),
    ],
)
def test_unusable_files_are_refused_as_a_whole(data: str | bytes, message: str) -> None:
    with pytest.raises(CsvFileError, match=message):
        batch(data)


def test_an_excel_export_with_bom_semicolons_decimal_commas_and_crlf() -> None:
    data = excel_file(
        [
            excel_row(
                "01/03/2024 08:15", "198703152010011002", "Andi Baso, S.Sos.", "Bagian Umum", comma_decimals(row(5))
            ),
            excel_row("01/03/2024 08:20", "199001012015032001", "Hj. Nurhayati", "Dinas Kesehatan", row(3)),
        ]
    )
    b = batch(data)
    assert b.source() == {"file": "uji.csv", "delimiter": ";", "label_column": "Nama", "item_columns": len(ITEMS)}
    assert [(o.row, o.label, o.error) for o in b.rows()] == [(2, "Andi Baso, S.Sos.", None), (3, "Hj. Nurhayati", None)]


def test_a_line_break_inside_a_quoted_name_is_one_spreadsheet_row() -> None:
    header = ["nama", *ITEMS]
    got = records(csv_text([["Baris\ndua", *row(4)], ["Citra", *row(4)]], header))
    assert [(number, cells[0], error) for number, cells, error in got] == [(2, "Baris\ndua", None), (3, "Citra", None)]


def test_a_quoted_cell_spanning_several_lines_at_the_end_of_the_row() -> None:
    header = [*ITEMS, "catatan"]
    got = records(csv_text([[*row(4), "baris satu\nbaris dua\nbaris tiga"], [*row(3), "-"]], header, ";"))
    assert [(number, cells[-1], error) for number, cells, error in got] == [
        (2, "baris satu\nbaris dua\nbaris tiga", None),
        (3, "-", None),
    ]


def stray_quote_file() -> bytes:
    """Six respondents; row 3 has a name typed with an opening quote that is never closed."""
    return excel_file(
        [
            excel_row("01/03/2024 08:15", "1987", "Andi Baso", "Bagian Umum", row(5)),
            excel_row("01/03/2024 08:16", "1988", '"Rahmat', "Bagian Umum", row(4)),
            excel_row("01/03/2024 08:17", "1989", "Sitti Aminah", "Dinas Kesehatan", row(3)),
            excel_row("01/03/2024 08:18", "1990", "Muh. Arsyad", "Dinas Pendidikan", comma_decimals(row(2))),
            excel_row("01/03/2024 08:19", "1991", "Nurul", "Kecamatan Masamba", row(4)),
            excel_row("01/03/2024 08:20", "1992", "Yusuf", "Bappeda", row(5)),
        ]
    )


def test_a_stray_quote_costs_exactly_its_row() -> None:
    b = batch(stray_quote_file())
    outcomes = list(b.rows())
    assert [(o.row, o.error is None) for o in outcomes] == [
        (2, True),
        (3, False),
        (4, True),
        (5, True),
        (6, True),
        (7, True),
    ]
    assert outcomes[1].error == UNCLOSED_QUOTE
    assert [o.label for o in outcomes if o.error is None] == [
        "Andi Baso",
        "Sitti Aminah",
        "Muh. Arsyad",
        "Nurul",
        "Yusuf",
    ]
    summary = b.summary.to_dict()
    assert (summary["rows"], summary["scored"], summary["bad"]) == (6, 5, 1)


@pytest.mark.parametrize(
    "broken",
    [
        '"Rahmat',  # opening quote, never closed, in the label
        'Rahmat";x',  # a quote inside an unquoted cell is plain text: the row itself is fine
    ],
)
def test_a_stray_quote_in_the_last_column_costs_only_its_row(broken: str) -> None:
    header = [*ITEMS, "catatan"]
    lines = [";".join([*row(4), text]) for text in ("baik", broken, "cukup", "lanjut")]
    text = ";".join(header) + "\r\n" + "\r\n".join(lines) + "\r\n"
    got = records(text)
    assert [number for number, _, _ in got] == [2, 3, 4, 5]
    errors = [error for _, _, error in got]
    if broken.startswith('"'):
        assert errors == [None, UNCLOSED_QUOTE, None, None]
    else:
        assert errors == [None, None, None, None]


def test_a_quote_closed_by_a_later_row_does_not_merge_rows() -> None:
    # row 3 opens a quote in its last cell; row 4 has a quote inside its name that csv would take as the close
    header = ["nama", *ITEMS, "catatan"]
    lines = [
        ";".join(["Andi", *row(4), "ok"]),
        ";".join(["Budi", *row(4), '"lihat catatan']),
        ";".join(['Citra "Ica"', *row(3), "ok"]),
        ";".join(["Dedi", *row(2), "ok"]),
    ]
    got = records(";".join(header) + "\n" + "\n".join(lines) + "\n")
    assert [(number, cells[0], error) for number, cells, error in got] == [
        (2, "Andi", None),
        (3, "Budi", UNCLOSED_QUOTE),
        (4, 'Citra "Ica"', None),
        (5, "Dedi", None),
    ]


def test_an_unclosed_quote_on_a_large_file_never_hits_the_csv_field_limit() -> None:
    lines = [excel_row("01/03/2024", "1", '"Rahmat', "Umum", row(4))]
    lines += [excel_row("01/03/2024", str(n), f"Responden {n}", "Umum", row(4)) for n in range(3000)]
    b = batch(excel_file(lines))
    outcomes = list(b.rows())
    assert len(outcomes) == 3001
    assert [o.row for o in outcomes if o.error] == [2]
    assert b.summary.to_dict()["scored"] == 3000


def test_a_cell_longer_than_the_csv_field_limit_costs_its_row() -> None:
    lines = [
        excel_row("x", "1", '"' + "A" * 200_000 + '"', "Umum", row(4)),
        excel_row("x", "2", "Budi", "Umum", row(4)),
    ]
    got = records(excel_file(lines))
    assert [(number, error is None) for number, _, error in got] == [(2, False), (3, True)]
    assert "tidak dapat dibaca sebagai CSV" in (got[0][2] or "")


def test_non_utf8_bytes_after_the_header_cost_their_row_and_are_named() -> None:
    good = excel_row("x", "1", "Andi", "Umum", row(4)).encode()
    latin = excel_row("x", "2", "José", "Umum", row(4)).encode("latin-1")
    data = excel_file([]) + good + latin + good
    b = batch(data)
    outcomes = list(b.rows())
    assert [(o.row, o.error is None) for o in outcomes] == [(2, True), (3, False), (4, True)]
    assert outcomes[1].label == "Jos\ufffd"
    assert outcomes[1].error == (
        "baris ini bukan teks UTF-8 (kolom 'Nama', byte 0xE9); simpan ulang berkas sebagai 'CSV UTF-8'"
    )


def test_old_mac_line_ends_and_a_missing_final_line_end() -> None:
    text = ",".join(ITEMS) + "\r" + ",".join(row(4)) + "\r" + ",".join(row(3))
    got = records(text.encode())
    assert [(number, error) for number, _, error in got] == [(2, None), (3, None)]
    assert got[1][1] == row(3)


def test_rows_are_streamed_not_read_ahead() -> None:
    lines = csv_text([row(4)] * 50).encode().splitlines(keepends=True)
    consumed: list[bytes] = []

    def source():
        for line in lines:
            consumed.append(line)
            yield line

    reader = CsvReader(INSTRUMENT, source()).records()
    next(reader)
    assert len(consumed) == 2  # the header and row 2


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet='a;"', max_size=12))
def test_open_quote_detection_matches_the_csv_module(text: str) -> None:
    cells = next(csv.reader([text + "\n"], delimiter=";"), [""])
    assert _open_at_end(text, ";") == (bool(cells) and cells[-1].endswith("\n"))
