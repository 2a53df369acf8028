"""Evidence-based evaluation: the model's new fields and their validation, checking and scoring."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from assessment import InstrumentError, load_instrument, parse_instrument
from assessment._internal.evaluation import EvaluationError, check_evaluation, score_evaluation
from assessment._internal.serialize import to_json

LEVELS = 'levels = ["nol", "satu", "dua", "tiga", "empat"]\nevidence_hint = "dokumen"\n'
EVIDENCE_MINIMAL = f"""
id = "uji-bukti"
version = "0.1"
title = "Evaluasi uji"

[scale]
min = 0
max = 4
labels = ["Belum ada", "Dirintis", "Sebagian", "Penuh", "Dipantau"]

[assessable]
min_share = 0.5

[[bands]]
id = "atas"
label = "Atas"
min = 50
max = 100
meaning = "atas"

[[bands]]
id = "bawah"
label = "Bawah"
min = 0
max = 50
meaning = "bawah"

[[dimensions]]
id = "d1"
title = "Komponen satu"

[[dimensions]]
id = "d2"
title = "Komponen dua"
weight = 3

[[indicators]]
id = "i1"
dimension = "d1"
text = "Indikator satu"

[[indicators]]
id = "i2"
dimension = "d1"
text = "Indikator dua"
weight = 2

[[indicators]]
id = "i3"
dimension = "d2"
text = "Indikator tiga"

