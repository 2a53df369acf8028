from fractions import Fraction

import pytest

from assessment import InstrumentError, instrument_ids, load_instrument, parse_instrument
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
    ],
)
def test_broken_definitions_name_file_element_and_reason(old, new, element, reason):
    error = broken(old, new)
    assert error.source == "uji.toml"
    assert error.element == element
    assert reason in error.reason
    assert str(error).startswith(f"uji.toml: {element}: ")


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
    bands = {b.id: (b.lower, b.upper, b.official) for b in instrument.bands}
    assert bands["sehat"] == (Fraction(75), Fraction(100), True)
    assert bands["cukup-sehat"] == (Fraction(50), Fraction(75), True)
    assert bands["tidak-sehat"] == (Fraction(25), Fraction(50), True)
    assert [b for b in instrument.bands if not b.official]
    assert min(b.lower for b in instrument.bands) == 0


def test_panduan_perilaku_are_the_official_wording():
    texts = [i.text for i in load_instrument("berakhlak-individu").indicators]
    assert texts[0] == "Memahami dan memenuhi kebutuhan masyarakat"
    assert texts[3] == (
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi"
    )
    assert texts[20] == "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama"
