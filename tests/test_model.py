import itertools
import json
from fractions import Fraction

import pytest

from assessment import InstrumentError, instrument_ids, load_instrument, load_instrument_file, parse_instrument
from tests.instrument_factory import MINIMAL


def parse(text: str = MINIMAL):
    return parse_instrument(text, source="uji.toml")


def broken(old: str, new: str) -> InstrumentError:
    assert old in MINIMAL, old
    with pytest.raises(InstrumentError) as caught:
        parse(MINIMAL.replace(old, new, 1))
    return caught.value


def test_minimal_definition_parses_in_order():
    instrument = parse()
    assert [d.id for d in instrument.dimensions] == ["d1", "d2"]
    assert [i.id for i in instrument.items] == ["a", "b", "c", "d"]
    assert instrument.items[1].reverse
    assert instrument.dimensions[1].weight == 3
    assert [b.id for b in instrument.bands] == ["tinggi", "sedang", "rendah"]


UNKNOWN_KEYS = [
    ("reverse = true", "revers = true", "butir 'b'", "kolom 'revers' tidak dikenal (yang dikenal: id, indicator,"),
    ("weight = 3", "wieght = 3", "dimensi 'd2'", "kolom 'wieght' tidak dikenal"),
    (
        'text = "Indikator dua"',
        'text = "Indikator dua"\nbobot = 2',
        "indikator 'i2'",
        "kolom 'bobot' tidak dikenal",
    ),
    (
        'meaning = "sedang"',
        'meaning = "sedang"\nofficial = true\nmax_ = 1',
        "pita 'sedang'",
        "'max_' tidak dikenal",
    ),
    ("max = 5\n", "max = 5\nstep = 1\n", "skala", "kolom 'step' tidak dikenal"),
    ('title = "Instrumen uji"', 'title = "Instrumen uji"\ntitel = "x"', "instrumen", "kolom 'titel' tidak dikenal"),
]
NON_FINITE_NUMBERS = [
    ("weight = 3", "weight = nan", "dimensi 'd2'", "kolom 'weight' harus angka terhingga, bukan nan"),
    ("weight = 3", "weight = inf", "dimensi 'd2'", "bukan inf"),
    ("weight = 3", "weight = -inf", "dimensi 'd2'", "bukan -inf"),
    ("max = 75", "max = nan", "pita 'sedang'", "kolom 'max' harus angka terhingga"),
    ("min = 0", "min = -nan", "pita 'rendah'", "kolom 'min' harus angka terhingga"),
]


@pytest.mark.parametrize(
    ("old", "new", "element", "reason"),
    [
        ('id = "b"', 'id = "a"', "butir 'a'", "id ganda"),
        ('id = "i2"', 'id = "d1"', "indikator 'd1'", "id ganda"),
        ('dimension = "d2"', 'dimension = "d9"', "indikator 'i3'", "dimensi 'd9' tidak dikenal"),
        ('indicator = "i3"', 'indicator = "i9"', "butir 'd'", "indikator 'i9' tidak dikenal"),
        ('text = "Butir c"', 'text = "   "', "butir 'c'", "kolom 'text' kosong"),
        ('text = "Indikator dua"', "text = 7", "indikator 'i2'", "harus berupa teks"),
        ("weight = 3", "weight = 0", "dimensi 'd2'", "bobot harus lebih dari 0"),
        ("weight = 3", "weight = -1.5", "dimensi 'd2'", "bobot harus lebih dari 0"),
        ("min = 1\n", "min = 5\n", "skala", "harus lebih kecil"),
        ('"Kadang-kadang", ', "", "skala", "harus berisi 5 label"),
        ("max = 100", "max = 120", "pita 'tinggi'", "harus berada di 0–100"),
        ("max = 75", "max = 80", "pita 'tinggi'", "tumpang tindih"),
        ("max = 75", "max = 70", "pita 'tinggi'", "ada celah"),
        ("min = 0", "min = 10", "pita 'rendah'", "ada celah"),
        ("max = 100", "max = 99", "pita 'tinggi'", "ada celah"),
        ("reverse = true", 'reverse = "ya"', "butir 'b'", "true atau false"),
        *UNKNOWN_KEYS,
        *NON_FINITE_NUMBERS,
    ],
)
def test_broken_definitions_name_file_element_and_reason(old, new, element, reason):
    error = broken(old, new)
    assert error.source == "uji.toml"
    assert error.element == element
    assert reason in error.reason
    assert str(error).startswith(f"uji.toml: {element}: ")


