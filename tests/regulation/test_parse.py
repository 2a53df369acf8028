"""Tests of scripts/regulation/parse.py on the samples in tests/data/regulation/.

Expected values were read off the sample files (line numbers as shown by ``cat -n``); every hard-coded
line number is checked against the sample's text with :func:`sample_line`.
"""

from __future__ import annotations

import json

import pytest

from scripts.regulation.model import Division, Pasal, Point, Regulation, to_dict
from scripts.regulation.parse import parse_text
from tests.regulation.support import (
    CLEAN_SAMPLES,
    SAMPLES,
    data_text,
    input_words,
    parse_sample,
    sample,
    sample_line,
    words,
)

LENGKAP = "contoh-lengkap.txt"
BERANTAKAN = "contoh-berantakan.txt"
CACAT = "contoh-cacat.txt"
PENJELASAN = "contoh-penjelasan-lampiran.txt"
HALAMAN = "contoh-nomor-halaman.txt"


def pasal(reg: Regulation, number: str) -> Pasal:
    return next(p for p in reg.pasal_list() if p.number == number)


def labels(points: list[Point]) -> list[str | None]:
    return [p.label for p in points]


# --- title block and preamble ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "line", "kop", "nomor", "tentang"),
    [
        (LENGKAP, 4, ["BUPATI CONTOH", "PROVINSI CONTOH RAYA"], "1", "TATA KERJA CONTOH UNTUK PENGUJIAN PERANGKAT"),
        (BERANTAKAN, 4, ["BUPATI CONTOH", "PROVINSI CONTOH RAYA"], "2", "PENGUJIAN TEKS BERANTAKAN HASIL SALINAN PDF"),
        (CACAT, 1, [], "3", "CONTOH TEKS YANG CACAT"),
        (PENJELASAN, 4, ["BUPATI CONTOH", "PROVINSI CONTOH RAYA"], "4", "CONTOH PENJELASAN DAN LAMPIRAN"),
        (HALAMAN, 4, ["BUPATI CONTOH", "PROVINSI CONTOH RAYA"], "5", "CONTOH NOMOR HALAMAN DAN KEPALA HALAMAN"),
    ],
)
def test_title_block(name, line, kop, nomor, tentang):
    heading = parse_sample(name).heading
    assert sample_line(name, line) == "PERATURAN BUPATI CONTOH"
    assert (heading.line, heading.kop, heading.jenis) == (line, kop, "PERATURAN BUPATI CONTOH")
    assert (heading.nomor, heading.tahun, heading.tentang) == (nomor, "2099", tentang)


def test_opening_menimbang_mengingat_memutuskan_menetapkan():
    reg = parse_sample(LENGKAP)
    assert [(t.line, t.text) for t in reg.opening] == [
        (11, "DENGAN RAHMAT TUHAN YANG MAHA ESA"),
        (13, "BUPATI CONTOH,"),
    ]
    assert [(p.line, p.label) for p in reg.menimbang] == [(15, "a."), (16, "b.")]
    assert reg.menimbang[0].text.startswith("bahwa teks ini adalah contoh rekaan")
    assert reg.menimbang[1].text.endswith("untuk Pengujian Perangkat;")
    assert [(p.line, p.label) for p in reg.mengingat] == [(18, "1."), (19, "2.")]
    assert reg.mengingat[1].text.startswith("Pasal 5 Undang-Undang Nomor 98 Tahun 2097")
    assert reg.memperhatikan == []
    assert reg.memutuskan is not None
    assert (reg.memutuskan.line, reg.memutuskan.text) == (21, "MEMUTUSKAN:")
    assert reg.menetapkan is not None
    assert reg.menetapkan.line == 23
    assert reg.menetapkan.text == "PERATURAN BUPATI TENTANG TATA KERJA CONTOH UNTUK PENGUJIAN PERANGKAT."


def test_unlabelled_menimbang_is_one_point_without_label():
    reg = parse_sample(PENJELASAN)
    assert [(p.line, p.label) for p in reg.menimbang] == [(15, None)]
    assert reg.menimbang[0].text == "bahwa teks rekaan ini dibuat untuk menguji penjelasan dan lampiran;"


