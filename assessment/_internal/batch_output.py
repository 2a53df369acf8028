"""The outputs of a batch (JSON, CSV, Markdown, and a few lines for the terminal); each streams the rows.

The CSV output is meant for spreadsheets: labels and messages that a spreadsheet would run as a
formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading ``'``, as
OWASP advises against CSV injection.
"""

from __future__ import annotations

import csv
import json
from typing import TextIO

from assessment._internal.batch import BATCH_SCHEMA_VERSION, Batch, BatchSummary
from assessment._internal.formatting import decimal_comma_or_dash, markdown_text
from assessment._internal.model import Instrument
from assessment._internal.scoring import TENTHS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_DELIMITER_NAMES = {",": "koma", ";": "titik koma", "\t": "tab"}


def spreadsheet_text(text: str) -> str:
    """``text`` that a spreadsheet shows as text, never runs as a formula (OWASP: prefix ``'``)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_json(batch: Batch, out: TextIO) -> BatchSummary:
    """Write ``{schema_version, instrument, source, rows: [...], summary}`` as JSON, row by row."""
    instrument = batch.instrument
    head = {
        "schema_version": BATCH_SCHEMA_VERSION,
        "instrument": {"id": instrument.id, "version": instrument.version},
        "source": batch.source(),
    }
    out.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "rows": [')
    separator = "\n"
    for outcome in batch.rows():
        out.write(separator + "    " + json.dumps(outcome.to_dict(), ensure_ascii=False))
        separator = ",\n"
    summary = batch.summary.to_dict()
    text = json.dumps(summary, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    out.write(f'\n  ],\n  "summary": {text}\n}}\n')
    return summary


def write_csv(batch: Batch, out: TextIO) -> BatchSummary:
    """One line per data row: row, label, status, overall index and band, each dimension's index and view.

    Numbers use a decimal comma when the input used ``;`` (as spreadsheets in the Indonesian locale do),
    else a dot; the output uses the input's delimiter.
    """
    instrument, scorer = batch.instrument, batch.scorer
    dimensions = [d.id for d in instrument.dimensions]
    expectations = scorer.expectations
    views = [f"ekspektasi_{d}" for d in dimensions] if expectations is not None else []
    writer = csv.writer(out, delimiter=batch.layout.delimiter, lineterminator="\n")
    writer.writerow(["baris", "responden", "status", "indeks", "kategori", *dimensions, *views, "keterangan"])
    point = "," if batch.layout.delimiter == ";" else "."
    number = [f"{t // 10}{point}{t % 10}" for t in TENTHS]
    band = [scorer.bands[t].id for t in TENTHS]
    view = [expectations[t].id for t in TENTHS] if expectations is not None else []
    blanks = [""] * (2 + len(dimensions) + len(views))
    for outcome in batch.rows():
        scores, label = outcome.scores, spreadsheet_text(outcome.label or "")
        if scores is None:
            writer.writerow([outcome.row, label, "galat", *blanks, spreadsheet_text(outcome.error or "")])
            continue
        indexes = scores.dimensions
        writer.writerow(
            [
                outcome.row,
                label,
                "ok",
                number[scores.overall],
                band[scores.overall],
                *[number[t] for t in indexes],
                *([view[t] for t in indexes] if view else ()),
                "",
            ]
        )
    return batch.summary.to_dict()


def write_markdown(batch: Batch, out: TextIO) -> BatchSummary:
    """A Markdown recap: one table row per respondent (streamed), then bad rows and the summary."""
    instrument = batch.instrument
    titles = [markdown_text(d.title) for d in instrument.dimensions]
    source = batch.source()
    column = source["label_column"]
    label = f"kolom responden '{markdown_text(column)}'" if column else "tanpa kolom responden"
    out.write(
        f"# Rekap {markdown_text(instrument.title)}\n\n"
        "> Hasil refleksi diri, bukan hasil survei resmi Indeks BerAKHLAK KemenPANRB.\n\n"
        f"Berkas: {markdown_text(source['file'])}; pemisah kolom {_DELIMITER_NAMES[source['delimiter']]}; {label}.\n\n"
        "## Hasil per responden\n\n"
        f"| Baris | Responden | Indeks | Pita | {' | '.join(titles)} |\n"
        f"|{'---|' * (4 + len(titles))}\n"
    )
    for outcome in batch.rows():
        result = outcome.result
        if result is None:
            continue
        cells = [decimal_comma_or_dash(e["index"]) for e in result["dimensions"]]
        overall = result["overall"]
        out.write(
            f"| {outcome.row} | {markdown_text(outcome.label or '–')} | {decimal_comma_or_dash(overall['index'])} | "
            f"{markdown_text(overall['band']['label'])} | {' | '.join(cells)} |\n"
        )
    summary = batch.summary.to_dict()
    out.write("\n" + markdown_summary(summary, instrument))
    return summary


def markdown_summary(summary: BatchSummary, instrument: Instrument) -> str:
    """The summary (and the rows that could not be scored) as Markdown."""
    lines = []
    if summary["bad_rows"]:
        lines += ["## Baris yang tidak dapat dinilai", ""]
        lines += [f"- Baris {b['row']}{_who(b['label'])}: {markdown_text(b['reason'])}" for b in summary["bad_rows"]]
        lines.append("")
    lines += [
        "## Ringkasan",
        "",
        f"{summary['scored']} dari {summary['rows']} baris berisi dinilai; {summary['bad']} baris bermasalah; "
        f"{summary['empty_skipped']} baris kosong dilewati. Rata-rata adalah rata-rata indeks yang sudah dibulatkan.",
        "",
    ]
    entries = [("Keseluruhan", summary["overall"]), *((d["title"], d) for d in summary["dimensions"])]
    bands = [markdown_text(b.label) for b in instrument.bands]
    lines += [f"| Nilai | Rata-rata indeks | {' | '.join(bands)} |", f"|{'---|' * (2 + len(bands))}"]
    lines += [
        f"| {markdown_text(name)} | {decimal_comma_or_dash(t['mean'])} | "
        f"{' | '.join(str(b['count']) for b in t['bands'])} |"
        for name, t in entries
    ]
    lines.append("")
    if instrument.expectations:
        views = [markdown_text(e.label) for e in instrument.expectations]
        lines += [
            "Sebaran gambaran diri terhadap ekspektasi (ambang buatan situs ini, bukan aturan resmi):",
            "",
            f"| Nilai | {' | '.join(views)} |",
            f"|{'---|' * (1 + len(views))}",
        ]
        lines += [
            f"| {markdown_text(name)} | {' | '.join(str(e['count']) for e in t['expectations'] or [])} |"
            for name, t in entries
        ]
        lines.append("")
    return "\n".join(lines)


def _who(label: str | None) -> str:
    return f" ({markdown_text(label)})" if label else ""


def text_summary(summary: BatchSummary) -> str:
    """A few plain lines for the terminal (used with ``--format csv``, whose file holds only rows)."""
    lines = [
        f"ringkasan: {summary['scored']} dari {summary['rows']} baris dinilai, {summary['bad']} bermasalah, "
        f"{summary['empty_skipped']} kosong dilewati"
    ]
    entries = [("keseluruhan", summary["overall"]), *((d["id"], d) for d in summary["dimensions"])]
    for name, tally in entries:
        bands = ", ".join(f"{b['label']} {b['count']}" for b in tally["bands"])
        lines.append(f"  {name}: rata-rata {decimal_comma_or_dash(tally['mean'])}; {bands}")
    return "\n".join(lines) + "\n"
