"""The result report: what a result means, built once and rendered as HTML, Markdown or JSON.

:func:`build_report` turns an instrument, a result and earlier results into a JSON-serialisable
:class:`~assessment._internal.results.Report` (schema on the site's "Metodologi penilaian" page).
The renderers (:mod:`~assessment._internal.report_html`, :mod:`~assessment._internal.report_markdown`)
only present it, so the browser (which shows the HTML computed in the page's worker), the command line
and the downloaded JSON all say the same. Sentences both renderers show are written here, once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction

from assessment._internal.formatting import (
    decimal_comma,
    direction_word,
    exact_comma,
    format_date,
    parse_date,
    signed_comma,
)
from assessment._internal.model import INDEX_MAX, INDEX_MIN, Dimension, Instrument
from assessment._internal.results import (
    Action,
    BandRef,
    Behaviour,
    Behaviours,
    Category,
    Comparison,
    ComparisonRow,
    Dialog,
    DimensionRef,
    Expectations,
    Extremes,
    History,
    HistoryChange,
    HistoryEntry,
    HistoryRow,
    IdentityField,
    Recommendations,
    Report,
    ReportDimension,
    ReportOverall,
    Result,
    SheetField,
    band_ref,
)
from assessment._internal.scoring import round_index

REPORT_SCHEMA_VERSION = 2
HISTORY_LIMIT = 10
"""At most this many earlier results are listed (the most recent ones)."""
TOP_BEHAVIOURS = 3
ADVISED_DIMENSIONS = 2
"""Recommendations are given for this many dimensions with the lowest index."""
_SAVED_AT_LIMIT = 64
"""Longer ``saved_at`` texts are not dates this site wrote; the entry is skipped."""

NOTICE = (
    "Ini refleksi diri menurut jawaban Anda sendiri: bukan penilaian kinerja, dan bukan hasil survei resmi "
    "Indeks BerAKHLAK KemenPANRB."
)
SHORT_NOTICE = "Refleksi diri, bukan penilaian kinerja."
CODE_NOTE = (
    "Kode ini berisi jawaban Anda, id dan versi instrumen, serta angka pemeriksa; tidak berisi nama. "
    "Dalam sesi sosialisasi, pelatih dapat merekap kode seluruh peserta tanpa server. "
    "Membagikannya pilihan Anda: bacakan, ketik, atau tunjukkan kode QR-nya."
)
STRONGEST_LABEL = "Paling konsisten"
WEAKEST_LABEL = "Paling perlu dikembangkan"
VALUES_EQUAL = "Semua nilai dasar mendapat indeks yang sama."
ORDER_RULE = "Diurutkan menurut indeks; bila indeksnya sama, yang lebih dulu dalam instrumen didahulukan."
ALL_EQUAL = "Semua panduan perilaku mendapat indeks yang sama, jadi tidak ada yang lebih kuat atau lebih lemah."
ADVICE_RULE = "Nilai dengan indeks terendah; bila sama, yang lebih dulu dalam instrumen."
ADVICE_NOTE = (
    "Saran situs ini, bukan ketentuan resmi. Pilih satu atau dua tindakan, lalu bicarakan dengan atasan "
    "dalam dialog kinerja."
)
EXPECTATION_NOTE = (
    "Gambaran diri memakai istilah PermenPANRB 6/2022 (Di Atas, Sesuai, Di Bawah Ekspektasi) sebagai bahan "
    "diskusi, bukan penilaian; ambangnya buatan situs ini, bukan aturan resmi. Predikat perilaku kerja "
    "ditetapkan atasan berdasarkan ekspektasi yang disepakati dan bukti dukung."
)
SHEET_FRAMING = "Bahan diskusi, bukan penilaian."
SHEET_INTRO = (
    "Bawa lembar ini ke dialog kinerja dengan atasan. Tuliskan contoh perilaku Anda (bukti dukung) untuk "
    "setiap nilai, lalu pertanyaan dan ekspektasi yang ingin Anda perjelas."
)
OWN_BAND_NOTE = (
    "Nama kategori ini buatan situs ini untuk refleksi diri (seberapa konsisten perilaku tampak menurut "
    "jawaban Anda), bukan kategori resmi."
)
IDENTITY = (
    ("nama", "Nama"),
    ("nip", "NIP"),
    ("jabatan", "Jabatan"),
    ("perangkat-daerah", "Perangkat daerah"),
    ("periode", "Periode"),
    ("atasan", "Atasan langsung"),
    ("tanggal", "Tanggal"),
)
"""The sheet's identity fields: storage name (kept on the device under these names) and label."""
NO_HISTORY = "Belum ada hasil sebelumnya yang tersimpan di perangkat ini."
_BASE_URL = re.compile(r"^(https?://[^\s\"'<>`]+|(\.{1,2}/)*([A-Za-z0-9._~%-]+/)*[A-Za-z0-9._~%-]*)$")


