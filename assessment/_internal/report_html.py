"""The report as HTML: the fragment the page shows, and a standalone page wrapping it.

The fragment puts the summary first (overall index, its category, one sentence, the strongest and the
weakest value, the next steps), then the values as horizontal bars, the detail in collapsed sections,
and the dialog kinerja preparation sheet. Every text from the instrument, the history or the user is
escaped. Bars are inline SVG rectangles sized by attributes (no inline styles, which the site's
Content-Security-Policy forbids); every text is HTML, so it follows the page's font size.
"""

from __future__ import annotations

from collections.abc import Sequence

from assessment._internal.formatting import decimal_comma, decimal_dot, format_date
from assessment._internal.html_page import html_text as _h
from assessment._internal.html_page import standalone_page
from assessment._internal.report import (
    ALL_EQUAL,
    CODE_NOTE,
    EXPECTATION_NOTE,
    NO_HISTORY,
    OWN_BAND_NOTE,
    SHORT_NOTICE,
    STRONGEST_LABEL,
    VALUES_EQUAL,
    WEAKEST_LABEL,
    answered_text,
    category_range,
    change_text,
    comparison_text,
    history_text,
    lowest_indicator_text,
)
from assessment._internal.results import Behaviour, DimensionRef, Report, ReportDimension

SHEET_ID = "lembar-dialog"
"""Element id of the dialog kinerja sheet (the summary's first next step links to it)."""
DETAIL_ID = "hasil-rincian"
"""Element id of the detail (the summary's second next step links to it)."""


# ---------------------------------------------------------------- building blocks


def _bar(index: float) -> str:
    """A horizontal bar 0–100 (decorative: the number is always written next to it)."""
    return (
        '<svg class="laporan-batang__jalur" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"'
        ' focusable="false"><rect width="100" height="8" fill="#e0e0e0"/>'
        f'<rect width="{decimal_dot(index)}" height="8" fill="#00796b"/></svg>'
    )


def _bar_row(name: str, index: float, note: str = "", attributes: str = "") -> str:
    """One bar with its name, number and an optional note (all already escaped)."""
    extra = f' <span class="laporan-batang__kategori">{note}</span>' if note else ""
    return (
        f'<li class="laporan-batang__baris"{attributes}><span class="laporan-batang__nama">{name}</span>'
        f'<span class="laporan-batang__angka">{decimal_comma(index)}{extra}</span>{_bar(index)}</li>'
    )


