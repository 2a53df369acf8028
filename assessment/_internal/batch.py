"""Scoring many respondents from one CSV file: rows in (see :mod:`~assessment._internal.batch_csv`), outcomes out.

Each data row is scored on its own; a row that cannot be scored is reported with its spreadsheet row
number and reason, and the other rows are still scored. A row whose cells are all empty is skipped.
The summary keeps, per value and overall, how many indexes fell on each tenth, from which the means
and the distributions over bands and expectations follow exactly.

Rows are scored by the instrument's compiled :class:`~assessment._internal.scoring.Scorer`; the usual
cell spellings are looked up in a table, so a well-formed row costs a few list operations.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import BinaryIO, Literal, TextIO, TypedDict

from assessment._internal.batch_csv import CsvFileError, CsvReader, Layout, Record, known_cells, parse_cell
from assessment._internal.model import Band, Instrument
from assessment._internal.results import Result
from assessment._internal.scoring import (
    TENTHS,
    AnswerError,
    Scorer,
    Scores,
    check_answers,
    round_tenths,
    scorer_for,
)

BATCH_SCHEMA_VERSION = 1

__all__ = ["BATCH_SCHEMA_VERSION", "Batch", "BatchSummary", "CsvFileError", "Outcome"]


class BatchSource(TypedDict):
    """What was detected in the file."""

    file: str
    delimiter: str
    label_column: str | None
    item_columns: int


class RangeCount(TypedDict):
    """How many indexes fell in one band (or expectation)."""

    id: str
    label: str
    count: int


class Tally(TypedDict):
    """The mean of the rounded indexes (``None`` without scored rows) and their distributions."""

    mean: float | None
    bands: list[RangeCount]
    expectations: list[RangeCount] | None


class DimensionTally(Tally):
    """:class:`Tally` for one dimension."""

    id: str
    title: str


class BadRow(TypedDict):
    """A row that could not be scored."""

    row: int
    label: str | None
    reason: str


class BatchSummary(TypedDict):
    """What a batch writer returns and writes (schema on the "Metodologi penilaian" page)."""

    rows: int
    scored: int
    bad: int
    empty_skipped: int
    bad_rows: list[BadRow]
    overall: Tally
    dimensions: list[DimensionTally]


class ScoredRow(TypedDict):
    """A scored row in the JSON output."""

    row: int
    label: str | None
    ok: Literal[True]
    result: Result


class FailedRow(TypedDict):
    """A row that could not be scored, in the JSON output."""

    row: int
    label: str | None
    ok: Literal[False]
    error: str


@dataclass(frozen=True)
class Outcome:
    """One data row: its spreadsheet row number, label, and scores or reason."""

    row: int
    label: str | None
    scores: Scores | None = None
    error: str | None = None
    scorer: Scorer | None = field(default=None, repr=False, compare=False)

    @cached_property
    def result(self) -> Result | None:
        """The row's result, as :func:`assessment.score` gives it (``None`` for a bad row)."""
        if self.scores is None or self.scorer is None:
            return None
        return self.scorer.result(self.scores)

    def to_dict(self) -> ScoredRow | FailedRow:
        """The row as plain data for the JSON output."""
        if self.result is not None:
            return {"row": self.row, "label": self.label, "ok": True, "result": self.result}
        return {"row": self.row, "label": self.label, "ok": False, "error": self.error or ""}


