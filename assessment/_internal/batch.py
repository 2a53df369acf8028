"""Scoring many respondents from one CSV file, as exported from a spreadsheet or a form tool.

The file is read row by row (large files stream): one row per respondent, one column per item id.
Rules (documented on the "Metodologi penilaian" page):

* UTF-8, with or without BOM; the delimiter (``,``, ``;`` or tab) is detected from the header line;
* header = spreadsheet row 1; column names are matched to item ids ignoring case and spaces around;
* the first column named ``id``, ``responden`` or ``nama`` (in that order of preference) is kept as the
  respondent's label; every other column (timestamp, NIP, …) is ignored;
* a cell holds an integer on the scale (``4``), the same with zero decimals as spreadsheets write it
  (``4.0``, ``4,00``), or the scale label (``Sering``, ignoring case); an empty cell is unanswered;
* a row whose cells are all empty is skipped; any other row that cannot be scored is reported with its
  spreadsheet row number and reason, and the other rows are still scored.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, TextIO

from assessment._internal.model import Band, Instrument
from assessment._internal.results import Result
from assessment._internal.scoring import AnswerError, round_index, score

BATCH_SCHEMA_VERSION = 1
LABEL_COLUMNS = ("id", "responden", "nama")
DELIMITERS = (",", ";", "\t")
_WHOLE_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]0+)?$")


class CsvFileError(ValueError):
    """The CSV file as a whole cannot be used (no item columns, not UTF-8, broken quoting)."""


@dataclass(frozen=True)
class Layout:
    """How the header maps columns to items and to the respondent's label."""

    delimiter: str
    items: dict[str, int]
    label_column: str | None
    label_index: int | None
    width: int


