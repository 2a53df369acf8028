from __future__ import annotations

import json
import re

import pytest

from scripts.regulation.model import DataError, Division, Issue, Pasal, Regulation, from_dict, to_dict
from scripts.regulation.parse import int_to_roman, parse_text, roman_to_int
from tests.test_regulation_support import line_of, sample

FULL = "contoh-lengkap.txt"
MESSY = "contoh-berantakan.txt"
FLAWED = "contoh-cacat.txt"
EXTRAS = "contoh-penjelasan-lampiran.txt"
ALL = [FULL, MESSY, FLAWED, EXTRAS]
MARKER = re.compile(
    r"^(?:Pasal \d+$|BAB [IVX]+|Bagian Ke\w+|Paragraf \d+|\(\d+\)|[a-z]\.(?=\s|$)|\d+\.(?=\s|$)"
    r"|Menimbang|Mengingat|Menetapkan|I\. UMUM|II\. PASAL DEMI PASAL|M ?E ?M ?U ?T ?U ?S ?K ?A ?N)"
)


def parse(name: str) -> Regulation:
    return parse_text(sample(name), source=name)


def codes(issues: list[Issue]) -> set[tuple[int, str, str]]:
    return {(i.line, i.severity, i.code) for i in issues}


def squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() if key != "issues" for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return [str(value)] if isinstance(value, int) and not isinstance(value, bool) else []


@pytest.mark.parametrize("name", ALL)
def test_no_text_is_dropped(name: str) -> None:
    """Every input line, without its structural marker, is found in the data file."""
    data = squash("".join(strings(to_dict(parse(name)))))
    for number, line in enumerate(sample(name).splitlines(), start=1):
        rest = MARKER.sub("", line.strip())
        if re.match(r"^(?:NOMOR \S+ TAHUN \d{4}|TENTANG)$", rest):  # the title is kept in fields
            rest = re.sub(r"\b(?:NOMOR|TAHUN|TENTANG)\b", "", rest)
        rest = squash(rest)
        assert rest in data, f"{name}:{number}: {line!r}"


def test_full_sample_structure() -> None:
    reg = parse(FULL)
    assert reg.issues == []
    assert reg.heading.kop == ["BUPATI CONTOH", "PROVINSI CONTOH RAYA"]
    assert (reg.heading.jenis, reg.heading.nomor, reg.heading.tahun) == ("PERATURAN BUPATI CONTOH", "1", "2099")
    assert reg.heading.tentang == "TATA KERJA CONTOH UNTUK PENGUJIAN PERANGKAT"
    assert [t.text for t in reg.opening] == ["DENGAN RAHMAT TUHAN YANG MAHA ESA", "BUPATI CONTOH,"]
    assert [p.label for p in reg.menimbang] == ["a.", "b."]
    assert reg.menimbang[1].text.startswith("bahwa berdasarkan pertimbangan")
    assert [p.label for p in reg.mengingat] == ["1.", "2."]
    assert reg.memutuskan is not None
    assert reg.menetapkan is not None
    assert reg.menetapkan.text == "PERATURAN BUPATI TENTANG TATA KERJA CONTOH UNTUK PENGUJIAN PERANGKAT."
    babs = [n for n in reg.body if isinstance(n, Division)]
    assert [(b.number, b.title, b.line) for b in babs] == [
        ("I", "KETENTUAN UMUM", line_of(FULL, "BAB I")),
        ("II", "PELAKSANAAN", line_of(FULL, "BAB II")),
        ("III", "KETENTUAN PENUTUP", line_of(FULL, "BAB III")),
    ]
    bagian = [c for c in babs[1].children if isinstance(c, Division)]
    assert [(b.kind, b.number, b.title) for b in bagian] == [
        ("bagian", "Kesatu", "Perencanaan"),
        ("bagian", "Kedua", "Pelaksanaan dan Evaluasi"),
    ]
    paragraf = [c for c in bagian[1].children if isinstance(c, Division)]
    assert [(p.number, p.title) for p in paragraf] == [("1", "Pelaksanaan"), ("2", "Evaluasi")]
    pasal = reg.pasal_list()
    assert [p.number for p in pasal] == list(range(1, 9))
    assert [p.line for p in pasal] == [line_of(FULL, f"Pasal {n}") for n in range(1, 9)]
    pasal1 = pasal[0]
    assert pasal1.ayat[0].number is None
    assert [p.label for p in pasal1.ayat[0].points] == ["1.", "2.", "3."]
    pasal3 = pasal[2]
    assert [a.number for a in pasal3.ayat] == [1, 2]
    points = pasal3.ayat[1].points
    assert [p.label for p in points] == ["a.", "b.", "c."]
    assert [p.label for p in points[1].points] == ["1.", "2."]
    assert points[2].text == "jadwal contoh."
    assert [c.kind for c in reg.closing] == ["ditetapkan", "diundangkan", "berita_daerah"]
    assert reg.closing[0].lines[-1].text == "NAMA REKAAN BUPATI"