def test_an_unknown_key_in_the_reference_table_is_refused():
    reference = '\n[reference]\nlabel = "Acuan"\noverall = 60\nsource = "Sumber"\nnote = "Catatan"\ntahun = 2022\n'
    text = MINIMAL.replace('title = "Dimensi dua"', 'title = "Dimensi dua"\nnational = 50').replace(
        'title = "Dimensi satu"', 'title = "Dimensi satu"\nnational = 50'
    )
    with pytest.raises(InstrumentError, match=r"acuan: kolom 'tahun' tidak dikenal"):
        parse(text + reference)


@pytest.mark.parametrize(
    ("old", "new", "element"),
    [
        ('id = "b"', 'id = "B"', "butir ke-2"),
        ('id = "b"', 'id = "butir b"', "butir ke-2"),
        ('id = "b"', 'id = "-b"', "butir ke-2"),
        ('id = "b"', 'id = "b_1"', "butir ke-2"),
        ('id = "i2"', 'id = "i2/x"', "indikator ke-2"),
        ('id = "d1"', 'id = "D1"', "dimensi ke-1"),
        ('id = "sedang"', 'id = "sedang!"', "pita ke-2"),
        ('id = "uji"', 'id = "Uji"', "instrumen"),
    ],
)
def test_ids_must_be_lower_case_letters_digits_and_hyphens(old, new, element):
    error = broken(old, new)
    assert error.element == element
    assert "hanya boleh huruf kecil a–z, angka, dan '-', tidak diawali '-'" in error.reason


def test_an_id_that_is_not_text_is_refused():
    assert broken('id = "uji"', "id = 7").reason == "kolom 'id' harus berupa teks"
    assert broken('id = "d"', "id = true").reason == "kolom 'id' harus berupa teks"


def test_well_formed_ids_with_digits_and_hyphens_are_accepted():
    assert parse(MINIMAL.replace('id = "b"', 'id = "2b-x-9"').replace('"b"', '"2b-x-9"')).items[1].id == "2b-x-9"


@pytest.mark.parametrize(
    "text",
    [
        "Klik [di sini](javascript:alert(1))",
        "Lihat [pedoman][1]",
        "[1]: https://contoh.go.id/",
        '<a href="javascript:alert(1)">tautan</a>',
        "<img src=x onerror=alert(1)>",
        "<https://contoh.go.id>",
        "Unduh di https://contoh.go.id/berkas",
        "Buka www.contoh.go.id",
        "javascript:alert(1)",
        "JavaScript : alert(1)",
        "</p><script>",
        "![gambar](data:image/png;base64,AAAA)",
    ],
)
def test_text_that_would_become_a_link_or_markup_is_refused(text):
    error = broken('text = "Butir c"', f"text = {json.dumps(text)}")
    assert error.element == "butir 'c'"
    assert "kolom 'text' memuat tautan atau HTML" in error.reason


@pytest.mark.parametrize(
    "text",
    ["Catatan: ini teks biasa", "Pasal 4 ayat (2) dan [sic]", "Nilai 1 < 2 dan 3 > 2", "Jam 08:00 WITA", "A & B"],
)
def test_plain_text_with_punctuation_is_accepted(text):
    assert parse(MINIMAL.replace('text = "Butir c"', f'text = "{text}"')).items[2].text == text


def test_scale_labels_may_not_hold_links():
    error = broken('"Sering"', '"[Sering](https://contoh.go.id/)"')
    assert error.element == "skala"
    assert "kolom 'labels' memuat tautan" in error.reason


