from __future__ import annotations

import pytest

from scripts.regulation.clean import clean, is_page_number, join_lines, normalize_line, paragraphs
from scripts.regulation.model import TextLine
from tests.test_regulation_support import line_of, sample

MESSY = "contoh-berantakan.txt"


@pytest.mark.parametrize("text", ["- 2 -", "-2-", "- 12 -", "2", "Halaman 3 dari 9", "hal. 4", "3/9"])
def test_page_numbers_are_recognised(text: str) -> None:
    assert is_page_number(normalize_line(text))


@pytest.mark.parametrize("text", ["2.", "(2)", "a. 2", "Pasal 2", "- a -", "2 Januari 2099", "-2- bahwa"])
def test_other_lines_are_not_page_numbers(text: str) -> None:
    assert not is_page_number(normalize_line(text))


def test_normalize_line_fixes_characters() -> None:
    assert normalize_line("\tpe\u00a0 ngawasan  \ufb01nal ") == "pe ngawasan final"
    assert normalize_line("M E M U T U S K A N :") == "MEMUTUSKAN:"
    assert normalize_line("P E N J E L A S A N") == "PENJELASAN"
    assert normalize_line("pelak\u00ad") == "pelak-"
    assert normalize_line("pe\u00adlaksanaan") == "pelaksanaan"


def test_clean_keeps_line_numbers_and_records_what_it_removes() -> None:
    text = sample(MESSY)
    result = clean(text)
    assert [t.line for t in result.lines] == list(range(1, len(text.split("\n")) + 1))
    removed = {(r.line, r.text) for r in result.removed}
    for page in ("- 2 -", "-3-", "- 4 -"):
        assert (line_of(MESSY, page), page) in removed
    for occurrence in (2, 3, 4):
        assert (line_of(MESSY, "BUPATI CONTOH", occurrence), "BUPATI CONTOH") in removed
        assert (line_of(MESSY, "PROVINSI CONTOH RAYA", occurrence), "PROVINSI CONTOH RAYA") in removed
    # the kop on the first page stays, and so does the signature line "BUPATI CONTOH,"
    kept = {t.text for t in result.lines}
    assert result.lines[line_of(MESSY, "BUPATI CONTOH") - 1].text == "BUPATI CONTOH"
    assert "BUPATI CONTOH," in kept
    assert result.page_breaks == 3
    assert not result.issues
    removed_lines = {r.line for r in result.removed}
    assert all(t.text == "" for t in result.lines if t.line in removed_lines)


def test_a_line_next_to_a_single_page_break_is_kept() -> None:
    text = "KOP RAHASIA\nisi pertama;\n- 2 -\nKOP RAHASIA\nisi kedua."
    result = clean(text)
    assert [t.text for t in result.lines if t.text] == ["KOP RAHASIA", "isi pertama;", "KOP RAHASIA", "isi kedua."]


def test_form_feeds_are_page_breaks() -> None:
    text = "KEPALA\nsatu;\n\fKEPALA\ndua;\n\fKEPALA\ntiga."
    result = clean(text)
    assert [t.text for t in result.lines if t.text] == ["satu;", "dua;", "tiga."]
    assert [r.line for r in result.removed] == [1, 3, 5]


def test_title_blocks_after_a_page_break_are_not_headers() -> None:
    text = "\n".join(
        [
            "isi;",
            "- 2 -",
            "LAMPIRAN I",
            "PERATURAN BUPATI CONTOH",
            "isi;",
            "- 3 -",
            "LAMPIRAN II",
            "PERATURAN BUPATI CONTOH",
            "isi.",
        ]
    )
    result = clean(text)
    assert sum(1 for t in result.lines if t.text == "PERATURAN BUPATI CONTOH") == 2


def test_without_page_numbers_repeated_capital_lines_are_removed_with_a_warning() -> None:
    body = ["KOP BERULANG", "satu;", "KOP BERULANG", "dua;", "KOP BERULANG", "tiga.", "TENTANG", "TENTANG"]
    result = clean("\n".join([*body, "TENTANG"]))
    assert [t.text for t in result.lines if t.text] == ["satu;", "dua;", "tiga.", "TENTANG", "TENTANG", "TENTANG"]
    assert [(i.line, i.severity, i.code) for i in result.issues] == [(1, "warning", "header-guessed")]


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (["menguji pe-", "laksanaan tugas"], "menguji pelaksanaan tugas"),
        (["masing-", "masing unit"], "masing-masing unit"),
        (["secara bersama-", "sama"], "secara bersama-sama"),
        (["sebaik-", "baiknya"], "sebaik-baiknya"),
        (["Undang-", "Undang Nomor 1"], "Undang-Undang Nomor 1"),
        (["dan/", "atau"], "dan/atau"),
        (["kalimat -", "sisipan"], "kalimat - sisipan"),
        (["baris  satu", "", " baris dua "], "baris satu baris dua"),
    ],
)
def test_join_lines(parts: list[str], joined: str) -> None:
    assert join_lines(parts) == joined


def test_paragraphs_split_at_blank_lines_after_a_sentence_only() -> None:
    lines = [
        TextLine(1, "Kalimat pertama yang terputus"),
        TextLine(2, ""),
        TextLine(3, "di tengah karena pergantian halaman."),
        TextLine(4, ""),
        TextLine(5, "Paragraf kedua;"),
        TextLine(6, "a. butir pertama;"),
        TextLine(7, "JUDUL BESAR"),
    ]
    result = paragraphs(lines)
    assert [(p.line, p.text) for p in result] == [
        (1, "Kalimat pertama yang terputus di tengah karena pergantian halaman."),
        (5, "Paragraf kedua;"),
        (6, "a. butir pertama;"),
        (7, "JUDUL BESAR"),
    ]
