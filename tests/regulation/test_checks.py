"""Tests of scripts/regulation/checks.py: problems of a copy reported at their input lines."""

from __future__ import annotations

import pytest

from scripts.regulation.checks import follows, int_to_roman, roman_to_int
from scripts.regulation.model import Pasal, Regulation
from scripts.regulation.parse import parse_text
from tests.regulation.support import parse_sample, sample_line

CACAT = "contoh-cacat.txt"


def pasal(reg: Regulation, number: str) -> Pasal:
    return next(p for p in reg.pasal_list() if p.number == number)


CACAT_ISSUES = [
    (14, "warning", "pasal-outside-bab", "Pasal 1"),
    (22, "error", "ayat-skipped", "(3) Ayat ketiga tanpa ayat kedua, sebagaimana dimaksud dalam Pasal 9."),
    (24, "error", "pasal-skipped", "Pasal 4"),
    (27, "warning", "point-order", "c. butir ketiga."),
    (29, "error", "pasal-repeated", "Pasal 4"),
    (32, "error", "bab-order", "BAB III"),
    (34, "error", "unplaced", "teks tercecer yang tidak berada dalam pasal mana pun."),
    (39, "error", "ayat-repeated", "(2) Ayat kedua tertulis dua kali."),
    (48, "error", "unplaced", "catatan tercecer di akhir berkas"),
]


def test_problems_are_reported_at_their_input_lines():
    reg = parse_sample(CACAT)
    assert [(i.line, i.severity, i.code) for i in reg.issues] == [(line, s, c) for line, s, c, _ in CACAT_ISSUES]
    for line, _, _, text in CACAT_ISSUES:
        assert sample_line(CACAT, line) == text


def test_problem_messages_name_what_is_wrong():
    messages = {i.code: i.message for i in parse_sample(CACAT).issues}
    assert messages["pasal-skipped"] == "Pasal 3 tidak ditemukan (setelah Pasal 2)"
    assert messages["pasal-repeated"] == "Pasal 4 berulang (sudah ada di baris 24)"
    assert messages["ayat-skipped"] == "Pasal 2: ayat (2) tidak ditemukan sebelum ayat (3)"
    assert messages["ayat-repeated"] == "Pasal 5: ayat (2) berulang"
    assert messages["bab-order"] == "BAB III tidak berurutan: yang diharapkan BAB II"
    assert parse_sample(CACAT).issues[0].format("x.txt") == "x.txt:14: peringatan: Pasal 1 berada di luar BAB"


def test_unplaced_text_is_kept_with_its_line():
    reg = parse_sample(CACAT)
    assert [(t.line, t.text) for t in reg.unplaced] == [
        (34, "teks tercecer yang tidak berada dalam pasal mana pun."),
        (48, "catatan tercecer di akhir berkas"),
    ]


def test_repeated_pasal_is_kept_twice():
    reg = parse_sample(CACAT)
    assert [(p.number, p.line) for p in reg.pasal_list()] == [("1", 14), ("2", 20), ("4", 24), ("4", 29), ("5", 36)]
    assert [a.number for a in pasal(reg, "5").ayat] == [1, 2, 2]


HEAD = "PERATURAN BUPATI CONTOH\nNOMOR 7 TAHUN 2099\nTENTANG\nUJI\n\n"


def test_line_numbers_after_page_noise_in_problems():
    text = (
        "PERATURAN BUPATI CONTOH\nNOMOR 7 TAHUN 2099\nTENTANG\nUJI\n\nPasal 1\nIsi satu.\n- 2 -\n\nPasal 3\nIsi tiga."
    )
    reg = parse_text(text)
    assert [(i.line, i.code) for i in reg.issues] == [(10, "pasal-skipped"), (10, "no-ditetapkan")]


