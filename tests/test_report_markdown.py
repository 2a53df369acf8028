"""The report as Markdown, and the same numbers in every form."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import markdown

from assessment import build_report, parse_instrument, render_html, render_markdown, score, to_json
from tests.instrument_factory import MINIMAL
from tests.report_factory import HOSTILE, answers, earlier, hostile, present, report_for

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
    for entry in present(report["comparison"])["dimensions"]:
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
    assert html.count('data-dimension="') == 2
    assert "Gambaran diri" not in html
    assert "Bukti dukung Dimensi satu" in render_markdown(report)


def test_instrument_text_and_history_cannot_change_the_markdown() -> None:
    instrument = hostile()
    values = {item.id: (1 if n % 3 else 5) for n, item in enumerate(instrument.items)}
    history = [{**score(instrument, values), "saved_at": "2024-03-01"}]
    text = render_markdown(build_report(instrument, score(instrument, values), history))
    assert HOSTILE not in text
    assert "<script" not in text
    html = markdown.markdown(text, extensions=["tables"])
    assert "<script" not in html
    assert "<b " not in html
    assert 'href="javascript' not in html
    assert "<em>" not in html.replace("<em>Refleksi diri, bukan penilaian kinerja.</em>", "")


def test_tables_keep_their_columns_with_pipes_in_the_text() -> None:
    text = render_markdown(build_report(hostile(), score(hostile(), dict.fromkeys((i.id for i in hostile().items), 3))))
    for line in text.splitlines():
        if line.startswith("| ") and "Panduan perilaku" not in line:
            assert line.count(" | ") == line.replace("\\|", "").count(" | ")


def test_markdown_sentences_say_the_same_as_the_html() -> None:
    report = report_for({"ad-1": 5}, history=[earlier(None, "2024-03-01")])
    text, html = render_markdown(report), render_html(report)
    sentence = "Sejak hasil 1 Maret 2024, indeks keseluruhan Anda naik"
    assert sentence in text
    assert sentence in html
    assert "42 dari 42 pernyataan dijawab." in text
    assert "42 dari 42 pernyataan dijawab." in html
    assert answers()  # the factory's answers are complete


def test_the_markdown_follows_the_view_summary_first_and_the_sheet_has_identity_fields() -> None:
    text = render_markdown(report_for({"ad-1": 5, "ak-2": 1}))
    assert text.index("Paling konsisten: **Adaptif**") < text.index("### Indeks per nilai dasar")
    assert "Paling perlu dikembangkan: **Akuntabel**" in text
    assert "| Nilai | Indeks | Kategori |" in text
    sheet = text[text.index("### Persiapan dialog kinerja") :]
    assert sheet.startswith("### Persiapan dialog kinerja\n\n**Bahan diskusi, bukan penilaian.**")
    for label in ("Nama", "NIP", "Jabatan", "Perangkat daerah", "Periode", "Atasan langsung", "Tanggal"):
        assert f"- {label}: …" in sheet
    before_sheet = text[: text.index("### Persiapan dialog kinerja")]
    assert "Ekspektasi" not in before_sheet
    assert "Sehat" not in before_sheet.replace(before_sheet[before_sheet.index("### Dibandingkan") :], "")