def test_messy_preamble_colon_and_label_on_their_own_lines():
    reg = parse_sample(BERANTAKAN)
    assert sample_line(BERANTAKAN, 14) == "Menimbang"
    assert sample_line(BERANTAKAN, 16) == "a."
    assert [(p.line, p.label) for p in reg.menimbang] == [(16, "a."), (19, "b.")]
    assert "untuk menguji pelaksanaan pembersihan teks;" in reg.menimbang[0].text
    assert [p.text for p in reg.mengingat] == [
        "Undang-Undang Nomor 99 Tahun 2098 tentang Contoh Pemerintahan (Lembaran Negara Contoh Tahun 2098 Nomor 1);"
    ]
    assert reg.memutuskan is not None
    assert (reg.memutuskan.line, reg.memutuskan.text) == (30, "MEMUTUSKAN:")


# --- body -----------------------------------------------------------------------------------------


def test_bab_bagian_paragraf_tree():
    reg = parse_sample(LENGKAP)
    babs = [n for n in reg.body if isinstance(n, Division)]
    assert len(babs) == len(reg.body)
    assert [(b.number, b.title, b.line) for b in babs] == [
        ("I", "KETENTUAN UMUM", 25),
        ("II", "PELAKSANAAN", 37),
        ("III", "KETENTUAN PENUTUP", 74),
    ]
    bagian = [c for c in babs[1].children if isinstance(c, Division)]
    assert [(b.kind, b.number, b.title, b.line) for b in bagian] == [
        ("bagian", "Kesatu", "Perencanaan", 40),
        ("bagian", "Kedua", "Pelaksanaan dan Evaluasi", 55),
    ]
    assert [p.number for p in bagian[0].children if isinstance(p, Pasal)] == ["3", "4"]
    paragraf = bagian[1].children
    assert [(p.kind, p.number, p.title, p.line) for p in paragraf if isinstance(p, Division)] == [
        ("paragraf", "1", "Pelaksanaan", 58),
        ("paragraf", "2", "Evaluasi", 65),
    ]
    assert [[c.number for c in p.children if isinstance(c, Pasal)] for p in paragraf if isinstance(p, Division)] == [
        ["5"],
        ["6", "7"],
    ]


def test_pasal_numbers_and_lines():
    reg = parse_sample(LENGKAP)
    lines = [28, 34, 43, 52, 61, 68, 71, 77]
    assert [(p.number, p.line) for p in reg.pasal_list()] == list(zip(map(str, range(1, 9)), lines, strict=True))
    for number, line in enumerate(lines, start=1):
        assert sample_line(LENGKAP, line) == f"Pasal {number}"


def test_ayat_huruf_and_nested_angka():
    pasal3 = pasal(parse_sample(LENGKAP), "3")
    assert [(a.number, a.line) for a in pasal3.ayat] == [(1, 44), (2, 45)]
    assert pasal3.ayat[0].text == "Unit Contoh menyusun rencana kerja contoh setiap tahun."
    points = pasal3.ayat[1].points
    assert [(p.label, p.line, p.text) for p in points] == [
        ("a.", 46, "sasaran contoh;"),
        ("b.", 47, "kegiatan contoh, yang terdiri atas:"),
        ("c.", 50, "jadwal contoh."),
    ]
    assert [(p.label, p.line, p.text) for p in points[1].points] == [
        ("1.", 48, "kegiatan pertama; dan"),
        ("2.", 49, "kegiatan kedua; dan"),
    ]


def test_pasal_without_ayat_numbers_has_one_unnumbered_ayat_with_angka():
    pasal1 = pasal(parse_sample(LENGKAP), "1")
    assert [(a.number, a.line, a.text) for a in pasal1.ayat] == [
        (None, 29, "Dalam Peraturan Bupati ini yang dimaksud dengan:")
    ]
    assert labels(pasal1.ayat[0].points) == ["1.", "2.", "3."]
    assert [p.line for p in pasal1.ayat[0].points] == [30, 31, 32]


def test_markers_inside_an_unfinished_sentence_continue_it():
    reg = parse_sample(BERANTAKAN)
    # "Pasal 3" on line 40 and "(2) huruf a" on line 46 continue sentences: neither is a heading/ayat
    assert sample_line(BERANTAKAN, 40) == "Pasal 3"
    assert sample_line(BERANTAKAN, 46).startswith("(2) huruf a")
    assert [(p.number, p.line) for p in reg.pasal_list()] == [("1", 35), ("2", 44), ("3", 59)]
    pasal1, pasal2, pasal3 = reg.pasal_list()
    assert pasal1.ayat[0].text == (
        "Masing-masing unit rekaan melaksanakan tugas contoh secara bersama-sama dan sebaik-baiknya sesuai "
        "dengan ketentuan dalam Pasal 2 dan Pasal 3 ayat (1) serta Pasal 3 ayat (2)."
    )
    assert [a.number for a in pasal2.ayat] == [1, 2]
    assert pasal2.ayat[0].text.endswith("sebagaimana dimaksud pada ayat (2) huruf a dan hal lain yang dianggap perlu.")
    # the ayat (2) of Pasal 2 goes on after a page break (lines 49-52 are noise)
    assert pasal2.ayat[1].line == 47
    assert pasal2.ayat[1].text.endswith("kepada Bupati Contoh paling lambat tanggal 10 setiap bulan.")
    assert pasal3.ayat[0].text == "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."
    assert reg.issues == []