# ---------------------------------------------------------------- sentences both renderers show


def answered_text(report: Report) -> str:
    """How many statements were answered, as a sentence."""
    return f"{report['answered']} dari {report['total_items']} pernyataan dijawab."


def change_text(value: float) -> str:
    """A change since an earlier result: ``+1,2 (naik)``."""
    return f"{signed_comma(value)} ({direction_word(value)})"


def comparison_text(value: float) -> str:
    """A difference from the reference figure: ``−8,5 (lebih rendah)``."""
    return f"{signed_comma(value)} ({direction_word(value, 'lebih tinggi', 'lebih rendah', 'sama')})"


def history_text(change: HistoryChange) -> str:
    """The overall change since the last earlier result, as a sentence."""
    total = change["overall"]
    return (
        f"Sejak hasil {format_date(change['since'])}, indeks keseluruhan Anda {direction_word(total['change'])}: "
        f"dari {decimal_comma(total['before'])} menjadi {decimal_comma(total['after'])} "
        f"({signed_comma(total['change'])})."
    )


def category_range(category: Category) -> str:
    """The range of a category as read: ``62,5–87,4`` (the top one ``87,5–100``)."""
    upper = category["max"] if category["max"] == INDEX_MAX else round_index(_fraction(category["max"]) - _TENTH)
    return f"{exact_comma(_fraction(category['min']))}–{exact_comma(_fraction(upper))}"


def lowest_indicator_text(dimension: ReportDimension) -> str:
    """The dimension's indicator with the lowest index (the first of equals), for the sheet."""
    lowest = min(dimension["indicators"], key=lambda i: i["index"])
    return f"Panduan perilaku terendah: {lowest['text']} ({decimal_comma(lowest['index'])})."


# ---------------------------------------------------------------- small helpers


_TENTH = Fraction(1, 10)


def _fraction(value: float) -> Fraction:
    """The exact value of a one-decimal number as written (``0.1`` is 1/10, not the binary float)."""
    return Fraction(str(value))


def _difference(after: float, before: float) -> float:
    return round_index(_fraction(after) - _fraction(before))


def _expectation(instrument: Instrument, index: float) -> BandRef | None:
    found = instrument.expectation_for(_fraction(index))
    return None if found is None else band_ref(found)


def check_base_url(value: object) -> str:
    """Return a usable link prefix: ``""``, a relative path such as ``"../../"``, or an http(s) URL.

    A non-empty prefix gets a final ``/``.

    Raises:
        ValueError: Not a string, or something else (e.g. a ``javascript:`` URL).

    """
    if not isinstance(value, str) or not _BASE_URL.match(value):
        shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "…"
        raise ValueError(f"alamat situs tidak sah: {shown}")
    return value if value == "" or value.endswith("/") else value + "/"


# ---------------------------------------------------------------- history


