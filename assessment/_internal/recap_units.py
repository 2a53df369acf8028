"""The recap of units (an evidence-based evaluation, e.g. a kabupaten's perangkat daerah) for readers.

Made by the one recap engine (:mod:`recap`: ``read_files`` then ``summarise``) and rendered here as
the page's view, a standalone HTML file, Markdown and CSV: a heat map of units × components (a CSS
class per band, with the number and the band's name in every cell, so it reads in grayscale and
without colour), the kabupaten's mean per component, and the items most units are weakest on.
The contract of the group recap holds: ``[data-recap-n]``, ``[data-recap-dimension][data-mean]``,
``[data-recap-error][data-line]`` / ``[data-file]``; each cell is ``[data-recap-cell]`` with
``data-unit``, ``data-dimension`` and ``data-score``.
"""

from __future__ import annotations

import csv
import io

from assessment._internal.batch_output import spreadsheet_text
from assessment._internal.formatting import decimal_comma, decimal_comma_or_dash, decimal_dot, markdown_text
from assessment._internal.html_page import TABLE_CSS, standalone_page
from assessment._internal.html_page import html_text as _h
from assessment._internal.recap import Recap, RecapRow
from assessment._internal.recap_render import problems_html, where

TITLE = "Rekap perangkat daerah"
NOT_ASSESSABLE = "belum dapat dinilai"
METHOD_NOTE = (
    "Setiap sel adalah indeks komponen satu perangkat daerah (0–100), dihitung ulang dari jawaban dalam "
    "berkasnya. Rata-rata kabupaten adalah rata-rata indeks perangkat daerah yang komponennya dapat dinilai, "
    "dibulatkan satu desimal. Instrumen ini buatan situs ini, bukan evaluasi resmi; rekap ini bahan "
    "pembinaan, bukan peringkat."
)


def _band_labels(recap: Recap) -> dict[str, str]:
    return {b["id"]: b["label"] for d in recap["dimensions"][:1] for b in d["distribution"]}


def _cell(value: float | None, band: str | None, labels: dict[str, str], attributes: str, label: str) -> str:
    css = f"tingkat tingkat--{band}" if band else "tingkat tingkat--kosong"
    shown = (
        f"<strong>{decimal_comma(value)}</strong><br><small>{_h(labels.get(band or '', ''))}</small>"
        if value is not None
        else f"<small>{NOT_ASSESSABLE}</small>"
    )
    score = "" if value is None else decimal_dot(value)
    return f'<td class="{css}" data-label="{_h(label)}" {attributes} data-score="{score}">{shown}</td>'


def _unit_row(recap: Recap, row: RecapRow, labels: dict[str, str]) -> str:
    unit = _h(row["label"])
    cells = "".join(
        _cell(
            row["dimensions"].get(d["id"]),
            row["bands"].get(d["id"]),
            labels,
            f'data-recap-cell data-unit="{unit}" data-dimension="{_h(d["id"])}"',
            d["title"],
        )
        for d in recap["dimensions"]
    )
    overall = _cell(
        row["overall"], row["overall_band"], labels, f'data-recap-cell data-unit="{unit}" data-dimension=""', "Indeks"
    )
    period = f"<br><small>{_h(row['period'])}</small>" if row["period"] else ""
    return f'<tr><th scope="row">{unit}{period}</th>{cells}{overall}</tr>'


def _heat_map(recap: Recap) -> str:
    labels = _band_labels(recap)
    head = "".join(f'<th scope="col">{_h(d["title"])}</th>' for d in recap["dimensions"])
    body = "".join(_unit_row(recap, row, labels) for row in recap["rows"])
    means = "".join(
        _cell(d["mean"], d["band"]["id"] if d["band"] else None, labels, "data-recap-mean", d["title"])
        for d in recap["dimensions"]
    )
    overall = _cell(
        recap["overall"],
        recap["overall_band"]["id"] if recap["overall_band"] else None,
        labels,
        "data-recap-mean",
        "Indeks",
    )
    legend = "".join(f'<li class="tingkat tingkat--{_h(band)}">{_h(label)}</li>' for band, label in labels.items())
    return (
        '<table class="rekap__tabel rekap__peta"><caption>Kematangan per komponen setiap perangkat daerah</caption>'
        f'<thead><tr><th scope="col">Perangkat daerah</th>{head}<th scope="col">Indeks</th></tr></thead>'
        f"<tbody>{body}</tbody>"
        f'<tfoot><tr><th scope="row">Rata-rata kabupaten</th>{means}{overall}</tr></tfoot></table>'
        f'<ul class="rekap__legenda" aria-label="Arti warna sel">{legend}</ul>'
    )