def test_page_break_inside_a_hyphenated_word_and_multi_line_bab_title():
    reg = parse_sample(HALAMAN)
    assert reg.menimbang[0].text.endswith("dengan tanda pisah yang berbeda-beda;")
    bab1 = reg.body[0]
    assert isinstance(bab1, Division)
    assert (bab1.number, bab1.title, bab1.line) == ("I", "KETENTUAN UMUM DAN RUANG LINGKUP", 27)
    pasal1, pasal2, pasal3 = reg.pasal_list()
    assert pasal1.ayat[0].text.endswith("yang melaksanakan pengujian perangkat secara berkala.")
    # line numbers after removed lines are those of the input
    assert (pasal2.line, pasal3.line) == (40, 51)
    assert sample_line(HALAMAN, 51) == "Pasal 3"
    assert reg.issues == []


def test_closing_blocks():
    reg = parse_sample(LENGKAP)
    assert [(c.kind, c.lines[0].line) for c in reg.closing] == [
        ("ditetapkan", 81),
        ("diundangkan", 90),
        ("berita_daerah", 99),
    ]
    assert [t.text for t in reg.closing[0].lines] == [
        "Ditetapkan di Kota Contoh",
        "pada tanggal 2 Januari 2099",
        "BUPATI CONTOH,",
        "ttd",
        "NAMA REKAAN BUPATI",
    ]
    assert reg.closing[1].lines[2].text == "SEKRETARIS DAERAH KABUPATEN CONTOH,"
    assert reg.closing[2].lines[0].text == "BERITA DAERAH KABUPATEN CONTOH TAHUN 2099 NOMOR 1"


# --- penjelasan and lampiran ----------------------------------------------------------------------


def test_penjelasan():
    pen = parse_sample(PENJELASAN).penjelasan
    assert pen is not None
    assert pen.line == 51
    assert [t.text for t in pen.heading] == [
        "ATAS",
        "PERATURAN BUPATI CONTOH",
        "NOMOR 4 TAHUN 2099",
        "TENTANG",
        "CONTOH PENJELASAN DAN LAMPIRAN",
    ]
    assert [(t.line, t.text) for t in pen.umum] == [
        (
            59,
            "Paragraf pertama penjelasan umum rekaan ini ditulis panjang agar terbungkus ke baris berikutnya "
            "seperti pada salinan dari berkas PDF yang sebenarnya.",
        ),
        (62, "Paragraf kedua penjelasan umum rekaan menyebut Pasal 2 ayat (1) dan berakhir di sini."),
    ]
    assert [(p.number, p.line) for p in pen.pasal] == [("1", 65), ("2", 67), ("3", 72)]
    cukup = [[(part.label, [t.text for t in part.paragraphs]) for part in p.parts] for p in pen.pasal]
    assert cukup[0] == [(None, ["Cukup jelas."])]
    assert cukup[1] == [
        ("Ayat (1)", ['Yang dimaksud dengan "laporan contoh" adalah laporan rekaan untuk pengujian.']),
        ("Ayat (2)", ["Cukup jelas."]),
    ]
    assert cukup[2] == [(None, ["Cukup jelas."])]
    assert [(t.line, t.text) for t in pen.closing] == [(75, "TAMBAHAN BERITA DAERAH KABUPATEN CONTOH NOMOR 4")]


def test_lampiran():
    reg = parse_sample(PENJELASAN)
    assert [(a.label, a.line) for a in reg.lampiran] == [("LAMPIRAN I", 77), ("LAMPIRAN II", 90)]
    first = [(t.line, t.text) for t in reg.lampiran[0].paragraphs]
    assert (82, "FORMAT LAPORAN CONTOH") in first
    assert (
        84,
        "Laporan contoh memuat identitas unit rekaan, uraian kegiatan contoh, dan hasil kegiatan contoh.",
    ) in first
    second = [(t.line, t.text) for t in reg.lampiran[1].paragraphs]
    assert second[-2:] == [
        (97, "1. Unit rekaan mengisi format laporan contoh."),
        (98, "2. Laporan contoh disampaikan sesuai Pasal 2."),
    ]
    assert reg.issues == []