def _history_number(value: object) -> float | None:
    """An index 0–100 (int or float, not bool, not NaN), rounded as the report shows it; else ``None``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not INDEX_MIN <= value <= INDEX_MAX:  # also refuses NaN, infinities and huge integers
        return None
    return round_index(_fraction(value))


def _history_dimensions(instrument: Instrument, raw: object) -> dict[str, float] | None:
    """``{dimension id: index}`` in instrument order, or ``None`` unless every dimension is there once."""
    if not isinstance(raw, list):
        return None
    values: dict[str, float] = {}
    for entry in raw:
        if not isinstance(entry, Mapping):
            return None
        ident, index = entry.get("id"), _history_number(entry.get("index"))
        if not isinstance(ident, str) or index is None or ident in values:
            return None
        values[ident] = index
    expected = [d.id for d in instrument.dimensions]
    if set(values) != set(expected):
        return None
    return {ident: values[ident] for ident in expected}


def _history_entry(instrument: Instrument, raw: object) -> HistoryEntry | None:
    """One earlier result, or ``None`` if it is unusable in any way."""
    if not isinstance(raw, Mapping):
        return None
    saved_at, source, overall = raw.get("saved_at"), raw.get("instrument"), raw.get("overall")
    if not isinstance(saved_at, str) or len(saved_at) > _SAVED_AT_LIMIT or parse_date(saved_at) is None:
        return None
    if not isinstance(source, Mapping) or source.get("id") != instrument.id or not isinstance(overall, Mapping):
        return None
    index = _history_number(overall.get("index"))
    dimensions = _history_dimensions(instrument, raw.get("dimensions"))
    if index is None or dimensions is None:
        return None
    return {"saved_at": saved_at, "index": index, "dimensions": dimensions}


def parse_history(instrument: Instrument, history: object) -> list[HistoryEntry]:
    """Keep the usable earlier results, in the given order (oldest first, newest last).

    Anything unusable is skipped, never an error: a history that is not a list, and any entry that
    is not an object, lacks an ISO ``saved_at``, belongs to another instrument, or does not hold
    exactly one index 0–100 under a text id for each of the instrument's dimensions.
    """
    if not isinstance(history, list | tuple):
        return []
    return [entry for raw in history if (entry := _history_entry(instrument, raw)) is not None]


# ---------------------------------------------------------------- building the report


def build_report(
    instrument: Instrument, result: Result, history: object = (), base_url: str = "", code: str | None = None
) -> Report:
    """Build the report content from a scored result.

    Args:
        instrument: The instrument the result was scored with.
        result: The output of :func:`assessment.score`.
        history: Earlier results of this device, each a result with ``saved_at`` (ISO date), oldest
            first; unusable entries are skipped (see :func:`parse_history`).
        base_url: Prefix of the site's links, checked by :func:`check_base_url`.
        code: The result code of the answers (:func:`assessment.result_code`), shown for a group recap.

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
        "extremes": _extremes(dimensions),
        "categories": _categories(instrument),
        "dimensions": dimensions,
        "behaviours": _behaviours(dimensions),
        "comparison": _comparison(instrument, result, dimensions),
        "recommendations": _recommendations(instrument, dimensions, base),
        "history": _history(instrument, result, parse_history(instrument, history)),
        "expectations": _expectation_levels(instrument),
        "dialog": _dialog(dimensions),
        "code": code,
        "base_url": base,
    }


def _overall(instrument: Instrument, result: Result) -> ReportOverall:
    index = result["overall"]["index"]
    band = instrument.band_for(_fraction(index))
    return {
        "index": index,
        "band": {**band_ref(band), "meaning": band.meaning, "official": band.official},
        "expectation": _expectation(instrument, index),
    }


def _categories(instrument: Instrument) -> list[Category]:
    return [
        {
            "id": b.id,
            "label": b.label,
            "min": float(b.lower),
            "max": float(b.upper),
            "meaning": b.meaning,
            "official": b.official,
        }
        for b in instrument.bands
    ]


def _extremes(dimensions: list[ReportDimension]) -> Extremes | None:
    """The values with the highest and lowest index, the first in instrument order among equals."""
    if len({d["index"] for d in dimensions}) <= 1:
        return None

    def ref(d: ReportDimension) -> DimensionRef:
        return {"id": d["id"], "title": d["title"], "index": d["index"], "band": d["band"]}

    strongest = max(dimensions, key=lambda d: d["index"])  # max and min keep the first of equals
    weakest = min(dimensions, key=lambda d: d["index"])
    return {"strongest": ref(strongest), "weakest": ref(weakest)}


