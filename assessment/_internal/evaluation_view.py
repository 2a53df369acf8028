"""A unit's evaluation result for readers: the page's view, a standalone HTML file, Markdown.

The view holds the unit's index and the maturity per component (``[data-overall-score]``,
``[data-dimension][data-score]``, as the individual result), the largest gaps ordered by their effect
on the index, the items declared "tidak berlaku" with their reasons, the action plan sheet (what,
who, by when, evidence expected, with links to the site's guides) and the evidence the unit noted.
Every text that came from the user (unit, period, reasons, evidence) is escaped.
"""

from __future__ import annotations

from assessment._internal.evaluation import NOT_APPLICABLE, EvaluationResult, Gap
from assessment._internal.formatting import decimal_comma, decimal_dot, markdown_link, markdown_text
from assessment._internal.html_page import TABLE_CSS, standalone_page
from assessment._internal.html_page import html_text as _h
from assessment._internal.model import Dimension, Instrument, Item

GAP_COUNT = 5
"""How many gaps the view lists and the action plan holds."""
NOT_ASSESSABLE = "belum dapat dinilai"
OWN_INSTRUMENT = (
    "Instrumen ini buatan situs ini untuk evaluasi mandiri, disusun mengikuti siklus perencanaan, "
    "pelaksanaan, dan evaluasi; bukan instrumen resmi evaluasi implementasi BerAKHLAK atau evaluasi "
    "reformasi birokrasi, dan hasilnya bukan nilai resmi."
)
PLAN_ID = "rencana-aksi"


def _items(instrument: Instrument) -> dict[str, Item]:
    return {item.id: item for item in instrument.items}


def _dimensions(instrument: Instrument) -> dict[str, Dimension]:
    return {d.id: d for d in instrument.dimensions}


def _number(value: float | None) -> str:
    return NOT_ASSESSABLE if value is None else decimal_comma(value)


def _level_text(instrument: Instrument, item: Item, level: int) -> str:
    return f"Tingkat {level}: {item.levels[level - instrument.scale.min]}"


def _overall_html(result: EvaluationResult) -> str:
    overall = result["overall"]
    band = overall["band"]
    attributes = f'data-overall-score="{"" if overall["index"] is None else decimal_dot(overall["index"])}"'
    attributes += f' data-band="{_h(band["id"]) if band else ""}"'
    shown = (
        f"<strong>{_number(overall['index'])}</strong> dari 100, tingkat <strong>{_h(band['label'])}</strong>"
        if band
        else f"<strong>{NOT_ASSESSABLE}</strong>, karena ada komponen yang belum dapat dinilai"
    )
    css = _band_class(band["id"] if band else None)
    return f'<p class="evaluasi-skor {css}" {attributes}>Indeks sistem kerja unit: {shown}.</p>'


def _band_class(band: str | None) -> str:
    return f"tingkat tingkat--{band}" if band else "tingkat tingkat--kosong"