def test_messy_sample_is_cleaned_and_joined() -> None:
    reg = parse(MESSY)
    assert [i for i in reg.issues if i.severity == "error"] == []
    assert reg.heading.tentang == "PENGUJIAN TEKS BERANTAKAN HASIL SALINAN PDF"
    assert reg.menimbang[0].label == "a."
    assert reg.menimbang[0].text.endswith("menguji pelaksanaan pembersihan teks;")
    assert reg.mengingat[0].text.startswith("Undang-Undang Nomor 99 Tahun 2098")
    assert reg.mengingat[0].text.endswith("Nomor 1);")
    assert reg.memutuskan is not None
    assert reg.memutuskan.text == "MEMUTUSKAN:"
    pasal = reg.pasal_list()
    assert [p.number for p in pasal] == [1, 2, 3]
    text1 = pasal[0].ayat[0].text
    assert "bersama-sama dan sebaik-baiknya" in text1
    assert "dalam Pasal 2 dan Pasal 3 ayat (1) serta Pasal 3 ayat (2)." in text1
    ayat = pasal[1].ayat
    assert [a.number for a in ayat] == [1, 2]
    assert "ayat (2) huruf a dan hal lain" in ayat[0].text
    assert ayat[1].text.endswith("paling lambat tanggal 10 setiap bulan.")
    assert "BUPATI CONTOH" not in ayat[1].text
    assert pasal[2].ayat[0].text.endswith("diundangkan.")
    assert {r.reason for r in reg.removed} == {
        "nomor halaman",
        "kepala/kaki halaman berulang",
        "tanda titik dua tata letak",
    }


def test_flawed_sample_reports_problems_at_their_lines() -> None:
    reg = parse(FLAWED)
    expected = {
        (line_of(FLAWED, "Pasal 1"), "warning", "pasal-outside-bab"),
        (
            line_of(FLAWED, "(3) Ayat ketiga tanpa ayat kedua, sebagaimana dimaksud dalam Pasal 9."),
            "error",
            "ayat-skipped",
        ),
        (line_of(FLAWED, "Pasal 4"), "error", "pasal-skipped"),
        (line_of(FLAWED, "c. butir ketiga."), "warning", "point-order"),
        (line_of(FLAWED, "Pasal 4", 2), "error", "pasal-repeated"),
        (line_of(FLAWED, "BAB III"), "error", "bab-order"),
        (line_of(FLAWED, "teks tercecer yang tidak berada dalam pasal mana pun."), "error", "unplaced"),
        (line_of(FLAWED, "(2) Ayat kedua tertulis dua kali."), "error", "ayat-repeated"),
        (line_of(FLAWED, "catatan tercecer di akhir berkas"), "error", "unplaced"),
    }
    assert codes(reg.issues) == expected
    assert [t.text for t in reg.unplaced] == [
        "teks tercecer yang tidak berada dalam pasal mana pun.",
        "catatan tercecer di akhir berkas",
    ]
    messages = {i.code: i.message for i in reg.issues}
    assert messages["pasal-skipped"] == "Pasal 3 tidak ditemukan (setelah Pasal 2)"
    assert "ayat (2) tidak ditemukan" in messages["ayat-skipped"]
    # the repeated pasal is kept, not dropped
    assert [p.number for p in reg.pasal_list()] == [1, 2, 4, 4, 5]


