"""The report as Markdown, for the command line."""

from __future__ import annotations

from collections.abc import Sequence

from assessment._internal.formatting import decimal_comma, format_date, markdown_link
from assessment._internal.formatting import markdown_text as _md
from assessment._internal.report import (
    ALL_EQUAL,
    EXPECTATION_NOTE,
    NO_HISTORY,
    OWN_BAND_NOTE,
    answered_text,
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
    """The report as Markdown (the radar chart is left out; its numbers are in the first table)."""
    lines = [f"# Laporan {_md(report['instrument']['title'])}", "", f"> {_md(report['notice'])}", ""]
    for part in (_md_summary, _md_dimensions, _md_behaviours, _md_comparison, _md_advice, _md_history, _md_sheet):
        lines.extend(part(report))
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_summary(report: Report) -> list[str]:
    overall, band = report["overall"], report["overall"]["band"]
    lines = [
        "## Hasil refleksi diri",
        "",
        f"Indeks keseluruhan: **{decimal_comma(overall['index'])}** dari 100, pita **{_md(band['label'])}**.",
        "",
        _md(band["meaning"]) + ("" if band["official"] else " " + _md(OWN_BAND_NOTE)),
        "",
    ]
    if overall["expectation"] is not None:
        lines += [
            f"Gambaran diri terhadap ekspektasi: **{_md(overall['expectation']['label'])}** "
            "(ambang buatan situs ini, lihat Persiapan dialog kinerja).",
            "",
        ]
    return [*lines, answered_text(report), ""]


def _md_dimensions(report: Report) -> list[str]:
    with_view = report["expectations"] is not None
    headers = ["Nilai", "Indeks", "Pita"] + (["Gambaran diri"] if with_view else [])
    rows = [
        [_md(d["title"]), decimal_comma(d["index"]), _md(d["band"]["label"])]
        + ([_md(d["expectation"]["label"]) if d["expectation"] else ""] if with_view else [])
        for d in report["dimensions"]
    ]
    lines = ["### Indeks per nilai dasar", "", *_md_table(headers, rows), "### Indeks per panduan perilaku", ""]
    for d in report["dimensions"]:
        lines += [f"**{_md(d['title'])}**", ""]
        lines += _md_table(
            ["Panduan perilaku", "Indeks"], [[_md(i["text"]), decimal_comma(i["index"])] for i in d["indicators"]]
        )
    return lines


def _md_behaviours(report: Report) -> list[str]:
    behaviours = report["behaviours"]
    lines = ["### Perilaku terkuat dan terlemah", ""]
    if behaviours["all_equal"]:
        return [*lines, _md(ALL_EQUAL), ""]
    lines += [_md(behaviours["rule"]), ""]
    for title, entries in (("Terkuat", behaviours["strongest"]), ("Terlemah", behaviours["weakest"])):
        lines += [f"#### {title}", ""]
        lines += [
            f"{n}. {_md(e['text'])} ({_md(e['dimension_title'])}, indeks {decimal_comma(e['index'])})"
            for n, e in enumerate(entries, start=1)
        ]
        lines.append("")
    return lines


def _md_comparison(report: Report) -> list[str]:
    comparison = report["comparison"]
    if comparison is None:
        return []
    rows = [
        [_md(d["title"]), decimal_comma(d["index"]), decimal_comma(d["reference"]), comparison_text(d["difference"])]
        for d in comparison["dimensions"]
    ]
    total = comparison["overall"]
    rows.append(
        [
            "Keseluruhan",
            decimal_comma(total["index"]),
            decimal_comma(total["reference"]),
            comparison_text(total["difference"]),
        ]
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


def _md_advice(report: Report) -> list[str]:
    advice = report["recommendations"]
    if advice is None:
        return []
    lines = ["### Saran untuk nilai dengan indeks terendah", "", _md(advice["note"]), ""]
    for d in advice["dimensions"]:
        lines += [f"#### {_md(d['title'])} (indeks {decimal_comma(d['index'])})", ""]
        lines += [f"- {_md(a['text'])} {markdown_link(a['link_text'], a['href'])}" for a in d["actions"]]
        lines.append("")
    return lines


def _md_history(report: Report) -> list[str]:
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
        [format_date(e["saved_at"]), decimal_comma(e["index"]), _md(e["band"]["label"])] for e in history["entries"]
    ]
    earlier.append(["Hasil ini", decimal_comma(report["overall"]["index"]), _md(report["overall"]["band"]["label"])])
    return lines + _md_table(["Tanggal", "Indeks keseluruhan", "Pita"], earlier)


def _md_sheet(report: Report) -> list[str]:
    lines = ["### Persiapan dialog kinerja", "", _md(report["dialog"]["intro"]), ""]
    if report["expectations"] is not None:
        lines += [_md(EXPECTATION_NOTE), ""]
    fields = {f["dimension"]: f for f in report["dialog"]["fields"] if f["dimension"]}
    for d in report["dimensions"]:
        view = "" if d["expectation"] is None else f"; gambaran diri: **{_md(d['expectation']['label'])}**"
        lines += [
            f"#### {_md(d['title'])}",
            "",
            f"Indeks **{decimal_comma(d['index'])}**{view}. {_md(lowest_indicator_text(d))}",
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
