"""The group recap as HTML (the page's view and a standalone file), Markdown and CSV.

Every string that came from outside (file names, unit names, reasons quoting input) is escaped;
nothing typed by a user is ever rendered as markup. Machine-readable attributes use the dot:
``[data-recap-n]``, ``[data-recap-dimension][data-mean]``, ``[data-recap-error][data-line]``.
"""

from __future__ import annotations

import csv
import io

from assessment._internal.formatting import decimal_comma, decimal_comma_or_dash, decimal_dot, markdown_text
from assessment._internal.html_page import TABLE_CSS, standalone_page
from assessment._internal.html_page import html_text as _h
from assessment._internal.recap import Problem, Recap, RecapBehaviour, RecapDimension

TITLE = "Rekap kelompok"
METHOD_NOTE = (
    "Rata-rata dihitung dari indeks tiap peserta (0–100) dan dibulatkan satu desimal. "
    "Rekap ini bahan diskusi kelompok, bukan penilaian kinerja siapa pun."
)


def where(problem: Problem) -> str:
    """Where a problem is: ``Baris 4`` or the file name."""
    return f"Baris {problem['line']}" if problem["line"] is not None else problem["source"]


def problems_html(problems: list[Problem]) -> str:
    if not problems:
        return ""
    items = []
    for problem in problems:
        attributes = (
            f' data-line="{problem["line"]}"'
            if problem["line"] is not None
            else f' data-file="{_h(problem["source"])}"'
        )
        items.append(
            f"<li data-recap-error{attributes}><strong>{_h(where(problem))}</strong>: {_h(problem['reason'])}</li>"
        )
    return (
        '<div class="rekap__galat" role="alert"><h3>Tidak ikut direkap</h3>'
        f"<p>{len(problems)} masukan tidak dapat dibaca; sisanya tetap direkap.</p>"
        f"<ul>{''.join(items)}</ul></div>"
    )


def _distribution(dimension: RecapDimension) -> str:
    parts = [f"{band['label']}: {band['count']}" for band in dimension["distribution"] if band["count"]]
    return _h(", ".join(parts) or "–")


def _dimension_row(dimension: RecapDimension) -> str:
    mean = dimension["mean"]
    data = f' data-mean="{decimal_dot(mean)}"' if mean is not None else ' data-mean=""'
    band = dimension["band"]["label"] if dimension["band"] else "belum dapat dihitung"
    national = decimal_comma_or_dash(dimension["national"])
    return (
        f'<tr data-recap-dimension="{_h(dimension["id"])}"{data}>'
        f'<th scope="row">{_h(dimension["title"])}</th>'
        f'<td data-label="Rata-rata"><strong>{decimal_comma_or_dash(mean)}</strong><br>'
        f"<small>{_h(band)}</small></td>"
        f'<td data-label="Sebaran">{_distribution(dimension)}</td>'
        f'<td data-label="Nasional 2022">{national}</td></tr>'
    )


def _behaviours_html(title: str, behaviours: list[RecapBehaviour]) -> str:
    if not behaviours:
        return ""
    items = "".join(f"<li>{_h(b['text'])} <strong>{decimal_comma(b['mean'])}</strong></li>" for b in behaviours)
    return f"<h3>{_h(title)}</h3><ol>{items}</ol>"