RECOMMENDATIONS = """
[[recommendations]]
id = "r1"
dimension = "d1"
text = "Lakukan sesuatu"
link = "{link}"
link_text = "Baca panduan"

[[recommendations]]
id = "r2"
dimension = "d2"
text = "Lakukan hal lain"
link = "nilai/akuntabel/#contoh"
link_text = "Baca contoh"
"""


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "https://contoh.go.id/",
        "//contoh.go.id/",
        "../panduan/",
        "/panduan/",
        "panduan",
        "Panduan/",
        "data:text/html,x",
    ],
)
def test_recommendation_links_must_be_site_paths(link):
    with pytest.raises(InstrumentError) as caught:
        parse(MINIMAL + RECOMMENDATIONS.replace("{link}", link))
    assert caught.value.element == "rekomendasi 'r1'"


def test_a_site_path_recommendation_link_is_accepted():
    instrument = parse(MINIMAL + RECOMMENDATIONS.replace("{link}", "panduan/evaluasi/"))
    assert instrument.dimensions[0].recommendations[0].link == "panduan/evaluasi/"


def test_messages_quote_at_most_a_short_excerpt():
    error = broken('id = "b"', f'id = "{"x" * 5000}!"')
    assert len(str(error)) < 200
    assert "…" in str(error) or "..." in str(error)


def test_indicator_without_items_is_refused():
    text = MINIMAL + '\n[[indicators]]\nid = "i4"\ndimension = "d2"\ntext = "Tanpa butir"\n'
    with pytest.raises(InstrumentError, match="indikator 'i4': tidak punya butir wajib"):
        parse(text)


def test_dimension_without_indicators_is_refused():
    text = MINIMAL.replace(
        '[[indicators]]\nid = "i1"', '[[dimensions]]\nid = "d3"\ntitle = "Kosong"\n\n[[indicators]]\nid = "i1"'
    )
    with pytest.raises(InstrumentError, match="dimensi 'd3': tidak punya indikator"):
        parse(text)


def test_invalid_toml_is_refused_with_the_file_name():
    with pytest.raises(InstrumentError, match=r"uji\.toml: berkas: bukan TOML yang sah"):
        parse("id = ")


def test_band_lookup_uses_inclusive_lower_bounds():
    instrument = parse()
    assert instrument.band_for(Fraction(75)).id == "tinggi"
    assert instrument.band_for(Fraction(749, 10)).id == "sedang"
    assert instrument.band_for(Fraction(100)).id == "tinggi"
    assert instrument.band_for(Fraction(0)).id == "rendah"


def test_shipped_berakhlak_instrument_meets_its_specification():
    assert "berakhlak-individu" in instrument_ids()
    instrument = load_instrument("berakhlak-individu")
    assert [d.title for d in instrument.dimensions] == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ]
    assert len(instrument.indicators) == 21
    assert all(len(indicator.items) >= 2 for indicator in instrument.indicators)
    assert len(instrument.items) >= 42
    for dimension in instrument.dimensions:
        assert any(item.reverse for ind in dimension.indicators for item in ind.items), dimension.id
    assert [c.label for c in instrument.scale.choices] == [
        "Tidak pernah",
        "Jarang",
        "Kadang-kadang",
        "Sering",
        "Selalu",
    ]
    bands = sorted(instrument.bands, key=lambda b: b.lower)
    assert bands[0].lower == 0
    assert bands[-1].upper == 100
    assert all(low.upper == high.lower for low, high in itertools.pairwise(bands))
    assert min(b.lower for b in instrument.bands) == 0


def test_panduan_perilaku_are_the_official_wording():
    texts = [i.text for i in load_instrument("berakhlak-individu").indicators]
    assert texts[0] == "Memahami dan memenuhi kebutuhan masyarakat"
    assert texts[3] == (
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi"
    )
    assert texts[20] == "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("x = " + "[" * 5000 + "]" * 5000, "TOML bersarang terlalu dalam"),
        ("weight = 1" + "0" * 5000, "bilangan yang terlalu panjang"),
    ],
)
def test_hostile_toml_gives_one_line(text, reason):
    with pytest.raises(InstrumentError) as caught:
        parse(text)
    assert caught.value.element == "berkas"
    assert reason in caught.value.reason


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "latin.toml"
    path.write_bytes(MINIMAL.replace("Butir c", "Butir \xe9").encode("latin-1"))
    with pytest.raises(InstrumentError, match=r"latin\.toml: berkas: bukan teks UTF-8 \(byte ke-\d+ tidak sah\)"):
        load_instrument_file(path)