@dataclass(frozen=True)
class Outcome:
    """One data row: its spreadsheet row number, label, and result or reason."""

    row: int
    label: str | None
    result: Result | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The row as plain data for the JSON output."""
        if self.result is not None:
            return {"row": self.row, "label": self.label, "ok": True, "result": self.result}
        return {"row": self.row, "label": self.label, "ok": False, "error": self.error}


def sniff_delimiter(header: str) -> str:
    """The most frequent of ``,``, ``;`` and tab outside quotes in the header line (``,`` on a tie)."""
    outside = re.sub(r'"[^"]*"', "", header)
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def read_layout(instrument: Instrument, header: list[str], delimiter: str) -> Layout:
    """Map the header's columns; refuse a file that cannot give any score.

    Raises:
        CsvFileError: No item column, a required item without a column, or an item column twice.

    """
    names = [name.strip().casefold() for name in header]
    known = {item.id.casefold(): item for item in instrument.items}
    items: dict[str, int] = {}
    for position, name in enumerate(names):
        item = known.get(name)
        if item is None:
            continue
        if item.id in items:
            raise CsvFileError(f"kolom butir '{item.id}' muncul dua kali di baris judul")
        items[item.id] = position
    if not items:
        raise CsvFileError(
            f"baris judul tidak memuat kolom butir instrumen {instrument.id} (mis. '{instrument.items[0].id}')"
        )
    missing = [item.id for item in instrument.items if item.required and item.id not in items]
    if missing:
        raise CsvFileError(f"{len(missing)} kolom butir wajib tidak ada: {', '.join(missing)}")
    label_index = next((names.index(n) for n in LABEL_COLUMNS if n in names), None)
    label_column = None if label_index is None else header[label_index].strip()
    return Layout(delimiter, items, label_column, label_index, len(header))


def parse_cell(instrument: Instrument, cell: str) -> int | str | None:
    """A cell as an answer: ``None`` if empty, an integer if whole or a scale label, else the text."""
    text = cell.strip()
    if not text:
        return None
    if _WHOLE_NUMBER.match(text):
        return int(re.split(r"[.,]", text)[0])
    for choice in instrument.scale.choices:
        if text.casefold() == choice.label.casefold():
            return choice.value
    return text


@dataclass
class _Tally:
    total: Fraction = Fraction(0)
    bands: dict[str, int] = field(default_factory=dict)
    expectations: dict[str, int] = field(default_factory=dict)

    def add(self, instrument: Instrument, index: float) -> None:
        exact = Fraction(str(index))
        self.total += exact
        band = instrument.band_for(exact).id
        self.bands[band] = self.bands.get(band, 0) + 1
        expectation = instrument.expectation_for(exact)
        if expectation is not None:
            self.expectations[expectation.id] = self.expectations.get(expectation.id, 0) + 1


def _counts(ranges: tuple[Band, ...], counts: dict[str, int]) -> list[dict[str, Any]]:
    return [{"id": r.id, "label": r.label, "count": counts.get(r.id, 0)} for r in ranges]


@dataclass
class Summary:
    """Running totals over the rows read so far."""

    instrument: Instrument
    scored: int = 0
    empty: int = 0
    bad_rows: list[dict[str, Any]] = field(default_factory=list)
    overall: _Tally = field(default_factory=_Tally)
    dimensions: dict[str, _Tally] = field(default_factory=dict)

    def add(self, outcome: Outcome) -> None:
        """Count one data row."""
        if outcome.result is None:
            self.bad_rows.append({"row": outcome.row, "label": outcome.label, "reason": outcome.error})
            return
        self.scored += 1
        self.overall.add(self.instrument, outcome.result["overall"]["index"])
        for entry in outcome.result["dimensions"]:
            self.dimensions.setdefault(entry["id"], _Tally()).add(self.instrument, entry["index"])

    def _mean(self, tally: _Tally) -> float | None:
        return round_index(tally.total / self.scored) if self.scored else None

    def _tally(self, tally: _Tally) -> dict[str, Any]:
        expectations = self.instrument.expectations
        return {
            "mean": self._mean(tally),
            "bands": _counts(self.instrument.bands, tally.bands),
            "expectations": _counts(expectations, tally.expectations) if expectations else None,
        }

    def to_dict(self) -> dict[str, Any]:
        """The summary as plain data (see the "Metodologi penilaian" page)."""
        return {
            "rows": self.scored + len(self.bad_rows),
            "scored": self.scored,
            "bad": len(self.bad_rows),
            "empty_skipped": self.empty,
            "bad_rows": self.bad_rows,
            "overall": self._tally(self.overall),
            "dimensions": [
                {"id": d.id, "title": d.title, **self._tally(self.dimensions.get(d.id, _Tally()))}
                for d in self.instrument.dimensions
            ],
        }


class Batch:
    """A CSV file being scored: its layout, and its rows as they are read."""

    def __init__(self, instrument: Instrument, stream: TextIO, name: str = "<csv>") -> None:
        """Read the header line and map its columns.

        Raises:
            CsvFileError: The file cannot be used (see :func:`read_layout`), or is not UTF-8.

        """
        self.instrument = instrument
        self.name = name
        self.summary = Summary(instrument)
        self._stream = stream
        line = stream.readline().removeprefix("\ufeff")
        if not line.strip():
            raise CsvFileError("berkas kosong atau baris pertamanya (judul kolom) kosong")
        if "\ufffd" in line:
            raise CsvFileError("berkas bukan teks UTF-8; simpan ulang sebagai 'CSV UTF-8'")
        delimiter = sniff_delimiter(line)
        header = next(csv.reader([line], delimiter=delimiter))
        self.layout = read_layout(instrument, header, delimiter)

    def source(self) -> dict[str, Any]:
        """What was detected in the file."""
        return {
            "file": self.name,
            "delimiter": self.layout.delimiter,
            "label_column": self.layout.label_column,
            "item_columns": len(self.layout.items),
        }

    def rows(self) -> Iterator[Outcome]:
        """Score the data rows one by one (row 2 onward), updating :attr:`summary`.

        Raises:
            CsvFileError: The quoting is broken so that the rest of the file cannot be read.

        """
        reader = csv.reader(self._stream, delimiter=self.layout.delimiter)
        row = 1
        try:
            for row, cells in enumerate(reader, start=2):
                if not any(cell.strip() for cell in cells):
                    self.summary.empty += 1
                    continue
                outcome = self._score(row, cells)
                self.summary.add(outcome)
                yield outcome
        except csv.Error as error:
            raise CsvFileError(f"baris {row + 1}: CSV tidak dapat dibaca ({error})") from None

    def _score(self, row: int, cells: list[str]) -> Outcome:
        layout = self.layout
        label = None
        if layout.label_index is not None and layout.label_index < len(cells):
            label = cells[layout.label_index].strip() or None
        extra = [c for c in cells[layout.width :] if c.strip()]
        if extra:
            reason = f"baris berisi {len(cells)} sel, lebih banyak dari {layout.width} kolom judul (periksa pemisah)"
            return Outcome(row, label, error=reason)
        answers = {
            item: parse_cell(self.instrument, cells[column]) if column < len(cells) else None
            for item, column in layout.items.items()
        }
        try:
            return Outcome(row, label, result=score(self.instrument, answers))
        except AnswerError as error:
            return Outcome(row, label, error=str(error))


# ---------------------------------------------------------------- writers (each streams the rows)


def write_json(batch: Batch, out: TextIO) -> Summary:
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
    summary = json.dumps(batch.summary.to_dict(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    out.write(f'\n  ],\n  "summary": {summary}\n}}\n')
    return batch.summary


def _number(value: float | None, comma: bool) -> str:
    if value is None:
        return ""
    text = f"{value:.1f}"
    return text.replace(".", ",") if comma else text


def write_csv(batch: Batch, out: TextIO) -> Summary:
    """One line per data row: row, label, status, overall index and band, each dimension's index and view.

    Numbers use a decimal comma when the input used ``;`` (as spreadsheets in the Indonesian locale do),
    else a dot; the output uses the input's delimiter.
    """
    instrument = batch.instrument
    dimensions = [d.id for d in instrument.dimensions]
    views = [f"ekspektasi_{d}" for d in dimensions] if instrument.expectations else []
    writer = csv.writer(out, delimiter=batch.layout.delimiter, lineterminator="\n")
    writer.writerow(["baris", "responden", "status", "indeks", "pita", *dimensions, *views, "keterangan"])
    comma = batch.layout.delimiter == ";"
    for outcome in batch.rows():
        result = outcome.result
        if result is None:
            blanks = [""] * (2 + len(dimensions) + len(views))
            writer.writerow([outcome.row, outcome.label or "", "galat", *blanks, outcome.error])
            continue
        indexes = [entry["index"] for entry in result["dimensions"]]
        expectation_ids = [_view_id(instrument, i) for i in indexes] if views else []
        writer.writerow(
            [
                outcome.row,
                outcome.label or "",
                "ok",
                _number(result["overall"]["index"], comma),
                result["overall"]["band"]["id"],
                *(_number(i, comma) for i in indexes),
                *expectation_ids,
                "",
            ]
        )
    return batch.summary


def _view_id(instrument: Instrument, index: float) -> str:
    found = instrument.expectation_for(Fraction(str(index)))
    return "" if found is None else found.id


def _display(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",")


def _md(text: object) -> str:
    return re.sub(r"([\\|*_`\[\]<>])", r"\\\1", str(text))


def write_markdown(batch: Batch, out: TextIO) -> Summary:
    """A Markdown recap: one table row per respondent (streamed), then bad rows and the summary."""
    instrument = batch.instrument
    titles = [_md(d.title) for d in instrument.dimensions]
    source = batch.source()
    label = f"kolom responden '{_md(source['label_column'])}'" if source["label_column"] else "tanpa kolom responden"
    out.write(
        f"# Rekap {_md(instrument.title)}\n\n"
        "> Hasil refleksi diri, bukan hasil survei resmi Indeks BerAKHLAK KemenPANRB.\n\n"
        f"Berkas: {_md(source['file'])}; pemisah kolom {_delimiter_name(source['delimiter'])}; {label}.\n\n"
        "## Hasil per responden\n\n"
        f"| Baris | Responden | Indeks | Pita | {' | '.join(titles)} |\n"
        f"|{'---|' * (4 + len(titles))}\n"
    )
    for outcome in batch.rows():
        if outcome.result is None:
            continue
        result = outcome.result
        cells = [_display(e["index"]) for e in result["dimensions"]]
        out.write(
            f"| {outcome.row} | {_md(outcome.label or '–')} | {_display(result['overall']['index'])} | "
            f"{_md(result['overall']['band']['label'])} | {' | '.join(cells)} |\n"
        )
    out.write("\n" + markdown_summary(batch.summary.to_dict(), instrument))
    return batch.summary


def _delimiter_name(delimiter: str) -> str:
    return {",": "koma", ";": "titik koma", "\t": "tab"}[delimiter]


def markdown_summary(summary: dict[str, Any], instrument: Instrument) -> str:
    """The summary (and the rows that could not be scored) as Markdown."""
    lines = []
    if summary["bad_rows"]:
        lines += ["## Baris yang tidak dapat dinilai", ""]
        lines += [f"- Baris {b['row']}{_who(b['label'])}: {_md(b['reason'])}" for b in summary["bad_rows"]]
        lines.append("")
    lines += [
        "## Ringkasan",
        "",
        f"{summary['scored']} dari {summary['rows']} baris berisi dinilai; {summary['bad']} baris bermasalah; "
        f"{summary['empty_skipped']} baris kosong dilewati. Rata-rata adalah rata-rata indeks yang sudah dibulatkan.",
        "",
    ]
    entries = [("Keseluruhan", summary["overall"]), *((d["title"], d) for d in summary["dimensions"])]
    bands = [_md(b.label) for b in instrument.bands]
    lines += [f"| Nilai | Rata-rata indeks | {' | '.join(bands)} |", f"|{'---|' * (2 + len(bands))}"]
    lines += [
        f"| {_md(name)} | {_display(t['mean'])} | {' | '.join(str(b['count']) for b in t['bands'])} |"
        for name, t in entries
    ]
    lines.append("")
    if instrument.expectations:
        views = [_md(e.label) for e in instrument.expectations]
        lines += [
            "Sebaran gambaran diri terhadap ekspektasi (ambang buatan situs ini, bukan aturan resmi):",
            "",
            f"| Nilai | {' | '.join(views)} |",
            f"|{'---|' * (1 + len(views))}",
        ]
        lines += [f"| {_md(name)} | {' | '.join(str(e['count']) for e in t['expectations'])} |" for name, t in entries]
        lines.append("")
    return "\n".join(lines)


def _who(label: str | None) -> str:
    return f" ({_md(label)})" if label else ""


def text_summary(summary: dict[str, Any]) -> str:
    """A few plain lines for the terminal (used with ``--format csv``, whose file holds only rows)."""
    lines = [
        f"ringkasan: {summary['scored']} dari {summary['rows']} baris dinilai, {summary['bad']} bermasalah, "
        f"{summary['empty_skipped']} kosong dilewati"
    ]
    entries = [("keseluruhan", summary["overall"]), *((d["id"], d) for d in summary["dimensions"])]
    for name, tally in entries:
        bands = ", ".join(f"{b['label']} {b['count']}" for b in tally["bands"])
        lines.append(f"  {name}: rata-rata {_display(tally['mean'])}; {bands}")
    return "\n".join(lines) + "\n"