[[items]]
id = "a"
indicator = "i1"
text = "Butir a"
{LEVELS}
[[items]]
id = "b"
indicator = "i1"
text = "Butir b"
not_applicable = true
{LEVELS}
[[items]]
id = "c"
indicator = "i2"
text = "Butir c"
not_applicable = true
{LEVELS}
[[items]]
id = "d"
indicator = "i3"
text = "Butir d"
{LEVELS}
[[items]]
id = "e"
indicator = "i3"
text = "Butir e"
not_applicable = true
{LEVELS}
[[items]]
id = "f"
indicator = "i3"
text = "Butir f"
not_applicable = true
{LEVELS}"""


def parse(text: str = EVIDENCE_MINIMAL):
    return parse_instrument(text, source="uji-bukti.toml")


def broken(old: str, new: str, text: str = EVIDENCE_MINIMAL) -> InstrumentError:
    assert old in text, old
    with pytest.raises(InstrumentError) as caught:
        parse(text.replace(old, new, 1))
    return caught.value


def doc(answers: dict[str, object], **extra: object) -> dict[str, object]:
    reasons = {k: f"alasan {k}" for k, v in answers.items() if v == "na"}
    return {"unit": "Dinas Uji", "period": "2026", "answers": answers, "not_applicable": reasons, **extra}


# ---------------------------------------------------------------- model


def test_the_evidence_fields_are_read():
    instrument = parse()
    assert instrument.evidence_based
    assert instrument.min_share == Fraction(1, 2)
    assert instrument.items[0].levels == ("nol", "satu", "dua", "tiga", "empat")
    assert instrument.items[0].evidence_hint == "dokumen"
    assert [i.id for i in instrument.items if i.not_applicable] == ["b", "c", "e", "f"]


def test_the_self_rating_instrument_is_unchanged():
    instrument = load_instrument("berakhlak-individu")
    assert not instrument.evidence_based
    assert instrument.min_share is None
    assert all(i.levels == () and not i.not_applicable and i.evidence_hint == "" for i in instrument.items)


TOML_A = 'id = "a"\nindicator = "i1"\ntext = "Butir a"\n'


@pytest.mark.parametrize(
    ("old", "new", "element", "reason"),
    [
        (LEVELS, 'levels = ["nol", "satu"]\nevidence_hint = "x"\n', "butir 'a'", "'levels' harus berisi 5 uraian"),
        (LEVELS, 'evidence_hint = "x"\n', "butir 'a'", "'levels' harus berisi 5 uraian"),
        (LEVELS, LEVELS.replace('"dua"', '"  "'), "butir 'a'", "uraian tingkat 2 kosong"),
        (LEVELS, LEVELS.replace('"tiga"', '"satu"'), "butir 'a'", "uraian tingkat 3 sama dengan tingkat 1"),
        (LEVELS, LEVELS.replace('"dua"', '"lihat https://x.id"'), "butir 'a'", "memuat tautan atau HTML"),
        (LEVELS, 'levels = ["nol", "satu", "dua", "tiga", "empat"]\n', "butir 'a'", "kolom 'evidence_hint' tidak ada"),
        (LEVELS, LEVELS + "reverse = true\n", "butir 'a'", "tidak boleh reverse"),
        (LEVELS, LEVELS + "required = false\n", "butir 'a'", "selalu wajib"),
        (LEVELS, LEVELS + 'not_applicable = "ya"\n', "butir 'a'", "harus true atau false"),
        (LEVELS, LEVELS + "bukti = 1\n", "butir 'a'", "kolom 'bukti' tidak dikenal"),
        ("min_share = 0.5", "min_share = 0", "dapat-dinilai", "lebih dari 0 dan paling besar 1"),
        ("min_share = 0.5", "min_share = 1.5", "dapat-dinilai", "lebih dari 0 dan paling besar 1"),
        ("min_share = 0.5", 'min_share = "separuh"', "dapat-dinilai", "harus berupa angka"),
        ("min_share = 0.5", "min_share = nan", "dapat-dinilai", "angka terhingga"),
        ("min_share = 0.5", "min_share = 0.5\nmin = 2", "dapat-dinilai", "kolom 'min' tidak dikenal"),
        (
            "[assessable]",
            '[reference]\nlabel = "x"\noverall = 1\nsource = "x"\nnote = "x"\n\n[assessable]',
            "instrumen",
            "'reference' tidak dipakai",
        ),
    ],
)
def test_every_inconsistency_names_file_element_and_reason(old, new, element, reason):
    error = broken(old, new)
    assert error.source == "uji-bukti.toml"
    assert error.element == element
    assert reason in error.reason


def test_assessable_must_be_a_table():
    text = EVIDENCE_MINIMAL.replace("[assessable]\nmin_share = 0.5\n", "").replace(
        'title = "Evaluasi uji"', 'title = "Evaluasi uji"\nassessable = 1'
    )
    with pytest.raises(InstrumentError) as caught:
        parse(text)
    assert (caught.value.element, caught.value.reason) == (
        "dapat-dinilai",
        "'assessable' harus berupa tabel [assessable]",
    )


@pytest.mark.parametrize("key", ["levels = []", "not_applicable = true", 'evidence_hint = "x"'])
def test_evidence_keys_need_an_evidence_based_instrument(key):
    error = broken("[assessable]\nmin_share = 0.5\n", "")
    assert "perlu tabel [assessable]" in error.reason
    text = EVIDENCE_MINIMAL.replace("[assessable]\nmin_share = 0.5\n", "").replace(LEVELS, "")
    text = text.replace('text = "Butir a"\n', f'text = "Butir a"\n{key}\n', 1)
    with pytest.raises(InstrumentError) as caught:
        parse(text)
    assert caught.value.element == "butir 'a'"
    assert "hanya untuk instrumen evaluasi berbasis bukti" in caught.value.reason


def test_the_shipped_evaluation_meets_its_specification():
    instrument = load_instrument("sistem-kerja-perangkat-daerah")
    assert instrument.evidence_based
    assert instrument.min_share == Fraction(1, 2)
    assert [d.id for d in instrument.dimensions] == [
        "perencanaan-kinerja",
        "pelaksanaan",
        "evaluasi-dialog-kinerja",
        "internalisasi-berakhlak",
    ]
    assert (instrument.scale.min, instrument.scale.max) == (0, 4)
    assert all(len(i.levels) == 5 and i.evidence_hint for i in instrument.items)
    assert {i.id for i in instrument.items if i.not_applicable} == {"tim-kerja", "agen-perubahan", "pengukuran-budaya"}
    assert all(d.recommendations for d in instrument.dimensions)
    assert "bukan instrumen resmi" in instrument.description


# ---------------------------------------------------------------- checking


def test_every_problem_is_listed_at_once():
    instrument = parse()
    answers = {"a": 5, "b": "na", "c": "na", "d": "na", "x": 1}
    document = {
        "unit": "",
        "period": 7,
        "answers": answers,
        "not_applicable": {"c": "tidak ada"},
        "evidence": {"a": "x" * 2001},
    }
    with pytest.raises(EvaluationError) as caught:
        check_evaluation(instrument, document)
    error = caught.value
    assert set(error.fields) == {"unit", "period"}
    assert error.missing == ["e", "f"]
    assert error.invalid == {
        "a": "bukti harus teks paling panjang 2000 karakter",
        "b": "alasan tidak berlaku wajib diisi",
        "d": "butir ini tidak boleh dinyatakan tidak berlaku",
    }
    assert error.unknown == ["x"]
    assert error.to_dict()["fields"]["unit"].startswith("nama perangkat daerah wajib diisi")


def test_reasons_of_answered_items_and_empty_notes_are_dropped():
    checked = check_evaluation(
        parse(),
        doc({"a": "2", "b": 1, "c": "na", "d": 0, "e": 4, "f": 3}, evidence={"a": "  ", "d": " PK di map "}),
    )
    assert checked["answers"] == {"a": 2, "b": 1, "c": "na", "d": 0, "e": 4, "f": 3}
    assert checked["not_applicable"] == {"c": "alasan c"}
    assert checked["evidence"] == {"d": "PK di map"}


# ---------------------------------------------------------------- scoring


def test_not_applicable_items_leave_the_means():
    result = score_evaluation(parse(), doc({"a": 4, "b": "na", "c": 1, "d": 2, "e": "na", "f": 2}))
    d1, d2 = result["dimensions"]
    # d1: i1 = 4 (b left out), i2 = 1; weights 1 and 2: (4 + 2) / 3 = 2 -> 50.0
    assert d1["indicators"] == [{"id": "i1", "index": 100.0}, {"id": "i2", "index": 25.0}]
    assert (d1["index"], d1["answered"], d1["total_items"]) == (50.0, 2, 3)
    # d2: mean of d and f = 2 -> 50.0, with 2 of 3 items answered
    assert (d2["index"], d2["answered"]) == (50.0, 2)
    assert result["overall"] == {"index": 50.0, "band": {"id": "atas", "label": "Atas"}}
    assert result["answered"] == 4


def test_an_indicator_with_every_item_not_applicable_leaves_its_component():
    result = score_evaluation(parse(), doc({"a": 1, "b": 3, "c": "na", "d": 4, "e": 4, "f": 4}))
    d1 = result["dimensions"][0]
    assert d1["indicators"][1] == {"id": "i2", "index": None}
    assert d1["index"] == 50.0  # i1 alone: (1 + 3) / 2 = 2


def test_a_component_with_too_few_answered_items_cannot_be_assessed():
    result = score_evaluation(parse(), doc({"a": 4, "b": 4, "c": 4, "d": 1, "e": "na", "f": "na"}))
    d2 = result["dimensions"][1]
    assert (d2["index"], d2["band"], d2["answered"], d2["total_items"]) == (None, None, 1, 3)
    assert result["overall"] == {"index": None, "band": None}
    assert [g["item"] for g in result["gaps"]] == []  # d1 is at the top; d2 has no index


def test_half_the_items_is_enough():
    instrument = parse(EVIDENCE_MINIMAL.replace('id = "f"\nindicator = "i3"', 'id = "f"\nindicator = "i1"'))
    result = score_evaluation(instrument, doc({"a": 2, "b": "na", "c": 2, "d": 2, "e": "na", "f": 2}))
    # d2 now holds d and e: one of two answered is exactly half (min_share = 0.5), so it has an index
    assert (result["dimensions"][1]["index"], result["dimensions"][1]["answered"]) == (50.0, 1)
    assert result["overall"]["index"] == 50.0


def test_gaps_are_ordered_by_their_exact_effect_on_the_overall_index():
    result = score_evaluation(parse(), doc({"a": 2, "b": 3, "c": 3, "d": 3, "e": 2, "f": 0}))
    # overall weights: d1 1/4, d2 3/4; in d1 i1 1/3 (two items), i2 2/3; in d2 one indicator, three items
    expected = {
        "a": Fraction(1, 4) * Fraction(1, 3) * Fraction(1, 2) * Fraction(2, 4) * 100,
        "b": Fraction(1, 4) * Fraction(1, 3) * Fraction(1, 2) * Fraction(1, 4) * 100,
        "c": Fraction(1, 4) * Fraction(2, 3) * Fraction(1, 4) * 100,
        "d": Fraction(3, 4) * Fraction(1, 3) * Fraction(1, 4) * 100,
        "e": Fraction(3, 4) * Fraction(1, 3) * Fraction(2, 4) * 100,
        "f": Fraction(3, 4) * Fraction(1, 3) * Fraction(4, 4) * 100,
    }
    order = sorted(expected, key=lambda k: (-expected[k], "abcdef".index(k)))
    assert [g["item"] for g in result["gaps"]] == order == ["f", "e", "d", "c", "a", "b"]
    assert [g["effect"] for g in result["gaps"]] == [25.0, 12.5, 6.3, 4.2, 2.1, 1.0]
    assert result["gaps"][0] == {"item": "f", "dimension": "d2", "level": 0, "effect": 25.0}


def test_ties_keep_the_instrument_order_and_top_levels_are_no_gap():
    result = score_evaluation(parse(), doc({"a": 4, "b": 4, "c": 4, "d": 3, "e": 3, "f": 3}))
    assert [g["item"] for g in result["gaps"]] == ["d", "e", "f"]


def test_a_result_file_rescored_gives_the_same_result():
    instrument = load_instrument("sistem-kerja-perangkat-daerah")
    answers: dict[str, object] = {item.id: position % 5 for position, item in enumerate(instrument.items)}
    answers["tim-kerja"] = "na"
    first = score_evaluation(instrument, doc(answers, evidence={"pk-kepala": "PK 2026 <b>ttd</b>"}))
    again = score_evaluation(instrument, json.loads(to_json(first)))
    assert again == first
    assert first["unit"] == "Dinas Uji"
    assert first["period"] == "2026"
    assert first["answers"]["tim-kerja"] == "na"
    assert first["not_applicable"] == {"tim-kerja": "alasan tim-kerja"}
    assert first["evidence"] == {"pk-kepala": "PK 2026 <b>ttd</b>"}


def test_a_self_rating_instrument_is_refused():
    with pytest.raises(ValueError, match="bukan evaluasi berbasis bukti"):
        score_evaluation(load_instrument("berakhlak-individu"), doc({}))


def test_the_order_of_the_input_keys_does_not_change_the_result_file():
    answers = {"a": 1, "b": "na", "c": "na", "d": 2, "e": 3, "f": 4}
    forward = doc(answers, evidence={"a": "x", "f": "y"})
    backward = doc(dict(reversed(answers.items())), evidence={"f": "y", "a": "x"})
    backward["not_applicable"] = {"c": "alasan c", "b": "alasan b"}
    assert to_json(score_evaluation(parse(), forward)) == to_json(score_evaluation(parse(), backward))


def test_a_unit_name_too_long_is_named_as_such():
    answers: dict[str, object] = {"a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 1}
    with pytest.raises(EvaluationError) as caught:
        check_evaluation(parse(), doc(answers, unit="x" * 201, period="  "))
    assert caught.value.fields == {
        "unit": "nama perangkat daerah paling panjang 200 karakter",
        "period": "periode evaluasi wajib diisi",
    }
