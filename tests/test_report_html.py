"""The report as HTML: the fragment the page shows and the standalone document."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from assessment import build_report, render_document, render_html, score
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


# ---------------------------------------------------------------- escaping

ALLOWED_TAGS = {
    "a", "circle", "desc", "details", "div", "figcaption", "figure", "h2", "h3", "h4", "input", "label", "li",
    "line", "ol", "p", "polygon", "rect", "section", "span", "strong", "summary", "svg", "table", "tbody", "td",
    "text", "textarea", "th", "thead", "time", "title", "tr", "tspan", "ul", "caption", "dl", "dt", "dd", "g",
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