# --- nothing dropped ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLES)
def test_every_word_of_the_cleaned_input_is_in_the_data_file(name):
    data = json.loads(json.dumps(to_dict(parse_sample(name))))
    expected = input_words(sample(name))
    found = words(data_text(data))
    assert expected - found == {}, "words dropped"
    assert found - expected == {}, "words added or repeated"


@pytest.mark.parametrize("name", SAMPLES)
def test_removed_lines_are_noise_kept_in_the_data_file(name):
    reg = parse_sample(name)
    for removed in reg.removed:
        # a catchword or a page number may be removed from the end of a line
        assert sample_line(name, removed.line).endswith(removed.text)
        assert removed.reason in (
            "nomor halaman",
            "kepala/kaki halaman berulang",
            "tanda titik dua tata letak",
            "kata penyambung halaman",
            "sisa pindaian",
        )


@pytest.mark.parametrize("name", CLEAN_SAMPLES)
def test_clean_samples_have_no_issues(name):
    reg = parse_sample(name)
    assert reg.issues == []
    assert reg.unplaced == []


HEAD = "PERATURAN BUPATI CONTOH\nNOMOR 7 TAHUN 2099\nTENTANG\nUJI\n\n"


def test_pasal_and_ayat_markers_inside_a_sentence_continue_it():
    text = HEAD + "Pasal 1\nIsi.\nPasal 2\nSebagaimana dimaksud dalam\nPasal 1\nayat (1) dan\n(2) huruf a.\n"
    reg = parse_text(text)
    assert [p.number for p in reg.pasal_list()] == ["1", "2"]
    assert [a.text for a in reg.pasal_list()[1].ayat] == [
        "Sebagaimana dimaksud dalam Pasal 1 ayat (1) dan (2) huruf a."
    ]


# --- copies of scanned documents, amending regulations, tables ------------------------------------

PINDAIAN = "contoh-pindaian.txt"
PERUBAHAN = "contoh-perubahan.txt"


def test_scanned_copy_is_read_as_the_clean_text_would_be():
    reg = parse_sample(PINDAIAN)
    assert (reg.heading.nomor, reg.heading.tahun) == ("6", "2099")
    assert [(p.line, p.label) for p in reg.menimbang] == [(15, "a."), (19, "b.")]
    assert reg.menimbang[0].text.endswith("untuk menguji perangkat konversi;")
    assert [(p.line, p.label) for p in reg.mengingat] == [(21, "1."), (22, "2."), (23, "3.")]
    assert "(Lemba,ran Negara Contoh Tahun 2098 Nomor 1);" in reg.mengingat[0].text
    assert reg.mengingat[1].text.startswith("Undang-Undang Nomor 98 Tahun 2097")
    assert reg.memutuskan is not None
    assert (reg.memutuskan.line, reg.memutuskan.text) == (29, "MEMUTUSKAN:")
    assert [(p.number, p.line) for p in reg.pasal_list()] == [("1", 33), ("2", 38), ("3", 44)]
    pasal1, pasal2, pasal3 = reg.pasal_list()
    assert [(p.label, p.text) for p in pasal1.ayat[0].points] == [
        ("1.", "Daerah Contoh adalah wilayah rekaan yang dipakai dalam pengujian."),
        ("2.", "Kantor Contoh adalah kantor rekaan dengan nomor registrasi 4270."),
    ]
    assert [a.number for a in pasal2.ayat] == [1, 2]
    # the catchword "Pasal 3 ..." at the end of the line is gone: never part of the text, never a link
    assert pasal2.ayat[1].text == "Laporan contoh sebagaimana dimaksud pada ayat (1) disampaikan kepada Bupati Contoh."
    assert pasal3.ayat[0].text == "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."
    assert reg.unplaced == []