def _components_html(instrument: Instrument, result: EvaluationResult) -> str:
    rows = []
    titles = _dimensions(instrument)
    for d in result["dimensions"]:
        band = d["band"]
        score = "" if d["index"] is None else decimal_dot(d["index"])
        not_applicable = d["total_items"] - d["answered"]
        count = f"{d['answered']} dari {d['total_items']} butir dinilai" + (
            f" ({not_applicable} tidak berlaku)" if not_applicable else ""
        )
        rows.append(
            f'<tr data-dimension="{_h(d["id"])}" data-score="{score}" data-band="{_h(band["id"]) if band else ""}">'
            f'<th scope="row">{_h(titles[d["id"]].title)}</th>'
            f'<td data-label="Indeks" class="{_band_class(band["id"] if band else None)}">'
            f"<strong>{_number(d['index'])}</strong></td>"
            f'<td data-label="Tingkat">{_h(band["label"]) if band else "–"}</td>'
            f'<td data-label="Butir">{count}</td></tr>'
        )
    return (
        '<table class="evaluasi-tabel"><caption>Kematangan per komponen (indeks 0–100)</caption>'
        '<thead><tr><th scope="col">Komponen</th><th scope="col">Indeks</th><th scope="col">Tingkat</th>'
        f'<th scope="col">Butir</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _gap_html(instrument: Instrument, gap: Gap) -> str:
    item = _items(instrument)[gap["item"]]
    now = _level_text(instrument, item, gap["level"])
    following = _level_text(instrument, item, gap["level"] + 1)
    return (
        f'<li data-gap="{_h(item.id)}" data-effect="{decimal_dot(gap["effect"])}"><strong>{_h(item.text)}</strong>'
        f'<br><span class="evaluasi-celah__kini">Sekarang: {_h(now)}</span>'
        f'<br><span class="evaluasi-celah__berikut">Langkah berikutnya: {_h(following)}</span>'
        f'<br><span class="evaluasi-celah__dampak">Bila butir ini mencapai tingkat tertinggi, indeks unit naik '
        f"{decimal_comma(gap['effect'])} poin.</span></li>"
    )


def _gaps_html(instrument: Instrument, result: EvaluationResult) -> str:
    gaps = result["gaps"][:GAP_COUNT]
    if not gaps:
        return (
            "<h3>Kesenjangan terbesar</h3>"
            "<p>Tidak ada kesenjangan: setiap butir yang dinilai sudah di tingkat tertinggi.</p>"
        )
    return (
        "<h3>Kesenjangan terbesar</h3><p>Diurutkan menurut pengaruhnya pada indeks unit: "
        "butir di atas menaikkan indeks paling banyak bila diperbaiki.</p>"
        f'<ol class="evaluasi-celah">{"".join(_gap_html(instrument, g) for g in gaps)}</ol>'
    )


def _not_applicable_html(instrument: Instrument, result: EvaluationResult) -> str:
    if not result["not_applicable"]:
        return ""
    items = _items(instrument)
    entries = "".join(
        f'<li data-tidak-berlaku="{_h(ident)}"><strong>{_h(items[ident].text)}</strong>: {_h(reason)}</li>'
        for ident, reason in result["not_applicable"].items()
    )
    return (
        "<h3>Butir yang tidak berlaku</h3><p>Butir ini tidak ikut dihitung. Alasannya menurut unit:</p>"
        f'<ul class="evaluasi-tidak-berlaku">{entries}</ul>'
    )


def _field(name: str, label: str, value: str = "", *, area: bool = False) -> str:
    field_id = "rencana-" + name.replace(":", "-")
    control = (
        f'<textarea id="{field_id}" name="{_h(name)}" rows="3" class="rencana__isian">{_h(value)}</textarea>'
        if area
        else f'<input type="text" id="{field_id}" name="{_h(name)}" class="rencana__isian" value="{_h(value)}">'
    )
    return (
        f'<div class="rencana__kolom"><label for="{field_id}">{_h(label)}</label>{control}'
        f'<div class="rencana__salinan" data-salinan="{_h(name)}" aria-hidden="true">{_h(value)}</div></div>'
    )


def _plan_html(instrument: Instrument, result: EvaluationResult, base_url: str) -> str:
    items = _items(instrument)
    rows = []
    for number, gap in enumerate(result["gaps"][:GAP_COUNT], start=1):
        item = items[gap["item"]]
        target = (
            f"{item.text}: naik ke tingkat {gap['level'] + 1} — {item.levels[gap['level'] + 1 - instrument.scale.min]}"
        )
        rows.append(
            f'<fieldset class="rencana__baris" data-rencana="{_h(item.id)}"><legend>Langkah {number}</legend>'
            + _field(f"{item.id}:apa", "Apa yang dikerjakan", target, area=True)
            + _field(f"{item.id}:siapa", "Siapa penanggung jawabnya")
            + _field(f"{item.id}:kapan", "Paling lambat kapan")
            + _field(f"{item.id}:bukti", "Bukti yang diharapkan", item.evidence_hint, area=True)
            + "</fieldset>"
        )
    dimensions = {gap["dimension"] for gap in result["gaps"][:GAP_COUNT]}
    links = "".join(
        f'<li>{_h(r.text)} <a href="{_h(base_url + r.link)}">{_h(r.link_text)}</a></li>'
        for d in instrument.dimensions
        if d.id in dimensions
        for r in d.recommendations
    )
    body = "".join(rows) or "<p>Tidak ada kesenjangan yang perlu direncanakan.</p>"
    return (
        f'<section class="rencana" id="{PLAN_ID}" aria-labelledby="{PLAN_ID}-judul">'
        f'<h3 id="{PLAN_ID}-judul">Rencana aksi</h3>'
        f'<p class="rencana__identitas">{_h(result["unit"])}, periode {_h(result["period"])}. '
        f"Indeks sistem kerja unit: {_number(result['overall']['index'])}.</p>"
        '<p class="rencana__petunjuk">Isi siapa dan kapan untuk setiap langkah, lalu cetak. '
        "Isian tersimpan hanya di perangkat ini.</p>"
        f"{body}"
        + (f'<h4>Panduan yang membantu</h4><ul class="rencana__panduan">{links}</ul>' if links else "")
        + "</section>"
    )


def _evidence_html(instrument: Instrument, result: EvaluationResult) -> str:
    rows = []
    for number, item in enumerate(instrument.items, start=1):
        answer = result["answers"][item.id]
        level = "Tidak berlaku" if answer == NOT_APPLICABLE else str(answer)
        note = result["evidence"].get(item.id, "")
        rows.append(
            f'<tr data-bukti="{_h(item.id)}"><td data-label="No.">{number}</td><th scope="row">{_h(item.text)}</th>'
            f'<td data-label="Tingkat">{level}</td><td data-label="Bukti dukung">{_h(note) or "–"}</td></tr>'
        )
    return (
        '<table class="evaluasi-tabel evaluasi-bukti"><caption>Jawaban dan bukti dukung yang dicatat</caption>'
        '<thead><tr><th scope="col">No.</th><th scope="col">Butir</th><th scope="col">Tingkat</th>'
        f'<th scope="col">Bukti dukung</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def render_evaluation_html(instrument: Instrument, result: EvaluationResult, base_url: str = "") -> str:
    """The result view the page shows (one ``<section>``); ``base_url`` prefixes links to the guides."""
    return (
        f'<section class="evaluasi-hasil" data-instrument="{_h(instrument.id)}" aria-labelledby="evaluasi-hasil-judul">'
        f'<h2 id="evaluasi-hasil-judul">Hasil evaluasi: {_h(result["unit"])}</h2>'
        f'<p class="evaluasi-hasil__periode">Periode: {_h(result["period"])}. '
        f"{result['answered']} dari {result['total_items']} butir dinilai.</p>"
        + _overall_html(result)
        + _components_html(instrument, result)
        + f'<p class="evaluasi-hasil__catatan">{_h(OWN_INSTRUMENT)}</p>'
        + _gaps_html(instrument, result)
        + _not_applicable_html(instrument, result)
        + _plan_html(instrument, result, base_url)
        + _evidence_html(instrument, result)
        + "</section>"
    )


DOCUMENT_CSS = (
    TABLE_CSS
    + """
.tingkat--terlembaga{background:#1b5e20;color:#fff}.tingkat--berjalan{background:#a5d6a7}
.tingkat--dirintis{background:#fff59d}.tingkat--belum-berjalan{background:#fff;outline:2px dashed #b71c1c}
.rencana__baris{border:1px solid #555;margin:.5rem 0;break-inside:avoid}
.rencana__kolom label{display:block;font-weight:bold}
.rencana__isian{width:100%;box-sizing:border-box;font:inherit}
.rencana__salinan{display:none}
@media print{@page{size:A4;margin:15mm}.rencana__isian{display:none}
.rencana__salinan{display:block;min-height:1.5em;border-bottom:1px solid #555;white-space:pre-wrap}}
"""
)


def render_evaluation_document(instrument: Instrument, result: EvaluationResult) -> str:
    """A complete, standalone HTML file (inline CSS, nothing loaded from elsewhere)."""
    title = f"{instrument.title}: {result['unit']}"
    return standalone_page(title, instrument.title, render_evaluation_html(instrument, result), DOCUMENT_CSS)


def render_evaluation_markdown(instrument: Instrument, result: EvaluationResult, base_url: str = "") -> str:
    """The result as Markdown: figures per component, gaps, "tidak berlaku", action plan, evidence."""
    items = _items(instrument)
    titles = _dimensions(instrument)
    lines = [f"# {markdown_text(instrument.title)}: {markdown_text(result['unit'])}", ""]
    lines += [f"Periode: {markdown_text(result['period'])}", "", f"_{OWN_INSTRUMENT}_", ""]
    lines += [f"Indeks sistem kerja unit: **{_number(result['overall']['index'])}**", ""]
    lines += ["| Komponen | Indeks | Tingkat | Butir dinilai |", "|---|---|---|---|"]
    for d in result["dimensions"]:
        band = d["band"]["label"] if d["band"] else "–"
        lines.append(
            f"| {markdown_text(titles[d['id']].title)} | {_number(d['index'])} | {markdown_text(band)}"
            f" | {d['answered']} dari {d['total_items']} |"
        )
    lines += ["", "## Kesenjangan terbesar", ""]
    for number, gap in enumerate(result["gaps"][:GAP_COUNT], start=1):
        item = items[gap["item"]]
        lines.append(
            f"{number}. {markdown_text(item.text)}: tingkat {gap['level']}; langkah berikutnya "
            f"{markdown_text(_level_text(instrument, item, gap['level'] + 1))} "
            f"(indeks naik {decimal_comma(gap['effect'])} poin bila mencapai tingkat tertinggi)"
        )
    if result["not_applicable"]:
        lines += ["", "## Butir yang tidak berlaku", ""]
        lines += [f"- {markdown_text(items[k].text)}: {markdown_text(v)}" for k, v in result["not_applicable"].items()]
    lines += ["", "## Rencana aksi", "", "| Apa | Siapa | Kapan | Bukti yang diharapkan |", "|---|---|---|---|"]
    for gap in result["gaps"][:GAP_COUNT]:
        item = items[gap["item"]]
        target = f"{item.text}: {_level_text(instrument, item, gap['level'] + 1)}"
        lines.append(f"| {markdown_text(target)} |  |  | {markdown_text(item.evidence_hint)} |")
    dimensions = {gap["dimension"] for gap in result["gaps"][:GAP_COUNT]}
    guides = [r for d in instrument.dimensions if d.id in dimensions for r in d.recommendations]
    if guides:
        lines += ["", "Panduan yang membantu:", ""]
        lines += [f"- {markdown_text(r.text)} {markdown_link(r.link_text, base_url + r.link)}" for r in guides]
    lines += ["", "## Jawaban dan bukti dukung", "", "| No. | Butir | Tingkat | Bukti dukung |", "|---|---|---|---|"]
    for number, item in enumerate(instrument.items, start=1):
        answer = result["answers"][item.id]
        level = "tidak berlaku" if answer == NOT_APPLICABLE else str(answer)
        note = markdown_text(result["evidence"].get(item.id, "")) or "–"
        lines.append(f"| {number} | {markdown_text(item.text)} | {level} | {note} |")
    return "\n".join(lines) + "\n"
