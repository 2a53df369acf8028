"""The result report: what a result means, built once and rendered as HTML, Markdown or JSON.

:func:`build_report` turns an instrument, a result and earlier results into a JSON-serialisable
``report`` dict (schema on the site's "Metodologi penilaian" page). The renderers only format that
dict, so the browser (which shows :func:`render_html` computed by Python in the page's worker), the
command line and the downloaded JSON all say the same.

Display numbers use the Indonesian decimal comma; machine-readable ``data-`` attributes keep the dot.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import datetime
from fractions import Fraction
from html import escape
from typing import Any

from assessment._internal.model import INDEX_MAX, INDEX_MIN, Band, Dimension, Instrument
from assessment._internal.scoring import round_index

REPORT_SCHEMA_VERSION = 1
HISTORY_LIMIT = 10
"""At most this many earlier results are listed (the most recent ones)."""
TOP_BEHAVIOURS = 3
ADVISED_DIMENSIONS = 2
"""Recommendations are given for this many dimensions with the lowest index."""
SHEET_ID = "lembar-dialog"
PRINT_CLASS = "mencetak-lembar"
"""Class the page puts on ``<html>`` before ``window.print()`` to print only the dialog sheet."""

NOTICE = "Ini hasil refleksi diri, bukan hasil survei resmi Indeks BerAKHLAK KemenPANRB."
ORDER_RULE = "Diurutkan menurut indeks; bila indeksnya sama, yang lebih dulu dalam instrumen didahulukan."
ALL_EQUAL = "Semua panduan perilaku mendapat indeks yang sama, jadi tidak ada yang lebih kuat atau lebih lemah."
ADVICE_NOTE = (
    "Saran situs ini, bukan ketentuan resmi. Pilih satu atau dua tindakan, lalu bicarakan dengan atasan "
    "dalam dialog kinerja."
)
EXPECTATION_NOTE = (
    "Gambaran diri memakai istilah PermenPANRB 6/2022 (Di Atas, Sesuai, Di Bawah Ekspektasi) dengan ambang "
    "buatan situs ini, bukan aturan resmi. PermenPANRB 6/2022 tidak memuat rumus; predikat perilaku kerja "
    "ditetapkan atasan berdasarkan ekspektasi dan bukti dukung."
)
SHEET_INTRO = (
    "Bawa lembar ini ke dialog kinerja dengan atasan. Untuk setiap nilai, tuliskan contoh perilaku yang dapat "
    "Anda tunjukkan (bukti dukung), lalu catat pertanyaan dan ekspektasi yang ingin Anda perjelas."
)
_BASE_URL = re.compile(r"^(https?://[^\s\"'<>`]+|(\.{1,2}/)*([A-Za-z0-9._~%-]+/)*[A-Za-z0-9._~%-]*)$")
_MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


# ---------------------------------------------------------------- numbers and small helpers


def _number(value: float) -> str:
    """One decimal, dot as separator: the machine-readable form."""
    return f"{value:.1f}"


def _display(value: float) -> str:
    """One decimal, comma as separator: the Indonesian reading form."""
    return _number(value).replace(".", ",")


def _signed(value: float) -> str:
    """A change with its sign (``+1,2``, ``−0,5``, ``0,0``), for reading."""
    if value > 0:
        return "+" + _display(value)
    if value < 0:
        return "−" + _display(-value)
    return _display(0.0)


def _direction(value: float, up: str = "naik", down: str = "turun", same: str = "tetap") -> str:
    return up if value > 0 else down if value < 0 else same


def _fraction(value: float) -> Fraction:
    """The exact value of a one-decimal number as written (``0.1`` is 1/10, not the binary float)."""
    return Fraction(str(value))


def _difference(after: float, before: float) -> float:
    return round_index(_fraction(after) - _fraction(before))


def _band(band: Band) -> dict[str, Any]:
    return {"id": band.id, "label": band.label}


def _expectation(instrument: Instrument, index: float) -> dict[str, Any] | None:
    found = instrument.expectation_for(_fraction(index))
    return None if found is None else _band(found)


def check_base_url(value: object) -> str:
    """Return a usable link prefix: ``""``, a relative path such as ``"../../"``, or an http(s) URL.

    A non-empty prefix gets a final ``/``.

    Raises:
        ValueError: Not a string, or something else (e.g. a ``javascript:`` URL).

    """
    if not isinstance(value, str) or not _BASE_URL.match(value):
        raise ValueError(f"alamat situs tidak sah: {value!r}")
    return value if value == "" or value.endswith("/") else value + "/"


# ---------------------------------------------------------------- history


def _history_number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    number = _fraction(value)
    return round_index(number) if INDEX_MIN <= number <= INDEX_MAX else None


def _history_entry(instrument: Instrument, raw: object) -> dict[str, Any] | None:
    """One earlier result as ``{saved_at, index, dimensions: {id: index}}``, or ``None`` if unusable."""
    if not isinstance(raw, dict):
        return None
    saved_at, source, overall = raw.get("saved_at"), raw.get("instrument"), raw.get("overall")
    if not isinstance(saved_at, str) or _parse_date(saved_at) is None:
        return None
    if not isinstance(source, dict) or source.get("id") != instrument.id or not isinstance(overall, dict):
        return None
    index = _history_number(overall.get("index"))
    dimensions = raw.get("dimensions")
    if index is None or not isinstance(dimensions, list):
        return None
    values = {d.get("id"): _history_number(d.get("index")) for d in dimensions if isinstance(d, dict)}
    expected = [d.id for d in instrument.dimensions]
    if sorted(map(str, values)) != sorted(expected) or any(v is None for v in values.values()):
        return None
    return {"saved_at": saved_at, "index": index, "dimensions": {k: values[k] for k in expected}}


def parse_history(instrument: Instrument, history: object) -> list[dict[str, Any]]:
    """Keep the usable earlier results, in the given order (oldest first, newest last).

    An entry is skipped, never an error, when it is not an object, lacks an ISO ``saved_at``, belongs
    to another instrument, or does not hold an index 0–100 for each of the instrument's dimensions.
    """
    if not isinstance(history, list):
        return []
    return [entry for raw in history if (entry := _history_entry(instrument, raw)) is not None]


def _parse_date(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def format_date(text: str) -> str:
    """``2024-03-12T14:05:00+08:00`` as ``12 Maret 2024 pukul 14.05`` (time as written, no conversion)."""
    moment = _parse_date(text)
    if moment is None:
        return text
    day = f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"
    return day if len(text) <= len("2024-03-12") else f"{day} pukul {moment.hour:02d}.{moment.minute:02d}"


# ---------------------------------------------------------------- building the report


def build_report(
    instrument: Instrument,
    result: dict[str, Any],
    history: object = (),
    base_url: str = "",
) -> dict[str, Any]:
    """Build the report content from a scored result.

    Args:
        instrument: The instrument the result was scored with.
        result: The output of :func:`assessment.score`.
        history: Earlier results of this device, each a result dict with ``saved_at`` (ISO date),
            oldest first; unusable entries are skipped (see :func:`parse_history`).
        base_url: Prefix of the site's links, checked by :func:`check_base_url`.

    Returns:
        The JSON-serialisable report (see the "Metodologi penilaian" page for its schema).

    """
    base = check_base_url(base_url)
    dimensions = _dimensions(instrument, result)
    return {
        "schema_version": REPORT_SCHEMA_VERSION,
        "instrument": {"id": instrument.id, "version": instrument.version, "title": instrument.title},
        "notice": NOTICE,
        "answered": result["answered"],
        "total_items": result["total_items"],
        "overall": _overall(instrument, result),
        "dimensions": dimensions,
        "behaviours": _behaviours(dimensions),
        "comparison": _comparison(instrument, result, dimensions),
        "recommendations": _recommendations(instrument, dimensions, base),
        "history": _history(instrument, result, parse_history(instrument, history)),
        "expectations": _expectation_levels(instrument),
        "dialog": _dialog(dimensions),
        "base_url": base,
    }


def _overall(instrument: Instrument, result: dict[str, Any]) -> dict[str, Any]:
    index = result["overall"]["index"]
    band = instrument.band_for(_fraction(index))
    return {
        "index": index,
        "band": {**_band(band), "meaning": band.meaning, "official": band.official},
        "expectation": _expectation(instrument, index),
    }


def _dimensions(instrument: Instrument, result: dict[str, Any]) -> list[dict[str, Any]]:
    scored = {entry["id"]: entry for entry in result["dimensions"]}
    output = []
    for dimension in instrument.dimensions:
        entry = scored[dimension.id]
        indicators = {i["id"]: i["index"] for i in entry["indicators"]}
        output.append(
            {
                "id": dimension.id,
                "title": dimension.title,
                "meaning": dimension.meaning,
                "index": entry["index"],
                "band": _band(instrument.band_for(_fraction(entry["index"]))),
                "expectation": _expectation(instrument, entry["index"]),
                "indicators": [{"id": i.id, "text": i.text, "index": indicators[i.id]} for i in dimension.indicators],
            }
        )
    return output


def _behaviours(dimensions: list[dict[str, Any]]) -> dict[str, Any]:
    """Strongest and weakest indicators; ties keep instrument order; the lists never overlap."""
    flat = [
        {"id": i["id"], "text": i["text"], "dimension": d["id"], "dimension_title": d["title"], "index": i["index"]}
        for d in dimensions
        for i in d["indicators"]
    ]
    if len({entry["index"] for entry in flat}) <= 1:
        return {"rule": ORDER_RULE, "all_equal": True, "strongest": [], "weakest": []}
    order = {entry["id"]: position for position, entry in enumerate(flat)}
    strongest = sorted(flat, key=lambda e: (-e["index"], order[e["id"]]))[:TOP_BEHAVIOURS]
    chosen = {entry["id"] for entry in strongest}
    weakest = [e for e in sorted(flat, key=lambda e: (e["index"], order[e["id"]])) if e["id"] not in chosen]
    return {"rule": ORDER_RULE, "all_equal": False, "strongest": strongest, "weakest": weakest[:TOP_BEHAVIOURS]}


def _comparison(
    instrument: Instrument, result: dict[str, Any], dimensions: list[dict[str, Any]]
) -> dict[str, Any] | None:
    reference = instrument.reference
    if reference is None:
        return None
    national = {d.id: d.national for d in instrument.dimensions}

    def row(index: float, value: Fraction | None) -> dict[str, Any]:
        figure = float(value) if value is not None else 0.0
        return {"index": index, "reference": figure, "difference": _difference(index, figure)}

    return {
        "label": reference.label,
        "source": reference.source,
        "note": reference.note,
        "overall": row(result["overall"]["index"], reference.overall),
        "dimensions": [{"id": d["id"], "title": d["title"], **row(d["index"], national[d["id"]])} for d in dimensions],
    }


def _lowest(dimensions: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    order = {d["id"]: position for position, d in enumerate(dimensions)}
    return sorted(dimensions, key=lambda d: (d["index"], order[d["id"]]))[:count]


def _recommendations(instrument: Instrument, dimensions: list[dict[str, Any]], base: str) -> dict[str, Any] | None:
    advice: dict[str, Dimension] = {d.id: d for d in instrument.dimensions if d.recommendations}
    if not advice:
        return None
    chosen = _lowest(dimensions, ADVISED_DIMENSIONS)
    return {
        "note": ADVICE_NOTE,
        "rule": "Nilai dengan indeks terendah; bila sama, yang lebih dulu dalam instrumen.",
        "dimensions": [
            {
                "id": d["id"],
                "title": d["title"],
                "index": d["index"],
                "actions": [
                    {"id": r.id, "text": r.text, "link_text": r.link_text, "path": r.link, "href": base + r.link}
                    for r in advice[d["id"]].recommendations
                ],
            }
            for d in chosen
        ],
    }


def _history(instrument: Instrument, result: dict[str, Any], entries: list[dict[str, Any]]) -> dict[str, Any]:
    shown = [
        {"saved_at": e["saved_at"], "index": e["index"], "band": _band(instrument.band_for(_fraction(e["index"])))}
        for e in entries[-HISTORY_LIMIT:]
    ]
    if not entries:
        return {"entries": [], "change": None}
    previous, now = entries[-1], result["overall"]["index"]
    current = {d["id"]: d["index"] for d in result["dimensions"]}
    change = {
        "since": previous["saved_at"],
        "overall": {"before": previous["index"], "after": now, "change": _difference(now, previous["index"])},
        "dimensions": [
            {
                "id": d.id,
                "title": d.title,
                "before": previous["dimensions"][d.id],
                "after": current[d.id],
                "change": _difference(current[d.id], previous["dimensions"][d.id]),
            }
            for d in instrument.dimensions
        ],
    }
    return {"entries": shown, "change": change}


def _expectation_levels(instrument: Instrument) -> dict[str, Any] | None:
    if not instrument.expectations:
        return None
    levels = [
        {"id": e.id, "label": e.label, "min": float(e.lower), "max": float(e.upper), "meaning": e.meaning}
        for e in instrument.expectations
    ]
    return {"note": EXPECTATION_NOTE, "levels": levels}


def _dialog(dimensions: list[dict[str, Any]]) -> dict[str, Any]:
    fields = [
        {
            "name": f"bukti-{d['id']}",
            "label": f"Bukti dukung {d['title']}: contoh perilaku yang dapat Anda tunjukkan",
            "dimension": d["id"],
        }
        for d in dimensions
    ]
    fields.append({"name": "pertanyaan", "label": "Pertanyaan untuk atasan", "dimension": None})
    fields.append({"name": "ekspektasi", "label": "Ekspektasi yang perlu diperjelas", "dimension": None})
    return {"id": SHEET_ID, "print_class": PRINT_CLASS, "intro": SHEET_INTRO, "fields": fields}


# ---------------------------------------------------------------- HTML


def _h(text: object) -> str:
    return escape(str(text), quote=True)


def _change_text(value: float) -> str:
    return f"{_signed(value)} ({_direction(value)})"


def _comparison_text(value: float) -> str:
    return f"{_signed(value)} ({_direction(value, 'lebih tinggi', 'lebih rendah', 'sama')})"


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


def render_html(report: dict[str, Any]) -> str:
    """The report as the HTML fragment the page shows (one ``<section>``), with ``data-`` attributes."""
    overall = report["overall"]
    parts = [
        f'<section class="asesmen-hasil laporan" data-instrument="{_h(report["instrument"]["id"])}"'
        f' data-overall-score="{_number(overall["index"])}" data-band="{_h(overall["band"]["id"])}"'
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


def _html_summary(report: dict[str, Any]) -> str:
    overall, band = report["overall"], report["overall"]["band"]
    note = "" if band["official"] else " Nama pita ini buatan situs ini, bukan nama resmi."
    expectation = overall["expectation"]
    view = (
        ""
        if expectation is None
        else f"<p>Gambaran diri terhadap ekspektasi: <strong>{_h(expectation['label'])}</strong> "
        f'(ambang buatan situs ini, lihat <a href="#{SHEET_ID}">Persiapan dialog kinerja</a>).</p>'
    )
    return (
        '<div class="laporan__ringkasan">'
        f'<p class="asesmen-hasil__indeks">Indeks keseluruhan: <strong>{_display(overall["index"])}</strong> dari 100, '
        f"pita <strong>{_h(band['label'])}</strong>.</p>"
        f"<p>{_h(band['meaning'])}{_h(note)}</p>{view}"
        f'<p class="asesmen-hasil__catatan">{report["answered"]} dari {report["total_items"]} pernyataan dijawab.</p>'
        "</div>"
    )


def _html_dimensions(report: dict[str, Any]) -> str:
    with_view = report["expectations"] is not None
    headers = ["Nilai", "Indeks", "Pita"] + (["Gambaran diri"] if with_view else [])
    rows = []
    for d in report["dimensions"]:
        cells = [_display(d["index"]), _h(d["band"]["label"])]
        if with_view:
            cells.append(_h(d["expectation"]["label"]))
        attributes = f' data-dimension="{_h(d["id"])}" data-score="{_number(d["index"])}"'
        rows.append(_row(_h(d["title"]), cells, attributes))
    table = _table("Indeks per nilai dasar (0–100)", headers, f"<tbody>{''.join(rows)}</tbody>", "asesmen-hasil__nilai")
    return f'<h3 id="hasil-nilai">Indeks per nilai dasar</h3>{radar_svg(report["dimensions"])}{table}'


def _html_behaviours(report: dict[str, Any]) -> str:
    groups = []
    for d in report["dimensions"]:
        rows = "".join(_row(_h(i["text"]), [_display(i["index"])]) for i in d["indicators"])
        groups.append(
            f'<tbody><tr><th scope="rowgroup" colspan="2" class="laporan__kelompok">{_h(d["title"])}</th></tr>'
            f"{rows}</tbody>"
        )
    count = sum(len(d["indicators"]) for d in report["dimensions"])
    table = _table(f"Indeks {count} panduan perilaku, per nilai", ["Panduan perilaku", "Indeks"], "".join(groups))
    return f'<h3 id="hasil-perilaku">Indeks per panduan perilaku</h3>{table}{_html_top(report["behaviours"])}'


def _html_top(behaviours: dict[str, Any]) -> str:
    title = '<h3 id="hasil-terkuat-terlemah">Perilaku terkuat dan terlemah</h3>'
    if behaviours["all_equal"]:
        return f"{title}<p>{ALL_EQUAL}</p>"

    def listing(entries: list[dict[str, Any]]) -> str:
        items = "".join(
            f'<li>{_h(e["text"])} <span class="laporan__keterangan">({_h(e["dimension_title"])}, '
            f"indeks {_display(e['index'])})</span></li>"
            for e in entries
        )
        return f'<ol class="laporan__daftar">{items}</ol>'

    return (
        f"{title}<p>{_h(behaviours['rule'])}</p>"
        f'<h4 id="hasil-terkuat">Terkuat</h4>{listing(behaviours["strongest"])}'
        f'<h4 id="hasil-terlemah">Terlemah</h4>{listing(behaviours["weakest"])}'
    )


def _html_comparison(report: dict[str, Any]) -> str:
    comparison = report["comparison"]
    if comparison is None:
        return ""
    rows = [
        _row(_h(d["title"]), [_display(d["index"]), _display(d["reference"]), _comparison_text(d["difference"])])
        for d in comparison["dimensions"]
    ]
    total = comparison["overall"]
    rows.append(
        _row(
            "Keseluruhan",
            [_display(total["index"]), _display(total["reference"]), _comparison_text(total["difference"])],
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


def _html_recommendations(report: dict[str, Any]) -> str:
    advice = report["recommendations"]
    if advice is None:
        return ""
    blocks = []
    for d in advice["dimensions"]:
        items = "".join(
            f'<li>{_h(a["text"])} <a href="{_h(a["href"])}">{_h(a["link_text"])}</a></li>' for a in d["actions"]
        )
        blocks.append(
            f'<h4>{_h(d["title"])} (indeks {_display(d["index"])})</h4><ul class="laporan__saran">{items}</ul>'
        )
    return (
        '<h3 id="hasil-saran">Saran untuk nilai dengan indeks terendah</h3>'
        f'<p class="laporan__label-saran">{_h(advice["note"])}</p>{"".join(blocks)}'
    )


def _html_history(report: dict[str, Any]) -> str:
    history = report["history"]
    title = '<h3 id="hasil-riwayat">Riwayat di perangkat ini</h3>'
    if history["change"] is None:
        return f"{title}<p>Belum ada hasil sebelumnya yang tersimpan di perangkat ini.</p>"
    change = history["change"]
    since = f'<time datetime="{_h(change["since"])}">{_h(format_date(change["since"]))}</time>'
    total = change["overall"]
    rows = "".join(
        _row(_h(d["title"]), [_display(d["before"]), _display(d["after"]), _change_text(d["change"])])
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
            [_display(e["index"]), _h(e["band"]["label"])],
        )
        for e in history["entries"]
    )
    now = _row("Hasil ini", [_display(report["overall"]["index"]), _h(report["overall"]["band"]["label"])])
    listing = _table(
        "Hasil sebelumnya di perangkat ini", ["Tanggal", "Indeks keseluruhan", "Pita"], f"<tbody>{earlier}{now}</tbody>"
    )
    return (
        f"{title}<p>Sejak hasil {since}, indeks keseluruhan Anda {_h(_direction(total['change']))}: "
        f"dari {_display(total['before'])} menjadi {_display(total['after'])} "
        f"(<strong>{_signed(total['change'])}</strong>).</p>{changes}{listing}"
    )


def _html_field(name: str, label: str, rows: int) -> str:
    ident = f"lembar-{name}"
    return (
        f'<div class="lembar-dialog__isian"><label class="lembar-dialog__label" for="{ident}">{_h(label)}</label>'
        f'<textarea class="lembar-dialog__teks" id="{ident}" name="{_h(name)}" rows="{rows}"></textarea>'
        f'<div class="lembar-dialog__salinan" data-salinan="{_h(name)}" aria-hidden="true"></div></div>'
    )


def _html_sheet(report: dict[str, Any]) -> str:
    fields = {f["dimension"]: f for f in report["dialog"]["fields"] if f["dimension"]}
    general = [f for f in report["dialog"]["fields"] if not f["dimension"]]
    blocks = []
    for d in report["dimensions"]:
        view = "" if d["expectation"] is None else f" · Gambaran diri: <strong>{_h(d['expectation']['label'])}</strong>"
        lowest = min(d["indicators"], key=lambda i: i["index"])
        field = fields[d["id"]]
        blocks.append(
            f'<div class="lembar-dialog__nilai" data-lembar-nilai="{_h(d["id"])}"><h4>{_h(d["title"])}</h4>'
            f"<p>Indeks <strong>{_display(d['index'])}</strong>{view}. Panduan perilaku terendah: "
            f"{_h(lowest['text'])} ({_display(lowest['index'])}).</p>"
            f"{_html_field(field['name'], field['label'], 3)}</div>"
        )
    note = "" if report["expectations"] is None else f'<p class="lembar-dialog__catatan">{_h(EXPECTATION_NOTE)}</p>'
    others = "".join(_html_field(f["name"], f["label"], 4) for f in general)
    return (
        f'<section class="lembar-dialog" id="{SHEET_ID}" aria-labelledby="{SHEET_ID}-judul">'
        f'<h3 id="{SHEET_ID}-judul">Persiapan dialog kinerja</h3>'
        f'<p class="lembar-dialog__pengantar">{_h(report["dialog"]["intro"])}</p>{note}'
        f'<p class="lembar-dialog__ringkas">{_h(report["instrument"]["title"])}: indeks keseluruhan '
        f"{_display(report['overall']['index'])} ({_h(report['overall']['band']['label'])}). {_h(NOTICE)}</p>"
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
        f'<tspan x="{x:.1f}" y="{second:.1f}">{_display(value)}</tspan></text>'
    )


def radar_svg(dimensions: Sequence[dict[str, Any]]) -> str:
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
    description = "; ".join(f"{d['title']} {_display(d['index'])}" for d in dimensions)
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


def render_document(report: dict[str, Any]) -> str:
    """A complete, standalone HTML page (``lang="id"``, inline CSS, no external resources)."""
    title = f"Laporan {report['instrument']['title']}"
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_h(title)}</title>\n<style>{DOCUMENT_CSS}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{_h(title)}</h1>\n{render_html(report)}\n</main>\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------- Markdown


def _md(text: object) -> str:
    """Escape the characters that would change a Markdown table or inline format."""
    return re.sub(r"([\\|*_`\[\]<>])", r"\\\1", str(text))


def _md_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return [*lines, ""]


def render_markdown(report: dict[str, Any]) -> str:
    """The report as Markdown (the radar chart is left out; its numbers are in the first table)."""
    lines = [f"# Laporan {_md(report['instrument']['title'])}", "", f"> {_md(report['notice'])}", ""]
    for part in (_md_summary, _md_dimensions, _md_behaviours, _md_comparison, _md_advice, _md_history, _md_sheet):
        lines.extend(part(report))
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_summary(report: dict[str, Any]) -> list[str]:
    overall, band = report["overall"], report["overall"]["band"]
    lines = [
        "## Hasil refleksi diri",
        "",
        f"Indeks keseluruhan: **{_display(overall['index'])}** dari 100, pita **{_md(band['label'])}**.",
        "",
        _md(band["meaning"]) + ("" if band["official"] else " Nama pita ini buatan situs ini, bukan nama resmi."),
        "",
    ]
    if overall["expectation"] is not None:
        lines += [
            f"Gambaran diri terhadap ekspektasi: **{_md(overall['expectation']['label'])}** "
            "(ambang buatan situs ini, lihat Persiapan dialog kinerja).",
            "",
        ]
    return [*lines, f"{report['answered']} dari {report['total_items']} pernyataan dijawab.", ""]


def _md_dimensions(report: dict[str, Any]) -> list[str]:
    with_view = report["expectations"] is not None
    headers = ["Nilai", "Indeks", "Pita"] + (["Gambaran diri"] if with_view else [])
    rows = [
        [_md(d["title"]), _display(d["index"]), _md(d["band"]["label"])]
        + ([_md(d["expectation"]["label"])] if with_view else [])
        for d in report["dimensions"]
    ]
    lines = ["### Indeks per nilai dasar", "", *_md_table(headers, rows), "### Indeks per panduan perilaku", ""]
    for d in report["dimensions"]:
        lines += [f"**{_md(d['title'])}**", ""]
        lines += _md_table(
            ["Panduan perilaku", "Indeks"], [[_md(i["text"]), _display(i["index"])] for i in d["indicators"]]
        )
    return lines


def _md_behaviours(report: dict[str, Any]) -> list[str]:
    behaviours = report["behaviours"]
    lines = ["### Perilaku terkuat dan terlemah", ""]
    if behaviours["all_equal"]:
        return [
            *lines,
            "Semua panduan perilaku mendapat indeks yang sama, jadi tidak ada yang lebih kuat atau lebih lemah.",
            "",
        ]
    lines += [behaviours["rule"], ""]
    for title, key in (("Terkuat", "strongest"), ("Terlemah", "weakest")):
        lines += [f"#### {title}", ""]
        lines += [
            f"{n}. {_md(e['text'])} ({_md(e['dimension_title'])}, indeks {_display(e['index'])})"
            for n, e in enumerate(behaviours[key], start=1)
        ]
        lines.append("")
    return lines


def _md_comparison(report: dict[str, Any]) -> list[str]:
    comparison = report["comparison"]
    if comparison is None:
        return []
    rows = [
        [_md(d["title"]), _display(d["index"]), _display(d["reference"]), _comparison_text(d["difference"])]
        for d in comparison["dimensions"]
    ]
    total = comparison["overall"]
    rows.append(
        ["Keseluruhan", _display(total["index"]), _display(total["reference"]), _comparison_text(total["difference"])]
    )
    return [
        f"### Dibandingkan dengan {_md(comparison['label'])}",
        "",
        f"**Catatan metode.** {_md(comparison['note'])}",
        "",
        *_md_table(["Nilai", "Indeks Anda", _md(comparison["label"]), "Selisih"], rows),
        f"Sumber angka nasional: {_md(comparison['source'])}.",
        "",
    ]


def _md_advice(report: dict[str, Any]) -> list[str]:
    advice = report["recommendations"]
    if advice is None:
        return []
    lines = ["### Saran untuk nilai dengan indeks terendah", "", _md(advice["note"]), ""]
    for d in advice["dimensions"]:
        lines += [f"#### {_md(d['title'])} (indeks {_display(d['index'])})", ""]
        lines += [f"- {_md(a['text'])} [{_md(a['link_text'])}]({a['href']})" for a in d["actions"]]
        lines.append("")
    return lines


def _md_history(report: dict[str, Any]) -> list[str]:
    history = report["history"]
    lines = ["### Riwayat di perangkat ini", ""]
    change = history["change"]
    if change is None:
        return [*lines, "Belum ada hasil sebelumnya yang tersimpan di perangkat ini.", ""]
    total, since = change["overall"], format_date(change["since"])
    lines += [
        f"Sejak hasil {since}, indeks keseluruhan Anda {_direction(total['change'])}: dari {_display(total['before'])} "
        f"menjadi {_display(total['after'])} (**{_signed(total['change'])}**).",
        "",
    ]
    rows = [
        [_md(d["title"]), _display(d["before"]), _display(d["after"]), _change_text(d["change"])]
        for d in change["dimensions"]
    ]
    lines += _md_table(["Nilai", "Sebelumnya", "Sekarang", "Perubahan"], rows)
    earlier = [[format_date(e["saved_at"]), _display(e["index"]), _md(e["band"]["label"])] for e in history["entries"]]
    earlier.append(["Hasil ini", _display(report["overall"]["index"]), _md(report["overall"]["band"]["label"])])
    return lines + _md_table(["Tanggal", "Indeks keseluruhan", "Pita"], earlier)


def _md_sheet(report: dict[str, Any]) -> list[str]:
    lines = ["### Persiapan dialog kinerja", "", _md(report["dialog"]["intro"]), ""]
    if report["expectations"] is not None:
        lines += [_md(EXPECTATION_NOTE), ""]
    fields = {f["dimension"]: f for f in report["dialog"]["fields"] if f["dimension"]}
    for d in report["dimensions"]:
        view = "" if d["expectation"] is None else f"; gambaran diri: **{_md(d['expectation']['label'])}**"
        lowest = min(d["indicators"], key=lambda i: i["index"])
        lines += [
            f"#### {_md(d['title'])}",
            "",
            f"Indeks **{_display(d['index'])}**{view}. Panduan perilaku terendah: {_md(lowest['text'])} "
            f"({_display(lowest['index'])}).",
            "",
            f"{_md(fields[d['id']]['label'])}:",
            "",
            "- …",
            "",
        ]
    for field in report["dialog"]["fields"]:
        if not field["dimension"]:
            lines += [f"#### {_md(field['label'])}", "", "- …", ""]
    return lines