def _table(caption: str, headers: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]]) -> str:
    """A table whose cells name their column (``data-label``), so a narrow screen can stack them.

    ``caption`` and ``headers`` are plain text; each row is (escaped row header, escaped cells).
    """
    head = "".join(f'<th scope="col">{_h(h)}</th>' for h in headers)
    body = "".join(
        f'<tr><th scope="row">{header}</th>'
        + "".join(f'<td data-label="{_h(label)}">{cell}</td>' for label, cell in zip(headers[1:], cells, strict=True))
        + "</tr>"
        for header, cells in rows
    )
    return (
        f'<table class="laporan__tabel"><caption>{_h(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _section(ident: str, title: str, body: str) -> str:
    """A collapsed part of the detail."""
    return (
        f'<details class="laporan__bagian" id="{_h(ident)}"><summary class="laporan__judul-bagian">{_h(title)}'
        f'</summary><div class="laporan__isi-bagian">{body}</div></details>'
    )


def _time(text: str) -> str:
    return f'<time datetime="{_h(text)}">{_h(format_date(text))}</time>'


# ---------------------------------------------------------------- the fragment


def render_html(report: Report) -> str:
    """The report as the HTML fragment the page shows (one ``<section>``), with ``data-`` attributes."""
    overall = report["overall"]
    parts = [
        f'<section class="asesmen-hasil laporan" data-instrument="{_h(report["instrument"]["id"])}"'
        f' data-overall-score="{decimal_dot(overall["index"])}" data-band="{_h(overall["band"]["id"])}"'
        ' aria-labelledby="hasil-judul">',
        _summary(report),
        _values(report),
        _code(report),
        f'<div class="laporan__rincian" id="{DETAIL_ID}" tabindex="-1">',
        '<h3 class="laporan__judul-rincian">Rincian hasil</h3>',
        _behaviours(report),
        _top(report),
        _comparison(report),
        _recommendations(report),
        _history(report),
        _about(report),
        "</div>",
        _sheet(report),
        "</section>",
    ]
    return "".join(parts)


def _code(report: Report) -> str:
    """The result code a participant may give the trainer for the group recap (``[data-result-code]``)."""
    code = report["code"]
    if not code:
        return ""
    return _section(
        "hasil-kode",
        "Kode hasil untuk rekap kelompok",
        f'<p class="laporan__kode-teks"><code data-result-code>{_h(code)}</code></p>'
        f'<div class="laporan__kode-qr" data-qr="{_h(code)}" role="img" aria-label="Kode QR dari kode hasil"></div>'
        f"<p>{_h(CODE_NOTE)}</p>",
    )


def _summary(report: Report) -> str:
    # The page's script makes these jumps scroll without a new hash (target="_self" keeps the theme's
    # instant navigation out of them), so the result stays on the page.
    overall, band = report["overall"], report["overall"]["band"]
    return (
        '<div class="laporan__ringkasan">'
        '<h2 id="hasil-judul" class="laporan__judul">Hasil refleksi diri Anda</h2>'
        '<p class="laporan__indeks"><span class="laporan__angka">'
        f'{decimal_comma(overall["index"])}</span> <span class="laporan__skala">dari 100</span> '
        f'<strong class="laporan__kategori">{_h(band["label"])}</strong></p>'
        f'<p class="laporan__kalimat">{_h(band["meaning"])}</p>'
        f"{_extremes(report)}"
        '<p class="laporan__langkah">'
        f'<a class="md-button md-button--primary laporan__tombol" href="#{SHEET_ID}" target="_self">'
        "Siapkan dialog kinerja</a> "
        f'<a class="md-button laporan__tombol" href="#{DETAIL_ID}" target="_self">Lihat rincian hasil</a></p>'
        f'<p class="laporan__peringatan">{_h(SHORT_NOTICE)}</p>'
        "</div>"
    )


def _extremes(report: Report) -> str:
    extremes = report["extremes"]
    if extremes is None:
        return f'<p class="laporan__ekstrem">{_h(VALUES_EQUAL)}</p>'

    def item(label: str, d: DimensionRef) -> str:
        return (
            f'<li><span class="laporan__ekstrem-label">{_h(label)}</span> '
            f'<strong data-ekstrem-nilai="{_h(d["id"])}">{_h(d["title"])}</strong> '
            f'<span class="laporan__ekstrem-angka">{decimal_comma(d["index"])}</span></li>'
        )

    return (
        f'<ul class="laporan__ekstrem">{item(STRONGEST_LABEL, extremes["strongest"])}'
        f"{item(WEAKEST_LABEL, extremes['weakest'])}</ul>"
    )


def _values(report: Report) -> str:
    rows = "".join(
        _bar_row(
            _h(d["title"]),
            d["index"],
            _h(d["band"]["label"]),
            f' data-dimension="{_h(d["id"])}" data-score="{decimal_dot(d["index"])}"',
        )
        for d in report["dimensions"]
    )
    return (
        '<h3 id="hasil-nilai" class="laporan__judul-nilai">Indeks per nilai dasar</h3>'
        f'<ul class="laporan-batang" aria-labelledby="hasil-nilai">{rows}</ul>'
        '<p class="laporan__keterangan">Makin panjang batang, makin sering perilaku itu tampak menurut Anda.</p>'
    )


def _behaviours(report: Report) -> str:
    groups = []
    for d in report["dimensions"]:
        rows = "".join(_bar_row(_h(i["text"]), i["index"]) for i in d["indicators"])
        groups.append(
            f'<h4 class="laporan__kelompok">{_h(d["title"])}</h4><ul class="laporan-batang laporan-batang--kecil">'
            f"{rows}</ul>"
        )
    count = sum(len(d["indicators"]) for d in report["dimensions"])
    return _section("hasil-perilaku", f"Indeks {count} panduan perilaku", "".join(groups))


def _top(report: Report) -> str:
    behaviours = report["behaviours"]
    if behaviours["all_equal"]:
        return _section("hasil-terkuat-terlemah", "Perilaku paling dan paling jarang tampak", f"<p>{_h(ALL_EQUAL)}</p>")

    def listing(entries: list[Behaviour]) -> str:
        items = "".join(
            f'<li>{_h(e["text"])} <span class="laporan__keterangan">({_h(e["dimension_title"])}, '
            f"indeks {decimal_comma(e['index'])})</span></li>"
            for e in entries
        )
        return f"<ol>{items}</ol>"

    body = (
        f"<p>{_h(behaviours['rule'])}</p>"
        f'<h4 id="hasil-terkuat">Paling sering tampak</h4>{listing(behaviours["strongest"])}'
        f'<h4 id="hasil-terlemah">Paling jarang tampak</h4>{listing(behaviours["weakest"])}'
    )
    return _section("hasil-terkuat-terlemah", "Perilaku paling dan paling jarang tampak", body)


def _comparison(report: Report) -> str:
    comparison = report["comparison"]
    if comparison is None:
        return ""

    def cells(index: float, reference: float, difference: float) -> list[str]:
        return [decimal_comma(index), decimal_comma(reference), comparison_text(difference)]

    rows = [(_h(d["title"]), cells(d["index"], d["reference"], d["difference"])) for d in comparison["dimensions"]]
    total = comparison["overall"]
    rows.append(("Keseluruhan", cells(total["index"], total["reference"], total["difference"])))
    table = _table(f"Indeks Anda dan {comparison['label']}", ["Nilai", "Anda", "Nasional", "Selisih"], rows)
    body = (
        f'<p class="laporan__catatan-metode"><strong>Catatan metode.</strong> {_h(comparison["note"])}</p>'
        f'{table}<p class="laporan__sumber">Sumber angka nasional: {_h(comparison["source"])}.</p>'
    )
    return _section("hasil-nasional", f"Dibandingkan dengan {comparison['label']}", body)


def _recommendations(report: Report) -> str:
    advice = report["recommendations"]
    if advice is None:
        return ""
    blocks = []
    for d in advice["dimensions"]:
        items = "".join(
            f'<li>{_h(a["text"])} <a href="{_h(a["href"])}">{_h(a["link_text"])}</a></li>' for a in d["actions"]
        )
        blocks.append(f"<h4>{_h(d['title'])} (indeks {decimal_comma(d['index'])})</h4><ul>{items}</ul>")
    body = f'<p class="laporan__label-saran">{_h(advice["note"])}</p>{"".join(blocks)}'
    return _section("hasil-saran", "Saran untuk nilai dengan indeks terendah", body)


def _history(report: Report) -> str:
    history, title = report["history"], "Riwayat di perangkat ini"
    change = history["change"]
    if change is None:
        return _section("hasil-riwayat", title, f"<p>{_h(NO_HISTORY)}</p>")
    changes = _table(
        f"Perubahan per nilai sejak hasil {format_date(change['since'])}",
        ["Nilai", "Sebelumnya", "Sekarang", "Perubahan"],
        [
            (_h(d["title"]), [decimal_comma(d["before"]), decimal_comma(d["after"]), change_text(d["change"])])
            for d in change["dimensions"]
        ],
    )
    rows = [(_time(e["saved_at"]), [decimal_comma(e["index"]), _h(e["band"]["label"])]) for e in history["entries"]]
    rows.append(("Hasil ini", [decimal_comma(report["overall"]["index"]), _h(report["overall"]["band"]["label"])]))
    listing = _table("Hasil sebelumnya di perangkat ini", ["Tanggal", "Indeks", "Kategori"], rows)
    return _section("hasil-riwayat", title, f"<p>{_h(history_text(change))}</p>{changes}{listing}")


def _about(report: Report) -> str:
    categories = "".join(
        f"<li><strong>{_h(c['label'])}</strong> ({category_range(c)}): {_h(c['meaning'])}</li>"
        for c in report["categories"]
    )
    own = "" if all(c["official"] for c in report["categories"]) else f"<p>{_h(OWN_BAND_NOTE)}</p>"
    body = (
        f'<p class="laporan__peringatan">{_h(report["notice"])}</p>'
        f"<p>{_h(answered_text(report))}</p>"
        f"<p>Kategori menurut indeks:</p><ul>{categories}</ul>{own}"
    )
    return _section("hasil-tentang", "Tentang hasil ini", body)


# ---------------------------------------------------------------- the dialog kinerja sheet


def _field_id(name: str) -> str:
    return _h(f"lembar-{name}")


def _identity(report: Report) -> str:
    fields = "".join(
        f'<div class="lembar-dialog__data"><label class="lembar-dialog__label" for="{_field_id(f["name"])}">'
        f'{_h(f["label"])}</label><input class="lembar-dialog__baris" type="text" id="{_field_id(f["name"])}"'
        f' name="{_h(f["name"])}" /></div>'
        for f in report["dialog"]["identity"]
    )
    return f'<fieldset class="lembar-dialog__identitas"><legend>Identitas</legend>{fields}</fieldset>'


def _area(name: str, label: str, rows: int) -> str:
    return (
        f'<div class="lembar-dialog__isian"><label class="lembar-dialog__label" for="{_field_id(name)}">'
        f"{_h(label)}</label>"
        f'<textarea class="lembar-dialog__teks" id="{_field_id(name)}" name="{_h(name)}" rows="{rows}"></textarea>'
        f'<div class="lembar-dialog__salinan" data-salinan="{_h(name)}" aria-hidden="true"></div></div>'
    )


def _sheet_value(d: ReportDimension, field: tuple[str, str]) -> str:
    view = "" if d["expectation"] is None else f" · Gambaran diri: <strong>{_h(d['expectation']['label'])}</strong>"
    return (
        f'<div class="lembar-dialog__nilai" data-lembar-nilai="{_h(d["id"])}"><h4>{_h(d["title"])}</h4>'
        f"<p>Indeks <strong>{decimal_comma(d['index'])}</strong> ({_h(d['band']['label'])}){view}. "
        f"{_h(lowest_indicator_text(d))}</p>{_area(field[0], field[1], 2)}</div>"
    )


def _sheet(report: Report) -> str:
    dialog = report["dialog"]
    fields = {f["dimension"]: (f["name"], f["label"]) for f in dialog["fields"] if f["dimension"]}
    general = "".join(_area(f["name"], f["label"], 2) for f in dialog["fields"] if not f["dimension"])
    values = "".join(_sheet_value(d, fields[d["id"]]) for d in report["dimensions"] if d["id"] in fields)
    note = "" if report["expectations"] is None else f'<p class="lembar-dialog__catatan">{_h(EXPECTATION_NOTE)}</p>'
    overall = report["overall"]
    return (
        f'<section class="lembar-dialog" id="{SHEET_ID}" aria-labelledby="{SHEET_ID}-judul" tabindex="-1">'
        f'<h3 id="{SHEET_ID}-judul">Persiapan dialog kinerja</h3>'
        f'<p class="lembar-dialog__pengantar"><strong>{_h(dialog["framing"])}</strong> {_h(dialog["intro"])}</p>'
        f"{_identity(report)}"
        f'<p class="lembar-dialog__ringkas">{_h(report["instrument"]["title"])}: indeks keseluruhan '
        f"{decimal_comma(overall['index'])} ({_h(overall['band']['label'])}). {_h(SHORT_NOTICE)}</p>{note}"
        f'{values}<div class="lembar-dialog__umum">{general}</div></section>'
    )


# ---------------------------------------------------------------- standalone HTML document

DOCUMENT_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#212121;
margin:0 auto;max-width:48rem;padding:1rem}
a{color:#00695c}
.laporan__angka{font-size:2.5rem;font-weight:700;line-height:1.1}
.laporan__kategori{font-size:1.25rem}
.laporan__ekstrem{list-style:none;padding:0}.laporan__ekstrem-label{display:block;font-size:.875rem;color:#555}
.md-button{display:inline-block;margin:.25rem .25rem .25rem 0;padding:.6rem 1rem;border:2px solid #00695c;
border-radius:.2rem;text-decoration:none;font-weight:700}
.md-button--primary{background:#00695c;color:#fff}
.laporan-batang{list-style:none;padding:0}
.laporan-batang__baris{display:grid;grid-template-columns:1fr auto;gap:.1rem .5rem;margin:.5rem 0}
.laporan-batang__jalur{grid-column:1/-1;width:100%;height:.6rem}
.laporan-batang__angka{text-align:right;font-variant-numeric:tabular-nums}
.laporan__bagian{border-top:1px solid #bdbdbd;padding:.5rem 0}
.laporan__judul-bagian{font-weight:700;cursor:pointer}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border:1px solid #bdbdbd;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#eceff1}
@media (max-width:30em){thead{position:absolute;left:-9999px}tr{display:block;border:1px solid #bdbdbd;margin:.4rem 0}
th,td{display:block;border:0}td::before{content:attr(data-label) ": ";font-weight:700}}
.laporan__peringatan,.laporan__catatan-metode,.lembar-dialog__catatan{border-left:4px solid #00695c;
padding:.4rem .75rem;background:#f1f8f7}
.lembar-dialog{border-top:2px solid #00695c;margin-top:2rem}
.lembar-dialog__identitas{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.25rem 1rem;
border:0;padding:0;margin:.5rem 0}
.lembar-dialog__label{display:block;font-weight:700;margin-top:.5rem}
.lembar-dialog__teks,.lembar-dialog__baris{width:100%;box-sizing:border-box;font:inherit}
.lembar-dialog__salinan{display:none}
@page{size:A4;margin:15mm}
@media print{body{max-width:none;padding:0;font-size:10pt}.laporan__langkah{display:none}
details::details-content{content-visibility:visible;display:block}
.lembar-dialog{break-before:page;border:0}
.lembar-dialog__nilai,.lembar-dialog__isian,.lembar-dialog__data{break-inside:avoid}
.lembar-dialog__teks{field-sizing:content;min-height:3.2em;resize:none;border:1px solid #424242}
.lembar-dialog__baris{border:0;border-bottom:1px solid #424242}}
"""


def render_document(report: Report) -> str:
    """A complete, standalone HTML page (``lang="id"``, inline CSS, no external resources)."""
    title = f"Laporan {report['instrument']['title']}"
    return standalone_page(title, title, render_html(report), DOCUMENT_CSS)