def test_scanned_copy_reports_each_repair_as_a_warning_at_its_line():
    reg = parse_sample(PINDAIAN)
    assert [(i.line, i.severity, i.code) for i in reg.issues] == [
        (5, "warning", "scan-repair"),
        (21, "warning", "scan-repair"),
        (22, "warning", "scan-repair"),
        (23, "warning", "scan-repair"),
        (24, "warning", "scan-stray"),
        (35, "warning", "scan-repair"),
        (36, "warning", "scan-repair"),
        (39, "warning", "scan-repair"),
        (40, "warning", "scan-repair"),
    ]
    assert sample_line(PINDAIAN, 22).startswith("2 Undang-Undang Nomor 98 Tahun 2O97")
    assert reg.issues[2].message == "perbaikan hasil pindaian: '2O97' dibaca '2097', '2' dibaca '2.'"
    assert sample_line(PINDAIAN, 24) == "fl"
    removed = {(r.line, r.text, r.reason) for r in reg.removed}
    assert {
        (15, "b. bahwa . . .", "kata penyambung halaman"),
        (16, "-  2 -", "nomor halaman"),
        (25, "MEMUTUSKAN…", "kata penyambung halaman"),
        (40, "Pasal 3 ...", "kata penyambung halaman"),
    } <= removed


def test_amending_regulation_keeps_each_amended_pasal_under_its_amendment():
    reg = parse_sample(PERUBAHAN)
    assert [(p.number, p.line) for p in reg.pasal_list()] == [("I", 26), ("II", 40)]
    assert sample_line(PERUBAHAN, 26) == "Pasal I"
    pasal1 = reg.pasal_list()[0]
    intro = pasal1.ayat[0]
    assert intro.text.endswith("(Berita Daerah Kabupaten Contoh Tahun 2099 Nomor 1) diubah sebagai berikut:")
    assert [(p.label, p.line, [q.number for q in p.quoted]) for p in intro.points] == [
        ("1.", 28, ["5"]),
        ("2.", 35, ["5A"]),
        ("3.", 38, []),
    ]
    pasal5 = intro.points[0].quoted[0]
    assert (pasal5.number, pasal5.line) == ("5", 29)
    assert [(a.number, a.line) for a in pasal5.ayat] == [(1, 30), (2, 31)]
    # the quotation marks are not part of the text; the last point ends where the quotation ends
    assert [p.text for p in pasal5.ayat[1].points] == [
        "persiapan contoh;",
        "pelaksanaan contoh; dan",
        "pelaporan contoh sesuai Pasal 6.",
    ]
    pasal5a = intro.points[1].quoted[0]
    assert pasal5a.ayat[0].text.startswith("Hasil kegiatan contoh dilaporkan")
    assert intro.points[2].text == "Ketentuan Pasal 7 dihapus."
    assert reg.pasal_list()[1].ayat[0].text == "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."
    assert reg.issues[0].code == "lampiran-table"
    assert [i.severity for i in reg.issues] == ["warning"]


def test_table_in_a_lampiran_is_kept_as_it_is_and_the_rest_as_paragraphs():
    attachment = parse_sample(PERUBAHAN).lampiran[0]
    assert [(t.line, t.text) for t in attachment.paragraphs][-2:] == [
        (54, "FORMAT LAPORAN CONTOH"),
        (62, "Laporan contoh ditandatangani oleh Kepala Unit Contoh."),
    ]
    assert [t.line for t in attachment.tables] == [56]
    rows = attachment.tables[0].text.split("\n")
    assert rows[0] == "NO.   URAIAN KEGIATAN        WAKTU          PENANGGUNG JAWAB"
    assert rows[3] == "    dan pelaporannya"  # a wrapped cell, its tab kept as spaces
    assert rows[-1] == sample_line(PERUBAHAN, 60)
    assert len(rows) == 5


def test_lines_with_single_spaces_or_one_row_are_not_a_table():
    text = HEAD + "Pasal 1\nIsi.\nDitetapkan di Kota Contoh\nLAMPIRAN\nSatu baris   dengan   jarak saja.\nTeks biasa.\n"
    attachment = parse_text(text).lampiran[0]
    assert attachment.tables == []
    assert [t.text for t in attachment.paragraphs] == ["Satu baris dengan jarak saja. Teks biasa."]


def test_quotation_without_closing_mark_ends_at_the_next_pasal_of_the_amending_regulation():
    text = HEAD + (
        "Pasal I\nKetentuan Pasal 2 diubah sehingga berbunyi sebagai berikut:\n"
        "Pasal 2\n(1) Isi baru ayat satu.\n(2) Isi baru ayat dua.\nPasal II\nBerlaku sejak diundangkan.\n"
        "Ditetapkan di Kota Contoh\n"
    )
    reg = parse_text(text)
    assert [p.number for p in reg.pasal_list()] == ["I", "II"]
    quoted = reg.pasal_list()[0].ayat[0].quoted
    assert [(q.number, [a.number for a in q.ayat]) for q in quoted] == [("2", [1, 2])]
    assert reg.issues == []