def _means_table(recap: Recap) -> str:
    rows = []
    for d in recap["dimensions"]:
        mean = d["mean"]
        spread = ", ".join(f"{b['label']}: {b['count']}" for b in d["distribution"] if b["count"]) or "–"
        rows.append(
            f'<tr data-recap-dimension="{_h(d["id"])}" data-mean="{"" if mean is None else decimal_dot(mean)}">'
            f'<th scope="row">{_h(d["title"])}</th>'
            f'<td data-label="Rata-rata"><strong>{decimal_comma_or_dash(mean)}</strong>'
            f"<br><small>{_h(d['band']['label'] if d['band'] else NOT_ASSESSABLE)}</small></td>"
            f'<td data-label="Dinilai">{d["n"]} dari {recap["n"]} unit</td>'
            f'<td data-label="Sebaran">{_h(spread)}</td></tr>'
        )
    return (
        '<table class="rekap__tabel"><caption>Rata-rata kabupaten per komponen</caption>'
        '<thead><tr><th scope="col">Komponen</th><th scope="col">Rata-rata</th><th scope="col">Dinilai</th>'
        f'<th scope="col">Sebaran</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _weak_items(recap: Recap) -> str:
    if not recap["weak_items"]:
        return ""
    entries = "".join(
        f'<li data-recap-item="{_h(i["id"])}" data-mean-level="{decimal_dot(i["mean_level"])}" data-low="{i["low"]}">'
        f"{_h(i['text'])}: rata-rata tingkat <strong>{decimal_comma(i['mean_level'])}</strong>; "
        f"{i['low']} dari {i['n']} unit di tingkat 0–1"
        + (f" ({i['not_applicable']} unit: tidak berlaku)" if i["not_applicable"] else "")
        + "</li>"
        for i in recap["weak_items"]
    )
    return f'<h3>Butir yang paling lemah di banyak unit</h3><ol class="rekap__lemah">{entries}</ol>'


def render_units_html(recap: Recap) -> str:
    """The recap of units as the HTML fragment the page shows (one ``<section>``)."""
    n = recap["n"]
    overall = recap["overall"]
    summary = f'<p class="rekap__ringkas"><span data-recap-n>{n}</span> perangkat daerah direkap.'
    if overall is not None:
        band = recap["overall_band"]["label"] if recap["overall_band"] else ""
        summary += f" Rata-rata indeks kabupaten <strong>{decimal_comma(overall)}</strong> ({_h(band)})."
    elif not n:
        summary += " Belum ada berkas yang dapat direkap."
    summary += "</p>"
    body = (_heat_map(recap) + _means_table(recap) + _weak_items(recap)) if n else ""
    return (
        f'<section class="rekap rekap--unit" data-instrument="{_h(recap["instrument"]["id"])}" '
        f'aria-labelledby="rekap-judul"><h2 id="rekap-judul">{TITLE}</h2>'
        + problems_html(recap["problems"])
        + summary
        + body
        + f'<p class="rekap__catatan">{_h(METHOD_NOTE)}</p></section>'
    )


DOCUMENT_CSS = (
    TABLE_CSS
    + """
main{max-width:64rem}
.rekap__galat{border-left:5px solid #b00020;padding-left:1rem}
.rekap__legenda{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.rekap__legenda li{padding:.2rem .6rem;border:1px solid #555}
.tingkat--terlembaga{background:#1b5e20;color:#fff}.tingkat--berjalan{background:#81c784}
.tingkat--dirintis{background:#fff176}.tingkat--belum-berjalan{background:#fff;box-shadow:inset 0 0 0 3px #b71c1c}
.tingkat--kosong{background:repeating-linear-gradient(45deg,#fff 0 6px,#ddd 6px 8px)}
@media print{@page{size:A4 landscape;margin:12mm}*{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
"""
)


def render_units_document(recap: Recap) -> str:
    """A complete, standalone HTML file (inline CSS, nothing loaded from elsewhere)."""
    title = f"{TITLE}: {recap['instrument']['id']} {recap['instrument']['version']}"
    return standalone_page(title, title, render_units_html(recap), DOCUMENT_CSS)


def _comma_or_empty(value: float | None) -> str:
    return "" if value is None else decimal_comma(value)


def render_units_markdown(recap: Recap) -> str:
    """The recap of units as Markdown."""
    titles = [markdown_text(d["title"]) for d in recap["dimensions"]]
    lines = [f"# {TITLE}", "", f"Instrumen: {recap['instrument']['id']} {recap['instrument']['version']}", ""]
    lines += [f"Perangkat daerah direkap: **{recap['n']}**", ""]
    lines += ["| Perangkat daerah | Periode | " + " | ".join(titles) + " | Indeks |"]
    lines += ["|---" * (len(titles) + 3) + "|"]
    for row in recap["rows"]:
        cells = [decimal_comma_or_dash(row["dimensions"].get(d["id"])) for d in recap["dimensions"]]
        lines.append(
            f"| {markdown_text(row['label'])} | {markdown_text(row['period'] or '')} | "
            + " | ".join(cells)
            + f" | {decimal_comma_or_dash(row['overall'])} |"
        )
    means = [decimal_comma_or_dash(d["mean"]) for d in recap["dimensions"]]
    lines.append(
        "| **Rata-rata kabupaten** |  | " + " | ".join(means) + f" | {decimal_comma_or_dash(recap['overall'])} |"
    )
    if recap["weak_items"]:
        lines += ["", "## Butir yang paling lemah di banyak unit", ""]
        lines += [
            f"{n}. {markdown_text(i['text'])}: rata-rata tingkat {decimal_comma(i['mean_level'])}; "
            f"{i['low']} dari {i['n']} unit di tingkat 0–1"
            for n, i in enumerate(recap["weak_items"], 1)
        ]
    if recap["problems"]:
        lines += ["", "## Tidak ikut direkap", ""]
        lines += [f"- {markdown_text(where(p))}: {markdown_text(p['reason'])}" for p in recap["problems"]]
    lines += ["", METHOD_NOTE, ""]
    return "\n".join(lines)


def render_units_csv(recap: Recap) -> str:
    """Units × components for Indonesian spreadsheets (``;``, decimal comma), then the kabupaten mean."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["perangkat_daerah", "periode", *(d["id"] for d in recap["dimensions"]), "indeks"])
    for row in recap["rows"]:
        writer.writerow(
            [
                spreadsheet_text(row["label"]),
                spreadsheet_text(row["period"] or ""),
                *(_comma_or_empty(row["dimensions"].get(d["id"])) for d in recap["dimensions"]),
                _comma_or_empty(row["overall"]),
            ]
        )
    writer.writerow(
        [
            "Rata-rata kabupaten",
            "",
            *(_comma_or_empty(d["mean"]) for d in recap["dimensions"]),
            _comma_or_empty(recap["overall"]),
        ]
    )
    return out.getvalue()
