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
    removed: dict[int, list[str]] = {}
    for item in result.removed:
        removed.setdefault(item.line, []).append(item.text)
    repaired = {i.line for i in result.issues if i.code == "scan-repair"}
    for number, text in enumerate(texts, start=1):
        line = result.lines[number - 1]
        assert line.line == number
        kept = squash(" ".join([line.text, *removed.get(number, [])]))
        if number in repaired:  # one character read as another, or a dot added
            assert len(kept) == len(squash(text))
        else:
            assert kept == squash(normalize_line(text))


def squash(text: str) -> str:
    return re.sub(r"\W+", "", text)


# --- copies of scanned documents ------------------------------------------------------------------


def removed_of(text: str) -> list[tuple[int, str, str]]:
    return [(r.line, r.text, r.reason) for r in clean(text).removed]


@pytest.mark.parametrize("catchword", ["Pasal 4 . . .", "Pasal 4 ...", "Pasal 4 …", "Pasal 4 ……..", "Pasal 4. . ."])
def test_catchword_alone_before_a_page_break_is_removed(catchword):
    text = f"Pasal 3\nIsi pasal tiga.\n{catchword}\n-  3 -\nPasal 4\nIsi pasal empat."
    assert removed_of(text) == [(3, catchword, "kata penyambung halaman"), (4, "-  3 -", "nomor halaman")]
    assert kept(text) == {1: "Pasal 3", 2: "Isi pasal tiga.", 5: "Pasal 4", 6: "Isi pasal empat."}


def test_catchword_alone_matching_the_next_page_is_removed_without_a_page_number():
    text = "bahwa kalimat rekaan berakhir;\nMEMUTUSKAN…\nBUPATI CONTOH\nMEMUTUSKAN:\nMenetapkan : UJI."
    assert (2, "MEMUTUSKAN…", "kata penyambung halaman") in removed_of(text)
    assert kept(text)[4] == "MEMUTUSKAN:"


@pytest.mark.parametrize(
    ("line", "kept_text", "catchword"),
    [
        ("disampaikan kepada Bupati Contoh. Pasal 3 ...", "disampaikan kepada Bupati Contoh.", "Pasal 3 ..."),
        ("unit rekaan; b. bahwa . . .", "unit rekaan;", "b. bahwa . . ."),
        ("tentang Contoh Lain; 9. Undang ……..", "tentang Contoh Lain;", "9. Undang …….."),
    ],
)
def test_catchword_at_the_end_of_a_line_is_cut_off(line, kept_text, catchword):
    following = {
        "Pasal 3 ...": "Pasal 3",
        "b. bahwa . . .": "b. bahwa sambungan;",
        "9. Undang ……..": "9. Undang-Undang",
    }
    text = f"Awal teks:\n{line}\n- 2 -\n{following[catchword]}\nAkhir teks."
    assert kept(text)[2] == kept_text
    assert (2, catchword, "kata penyambung halaman") in removed_of(text)


@pytest.mark.parametrize(
    "line",
    [
        "Nama : ..........................",  # a field to fill in, in a form
        "dan seterusnya ...",  # not the start of the next page, no page break
        "lihat catatan berikut ...",
    ],
)
def test_dots_that_are_not_catchwords_are_kept(line):
    text = f"Awal teks:\n{line}\nBaris berikutnya yang lain.\n"
    assert kept(text)[2] == normalize_line(line)
    assert removed_of(text) == []


@pytest.mark.parametrize("number", ["-  3 -", "- 3-", "-3  -", "\u2013  3  \u2013"])
def test_page_number_with_stray_spaces_alone_or_at_the_end_of_a_line(number):
    assert removed_of(f"Isi.\n{number}\nLanjut.") == [(2, number, "nomor halaman")]
    text = f"Pasal 1\nPeraturan ini berlaku. {number}\nPasal 2"
    assert kept(text)[2] == "Peraturan ini berlaku."
    assert [(line, reason) for line, _, reason in removed_of(text)] == [(2, "nomor halaman")]


@pytest.mark.parametrize(
    ("lines", "expected", "message"),
    [
        (
            ["Dalam Peraturan ini:", "l. Daerah adalah wilayah rekaan;"],
            "1. Daerah adalah wilayah rekaan;",
            "'l.' dibaca '1.'",
        ),
        (
            ["Dalam Peraturan ini:", "I. Daerah adalah wilayah rekaan;"],
            "1. Daerah adalah wilayah rekaan;",
            "'I.' dibaca '1.'",
        ),
        (["Pasal 2", "(l) Unit rekaan bekerja."], "(1) Unit rekaan bekerja.", "'(l)' dibaca '(1)'"),
        (
            ["Isi:", "1. satu;", "2 Undang-Undang Nomor 1 Tahun 2099;"],
            "2. Undang-Undang Nomor 1 Tahun 2099;",
            "'2' dibaca '2.'",
        ),
        (["Isi:", "1. satu;", "2, Undang-Undang Nomor 1;"], "2. Undang-Undang Nomor 1;", "'2,' dibaca '2.'"),
        (["Mengingat : l. Undang-Undang Nomor 1;"], "Mengingat : 1. Undang-Undang Nomor 1;", "'l.' dibaca '1.'"),
        (["Kode registrasi 427O berlaku."], "Kode registrasi 4270 berlaku.", "'427O' dibaca '4270'"),
        (["NOMOR 6 TAHUN 2O99"], "NOMOR 6 TAHUN 2099", "'2O99' dibaca '2099'"),
        (
            ["Isi;", "sebagaimana dimaksud pada ayat (l) huruf a."],
            "sebagaimana dimaksud pada ayat (1) huruf a.",
            "'(l)'",
        ),
    ],
)
def test_scanned_numbering_is_repaired_with_a_warning_at_its_line(lines, expected, message):
    result = clean("\n".join(lines))
    line = len(lines)
    assert result.lines[line - 1].text == expected
    assert [(i.line, i.severity, i.code) for i in result.issues] == [(line, "warning", "scan-repair")]
    assert message in result.issues[0].message


@pytest.mark.parametrize(
    "lines",
    [
        ["j. huruf j;", "k. huruf k;", "l. huruf l;"],  # the letter l after k
        ["PENJELASAN", "I. UMUM"],  # a Roman numeral in a heading
        ["Kata Lemba,ran dan Nomor 12,5 tetap."],  # commas inside words are left as they are
        ["Isi:", "1. satu;", "3 Undang-Undang tidak berurutan;"],  # not the next number: left alone
        ["kalimat yang belum selesai", "2 orang pegawai rekaan."],
        ["NOMOR 6 TAHUN 2099", "Nomor O2 bukan angka"],
    ],
)
def test_text_that_only_looks_like_a_scan_error_is_left_alone(lines):
    result = clean("\n".join(lines))
    assert [t.text for t in result.lines] == [normalize_line(t) for t in lines]
    assert result.issues == []


@pytest.mark.parametrize("stray", ["fl", "~", "'.", "i", "|"])
def test_stray_short_line_is_removed_with_a_warning(stray):
    result = clean(f"Pasal 1\nIsi pasal.\n{stray}\nPasal 2")
    assert [(r.line, r.text, r.reason) for r in result.removed] == [(3, stray, "sisa pindaian")]
    assert [(i.line, i.code) for i in result.issues] == [(3, "scan-stray")]


@pytest.mark.parametrize("short", ["a.", "1.", "b)", "II", "di", "ke"])
def test_short_lines_that_are_labels_numerals_or_words_are_kept(short):
    assert kept(f"Awal teks:\n{short}\nAkhir teks.")[2] == short
