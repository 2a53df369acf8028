"""The report's content: instrument data for it, building it, history, base URLs, and the worker's view."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import markdown
import pytest

from assessment import (
    InstrumentError,
    check_base_url,
    parse_history,
    parse_instrument,
    render_html,
    render_markdown,
    to_json,
)
from assessment._internal.report import category_range
from assessment._internal.service import handle
from tests.instrument_factory import MINIMAL
from tests.report_factory import INSTRUMENT, answers, earlier, present, report_for

DOCS = Path(__file__).resolve().parents[1] / "docs"
NATIONAL = {
    "berorientasi-pelayanan": 57.9,
    "akuntabel": 74.1,
    "kompeten": 56.7,
    "harmonis": 63.8,
    "loyal": 65.8,
    "adaptif": 38.9,
    "kolaboratif": 69.4,
}


# ---------------------------------------------------------------- instrument data


def test_national_figures_and_reference_follow_the_source() -> None:
    assert {d.id: float(d.national or 0) for d in INSTRUMENT.dimensions} == NATIONAL
    reference = INSTRUMENT.reference
    assert reference is not None
    assert float(reference.overall) == 60.9
    assert "Indeks BerAKHLAK 2022" in reference.source
    assert "berbeda" in reference.note


def test_every_dimension_has_two_or_three_recommendations_linking_to_existing_pages() -> None:
    for dimension in INSTRUMENT.dimensions:
        assert 2 <= len(dimension.recommendations) <= 3, dimension.id
        for recommendation in dimension.recommendations:
            page = recommendation.link.split("#")[0].rstrip("/")
            assert (DOCS / f"{page}.md").exists() or (DOCS / page / "index.md").exists(), recommendation.link


def test_expectations_use_the_permenpanrb_vocabulary_and_are_never_official() -> None:
    labels = [e.label for e in INSTRUMENT.expectations]
    assert labels == ["Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"]
    assert not any(e.official for e in INSTRUMENT.expectations)
    views = [INSTRUMENT.expectation_for(Fraction(str(v))) for v in (87.5, 87.4, 62.5, 62.4, 0, 100)]
    assert [v.id if v else None for v in views] == [
        "di-atas-ekspektasi",
        "sesuai-ekspektasi",
        "sesuai-ekspektasi",
        "di-bawah-ekspektasi",
        "di-bawah-ekspektasi",
        "di-atas-ekspektasi",
    ]


EXPECTATIONS = """
[[expectations]]
id = "atas"
label = "Di Atas Ekspektasi"
min = 80
max = 100
meaning = "atas"

[[expectations]]
id = "sesuai"
label = "Sesuai Ekspektasi"
min = 60
max = 80
meaning = "sesuai"

[[expectations]]
id = "bawah"
label = "Di Bawah Ekspektasi"
min = 0
max = 60
meaning = "bawah"
"""

REFERENCE = '\n[reference]\nlabel = "Acuan"\nsource = "Sumber"\nnote = "Metode berbeda"\noverall = 60.9\n'

RECOMMENDATIONS = """
[[recommendations]]
id = "r1"
dimension = "d1"
text = "Lakukan sesuatu"
link = "panduan/evaluasi/"
link_text = "Panduan evaluasi"

