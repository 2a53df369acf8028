"""The report as HTML: the fragment the browser shows (with an inline SVG radar chart) and a standalone page."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from assessment._internal.formatting import decimal_comma, decimal_dot, format_date
from assessment._internal.report import (
    ALL_EQUAL,
    EXPECTATION_NOTE,
    NO_HISTORY,
    NOTICE,
    OWN_BAND_NOTE,
    answered_text,
    change_text,
    comparison_text,
    history_text,
    lowest_indicator_text,
)
from assessment._internal.results import Behaviour, Behaviours, Report, ReportDimension

SHEET_ID = "lembar-dialog"
"""Element id of the dialog kinerja sheet (the page's print button and the summary link to it)."""

# ---------------------------------------------------------------- HTML


def _h(text: object) -> str:
    return escape(str(text), quote=True)


def _table(caption: str, headers: Sequence[str], body: str, css: str = "") -> str:
    head = "".join(f'<th scope="col">{_h(h)}</th>' for h in headers)
    classes = f"laporan__tabel {css}".strip()
    return (
        f'<div class="laporan__gulir" role="region" tabindex="0" aria-label="{_h(caption)}">'
        f'<table class="{classes}"><caption>{_h(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead>{body}</table></div>"
    )


def _row(header: str, cells: Sequence[str], attributes: str = "") -> str:
    return f'<tr{attributes}><th scope="row">{header}</th>{"".join(f"<td>{c}</td>" for c in cells)}</tr>'


def render_html(report: Report) -> str:
    """The report as the HTML fragment the page shows (one ``<section>``), with ``data-`` attributes."""
    overall = report["overall"]
    parts = [
        f'<section class="asesmen-hasil laporan" data-instrument="{_h(report["instrument"]["id"])}"'
        f' data-overall-score="{decimal_dot(overall["index"])}" data-band="{_h(overall["band"]["id"])}"'
        ' aria-labelledby="hasil-judul">',
        '<h2 id="hasil-judul">Hasil refleksi diri</h2>',
        '<p class="laporan__peringatan"><strong>Refleksi diri, bukan survei resmi.</strong> '
        f"{_h(report['notice'])}</p>",
        _html_summary(report),
        _html_dimensions(report),
        _html_behaviours(report),
        _html_comparison(report),
        _html_recommendations(report),
        _html_history(report),
        _html_sheet(report),
        "</section>",
    ]
    return "".join(parts)


def _html_summary(report: Report) -> str:
    overall, band = report["overall"], report["overall"]["band"]
    note = "" if band["official"] else " " + OWN_BAND_NOTE
    expectation = overall["expectation"]
    view = (
        ""
        if expectation is None
        else f"<p>Gambaran diri terhadap ekspektasi: <strong>{_h(expectation['label'])}</strong> "
        f'(ambang buatan situs ini, lihat <a href="#{SHEET_ID}">Persiapan dialog kinerja</a>).</p>'
    )
    return (
        '<div class="laporan__ringkasan">'
        f'<p class="asesmen-hasil__indeks">Indeks keseluruhan: '
        f"<strong>{decimal_comma(overall['index'])}</strong> dari 100, "
        f"pita <strong>{_h(band['label'])}</strong>.</p>"
        f"<p>{_h(band['meaning'])}{_h(note)}</p>{view}"
        f'<p class="asesmen-hasil__catatan">{_h(answered_text(report))}</p>'
        "</div>"
    )


def _html_dimensions(report: Report) -> str:
    with_view = report["expectations"] is not None
    headers = ["Nilai", "Indeks", "Pita"] + (["Gambaran diri"] if with_view else [])
    rows = []
    for d in report["dimensions"]:
        cells = [decimal_comma(d["index"]), _h(d["band"]["label"])]
        if with_view:
            cells.append("" if d["expectation"] is None else _h(d["expectation"]["label"]))
        attributes = f' data-dimension="{_h(d["id"])}" data-score="{decimal_dot(d["index"])}"'
        rows.append(_row(_h(d["title"]), cells, attributes))
    table = _table("Indeks per nilai dasar (0–100)", headers, f"<tbody>{''.join(rows)}</tbody>", "asesmen-hasil__nilai")
    return f'<h3 id="hasil-nilai">Indeks per nilai dasar</h3>{radar_svg(report["dimensions"])}{table}'


def _html_behaviours(report: Report) -> str:
    groups = []
    for d in report["dimensions"]:
        rows = "".join(_row(_h(i["text"]), [decimal_comma(i["index"])]) for i in d["indicators"])
        groups.append(
            f'<tbody><tr><th scope="rowgroup" colspan="2" class="laporan__kelompok">{_h(d["title"])}</th></tr>'
            f"{rows}</tbody>"
        )
    count = sum(len(d["indicators"]) for d in report["dimensions"])
    table = _table(f"Indeks {count} panduan perilaku, per nilai", ["Panduan perilaku", "Indeks"], "".join(groups))
    return f'<h3 id="hasil-perilaku">Indeks per panduan perilaku</h3>{table}{_html_top(report["behaviours"])}'


def _html_top(behaviours: Behaviours) -> str:
    title = '<h3 id="hasil-terkuat-terlemah">Perilaku terkuat dan terlemah</h3>'
    if behaviours["all_equal"]:
        return f"{title}<p>{_h(ALL_EQUAL)}</p>"

    def listing(entries: list[Behaviour]) -> str:
        items = "".join(
            f'<li>{_h(e["text"])} <span class="laporan__keterangan">({_h(e["dimension_title"])}, '
            f"indeks {decimal_comma(e['index'])})</span></li>"
            for e in entries
        )
        return f'<ol class="laporan__daftar">{items}</ol>'

    return (
        f"{title}<p>{_h(behaviours['rule'])}</p>"
        f'<h4 id="hasil-terkuat">Terkuat</h4>{listing(behaviours["strongest"])}'
        f'<h4 id="hasil-terlemah">Terlemah</h4>{listing(behaviours["weakest"])}'
    )


def _html_comparison(report: Report) -> str:
    comparison = report["comparison"]
    if comparison is None:
        return ""
    rows = [
        _row(
            _h(d["title"]), [decimal_comma(d["index"]), decimal_comma(d["reference"]), comparison_text(d["difference"])]
        )
        for d in comparison["dimensions"]
    ]
    total = comparison["overall"]
    rows.append(
        _row(
            "Keseluruhan",
            [decimal_comma(total["index"]), decimal_comma(total["reference"]), comparison_text(total["difference"])],
        )
    )
    headers = ["Nilai", "Indeks Anda", comparison["label"], "Selisih"]
    caption = f"Indeks Anda dan {comparison['label']}"
    return (
        f'<h3 id="hasil-nasional">Dibandingkan dengan {_h(comparison["label"])}</h3>'
        f'<p class="laporan__catatan-metode"><strong>Catatan metode.</strong> {_h(comparison["note"])}</p>'
        f"{_table(caption, headers, '<tbody>' + ''.join(rows) + '</tbody>')}"
        f'<p class="laporan__sumber">Sumber angka nasional: {_h(comparison["source"])}.</p>'
    )


def _html_recommendations(report: Report) -> str:
    advice = report["recommendations"]
    if advice is None:
        return ""
    blocks = []
    for d in advice["dimensions"]:
        items = "".join(
            f'<li>{_h(a["text"])} <a href="{_h(a["href"])}">{_h(a["link_text"])}</a></li>' for a in d["actions"]
        )
        blocks.append(
            f'<h4>{_h(d["title"])} (indeks {decimal_comma(d["index"])})</h4><ul class="laporan__saran">{items}</ul>'
        )
    return (
        '<h3 id="hasil-saran">Saran untuk nilai dengan indeks terendah</h3>'
        f'<p class="laporan__label-saran">{_h(advice["note"])}</p>{"".join(blocks)}'
    )


def _html_history(report: Report) -> str:
    history = report["history"]
    title = '<h3 id="hasil-riwayat">Riwayat di perangkat ini</h3>'
    if history["change"] is None:
        return f"{title}<p>{_h(NO_HISTORY)}</p>"
    change = history["change"]
    rows = "".join(
        _row(_h(d["title"]), [decimal_comma(d["before"]), decimal_comma(d["after"]), change_text(d["change"])])
        for d in change["dimensions"]
    )
    changes = _table(
        f"Perubahan per nilai sejak hasil {format_date(change['since'])}",
        ["Nilai", "Sebelumnya", "Sekarang", "Perubahan"],
        f"<tbody>{rows}</tbody>",
    )
    earlier = "".join(
        _row(
            f'<time datetime="{_h(e["saved_at"])}">{_h(format_date(e["saved_at"]))}</time>',
            [decimal_comma(e["index"]), _h(e["band"]["label"])],
        )
        for e in history["entries"]
    )
    now = _row("Hasil ini", [decimal_comma(report["overall"]["index"]), _h(report["overall"]["band"]["label"])])
    listing = _table(
        "Hasil sebelumnya di perangkat ini", ["Tanggal", "Indeks keseluruhan", "Pita"], f"<tbody>{earlier}{now}</tbody>"
    )
    return f"{title}<p>{_h(history_text(change))}</p>{changes}{listing}"


def _html_field(name: str, label: str, rows: int) -> str:
    ident = _h(f"lembar-{name}")
    return (
        f'<div class="lembar-dialog__isian"><label class="lembar-dialog__label" for="{ident}">{_h(label)}</label>'
        f'<textarea class="lembar-dialog__teks" id="{ident}" name="{_h(name)}" rows="{rows}"></textarea>'
        f'<div class="lembar-dialog__salinan" data-salinan="{_h(name)}" aria-hidden="true"></div></div>'
    )


def _html_sheet(report: Report) -> str:
    fields = {f["dimension"]: f for f in report["dialog"]["fields"] if f["dimension"]}
    general = [f for f in report["dialog"]["fields"] if not f["dimension"]]
    blocks = []
    for d in report["dimensions"]:
        view = "" if d["expectation"] is None else f" · Gambaran diri: <strong>{_h(d['expectation']['label'])}</strong>"
        field = fields[d["id"]]
        blocks.append(
            f'<div class="lembar-dialog__nilai" data-lembar-nilai="{_h(d["id"])}"><h4>{_h(d["title"])}</h4>'
            f"<p>Indeks <strong>{decimal_comma(d['index'])}</strong>{view}. {_h(lowest_indicator_text(d))}</p>"
            f"{_html_field(field['name'], field['label'], 3)}</div>"
        )
    note = "" if report["expectations"] is None else f'<p class="lembar-dialog__catatan">{_h(EXPECTATION_NOTE)}</p>'
    others = "".join(_html_field(f["name"], f["label"], 4) for f in general)
    return (
        f'<section class="lembar-dialog" id="{SHEET_ID}" aria-labelledby="{SHEET_ID}-judul">'
        f'<h3 id="{SHEET_ID}-judul">Persiapan dialog kinerja</h3>'
        f'<p class="lembar-dialog__pengantar">{_h(report["dialog"]["intro"])}</p>{note}'
        f'<p class="lembar-dialog__ringkas">{_h(report["instrument"]["title"])}: indeks keseluruhan '
        f"{decimal_comma(report['overall']['index'])} ({_h(report['overall']['band']['label'])}). {_h(NOTICE)}</p>"
        f'{"".join(blocks)}<div class="lembar-dialog__umum">{others}</div></section>'
    )


# ---------------------------------------------------------------- radar chart (inline SVG)

_RADAR_WIDTH, _RADAR_HEIGHT = 520, 430
_CX, _CY, _R = 260.0, 212.0, 140.0


def _point(position: int, count: int, value: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * position / count
    radius = _R * value / 100
    return _CX + radius * math.cos(angle), _CY + radius * math.sin(angle)


def _points(values: Sequence[float]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in (_point(i, len(values), v) for i, v in enumerate(values)))


def _radar_label(position: int, count: int, title: str, value: float) -> str:
    x, y = _point(position, count, 100 + 16 / _R * 100)
    anchor = "middle" if abs(x - _CX) < 1 else "start" if x > _CX else "end"
    first, second = (
        (y - 16, y - 2) if y < _CY - _R * 0.5 else (y + 10, y + 24) if y > _CY + _R * 0.5 else (y - 4, y + 12)
    )
    return (
        f'<text x="{x:.1f}" text-anchor="{anchor}" class="laporan-radar__label">'
        f'<tspan x="{x:.1f}" y="{first:.1f}" font-weight="700">{_h(title)}</tspan>'
        f'<tspan x="{x:.1f}" y="{second:.1f}">{decimal_comma(value)}</tspan></text>'
    )


def radar_svg(dimensions: Sequence[ReportDimension]) -> str:
    """A radar chart of the dimension indexes as accessible inline SVG (empty for fewer than 3)."""
    count = len(dimensions)
    if count < 3:
        return ""
    values = [d["index"] for d in dimensions]
    grid = "".join(
        f'<polygon points="{_points([level] * count)}" fill="none" stroke="#bdbdbd" stroke-width="1"/>'
        for level in (25, 50, 75, 100)
    )
    axes = "".join(
        f'<line x1="{_CX:.1f}" y1="{_CY:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#bdbdbd" stroke-width="1"/>'
        for x, y in (_point(i, count, 100) for i in range(count))
    )
    scale = "".join(
        f'<text x="{_CX + 4:.1f}" y="{_point(0, count, level)[1] + 12:.1f}" font-size="11" fill="#555">{level}</text>'
        for level in (50, 100)
    )
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#00695c"/>'
        for x, y in (_point(i, count, v) for i, v in enumerate(values))
    )
    labels = "".join(_radar_label(i, count, d["title"], d["index"]) for i, d in enumerate(dimensions))
    description = "; ".join(f"{d['title']} {decimal_comma(d['index'])}" for d in dimensions)
    return (
        '<figure class="laporan-radar">'
        '<svg xmlns="http://www.w3.org/2000/svg" class="laporan-radar__svg"'
        f' viewBox="0 0 {_RADAR_WIDTH} {_RADAR_HEIGHT}"'
        ' role="img" aria-labelledby="laporan-radar-judul laporan-radar-uraian" font-size="13" fill="#212121">'
        '<title id="laporan-radar-judul">Diagram radar indeks per nilai dasar</title>'
        f'<desc id="laporan-radar-uraian">Indeks 0 di pusat, 100 di tepi luar. {_h(description)}. '
        "Angka yang sama ada di tabel di bawahnya.</desc>"
        f"{grid}{axes}{scale}"
        f'<polygon points="{_points(values)}" fill="#00897b" fill-opacity="0.25" stroke="#00695c" stroke-width="2.5"/>'
        f"{dots}{labels}</svg>"
        '<figcaption class="laporan-radar__keterangan">Diagram radar indeks per nilai (0 di pusat, 100 di tepi luar);'
        " angkanya sama dengan tabel di bawah.</figcaption></figure>"
    )


# ---------------------------------------------------------------- standalone HTML document

DOCUMENT_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#212121;
margin:0 auto;max-width:52rem;padding:1rem 1.25rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border:1px solid #bdbdbd;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#eceff1}
.laporan__kelompok{background:#f5f5f5}
.laporan__peringatan,.laporan__catatan-metode,.lembar-dialog__catatan{border-left:4px solid #00695c;
padding:.4rem .75rem;background:#f1f8f7}
.laporan-radar{margin:1rem 0}.laporan-radar__svg{max-width:32rem;width:100%;height:auto}
a{color:#00695c}
.lembar-dialog{border:1px solid #9e9e9e;padding:.5rem 1rem 1rem;margin-top:2rem}
.lembar-dialog__label{display:block;font-weight:700;margin-top:.5rem}
.lembar-dialog__teks{width:100%;box-sizing:border-box;font:inherit}
.lembar-dialog__salinan{display:none}
@page{size:A4;margin:15mm}
@media print{body{max-width:none;padding:0;font-size:10pt}
.lembar-dialog{break-before:page;border:0;padding:0}
.lembar-dialog__nilai{break-inside:avoid}
.lembar-dialog__teks{field-sizing:content;min-height:3.2em;resize:none;border:1px solid #757575}
.laporan__gulir{overflow:visible}}
"""


def render_document(report: Report) -> str:
    """A complete, standalone HTML page (``lang="id"``, inline CSS, no external resources)."""
    title = f"Laporan {report['instrument']['title']}"
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_h(title)}</title>\n<style>{DOCUMENT_CSS}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{_h(title)}</h1>\n{render_html(report)}\n</main>\n</body>\n</html>\n"
    )