def test_penjelasan_and_lampiran() -> None:
    reg = parse(EXTRAS)
    assert reg.issues == []
    pen = reg.penjelasan
    assert pen is not None
    assert pen.line == line_of(EXTRAS, "PENJELASAN")
    assert next(t.text for t in pen.heading) == "ATAS"
    assert [p.line for p in pen.umum] == [
        line_of(EXTRAS, "Paragraf pertama penjelasan umum rekaan ini ditulis panjang agar terbungkus ke baris"),
        line_of(EXTRAS, "Paragraf kedua penjelasan umum rekaan menyebut Pasal 2 ayat (1) dan berakhir di sini."),
    ]
    assert pen.umum[0].text.endswith("ke baris berikutnya seperti pada salinan dari berkas PDF yang sebenarnya.")
    assert [p.number for p in pen.pasal] == [1, 2, 3]
    assert [part.label for part in pen.pasal[1].parts] == ["Ayat (1)", "Ayat (2)"]
    assert [t.text for t in pen.pasal[1].parts[1].paragraphs] == ["Cukup jelas."]
    assert [t.text for t in pen.closing] == ["TAMBAHAN BERITA DAERAH KABUPATEN CONTOH NOMOR 4"]
    assert [(a.label, a.line) for a in reg.lampiran] == [
        ("LAMPIRAN I", line_of(EXTRAS, "LAMPIRAN I")),
        ("LAMPIRAN II", line_of(EXTRAS, "LAMPIRAN II")),
    ]
    texts = [p.text for p in reg.lampiran[1].paragraphs]
    assert texts[-2:] == [
        "1. Unit rekaan mengisi format laporan contoh.",
        "2. Laporan contoh disampaikan sesuai Pasal 2.",
    ]
    assert "TATA CARA PENYAMPAIAN LAPORAN" in texts


MINIMAL_HEAD = "PERATURAN BUPATI CONTOH\nNOMOR 9 TAHUN 2099\nTENTANG\nUJI\n"


def test_a_pasal_line_inside_a_sentence_is_a_continuation() -> None:
    text = MINIMAL_HEAD + "Pasal 1\nIsi.\nPasal 2\nSebagaimana dimaksud dalam\nPasal 1\nayat (1) dan\n(2) huruf a.\n"
    reg = parse_text(text)
    assert [p.number for p in reg.pasal_list()] == [1, 2]
    ayat = reg.pasal_list()[1].ayat
    assert len(ayat) == 1
    assert ayat[0].text == "Sebagaimana dimaksud dalam Pasal 1 ayat (1) dan (2) huruf a."
    assert not [i for i in reg.issues if i.severity == "error"]


def test_penjelasan_checks() -> None:
    text = MINIMAL_HEAD + (
        "Pasal 1\nIsi.\nPasal 2\nIsi.\nDitetapkan di Kota Contoh\nPENJELASAN\nI. UMUM\nUmum.\n"
        "II. PASAL DEMI PASAL\nPasal 1\nCukup jelas.\nPasal 7\nCukup jelas.\n"
    )
    reg = parse_text(text)
    lines = text.split("\n")
    pen_line = lines.index("PENJELASAN") + 1
    pasal7 = lines.index("Pasal 7") + 1
    assert codes(reg.issues) == {
        (pasal7, "warning", "penjelasan-unknown"),
        (pasal7, "warning", "penjelasan-order"),
        (pen_line, "warning", "penjelasan-missing"),
    }


def test_missing_title_and_pasal_are_errors() -> None:
    reg = parse_text("sebuah teks tanpa judul\n")
    assert {i.code for i in reg.issues} == {"heading-missing", "unplaced", "no-pasal"}
    assert [t.text for t in reg.unplaced] == ["sebuah teks tanpa judul"]


@pytest.mark.parametrize(("numeral", "value"), [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XL", 40)])
def test_roman_numerals(numeral: str, value: int) -> None:
    assert roman_to_int(numeral) == value
    assert int_to_roman(value) == numeral


@pytest.mark.parametrize("numeral", ["IIII", "VX", "IC", ""])
def test_bad_roman_numerals(numeral: str) -> None:
    assert roman_to_int(numeral) is None


@pytest.mark.parametrize("name", ALL)
def test_data_file_round_trip(name: str) -> None:
    reg = parse(name)
    data = json.loads(json.dumps(to_dict(reg)))
    assert data["schema_version"] == 1
    assert from_dict(data) == reg


def test_bad_data_files_are_rejected() -> None:
    good = to_dict(parse(EXTRAS))
    with pytest.raises(DataError, match="schema_version 2"):
        from_dict({**good, "schema_version": 2})
    with pytest.raises(DataError, match="'body' tidak ada"):
        from_dict({k: v for k, v in good.items() if k != "body"})
    broken = json.loads(json.dumps(good))
    broken["body"][0]["children"][0]["number"] = "satu"
    with pytest.raises(DataError, match=r"body\[0\]\.children\[0\]\.number"):
        from_dict(broken)
    with pytest.raises(DataError, match="objek JSON"):
        from_dict([])
    assert isinstance(from_dict(good).body[0], Division)
    assert isinstance(from_dict(good).pasal_list()[0], Pasal)