[[recommendations]]
id = "r2"
dimension = "d2"
text = "Lakukan hal lain"
link = "nilai/adaptif/#pertanyaan-refleksi"
link_text = "Adaptif"
"""

NATIONAL_KEYS = MINIMAL.replace('title = "Dimensi satu"', 'title = "Dimensi satu"\nnational = 50').replace(
    'title = "Dimensi dua"', 'title = "Dimensi dua"\nnational = 70.5'
)
FULL = NATIONAL_KEYS + REFERENCE + EXPECTATIONS + RECOMMENDATIONS


def test_the_new_blocks_parse() -> None:
    instrument = parse_instrument(FULL, "uji.toml")
    assert [e.id for e in instrument.expectations] == ["atas", "sesuai", "bawah"]
    assert [float(d.national or 0) for d in instrument.dimensions] == [50.0, 70.5]
    assert [r.id for d in instrument.dimensions for r in d.recommendations] == ["r1", "r2"]


@pytest.mark.parametrize(
    ("old", "new", "element", "reason"),
    [
        ("min = 60\n", "min = 65\n", "ekspektasi 'sesuai'", "ada celah"),
        ("max = 60\n", "max = 70\n", "ekspektasi 'sesuai'", "tumpang tindih"),
        ('meaning = "atas"', 'meaning = "atas"\nofficial = true', "ekspektasi 'atas'", "tidak boleh official"),
        ('id = "bawah"', 'id = "atas"', "ekspektasi 'atas'", "id ganda"),
        ("national = 70.5", "national = 170", "dimensi 'd2'", "harus berada di 0–100"),
        ("national = 70.5\n", "", "dimensi 'd2'", "kolom 'national' tidak ada"),
        ("overall = 60.9", 'overall = "tinggi"', "acuan", "harus berupa angka"),
        ('source = "Sumber"\n', "", "acuan", "kolom 'source' tidak ada"),
        ('dimension = "d2"\ntext = "Lakukan', 'dimension = "d9"\ntext = "Lakukan', "rekomendasi 'r2'", "tidak dikenal"),
        ('link = "panduan/evaluasi/"', 'link = "https://contoh.go.id/"', "rekomendasi 'r1'", "tautan"),
        ('link = "panduan/evaluasi/"', 'link = "/panduan/evaluasi/"', "rekomendasi 'r1'", "jalur situs"),
        ('link = "panduan/evaluasi/"', 'link = "../panduan/evaluasi.md"', "rekomendasi 'r1'", "jalur situs"),
        ('link_text = "Adaptif"', "", "rekomendasi 'r2'", "kolom 'link_text' tidak ada"),
        ('dimension = "d2"\ntext = "Lakukan', 'dimension = "d1"\ntext = "Lakukan', "dimensi 'd2'", "rekomendasi"),
    ],
)
def test_broken_report_data_names_file_element_and_reason(old: str, new: str, element: str, reason: str) -> None:
    assert old in FULL, old
    with pytest.raises(InstrumentError) as caught:
        parse_instrument(FULL.replace(old, new, 1), "uji.toml")
    assert caught.value.source == "uji.toml"
    assert caught.value.element == element
    assert reason in caught.value.reason


def test_national_figures_need_a_reference_block() -> None:
    with pytest.raises(InstrumentError, match="dimensi 'd1': kolom 'national' memerlukan tabel"):
        parse_instrument(NATIONAL_KEYS, "uji.toml")


def test_expectation_marker_renders_the_thresholds_from_the_data() -> None:
    html = markdown.markdown("[[ekspektasi berakhlak-individu]]", extensions=["scripts.assessment_markdown"])
    assert ">87,5 sampai 100</td>" in html
    assert ">62,5 sampai di bawah 87,5</td>" in html
    assert ">3,5 sampai di bawah 4,5</td>" in html
    assert "bukan aturan resmi" in html


# ---------------------------------------------------------------- content


def test_strongest_and_weakest_break_ties_by_instrument_order() -> None:
    behaviours = report_for({"kl-3": 5, "ad-1": 5, "ko-2": 5, "bp-1": 5, "lo-2": 1})["behaviours"]
    assert [e["id"] for e in behaviours["strongest"]] == ["bp-1", "ko-2", "ad-1"]
    assert [e["id"] for e in behaviours["weakest"]] == ["lo-2", "bp-2", "bp-3"]
    assert behaviours["weakest"][0] == {
        "id": "lo-2",
        "text": "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
        "dimension": "loyal",
        "dimension_title": "Loyal",
        "index": 0.0,
    }


def test_strongest_and_weakest_never_overlap() -> None:
    behaviours = report_for({"ak-3": 5})["behaviours"]
    strongest = [e["id"] for e in behaviours["strongest"]]
    assert strongest == ["ak-3", "bp-1", "bp-2"]
    assert [e["id"] for e in behaviours["weakest"]] == ["bp-3", "ak-1", "ak-2"]


def test_all_equal_indexes_give_no_lists_and_say_so() -> None:
    report = report_for()
    assert report["behaviours"]["all_equal"] is True
    assert report["behaviours"]["strongest"] == report["behaviours"]["weakest"] == []
    assert "indeks yang sama" in render_html(report)


def test_recommendations_cover_the_two_lowest_values_ties_in_instrument_order() -> None:
    low = {i.id: 1 for d in INSTRUMENT.dimensions if d.id in ("harmonis", "adaptif") for i in d.indicators}
    advice = present(report_for(low)["recommendations"])
    assert [d["id"] for d in advice["dimensions"]] == ["harmonis", "adaptif"]
    assert advice["note"].startswith("Saran situs ini, bukan ketentuan resmi.")
    tie = present(report_for()["recommendations"])
    assert [d["id"] for d in tie["dimensions"]] == ["berorientasi-pelayanan", "akuntabel"]


def test_links_are_relative_to_the_base_url() -> None:
    low = {i.id: 1 for i in INSTRUMENT.dimensions[5].indicators}
    report = report_for(low, base_url="../../")
    actions = present(report["recommendations"])["dimensions"][0]["actions"]
    assert actions[0]["href"] == "../../" + actions[0]["path"]
    assert f'href="../../{actions[0]["path"]}"' in render_html(report)
    assert f"](../../{actions[0]['path']})" in render_markdown(report)
    site = present(report_for(low)["recommendations"])["dimensions"][0]["actions"][0]
    assert site["href"] == site["path"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", ""),
        ("../../", "../../"),
        ("../..", "../../"),
        (".", "./"),
        ("https://contoh.go.id/situs", "https://contoh.go.id/situs/"),
    ],
)
def test_base_urls_that_are_accepted(value: str, expected: str) -> None:
    assert check_base_url(value) == expected


@pytest.mark.parametrize("value", ["javascript:alert(1)", '"><script>', "data:text/html,x", 7, None])
def test_base_urls_that_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="alamat situs tidak sah"):
        check_base_url(value)


def test_national_comparison_names_the_source_and_says_methods_differ() -> None:
    report = report_for({"ad-1": 5})
    comparison = present(report["comparison"])
    assert comparison["label"] == "Indeks BerAKHLAK nasional 2022"
    adaptif = next(d for d in comparison["dimensions"] if d["id"] == "adaptif")
    assert adaptif == {"id": "adaptif", "title": "Adaptif", "index": 66.7, "reference": 38.9, "difference": 27.8}
    assert comparison["overall"]["reference"] == 60.9
    html, text = render_html(report), render_markdown(report)
    for output in (html, text):
        assert "Survei Pemetaan dan Pengukuran Budaya Kerja ASN" in output
        assert "Metodenya berbeda" in output
    assert "+27,8 (lebih tinggi)" in html
    assert comparison["overall"] == {"index": 52.4, "reference": 60.9, "difference": -8.5}
    assert "−8,5 (lebih rendah)" in html
    assert "bukan perbandingan yang setara" in html


def test_history_shows_earlier_results_and_the_signed_change_since_the_last() -> None:
    history = [
        earlier({"ad-1": 1}, "2024-01-05"),
        earlier(None, "2024-03-01T10:15:00+08:00"),
    ]
    report = report_for({"ad-1": 5, "ko-1": 1}, history=history)
    section = report["history"]
    assert [e["saved_at"] for e in section["entries"]] == ["2024-01-05", "2024-03-01T10:15:00+08:00"]
    change = present(section["change"])
    assert change["since"] == "2024-03-01T10:15:00+08:00"
    by_id = {d["id"]: d for d in change["dimensions"]}
    assert by_id["adaptif"] == {"id": "adaptif", "title": "Adaptif", "before": 50.0, "after": 66.7, "change": 16.7}
    assert by_id["kompeten"]["change"] == -16.7
    assert by_id["loyal"]["change"] == 0.0
    html = render_html(report)
    assert "+16,7 (naik)" in html
    assert "−16,7 (turun)" in html
    assert "0,0 (tetap)" in html
    assert '<time datetime="2024-03-01T10:15:00+08:00">1 Maret 2024 pukul 10.15</time>' in html
    assert "5 Januari 2024" in html


def test_history_limit_keeps_the_most_recent() -> None:
    history = [earlier(None, f"2024-01-{day:02d}") for day in range(1, 15)]
    entries = report_for(history=history)["history"]["entries"]
    assert len(entries) == 10
    assert entries[-1]["saved_at"] == "2024-01-14"


def test_bad_history_entries_are_skipped_never_an_error() -> None:
    good = earlier(None, "2024-03-01")
    wrong_instrument = {**good, "instrument": {"id": "lain", "version": "1"}}
    bool_index = {**good, "overall": {"index": True}}
    missing_dimension = {**good, "dimensions": good["dimensions"][1:]}
    out_of_range = {**good, "dimensions": [{**d, "index": 101} for d in good["dimensions"]]}
    history = [
        "x",
        None,
        {**good, "saved_at": "kemarin"},
        {k: v for k, v in good.items() if k != "saved_at"},
        wrong_instrument,
        bool_index,
        missing_dimension,
        out_of_range,
        {**good, "overall": {"index": float("nan")}},
        good,
    ]
    assert [e["saved_at"] for e in parse_history(INSTRUMENT, history)] == ["2024-03-01"]
    assert parse_history(INSTRUMENT, {"not": "a list"}) == []
    assert report_for(history="rusak")["history"] == {"entries": [], "change": None}


def test_no_history_says_so() -> None:
    assert "Belum ada hasil sebelumnya" in render_html(report_for())


# ---------------------------------------------------------------- hostile history: skipped, never fatal

GOOD = earlier(None, "2024-03-01")


def _with_dimension(change: dict[str, Any]) -> dict[str, Any]:
    return {**GOOD, "dimensions": [{**GOOD["dimensions"][0], **change}, *GOOD["dimensions"][1:]]}


HOSTILE_ENTRIES: list[object] = [
    _with_dimension({"id": ["akuntabel"]}),
    _with_dimension({"id": {"id": "akuntabel"}}),
    _with_dimension({"id": None}),
    _with_dimension({"id": 7}),
    _with_dimension({"index": "50"}),
    _with_dimension({"index": [50]}),
    _with_dimension({"index": 10**5000}),
    _with_dimension({"index": float("inf")}),
    {**GOOD, "dimensions": [*GOOD["dimensions"], GOOD["dimensions"][0]]},
    {**GOOD, "dimensions": [*GOOD["dimensions"], {"id": "lain", "index": 50}]},
    {**GOOD, "dimensions": ["berorientasi-pelayanan", *GOOD["dimensions"][1:]]},
    {**GOOD, "dimensions": {"berorientasi-pelayanan": 50}},
    {**GOOD, "dimensions": None},
    {**GOOD, "overall": [50]},
    {**GOOD, "overall": {"index": 10**5000}},
    {**GOOD, "overall": {"index": -0.1}},
    {**GOOD, "instrument": ["berakhlak-individu"]},
    {**GOOD, "instrument": {"id": ["berakhlak-individu"]}},
    {**GOOD, "saved_at": ["2024-03-01"]},
    {**GOOD, "saved_at": 20240301},
    {**GOOD, "saved_at": "2024-03-01T10:00:00<script>"},
    {**GOOD, "saved_at": "2024-03-01" + " " * 10**5},
    [GOOD],
    42,
    True,
]


@pytest.mark.parametrize("entry", HOSTILE_ENTRIES)
def test_every_malformed_history_entry_is_skipped(entry: object) -> None:
    assert parse_history(INSTRUMENT, [entry]) == []
    assert parse_history(INSTRUMENT, [entry, GOOD, entry])[0]["saved_at"] == "2024-03-01"


def test_a_hostile_history_never_stops_the_report() -> None:
    report = report_for({"ad-1": 5}, history=[*HOSTILE_ENTRIES, GOOD, *HOSTILE_ENTRIES])
    assert [e["saved_at"] for e in report["history"]["entries"]] == ["2024-03-01"]
    assert report["history"]["change"] is not None
    render_html(report)
    render_markdown(report)


def test_a_hostile_history_through_the_worker_still_gives_the_result() -> None:
    request = {"instrument": "berakhlak-individu", "answers": answers(), "history": [HOSTILE_ENTRIES[0]]}
    response = json.loads(handle(json.dumps(request)))
    assert response["ok"] is True
    assert "data-overall-score" in response["html"]


def test_history_entries_of_the_shape_the_page_sends_are_used() -> None:
    parsed = parse_history(INSTRUMENT, [GOOD])
    assert parsed == [
        {"saved_at": "2024-03-01", "index": 50.0, "dimensions": {d.id: 50.0 for d in INSTRUMENT.dimensions}}
    ]


# ---------------------------------------------------------------- the page's worker


def test_service_passes_history_and_base_url_to_the_view() -> None:
    history = [earlier(None, "2024-03-01"), {"rusak": True}]
    request = {
        "instrument": "berakhlak-individu",
        "answers": answers({"ad-1": 5}),
        "history": history,
        "base_url": "../../",
    }
    response = json.loads(handle(json.dumps(request)))
    assert response["ok"] is True
    assert response["json"] == to_json(response["result"])
    assert "Sejak hasil" in response["html"]
    assert 'href="../../' in response["html"]


@pytest.mark.parametrize(("history", "base_url"), [("x", 5), ([1, 2], "javascript:alert(1)"), (None, None)])
def test_service_ignores_unusable_history_and_base_url(history: object, base_url: object) -> None:
    request = {"instrument": "berakhlak-individu", "answers": answers(), "history": history, "base_url": base_url}
    response = json.loads(handle(json.dumps(request)))
    assert response["ok"] is True
    assert "javascript:" not in response["html"]
    assert "Belum ada hasil sebelumnya" in response["html"]


# ---------------------------------------------------------------- summary content (issue 8)


def test_bands_describe_consistency_on_the_answer_scale_and_are_the_projects_own() -> None:
    assert [(b.id, b.label, float(b.lower), float(b.upper)) for b in INSTRUMENT.bands] == [
        ("sangat-konsisten", "Sangat konsisten", 87.5, 100.0),
        ("konsisten", "Konsisten", 62.5, 87.5),
        ("mulai-konsisten", "Mulai konsisten", 37.5, 62.5),
        ("belum-konsisten", "Belum konsisten", 0.0, 37.5),
    ]
    assert not any(b.official for b in INSTRUMENT.bands)
    assert INSTRUMENT.version == "2.0.0"  # band ids changed with 2.0.0
    for value, band in ((5, "sangat-konsisten"), (4, "konsisten"), (3, "mulai-konsisten"), (2, "belum-konsisten")):
        assert report_for(default=value)["overall"]["band"]["id"] == band


def test_extremes_are_the_highest_and_lowest_value_first_in_instrument_order() -> None:
    low = {i.id: 1 for d in INSTRUMENT.dimensions if d.id in ("kompeten", "loyal") for i in d.indicators}
    high = {i.id: 5 for d in INSTRUMENT.dimensions if d.id in ("adaptif", "akuntabel") for i in d.indicators}
    extremes = present(report_for({**low, **high})["extremes"])
    assert extremes["strongest"] == {
        "id": "akuntabel",
        "title": "Akuntabel",
        "index": 100.0,
        "band": {"id": "sangat-konsisten", "label": "Sangat konsisten"},
    }
    assert extremes["weakest"]["id"] == "kompeten"
    assert report_for()["extremes"] is None


def test_categories_and_their_ranges_as_read() -> None:
    categories = report_for()["categories"]
    assert [category_range(c) for c in categories] == ["87,5–100", "62,5–87,4", "37,5–62,4", "0–37,4"]
    assert all(c["meaning"].startswith("Menurut jawaban Anda sendiri") for c in categories)


def test_the_sheet_is_framed_as_discussion_material_with_identity_fields() -> None:
    dialog = report_for()["dialog"]
    assert dialog["framing"] == "Bahan diskusi, bukan penilaian."
    assert [f["name"] for f in dialog["identity"]] == [
        "nama",
        "nip",
        "jabatan",
        "perangkat-daerah",
        "periode",
        "atasan",
        "tanggal",
    ]
    names = [f["name"] for f in dialog["identity"]] + [f["name"] for f in dialog["fields"]]
    assert len(names) == len(set(names))  # one storage key per field


def test_the_national_categories_appear_only_with_the_national_figures() -> None:
    report = report_for()
    comparison = present(report["comparison"])
    assert "Sehat (75–100)" in comparison["note"]
    assert "60,9 termasuk B Cukup Sehat" in comparison["note"]
    rest = json.dumps({k: v for k, v in report.items() if k != "comparison"}, ensure_ascii=False)
    assert "Sehat" not in rest
