"""The report: instrument data for it, its content, and its HTML, Markdown and JSON forms."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment import (
    InstrumentError,
    build_report,
    check_base_url,
    load_instrument,
    parse_history,
    parse_instrument,
    render_document,
    render_html,
    render_markdown,
    score,
    to_json,
)
from assessment._internal.service import handle
from tests.instrument_factory import MINIMAL

DOCS = Path(__file__).resolve().parents[1] / "docs"
INSTRUMENT = load_instrument("berakhlak-individu")
ITEMS = [item.id for item in INSTRUMENT.items]
NATIONAL = {
    "berorientasi-pelayanan": 57.9,
    "akuntabel": 74.1,
    "kompeten": 56.7,
    "harmonis": 63.8,
    "loyal": 65.8,
    "adaptif": 38.9,
    "kolaboratif": 69.4,
}


def answers(scored: dict[str, int] | None = None, default: int = 3) -> dict[str, int]:
    """Answers giving each indicator the scored value ``scored[indicator]`` (reverse items answered 6 - v)."""
    values = scored or {}
    result = {}
    for item in INSTRUMENT.items:
        value = values.get(item.indicator, default)
        result[item.id] = 6 - value if item.reverse else value
    return result


def report_for(scored: dict[str, int] | None = None, default: int = 3, **kwargs: Any) -> dict[str, Any]:
    return build_report(INSTRUMENT, score(INSTRUMENT, answers(scored, default)), **kwargs)


def earlier(scored: dict[str, int] | None, saved_at: str) -> dict[str, Any]:
    return {**score(INSTRUMENT, answers(scored)), "saved_at": saved_at}


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
        ('link = "panduan/evaluasi/"', 'link = "https://contoh.go.id/"', "rekomendasi 'r1'", "jalur situs"),
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
    assert "<td>87,5 sampai 100</td>" in html
    assert "<td>62,5 sampai di bawah 87,5</td>" in html
    assert "<td>3,5 sampai di bawah 4,5</td>" in html
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
    advice = report_for(low)["recommendations"]
    assert [d["id"] for d in advice["dimensions"]] == ["harmonis", "adaptif"]
    assert advice["note"].startswith("Saran situs ini, bukan ketentuan resmi.")
    tie = report_for()["recommendations"]
    assert [d["id"] for d in tie["dimensions"]] == ["berorientasi-pelayanan", "akuntabel"]


def test_links_are_relative_to_the_base_url() -> None:
    low = {i.id: 1 for i in INSTRUMENT.dimensions[5].indicators}
    report = report_for(low, base_url="../../")
    actions = report["recommendations"]["dimensions"][0]["actions"]
    assert actions[0]["href"] == "../../" + actions[0]["path"]
    assert f'href="../../{actions[0]["path"]}"' in render_html(report)
    assert f"](../../{actions[0]['path']})" in render_markdown(report)
    site = report_for(low)["recommendations"]["dimensions"][0]["actions"][0]
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
    comparison = report["comparison"]
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
    change = section["change"]
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


# ---------------------------------------------------------------- HTML structure


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    return parser.found


def test_data_attributes_exactly_once_per_dimension() -> None:
    result = score(INSTRUMENT, answers({"ad-1": 5, "lo-3": 2}))
    html = render_html(build_report(INSTRUMENT, result))
    found = elements(html)
    root = found[0][1]
    assert root["data-overall-score"] == f"{result['overall']['index']:.1f}"
    assert root["data-band"] == result["overall"]["band"]["id"]
    tagged = [a for _, a in found if "data-dimension" in a or "data-score" in a]
    assert [(a["data-dimension"], a["data-score"]) for a in tagged] == [
        (d["id"], f"{d['index']:.1f}") for d in result["dimensions"]
    ]
    assert sum("data-overall-score" in a for _, a in found) == 1


def test_fragment_is_well_formed_and_the_radar_is_accessible_svg() -> None:
    html = render_html(report_for({"ad-1": 5}, history=[earlier(None, "2024-03-01")], base_url="../../"))
    ET.fromstring(html)  # balanced, quoted, escaped
    svg_text = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
    svg = ET.fromstring(svg_text)
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.tag == f"{ns}svg"
    assert svg.get("role") == "img"
    assert svg.find(f"{ns}title") is not None
    desc = svg.find(f"{ns}desc")
    assert desc is not None
    assert "Adaptif 66,7" in (desc.text or "")
    assert len(svg.findall(f"{ns}circle")) == len(INSTRUMENT.dimensions)


def test_tables_have_captions_and_scoped_headers() -> None:
    html = render_html(report_for({"ad-1": 5}, history=[earlier(None, "2024-03-01")]))
    assert html.count("<table") == html.count("<caption>") >= 5
    assert "<th>" not in html
    assert re.search(r"<h2[ >]", html)
    assert "<h3" in html


def test_dialog_sheet_has_labelled_textareas_with_the_agreed_names() -> None:
    html = render_html(report_for())
    found = elements(html)
    sheets = [a for tag, a in found if tag == "section" and a.get("id") == "lembar-dialog"]
    assert sheets == [{"class": "lembar-dialog", "id": "lembar-dialog", "aria-labelledby": "lembar-dialog-judul"}]
    areas = [a for tag, a in found if tag == "textarea"]
    names = [a["name"] for a in areas]
    assert names == [f"bukti-{d.id}" for d in INSTRUMENT.dimensions] + ["pertanyaan", "ekspektasi"]
    labels = {a["for"] for tag, a in found if tag == "label"}
    assert {a["id"] for a in areas} == labels
    assert "Pertanyaan untuk atasan" in html
    assert "Ekspektasi yang perlu diperjelas" in html
    assert "buatan situs ini, bukan aturan resmi" in html
    assert html.count('class="lembar-dialog__salinan"') == len(areas)


def test_band_note_when_the_band_name_is_the_projects_own() -> None:
    low = report_for(default=1)
    assert low["overall"]["band"] == {
        "id": "perlu-penguatan-mendasar",
        "label": "Perlu Penguatan Mendasar",
        "meaning": INSTRUMENT.bands[-1].meaning,
        "official": False,
    }
    assert "Nama pita ini buatan situs ini" in render_html(low)
    assert "Nama pita ini buatan situs ini" not in render_html(report_for(default=5))


def test_standalone_document_has_no_external_resources() -> None:
    document = render_document(report_for())
    assert document.startswith('<!DOCTYPE html>\n<html lang="id">')
    assert "<style>" in document
    assert render_html(report_for()) in document
    assert not re.search(r"<(link|script|img)\b", document)
    assert "@page{size:A4" in document


# ---------------------------------------------------------------- same numbers in every form


def test_the_three_forms_carry_the_same_numbers() -> None:
    report = report_for({"ad-1": 5, "ko-3": 1, "bp-2": 4}, history=[earlier(None, "2024-03-01")])
    data = json.loads(to_json(report))
    assert data == report
    html, text = render_html(report), render_markdown(report)
    shown = [report["overall"]["index"]] + [d["index"] for d in report["dimensions"]]
    shown += [i["index"] for d in report["dimensions"] for i in d["indicators"]]
    for value in shown:
        display = f"{value:.1f}".replace(".", ",")
        assert display in html
        assert display in text
    for entry in report["comparison"]["dimensions"]:
        assert f"| {entry['title']} | " in text
    for field in report["dialog"]["fields"]:
        assert field["label"] in text
        assert f'name="{field["name"]}"' in html


def test_minimal_instrument_without_report_data_still_renders() -> None:
    instrument = parse_instrument(MINIMAL, "uji.toml")
    result = score(instrument, {"a": 5, "b": 1, "c": 3, "d": 4})
    report = build_report(instrument, result)
    assert report["comparison"] is None
    assert report["recommendations"] is None
    assert report["expectations"] is None
    html = render_html(report)
    ET.fromstring(html)
    assert "<svg" not in html  # no radar for fewer than three dimensions
    assert "Gambaran diri" not in html
    assert "Bukti dukung Dimensi satu" in render_markdown(report)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=5), min_size=len(ITEMS), max_size=len(ITEMS)))
def test_any_answers_give_a_consistent_report(values: list[int]) -> None:
    result = score(INSTRUMENT, dict(zip(ITEMS, values, strict=True)))
    report = build_report(INSTRUMENT, result, base_url="../../")
    json.dumps(report)
    html = render_html(report)
    ET.fromstring(html)
    behaviours = report["behaviours"]
    if not behaviours["all_equal"]:
        assert min(e["index"] for e in behaviours["strongest"]) >= max(e["index"] for e in behaviours["weakest"])
    lowest = min(d["index"] for d in report["dimensions"])
    assert report["recommendations"]["dimensions"][0]["index"] == lowest
    scores = re.findall(r'data-dimension="([^"]+)" data-score="([^"]+)"', html)
    assert scores == [(d["id"], f"{d['index']:.1f}") for d in result["dimensions"]]


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