class Summary:
    """Running totals over the rows read so far: per value (overall first) a count per index tenth."""

    def __init__(self, instrument: Instrument, scorer: Scorer) -> None:
        """Start with no rows."""
        self.instrument = instrument
        self.scorer = scorer
        self.scored = 0
        self.empty = 0
        self.bad_rows: list[BadRow] = []
        self._counts = [[0] * len(TENTHS) for _ in range(1 + len(instrument.dimensions))]

    def add(self, outcome: Outcome) -> None:
        """Count one data row."""
        scores = outcome.scores
        if scores is None:
            self.bad_rows.append({"row": outcome.row, "label": outcome.label, "reason": outcome.error or ""})
            return
        self.scored += 1
        counts = self._counts
        counts[0][scores.overall] += 1
        for position, tenths in enumerate(scores.dimensions, start=1):
            counts[position][tenths] += 1

    def _ranges(self, ranges: tuple[Band, ...], counts: list[int], lookup: Iterable[Band]) -> list[RangeCount]:
        per_band: dict[str, int] = {}
        for band, count in zip(lookup, counts, strict=True):
            per_band[band.id] = per_band.get(band.id, 0) + count
        return [{"id": r.id, "label": r.label, "count": per_band.get(r.id, 0)} for r in ranges]

    def _tally(self, counts: list[int]) -> Tally:
        instrument, scorer = self.instrument, self.scorer
        total = sum(tenths * count for tenths, count in zip(TENTHS, counts, strict=True))
        expectations = scorer.expectations
        return {
            "mean": round_tenths(total, 10 * self.scored) / 10 if self.scored else None,
            "bands": self._ranges(instrument.bands, counts, map(scorer.bands.__getitem__, TENTHS)),
            "expectations": None
            if expectations is None
            else self._ranges(instrument.expectations, counts, map(expectations.__getitem__, TENTHS)),
        }

    def to_dict(self) -> BatchSummary:
        """The summary as plain data (see the "Metodologi penilaian" page)."""
        dimensions: list[DimensionTally] = []
        for dimension, counts in zip(self.instrument.dimensions, self._counts[1:], strict=True):
            dimensions.append({"id": dimension.id, "title": dimension.title, **self._tally(counts)})
        return {
            "rows": self.scored + len(self.bad_rows),
            "scored": self.scored,
            "bad": len(self.bad_rows),
            "empty_skipped": self.empty,
            "bad_rows": self.bad_rows,
            "overall": self._tally(self._counts[0]),
            "dimensions": dimensions,
        }


class Batch:
    """A CSV file being scored: its layout, and its rows as they are read."""

    def __init__(
        self, instrument: Instrument, stream: BinaryIO | TextIO | Iterable[bytes] | Iterable[str], name: str = "<csv>"
    ) -> None:
        """Read the header line and map its columns.

        Args:
            instrument: The instrument to score with.
            stream: The CSV file: binary (best: each row decoded on its own) or text opened with ``newline=""``.
            name: The file name shown in the output.

        Raises:
            CsvFileError: The file cannot be used (empty, header not UTF-8, no usable item columns).

        """
        self.instrument = instrument
        self.name = name
        self.scorer = scorer_for(instrument)
        self.summary = Summary(instrument, self.scorer)
        self._reader = CsvReader(instrument, stream)
        self.layout: Layout = self._reader.layout
        columns = [self.layout.items.get(item.id) for item in instrument.items]
        cells = known_cells(instrument)
        self._tables = [
            {text: self.scorer.key(position, value) for text, value in cells.items()}
            for position in range(len(instrument.items))
        ]
        whole = [c for c in columns if c is not None]
        self._pick = itemgetter(*whole) if len(whole) == len(columns) > 1 else None
        self._reach = max(whole) + 1

    def source(self) -> BatchSource:
        """What was detected in the file."""
        return {
            "file": self.name,
            "delimiter": self.layout.delimiter,
            "label_column": self.layout.label_column,
            "item_columns": len(self.layout.items),
        }

    def rows(self) -> Iterator[Outcome]:
        """Score the data rows one by one (row 2 onward), updating :attr:`summary`."""
        summary = self.summary
        for record in self._reader.records():
            if record.error is None and not any(cell.strip() for cell in record.cells):
                summary.empty += 1
                continue
            outcome = self._score(record)
            summary.add(outcome)
            yield outcome

    def label(self, cells: list[str]) -> str | None:
        """The respondent's label in a row's cells (``None`` without label column or when empty)."""
        index = self.layout.label_index
        return cells[index].strip() or None if index is not None and index < len(cells) else None

    def answers(self, cells: list[str]) -> dict[str, int | str | None]:
        """A row's cells as raw answers ``{item id: value}``, before checking (cells past the row's end are empty)."""
        return {
            item: parse_cell(self.instrument, cells[column]) if column < len(cells) else None
            for item, column in self.layout.items.items()
        }

    def _score(self, record: Record) -> Outcome:
        layout, cells, row = self.layout, record.cells, record.row
        label = self.label(cells)
        if record.error is not None:
            return Outcome(row, label, error=record.error)
        if len(cells) > layout.width and any(c.strip() for c in cells[layout.width :]):
            reason = f"baris berisi {len(cells)} sel, lebih banyak dari {layout.width} kolom judul (periksa pemisah)"
            return Outcome(row, label, error=reason)
        if self._pick is not None and len(cells) >= self._reach:
            keyed = [table.get(cell) for table, cell in zip(self._tables, self._pick(cells), strict=True)]
            if None not in keyed:
                return Outcome(row, label, self.scorer.scores(keyed), scorer=self.scorer)
        try:
            values = check_answers(self.instrument, self.answers(cells))
        except AnswerError as error:
            return Outcome(row, label, error=str(error))
        return Outcome(row, label, self.scorer.scores_for(values), scorer=self.scorer)
