"""Tests of scripts/regulation/clean.py: PDF noise, hyphenation, paragraphs, line numbers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scripts.regulation.clean import clean, is_page_number, join_lines, normalize_line, paragraphs
from scripts.regulation.model import TextLine
from tests.regulation.support import sample, sample_line

BERANTAKAN = "contoh-berantakan.txt"
HALAMAN = "contoh-nomor-halaman.txt"


def kept(text: str) -> dict[int, str]:
    """Line number → text of the non-blank lines left by clean()."""
    return {line.line: line.text for line in clean(text).lines if line.text}


# --- page numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page_number",
    [
        "- 2 -",
        "-2-",
        "  - 12 -  ",
        "2",
        "Halaman 2 dari 9",
        "hal. 3",
        "2/9",
        "2 / 9",
        "\u2013 2 \u2013",
        "\u2014 4 \u2014",
    ],
)
def test_page_number_line_is_removed_and_neighbours_keep_their_line_numbers(page_number):
    text = f"Pasal 1\nUnit rekaan bekerja.\n{page_number}\nPasal 2\nUnit rekaan melapor."
    result = clean(text)
    assert [(r.line, r.reason) for r in result.removed] == [(3, "nomor halaman")]
    assert kept(text) == {1: "Pasal 1", 2: "Unit rekaan bekerja.", 4: "Pasal 2", 5: "Unit rekaan melapor."}
    assert result.page_breaks == 1


@pytest.mark.parametrize(
    "content",
    ["(2)", "2.", "a.", "Pasal 2", "2 orang", "12345", "- sasaran contoh", "- a -", "2 Januari 2099", "-2- bahwa"],
)
def test_lines_that_only_look_like_page_numbers_are_kept(content):
    assert not is_page_number(content)
    assert kept(f"Awal teks.\n{content}\nAkhir teks.")[2] == content


def test_layout_colon_line_is_removed():
    result = clean(sample(BERANTAKAN))
    assert sample_line(BERANTAKAN, 15) == ":"
    assert (15, ":", "tanda titik dua tata letak") in [(r.line, r.text, r.reason) for r in result.removed]


# --- running headers ------------------------------------------------------------------------------


def test_running_headers_at_page_breaks_are_removed_but_title_block_on_page_one_is_kept():
    result = clean(sample(BERANTAKAN))
    removed = {r.line: r.reason for r in result.removed}
    # read off the sample: page numbers at 25, 49, 65, each followed by the two header lines
    for line in (25, 49, 65):
        assert removed[line] == "nomor halaman"
        assert removed[line + 2] == removed[line + 3] == "kepala/kaki halaman berulang"
        assert sample_line(BERANTAKAN, line + 2) == "BUPATI CONTOH"
        assert sample_line(BERANTAKAN, line + 3) == "PROVINSI CONTOH RAYA"
    assert set(removed) == {15, 25, 27, 28, 49, 51, 52, 65, 67, 68}
    lines = kept(sample(BERANTAKAN))
    # the same words as real content: the kop on page 1, the "BUPATI CONTOH," before Menimbang and
    # in the signature
    assert lines[1] == "BUPATI CONTOH"
    assert lines[2] == "PROVINSI CONTOH RAYA"
    assert lines[12] == "BUPATI CONTOH,"
    assert lines[72] == "BUPATI CONTOH,"
    assert result.issues == []


def test_running_headers_after_dash_variants_and_halaman_dari_are_removed():
    removed = {r.line: r.text for r in clean(sample(HALAMAN)).removed}
    assert removed == {
        20: "\u2013 2 \u2013",
        21: "BUPATI CONTOH",
        22: "PROVINSI CONTOH RAYA",
        34: "Halaman 3 dari 4",
        35: "BUPATI CONTOH",
        36: "PROVINSI CONTOH RAYA",
        44: "\u2014 4 \u2014",
        45: "BUPATI CONTOH",
        46: "PROVINSI CONTOH RAYA",
    }
    assert kept(sample(HALAMAN))[1] == "BUPATI CONTOH"


def test_form_feed_marks_a_page_break_for_running_headers():
    text = (
        "KOP REKAAN\nJudul rekaan.\nPasal 1\nIsi satu.\nLanjutan satu.\n"
        "\fKOP REKAAN\nPasal 2\nIsi dua.\nLanjutan dua.\n"
        "\fKOP REKAAN\nPasal 3\nIsi tiga."
    )
    result = clean(text)
    assert result.page_breaks == 2
    # lines 6 and 10 start pages 2 and 3; line 1 is the kop of page 1
    assert [(r.line, r.text) for r in result.removed] == [(6, "KOP REKAAN"), (10, "KOP REKAAN")]
    assert kept(text)[1] == "KOP REKAAN"
    assert kept(text)[7] == "Pasal 2"


def test_line_next_to_a_single_page_break_is_not_a_header():
    text = "Pasal 1\nIsi pasal.\n- 2 -\nCATATAN REKAAN\nPasal 2\nIsi pasal kedua."
    assert kept(text)[4] == "CATATAN REKAAN"


def test_title_blocks_after_page_breaks_are_not_running_headers():
    text = "isi;\n- 2 -\nLAMPIRAN I\nPERATURAN BUPATI CONTOH\nisi;\n- 3 -\nLAMPIRAN II\nPERATURAN BUPATI CONTOH\nisi."
    assert list(kept(text).values()).count("PERATURAN BUPATI CONTOH") == 2


def test_without_page_numbers_repeated_capital_line_is_guessed_as_header_with_warning():
    text = "KEPALA REKAAN\nPasal 1\nIsi satu.\nKEPALA REKAAN\nPasal 2\nIsi dua.\nKEPALA REKAAN\nPasal 3\nIsi tiga."
    result = clean(text)
    assert [r.line for r in result.removed] == [1, 4, 7]
    assert [(i.line, i.severity, i.code) for i in result.issues] == [(1, "warning", "header-guessed")]


def test_without_page_numbers_title_subject_repeated_in_title_blocks_is_kept():
    # regression: the subject after TENTANG, repeated in the title blocks of the penjelasan and of two
    # lampiran, was removed everywhere as a running header, and the title was then incomplete
    block = "PERATURAN BUPATI CONTOH\nNOMOR 9 TAHUN 2099\nTENTANG\nSUBJEK REKAAN\n\n"
    text = block + "Pasal 1\nIsi.\n\nPENJELASAN\nATAS\n" + block + "LAMPIRAN I\n" + block + "LAMPIRAN II\n" + block
    result = clean(text)
    assert result.removed == []
    assert result.issues == []


# --- characters -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("M E M U T U S K A N :", "MEMUTUSKAN:"),
        ("M E M U T U S K A N", "MEMUTUSKAN"),
        ("P E N J E L A S A N", "PENJELASAN"),
        ("Unit\u00a0rekaan  \tbekerja ", "Unit rekaan bekerja"),
        ("\ufb01nal", "final"),
        ("pe\u00ad", "pe-"),
        ("ke\u00adtentuan", "ketentuan"),
        ("\ufeffPasal 1", "Pasal 1"),
    ],
)
def test_normalize_line(raw, expected):
    assert normalize_line(raw) == expected


def test_line_numbers_of_the_input_are_kept_with_crlf_and_blank_lines():
    text = "Pasal 1\r\n\r\nIsi pasal.\r\n- 2 -\r\nPenutup."
    result = clean(text)
    assert [(line.line, line.text) for line in result.lines] == [
        (1, "Pasal 1"),
        (2, ""),
        (3, "Isi pasal."),
        (4, ""),
        (5, "Penutup."),
    ]


def test_every_sample_line_is_kept_at_its_number_or_reported_as_removed():
    for name in (BERANTAKAN, HALAMAN):
        raw = sample(name).split("\n")
        result = clean(sample(name))
        assert len(result.lines) == len(raw)
        removed = {r.line for r in result.removed}
        for number, original in enumerate(raw, start=1):
            if not original.strip():
                continue
            assert (number in removed) != bool(result.lines[number - 1].text), (name, number)
            if number not in removed:
                assert result.lines[number - 1].text == normalize_line(original)


# --- hyphenation and joining ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["pe-", "laksanaan"], "pelaksanaan"),
        (["diundang-", "kan."], "diundangkan."),
        (["tanda pisah yang ber-", "beda-beda;"], "tanda pisah yang berbeda-beda;"),
        (["bersama-", "sama"], "bersama-sama"),
        (["sebaik-", "baiknya"], "sebaik-baiknya"),
        (["masing-", "masing"], "masing-masing"),
        (["Undang-", "Undang Nomor 1"], "Undang-Undang Nomor 1"),
        (["dan/", "atau"], "dan/atau"),
        (["kalimat -", "sisipan"], "kalimat - sisipan"),
        (["Masing-masing unit", "rekaan"], "Masing-masing unit rekaan"),
        (["sebagaimana dimaksud", "dalam Pasal 3"], "sebagaimana dimaksud dalam Pasal 3"),
        (["  spasi   ganda ", "", "baris  berikut"], "spasi ganda baris berikut"),
    ],
)
def test_join_lines(parts, expected):
    assert join_lines(parts) == expected


def test_wrapped_lines_are_joined_into_paragraphs_at_the_line_of_their_start():
    lines = [
        TextLine(1, "Paragraf pertama ini terbungkus"),
        TextLine(2, "ke baris berikutnya dan ber-"),
        TextLine(3, "akhir di sini."),
        TextLine(4, ""),
        TextLine(5, "Paragraf kedua."),
        TextLine(6, "JUDUL BAGIAN"),
        TextLine(7, "Teks biasa sesudah judul."),
    ]
    assert [(p.line, p.text) for p in paragraphs(lines)] == [
        (1, "Paragraf pertama ini terbungkus ke baris berikutnya dan berakhir di sini."),
        (5, "Paragraf kedua."),
        (6, "JUDUL BAGIAN"),
        (7, "Teks biasa sesudah judul."),
    ]


def test_blank_line_inside_a_sentence_does_not_end_the_paragraph():
    lines = [
        TextLine(1, "Kalimat pertama yang terputus"),
        TextLine(2, ""),
        TextLine(3, "di tengah karena pergantian halaman."),
        TextLine(4, ""),
        TextLine(5, "Paragraf kedua;"),
    ]
    assert [(p.line, p.text) for p in paragraphs(lines)] == [
        (1, "Kalimat pertama yang terputus di tengah karena pergantian halaman."),
        (5, "Paragraf kedua;"),
    ]


def test_numbered_line_after_a_finished_sentence_starts_a_paragraph():
    lines = [TextLine(1, "Tata cara:"), TextLine(2, "1. langkah pertama;"), TextLine(3, "2. langkah kedua.")]
    assert [p.line for p in paragraphs(lines)] == [1, 2, 3]


# --- properties -----------------------------------------------------------------------------------


def letters(text: str) -> str:
    return re.sub(r"[\s-]", "", text)


WORD = st.from_regex(r"[A-Za-z][a-z]{0,9}", fullmatch=True)
PIECE = st.builds(
    lambda ws, end: " ".join(ws) + end,
    st.lists(WORD, min_size=1, max_size=6),
    st.sampled_from(["", "", ".", ";", ":", ",", "-", "/"]),
)


@given(st.lists(PIECE, max_size=8))
def test_join_lines_never_loses_or_adds_characters(parts):
    # hyphens may go (pe- + laksanaan) and spaces change, nothing else
    assert letters(join_lines(parts)) == letters("".join(parts))


@given(st.lists(st.one_of(PIECE, st.just("")), max_size=12))
def test_paragraphs_never_lose_words(texts):
    # a paragraph may end after a line ending with "-", so compare characters, not words
    lines = [TextLine(i + 1, t) for i, t in enumerate(texts)]
    result = paragraphs(lines)
    assert letters("".join(p.text for p in result)) == letters("".join(texts))
    assert [p.line for p in result] == sorted({p.line for p in result})
    assert all(lines[p.line - 1].text for p in result)


NOISY = st.one_of(PIECE, st.sampled_from(["- 2 -", "3", "Halaman 4 dari 9", "", "KEPALA REKAAN", ":"]))


@given(st.lists(NOISY, min_size=1, max_size=20))
def test_clean_keeps_every_line_or_reports_it(texts):
    result = clean("\n".join(texts))
    assert len(result.lines) == len(texts)
    removed = {r.line: r.text for r in result.removed}
    for number, text in enumerate(texts, start=1):
        line = result.lines[number - 1]
        assert line.line == number
        if number in removed:
            assert line.text == ""
            assert removed[number] == text.strip()
        else:
            assert line.text == normalize_line(text)