def test_ayat_out_of_order_and_bab_numeral_not_roman():
    text = (
        "PERATURAN BUPATI CONTOH\nNOMOR 7 TAHUN 2099\nTENTANG\nUJI\n\n"
        "BAB I\nUMUM\nPasal 1\n(2) Kedua.\n(1) Pertama.\nBAB IIII\nLAIN\nPasal 2\nIsi.\n"
        "Ditetapkan di Kota Contoh\n"
    )
    reg = parse_text(text)
    assert [(i.line, i.code) for i in reg.issues] == [(9, "ayat-skipped"), (10, "ayat-order"), (11, "bab-numeral")]


def test_penjelasan_of_unknown_missing_or_unordered_pasal_is_a_warning():
    text = HEAD + (
        "Pasal 1\nIsi.\nPasal 2\nIsi.\nDitetapkan di Kota Contoh\nPENJELASAN\nI. UMUM\nUmum.\n"
        "II. PASAL DEMI PASAL\nPasal 1\nCukup jelas.\nPasal 7\nCukup jelas.\n"
    )
    lines = text.split("\n")
    penjelasan, pasal7 = lines.index("PENJELASAN") + 1, lines.index("Pasal 7") + 1
    assert [(i.line, i.severity, i.code) for i in parse_text(text).issues] == [
        (penjelasan, "warning", "penjelasan-missing"),
        (pasal7, "warning", "penjelasan-unknown"),
        (pasal7, "warning", "penjelasan-order"),
    ]


def test_missing_title_and_no_pasal_are_errors():
    reg = parse_text("teks rekaan tanpa judul\n")
    assert sorted((i.line, i.severity, i.code) for i in reg.issues) == [
        (1, "error", "heading-missing"),
        (1, "error", "no-pasal"),
        (1, "error", "unplaced"),
    ]
    assert [t.text for t in reg.unplaced] == ["teks rekaan tanpa judul"]


@pytest.mark.parametrize(("numeral", "value"), [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XL", 40)])
def test_roman_numerals(numeral, value):
    assert roman_to_int(numeral) == value
    assert int_to_roman(value) == numeral


@pytest.mark.parametrize("numeral", ["IIII", "VX", "IC", "A"])
def test_malformed_roman_numerals(numeral):
    assert roman_to_int(numeral) is None


@pytest.mark.parametrize(
    ("previous", "number", "expected"),
    [
        (None, "1", True),
        (None, "2", False),
        ("1", "2", True),
        ("5", "5A", True),
        ("5A", "5B", True),
        ("5A", "6", True),
        ("5", "5B", False),
        ("5", "7", False),
        (None, "I", True),
        ("I", "II", True),
        ("II", "IV", False),
        ("5", "II", False),
    ],
)
def test_follows(previous, number, expected):
    assert follows(previous, number) is expected


def test_pasal_of_an_amending_regulation_and_inserted_pasal_are_checked_in_order():
    text = HEAD + (
        "Pasal I\nIsi.\nPasal III\nIsi.\nDitetapkan di Kota Contoh\n"
        "PENJELASAN\nI. UMUM\nUmum.\nII. PASAL DEMI PASAL\nPasal I\nCukup jelas.\nPasal III\nCukup jelas.\n"
    )
    reg = parse_text(text)
    assert [(i.code, i.message) for i in reg.issues] == [
        ("pasal-skipped", "Pasal II tidak ditemukan (setelah Pasal I)"),
        ("penjelasan-order", "penjelasan Pasal III tidak berurutan (setelah Pasal I)"),
    ]
    inserted = parse_text(
        HEAD + "Pasal 1\nIsi.\nPasal 1A\nIsi.\nPasal 2\nIsi.\nPasal 2B\nIsi.\nDitetapkan di Kota Contoh\n"
    )
    assert [(i.code, i.message) for i in inserted.issues] == [
        ("pasal-order", "Pasal 2B tidak berurutan (setelah Pasal 2)")
    ]


def test_table_in_a_lampiran_is_a_warning():
    issues = parse_sample("contoh-perubahan.txt").issues
    assert [(i.line, i.severity, i.message) for i in issues] == [
        (56, "warning", "LAMPIRAN: tabel (5 baris) disimpan sebagai teks praformat, tanpa diurai; periksa terhadap PDF")
    ]