def _dimensions(instrument: Instrument, result: Result) -> list[ReportDimension]:
    scored = {entry["id"]: entry for entry in result["dimensions"]}
    output: list[ReportDimension] = []
    for dimension in instrument.dimensions:
        entry = scored[dimension.id]
        indicators = {i["id"]: i["index"] for i in entry["indicators"]}
        output.append(
            {
                "id": dimension.id,
                "title": dimension.title,
                "meaning": dimension.meaning,
                "index": entry["index"],
                "band": band_ref(instrument.band_for(_fraction(entry["index"]))),
                "expectation": _expectation(instrument, entry["index"]),
                "indicators": [{"id": i.id, "text": i.text, "index": indicators[i.id]} for i in dimension.indicators],
            }
        )
    return output


def _behaviours(dimensions: list[ReportDimension]) -> Behaviours:
    """Strongest and weakest indicators; ties keep instrument order; the lists never overlap."""
    flat: list[Behaviour] = [
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


def _comparison(instrument: Instrument, result: Result, dimensions: list[ReportDimension]) -> Comparison | None:
    reference = instrument.reference
    if reference is None:
        return None
    national = {d.id: d.national for d in instrument.dimensions}

    def row(index: float, value: Fraction | None) -> ComparisonRow:
        figure = float(value) if value is not None else 0.0
        return {"index": index, "reference": figure, "difference": _difference(index, figure)}

    return {
        "label": reference.label,
        "source": reference.source,
        "note": reference.note,
        "overall": row(result["overall"]["index"], reference.overall),
        "dimensions": [{"id": d["id"], "title": d["title"], **row(d["index"], national[d["id"]])} for d in dimensions],
    }


def _lowest(dimensions: list[ReportDimension], count: int) -> list[ReportDimension]:
    order = {d["id"]: position for position, d in enumerate(dimensions)}
    return sorted(dimensions, key=lambda d: (d["index"], order[d["id"]]))[:count]


def _recommendations(instrument: Instrument, dimensions: list[ReportDimension], base: str) -> Recommendations | None:
    advice: dict[str, Dimension] = {d.id: d for d in instrument.dimensions if d.recommendations}
    if not advice:
        return None

    def actions(dimension: Dimension) -> list[Action]:
        return [
            {"id": r.id, "text": r.text, "link_text": r.link_text, "path": r.link, "href": base + r.link}
            for r in dimension.recommendations
        ]

    return {
        "note": ADVICE_NOTE,
        "rule": ADVICE_RULE,
        "dimensions": [
            {"id": d["id"], "title": d["title"], "index": d["index"], "actions": actions(advice[d["id"]])}
            for d in _lowest(dimensions, ADVISED_DIMENSIONS)
            if d["id"] in advice
        ],
    }


def _history(instrument: Instrument, result: Result, entries: list[HistoryEntry]) -> History:
    shown: list[HistoryRow] = [
        {"saved_at": e["saved_at"], "index": e["index"], "band": band_ref(instrument.band_for(_fraction(e["index"])))}
        for e in entries[-HISTORY_LIMIT:]
    ]
    if not entries:
        return {"entries": [], "change": None}
    previous, now = entries[-1], result["overall"]["index"]
    current = {d["id"]: d["index"] for d in result["dimensions"]}
    change: HistoryChange = {
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


def _expectation_levels(instrument: Instrument) -> Expectations | None:
    if not instrument.expectations:
        return None
    return {
        "note": EXPECTATION_NOTE,
        "levels": [
            {"id": e.id, "label": e.label, "min": float(e.lower), "max": float(e.upper), "meaning": e.meaning}
            for e in instrument.expectations
        ],
    }


def _dialog(dimensions: list[ReportDimension]) -> Dialog:
    fields: list[SheetField] = [
        {
            "name": f"bukti-{d['id']}",
            "label": f"Bukti dukung {d['title']}",
            "dimension": d["id"],
        }
        for d in dimensions
    ]
    fields.append({"name": "pertanyaan", "label": "Pertanyaan untuk atasan", "dimension": None})
    fields.append({"name": "ekspektasi", "label": "Ekspektasi yang perlu diperjelas", "dimension": None})
    identity: list[IdentityField] = [{"name": name, "label": label} for name, label in IDENTITY]
    return {"framing": SHEET_FRAMING, "intro": SHEET_INTRO, "identity": identity, "fields": fields}