def _rows_html(recap: Recap) -> str:
    """The table of results × dimensions (units of a kabupaten recap), with the numbers in every cell."""
    if not recap["rows"]:
        return ""
    head = "".join(f'<th scope="col">{_h(d["title"])}</th>' for d in recap["dimensions"])
    body = []
    for row in recap["rows"]:
        cells = "".join(
            f'<td data-label="{_h(d["title"])}">{decimal_comma_or_dash(row["dimensions"].get(d["id"]))}</td>'
            for d in recap["dimensions"]
        )
        body.append(
            f'<tr><th scope="row">{_h(row["label"])}</th>{cells}'
            f'<td data-label="Indeks">{decimal_comma_or_dash(row["overall"])}</td></tr>'
        )
    return (
        '<h3>Per hasil</h3><table class="rekap__tabel rekap__baris">'
        f'<thead><tr><th scope="col">Hasil</th>{head}<th scope="col">Indeks</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def render_recap_html(recap: Recap, *, show_rows: bool = False) -> str:
    """The recap as the HTML fragment the page shows (one ``<section>``)."""
    n = recap["n"]
    overall = recap["overall"]
    summary = (
        f'<p class="rekap__ringkas"><span data-recap-n>{n}</span> peserta direkap. '
        + (
            f"Indeks rata-rata kelompok <strong>{decimal_comma(overall)}</strong>"
            f" ({_h(recap['overall_band']['label'] if recap['overall_band'] else '')})."
            if overall is not None
            else "Belum ada hasil yang dapat direkap."
        )
        + "</p>"
    )
    reference = ""
    if recap["reference"]:
        reference = (
            f'<p class="rekap__catatan">Kolom nasional: {_h(recap["reference"])}'
            f" ({decimal_comma_or_dash(recap['national_overall'])}). {_h(recap['reference_note'] or '')}</p>"
        )
    table = (
        '<table class="rekap__tabel"><caption>Rata-rata per nilai</caption>'
        '<thead><tr><th scope="col">Nilai</th><th scope="col">Rata-rata</th><th scope="col">Sebaran</th>'
        '<th scope="col">Nasional 2022</th></tr></thead>'
        f"<tbody>{''.join(_dimension_row(d) for d in recap['dimensions'])}</tbody></table>"
    )
    return (
        f'<section class="rekap" data-instrument="{_h(recap["instrument"]["id"])}" aria-labelledby="rekap-judul">'
        f'<h2 id="rekap-judul">{TITLE}</h2>'
        + problems_html(recap["problems"])
        + summary
        + (table if n else "")
        + (_behaviours_html("Perilaku paling kuat di kelompok", recap["strongest"]) if n else "")
        + (_behaviours_html("Perilaku yang paling perlu diperkuat", recap["weakest"]) if n else "")
        + (_rows_html(recap) if show_rows and n else "")
        + reference
        + f'<p class="rekap__catatan">{METHOD_NOTE}</p></section>'
    )


DOCUMENT_CSS = (
    TABLE_CSS
    + """
.rekap__galat{border-left:5px solid #b00020;padding-left:1rem}
@media print{@page{size:A4;margin:15mm}}
"""
)


def render_recap_document(recap: Recap, *, show_rows: bool = False) -> str:
    """A complete, standalone HTML file (inline CSS, nothing loaded from elsewhere)."""
    title = f"{TITLE}: {recap['instrument']['id']} {recap['instrument']['version']}"
    return standalone_page(title, title, render_recap_html(recap, show_rows=show_rows), DOCUMENT_CSS)


def render_recap_markdown(recap: Recap) -> str:
    """The recap as Markdown (for a report or a chat message)."""
    lines = [f"# {TITLE}", "", f"Instrumen: {recap['instrument']['id']} {recap['instrument']['version']}"]
    lines += ["", f"Peserta direkap: **{recap['n']}**"]
    if recap["overall"] is not None:
        lines.append(f"Indeks rata-rata kelompok: **{decimal_comma(recap['overall'])}**")
    lines += ["", "| Nilai | Rata-rata | Sebaran | Nasional 2022 |", "|---|---|---|---|"]
    for d in recap["dimensions"]:
        spread = ", ".join(f"{b['label']}: {b['count']}" for b in d["distribution"] if b["count"]) or "–"
        lines.append(
            f"| {markdown_text(d['title'])} | {decimal_comma_or_dash(d['mean'])} | {markdown_text(spread)}"
            f" | {decimal_comma_or_dash(d['national'])} |"
        )
    for title, behaviours in (("Perilaku paling kuat", recap["strongest"]), ("Perlu diperkuat", recap["weakest"])):
        if behaviours:
            lines += ["", f"## {title}", ""]
            lines += [
                f"{i}. {markdown_text(b['text'])} ({decimal_comma(b['mean'])})" for i, b in enumerate(behaviours, 1)
            ]
    if recap["problems"]:
        lines += ["", "## Tidak ikut direkap", ""]
        lines += [f"- {markdown_text(where(p))}: {markdown_text(p['reason'])}" for p in recap["problems"]]
    lines += ["", METHOD_NOTE, ""]
    return "\n".join(lines)


def render_recap_csv(recap: Recap) -> str:
    """The recap as CSV for Indonesian spreadsheets (``;``, decimal comma), one row per value."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    bands = [b["label"] for b in recap["dimensions"][0]["distribution"]] if recap["dimensions"] else []
    writer.writerow(["id", "nilai", "jumlah", "rata_rata", *bands, "nasional_2022"])
    for d in recap["dimensions"]:
        writer.writerow(
            [
                d["id"],
                d["title"],
                d["n"],
                "" if d["mean"] is None else decimal_comma(d["mean"]),
                *(b["count"] for b in d["distribution"]),
                "" if d["national"] is None else decimal_comma(d["national"]),
            ]
        )
    overall = recap["overall"]
    writer.writerow(
        ["keseluruhan", "Indeks keseluruhan", recap["n"], "" if overall is None else decimal_comma(overall)]
    )
    return out.getvalue()
