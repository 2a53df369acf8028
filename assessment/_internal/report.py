"""The result report: what a result means, built once and rendered as HTML, Markdown or JSON.

:func:`build_report` turns an instrument, a result and earlier results into a JSON-serialisable
``report`` dict (schema on the site's "Metodologi penilaian" page). The renderers
(:mod:`~assessment._internal.report_html`, :mod:`~assessment._internal.report_markdown`) only format
that dict, so the browser (which shows the HTML computed by Python in the page's worker), the command
line and the downloaded JSON all say the same.

Display numbers use the Indonesian decimal comma; machine-readable ``data-`` attributes keep the dot.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from fractions import Fraction
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


def decimal_dot(value: float) -> str:
    """One decimal, dot as separator: the machine-readable form."""
    return f"{value:.1f}"


def decimal_comma(value: float) -> str:
    """One decimal, comma as separator: the Indonesian reading form."""
    return decimal_dot(value).replace(".", ",")


def signed_comma(value: float) -> str:
    """A change with its sign (``+1,2``, ``−0,5``, ``0,0``), for reading."""
    if value > 0:
        return "+" + decimal_comma(value)
    if value < 0:
        return "−" + decimal_comma(-value)
    return decimal_comma(0.0)


def direction_word(value: float, up: str = "naik", down: str = "turun", same: str = "tetap") -> str:
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


def change_text(value: float) -> str:
    return f"{signed_comma(value)} ({direction_word(value)})"


def comparison_text(value: float) -> str:
    return f"{signed_comma(value)} ({direction_word(value, 'lebih tinggi', 'lebih rendah', 'sama')})"
