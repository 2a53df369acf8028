"""The report as Markdown, for the command line: the same parts, in the same order, as the HTML view."""

from __future__ import annotations

from collections.abc import Sequence

from assessment._internal.formatting import decimal_comma, format_date, markdown_link
from assessment._internal.formatting import markdown_text as _md
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
from assessment._internal.results import Report


def _md_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return [*lines, ""]


def render_markdown(report: Report) -> str:
    """The report as Markdown (the bars are left out; their numbers are in the first table)."""
    lines = [f"# Laporan {_md(report['instrument']['title'])}", ""]
    parts = (_summary, _values, _code, _behaviours, _top, _comparison, _advice, _history, _about, _sheet)
    for part in parts:
        lines.extend(part(report))
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(report: Report) -> list[str]:
    overall, band = report["overall"], report["overall"]["band"]
    lines = [
        "## Hasil refleksi diri Anda",
        "",
        f"Indeks keseluruhan **{decimal_comma(overall['index'])}** dari 100: **{_md(band['label'])}**.",
        "",
        _md(band["meaning"]),
        "",
    ]
    extremes = report["extremes"]
    if extremes is None:
        lines += [_md(VALUES_EQUAL), ""]
    else:
        for label, d in ((STRONGEST_LABEL, extremes["strongest"]), (WEAKEST_LABEL, extremes["weakest"])):
            lines.append(f"- {_md(label)}: **{_md(d['title'])}** ({decimal_comma(d['index'])})")
        lines.append("")
    return [*lines, f"*{_md(SHORT_NOTICE)}*", ""]


def _code(report: Report) -> list[str]:
    if not report["code"]:
        return []
    return ["## Kode hasil untuk rekap kelompok", "", f"`{report['code']}`", "", _md(CODE_NOTE), ""]


def _values(report: Report) -> list[str]:
    rows = [[_md(d["title"]), decimal_comma(d["index"]), _md(d["band"]["label"])] for d in report["dimensions"]]
    return ["### Indeks per nilai dasar", "", *_md_table(["Nilai", "Indeks", "Kategori"], rows)]


def _behaviours(report: Report) -> list[str]:
    count = sum(len(d["indicators"]) for d in report["dimensions"])
    lines = [f"### Indeks {count} panduan perilaku", ""]
    for d in report["dimensions"]:
        lines += [f"**{_md(d['title'])}**", ""]
        lines += _md_table(
            ["Panduan perilaku", "Indeks"], [[_md(i["text"]), decimal_comma(i["index"])] for i in d["indicators"]]
        )
    return lines


def _top(report: Report) -> list[str]:
    behaviours = report["behaviours"]
    lines = ["### Perilaku paling dan paling jarang tampak", ""]
    if behaviours["all_equal"]:
        return [*lines, _md(ALL_EQUAL), ""]
    lines += [_md(behaviours["rule"]), ""]
    for title, entries in (
        ("Paling sering tampak", behaviours["strongest"]),
        ("Paling jarang tampak", behaviours["weakest"]),
    ):
        lines += [f"#### {title}", ""]
        lines += [
            f"{n}. {_md(e['text'])} ({_md(e['dimension_title'])}, indeks {decimal_comma(e['index'])})"
            for n, e in enumerate(entries, start=1)
        ]
        lines.append("")
    return lines


def _comparison(report: Report) -> list[str]:
    comparison = report["comparison"]
    if comparison is None:
        return []

    def cells(index: float, reference: float, difference: float) -> list[str]:
        return [decimal_comma(index), decimal_comma(reference), comparison_text(difference)]

    rows = [[_md(d["title"]), *cells(d["index"], d["reference"], d["difference"])] for d in comparison["dimensions"]]
    total = comparison["overall"]
    rows.append(["Keseluruhan", *cells(total["index"], total["reference"], total["difference"])])
    return [
        f"### Dibandingkan dengan {_md(comparison['label'])}",
        "",
        f"**Catatan metode.** {_md(comparison['note'])}",
        "",
        *_md_table(["Nilai", "Anda", "Nasional", "Selisih"], rows),
        f"Sumber angka nasional: {_md(comparison['source'])}.",
        "",
    ]


def _advice(report: Report) -> list[str]:
    advice = report["recommendations"]
    if advice is None:
        return []
    lines = ["### Saran untuk nilai dengan indeks terendah", "", _md(advice["note"]), ""]
    for d in advice["dimensions"]:
        lines += [f"#### {_md(d['title'])} (indeks {decimal_comma(d['index'])})", ""]
        lines += [f"- {_md(a['text'])} {markdown_link(a['link_text'], a['href'])}" for a in d["actions"]]
        lines.append("")
    return lines


def _history(report: Report) -> list[str]:
    history = report["history"]
    lines = ["### Riwayat di perangkat ini", ""]
    change = history["change"]
    if change is None:
        return [*lines, _md(NO_HISTORY), ""]
    lines += [_md(history_text(change)), ""]
    rows = [
        [_md(d["title"]), decimal_comma(d["before"]), decimal_comma(d["after"]), change_text(d["change"])]
        for d in change["dimensions"]
    ]
    lines += _md_table(["Nilai", "Sebelumnya", "Sekarang", "Perubahan"], rows)
    earlier = [
        [_md(format_date(e["saved_at"])), decimal_comma(e["index"]), _md(e["band"]["label"])]
        for e in history["entries"]
    ]
    earlier.append(["Hasil ini", decimal_comma(report["overall"]["index"]), _md(report["overall"]["band"]["label"])])
    return lines + _md_table(["Tanggal", "Indeks", "Kategori"], earlier)


def _about(report: Report) -> list[str]:
    lines = [
        "### Tentang hasil ini",
        "",
        _md(report["notice"]),
        "",
        answered_text(report),
        "",
        "Kategori menurut indeks:",
        "",
    ]
    lines += [f"- **{_md(c['label'])}** ({category_range(c)}): {_md(c['meaning'])}" for c in report["categories"]]
    lines.append("")
    if not all(c["official"] for c in report["categories"]):
        lines += [_md(OWN_BAND_NOTE), ""]
    return lines


def _sheet(report: Report) -> list[str]:
    dialog = report["dialog"]
    lines = ["### Persiapan dialog kinerja", "", f"**{_md(dialog['framing'])}** {_md(dialog['intro'])}", ""]
    lines += [f"- {_md(f['label'])}: …" for f in dialog["identity"]]
    lines.append("")
    if report["expectations"] is not None:
        lines += [_md(EXPECTATION_NOTE), ""]
    fields = {f["dimension"]: f for f in dialog["fields"] if f["dimension"]}
    for d in report["dimensions"]:
        if d["id"] not in fields:
            continue
        view = "" if d["expectation"] is None else f"; gambaran diri: **{_md(d['expectation']['label'])}**"
        lines += [
            f"#### {_md(d['title'])}",
            "",
            f"Indeks **{decimal_comma(d['index'])}** ({_md(d['band']['label'])}){view}. "
            f"{_md(lowest_indicator_text(d))}",
            "",
            f"{_md(fields[d['id']]['label'])}:",
            "",
            "- …",
            "",
        ]
    for field in dialog["fields"]:
        if not field["dimension"]:
            lines += [f"#### {_md(field['label'])}", "", "- …", ""]
    return lines
