"""The report as HTML: the fragment the page shows and the standalone document."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from assessment import build_report, parse_instrument, render_document, render_html, score
from assessment._internal.result_code import encode
from tests.instrument_factory import MINIMAL
from tests.report_factory import HOSTILE, INSTRUMENT, ITEMS, answers, earlier, hostile, present, report_for

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


class Text(HTMLParser):
    """The text of an HTML fragment, with the parts inside elements of the given ids left out."""

    def __init__(self, skip_ids: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.skip_ids, self.depth = skip_ids, 0
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("input", "rect", "br"):
            return
        skipping = self.depth > 0 or dict(attrs).get("id") in self.skip_ids
        self.stack.append(skipping)
        self.depth += skipping

    def handle_endtag(self, tag: str) -> None:
        if tag in ("input", "rect", "br") or not self.stack:
            return
        self.depth -= self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def text_of(html: str, skip_ids: tuple[str, ...] = ()) -> str:
    parser = Text(skip_ids)
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def test_the_summary_comes_first_with_index_category_sentence_extremes_and_next_steps() -> None:
    report = report_for({"ad-1": 5, "ak-2": 1, "ko-1": 4})
    html = render_html(report)
    summary = html[: html.index('<h3 id="hasil-nilai"')]
    assert text_of(summary) == (
        "Hasil refleksi diri Anda 51,2 dari 100 Mulai konsisten "
        f"{report['overall']['band']['meaning']} "
        "Paling konsisten Adaptif 66,7 Paling perlu dikembangkan Akuntabel 33,3 "
        "Siapkan dialog kinerja Lihat rincian hasil Refleksi diri, bukan penilaian kinerja."
    )
    links = [a["href"] for tag, a in elements(summary) if tag == "a"]
    assert links == ["#lembar-dialog", "#hasil-rincian"]
    ids = {a.get("id") for _, a in elements(html)}
    assert {"lembar-dialog", "hasil-rincian"} <= ids


def test_equal_values_are_said_instead_of_strongest_and_weakest() -> None:
    html = render_html(report_for())
    assert "Semua nilai dasar mendapat indeks yang sama." in html
    assert "Paling konsisten" not in html


def test_the_detail_is_collapsed_and_complete() -> None:
    html = render_html(report_for({"ad-1": 5}, history=[earlier(None, "2024-03-01")]))
    found = elements(html)
    sections = [a["id"] for tag, a in found if tag == "details"]
    assert sections == [
        "hasil-perilaku",
        "hasil-terkuat-terlemah",
        "hasil-nasional",
        "hasil-saran",
        "hasil-riwayat",
        "hasil-tentang",
    ]
    assert not any("open" in a for tag, a in found if tag == "details")
    detail = html[html.index('id="hasil-rincian"') : html.index('id="lembar-dialog"')]
    assert detail.count('class="laporan-batang__baris"') == 21


def test_it_does_not_read_as_a_performance_rating() -> None:
    """National bands only in the national comparison; PermenPANRB words only on the sheet."""
    for scored in ({}, {"ad-1": 5, "ak-2": 1}, {i.id: 1 for i in INSTRUMENT.indicators}):
        html = render_html(report_for(scored, history=[earlier(None, "2024-03-01")]))
        elsewhere = text_of(html, ("hasil-nasional", "lembar-dialog"))
        assert "Ekspektasi" not in elsewhere
        assert "Sehat" not in elsewhere
        assert "pita" not in elsewhere.lower().split()
        assert "Di Bawah Ekspektasi" not in text_of(html, ("lembar-dialog",))
        sheet = html[html.index('id="lembar-dialog"') :]
        assert "Bahan diskusi, bukan penilaian." in sheet
        assert "Sehat" in text_of(html[html.index('id="hasil-nasional"') :], ("lembar-dialog",))
        for word in ("Python", "program penghitung", "penghitung"):
            assert word not in html


def test_values_are_horizontal_bars_with_their_numbers_as_text() -> None:
    report = report_for({"ad-1": 5, "lo-3": 1})
    html = render_html(report)
    assert "<svg" in html
    assert 'role="img"' not in html  # the bars are decorative; the numbers are text next to them
    assert not re.search(r"<text[ >]", html)  # no chart text inside SVG: every text follows the page's font size
    values = html[html.index('<ul class="laporan-batang"') : html.index('id="hasil-rincian"')]
    widths = re.findall(r'<rect width="([0-9.]+)" height="8" fill="#00796b"/>', values)
    assert widths == [f"{d['index']:.1f}" for d in report["dimensions"]]
    for d in report["dimensions"]:
        assert f"{d['index']:.1f}".replace(".", ",") in values
        assert d["band"]["label"] in values


def test_fragment_is_well_formed() -> None:
    html = render_html(report_for({"ad-1": 5}, history=[earlier(None, "2024-03-01")], base_url="../../"))
    ET.fromstring(html)  # balanced, quoted, escaped


def test_tables_have_captions_scoped_headers_and_labelled_cells() -> None:
    html = render_html(report_for({"ad-1": 5}, history=[earlier(None, "2024-03-01")]))
    assert html.count("<table") == html.count("<caption>") == 3
    assert "<th>" not in html
    assert html.count("<td>") == 0  # every cell names its column, so a narrow screen can stack them
    assert re.search(r"<h2[ >]", html)
    assert "<h3" in html


def test_dialog_sheet_has_identity_fields_and_labelled_textareas_with_the_agreed_names() -> None:
    html = render_html(report_for())
    found = elements(html)
    sheets = [a for tag, a in found if tag == "section" and a.get("id") == "lembar-dialog"]
    assert sheets == [
        {"class": "lembar-dialog", "id": "lembar-dialog", "aria-labelledby": "lembar-dialog-judul", "tabindex": "-1"}
    ]
    inputs = [a for tag, a in found if tag == "input"]
    assert [a["name"] for a in inputs] == ["nama", "nip", "jabatan", "perangkat-daerah", "periode", "atasan", "tanggal"]
    areas = [a for tag, a in found if tag == "textarea"]
    names = [a["name"] for a in areas]
    assert names == [f"bukti-{d.id}" for d in INSTRUMENT.dimensions] + ["pertanyaan", "ekspektasi"]
    labels = {a["for"] for tag, a in found if tag == "label"}
    assert {a["id"] for a in areas + inputs} == labels
    for label in ("Nama", "NIP", "Jabatan", "Perangkat daerah", "Periode", "Atasan langsung", "Tanggal"):
        assert f">{label}</label>" in html
    assert "Pertanyaan untuk atasan" in html
    assert "Ekspektasi yang perlu diperjelas" in html
    assert "buatan situs ini, bukan aturan resmi" in html
    assert html.count('class="lembar-dialog__salinan"') == len(areas)


def test_category_note_and_ranges() -> None:
    html = render_html(report_for(default=1))
    assert "Nama kategori ini buatan situs ini" in html
    for text in ("Sangat konsisten</strong> (87,5–100)", "Konsisten</strong> (62,5–87,4)", "(0–37,4)"):
        assert text in html
    minimal = parse_instrument(MINIMAL.replace('meaning = "', 'official = true\nmeaning = "'), "uji.toml")
    official = render_html(build_report(minimal, score(minimal, {"a": 5, "b": 1, "c": 3, "d": 4})))
    assert "Nama kategori ini buatan situs ini" not in official


def test_standalone_document_has_no_external_resources() -> None:
    document = render_document(report_for())
    assert document.startswith('<!DOCTYPE html>\n<html lang="id">')
    assert "<style>" in document
    assert render_html(report_for()) in document
    assert not re.search(r"<(link|script|img)\b", document)
    assert "@page{size:A4" in document


# ---------------------------------------------------------------- escaping

ALLOWED_TAGS = {
    "a", "caption", "details", "div", "fieldset", "h2", "h3", "h4", "input", "label", "legend", "li", "ol", "p",
    "rect", "section", "span", "strong", "summary", "svg", "table", "tbody", "td", "textarea", "th", "thead",
    "time", "tr", "ul",
}  # fmt: skip


def _hostile_report() -> tuple[str, str]:
    instrument = hostile()
    values = {item.id: (1 if n % 3 else 5) for n, item in enumerate(instrument.items)}
    history = [{**score(instrument, values), "saved_at": "2024-03-01T10:00:00+08:00"}]
    report = build_report(instrument, score(instrument, values), history, "../../")
    return render_html(report), render_document(report)


def test_instrument_text_and_ids_are_escaped_everywhere_in_the_html() -> None:
    html, document = _hostile_report()
    ET.fromstring(html)  # still well-formed: nothing broke out of an attribute or element
    tags = {tag for tag, _ in elements(html)}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    for output in (html, document):
        assert "<script" not in output
        assert "<b " not in output
        assert HOSTILE not in output
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&quot;&#x27;&amp;amp;" in html
    for _, attributes in elements(html):
        for name, value in attributes.items():
            assert not name.startswith("on"), name
            if name in ("href", "src"):
                assert (value or "").startswith(("../../", "#")), (name, value)


def test_escaped_ids_keep_the_machine_contract_readable() -> None:
    html, _ = _hostile_report()
    found = elements(html)
    dimensions = [a["data-dimension"] for _, a in found if "data-dimension" in a]
    assert dimensions == [d.id for d in hostile().dimensions]  # the parser unescapes to the exact id


def test_history_dates_are_escaped() -> None:
    history = [earlier(None, "2024-03-01T10:00:00+08:00")]
    html = render_html(report_for(history=history))
    assert '<time datetime="2024-03-01T10:00:00+08:00">' in html


# ---------------------------------------------------------------- any answers


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
    assert present(report["recommendations"])["dimensions"][0]["index"] == lowest
    scores = re.findall(r'data-dimension="([^"]+)" data-score="([^"]+)"', html)
    assert scores == [(d["id"], f"{d['index']:.1f}") for d in result["dimensions"]]


def test_result_code_is_shown_with_its_qr_placeholder_and_what_it_holds() -> None:
    answers = {item.id: 4 for item in INSTRUMENT.items}
    code = encode(INSTRUMENT, answers)
    html = render_html(build_report(INSTRUMENT, score(INSTRUMENT, answers), code=code))
    assert f"<code data-result-code>{code}</code>" in html
    assert f'data-qr="{code}"' in html
    assert "tidak berisi nama" in html
    assert "data-result-code" not in render_html(build_report(INSTRUMENT, score(INSTRUMENT, answers)))
