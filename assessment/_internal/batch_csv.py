"""Reading a CSV file of many respondents, as exported from a spreadsheet or a form tool.

Rules (documented on the "Metodologi penilaian" page):

* UTF-8, with or without BOM; the delimiter (``,``, ``;`` or tab) is detected from the header line;
* header = spreadsheet row 1; column names are matched to item ids ignoring case and spaces around;
* the first column named ``id``, ``responden`` or ``nama`` (in that order of preference) is kept as the
  respondent's label; every other column (timestamp, NIP, …) is ignored;
* a cell holds an integer on the scale (``4``), the same with zero decimals as spreadsheets write it
  (``4.0``, ``4,00``), or the scale label (``Sering``, ignoring case); an empty cell is unanswered.

One bad row costs exactly one row. The file is read line by line and each line is decoded on its own,
so bytes that are not UTF-8 make only their row bad. A quoted cell may continue on the next lines (a
label with a line break, as spreadsheets write it) only while those lines do not look like rows of
their own: a stray ``"`` that opens a cell and never closes it costs its row, and the next line is read
as the next row.
"""

from __future__ import annotations

import csv
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from assessment._internal.model import Instrument, quote
from assessment._internal.scoring import parse_answer

LABEL_COLUMNS = ("id", "responden", "nama")
DELIMITERS = (",", ";", "\t")
MAX_CELL_LINES = 20
"""How many lines one quoted cell may span before its opening quote counts as stray."""
NOT_UTF8 = "berkas bukan teks UTF-8; simpan ulang sebagai 'CSV UTF-8'"
UNCLOSED_QUOTE = (
    'sebuah sel diawali tanda petik (") yang tidak ditutup; hapus tanda petik itu atau tutup dengan petik kedua'
)
UNREADABLE = "baris tidak dapat dibaca sebagai CSV (sel terlalu panjang atau berisi karakter NUL)"
_WHOLE_NUMBER = re.compile(r"^[+-]?\d{1,18}(?:[.,]0+)?$")  # longer digit runs stay text (and are refused)


class CsvFileError(ValueError):
    """The CSV file as a whole cannot be used (empty, not UTF-8, no item columns)."""


@dataclass(frozen=True)
class Layout:
    """How the header maps columns to items and to the respondent's label."""

    delimiter: str
    items: dict[str, int]
    label_column: str | None
    label_index: int | None
    width: int


@dataclass(frozen=True)
class Record:
    """One spreadsheet row: its number and cells, or why it cannot be read (cells then hold what could)."""

    row: int
    cells: list[str]
    error: str | None = None


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


def known_cells(instrument: Instrument) -> dict[str, int]:
    """The usual spellings of each valid answer (``4``, ``4.0``, ``4,00``, ``Sering``, ``sering``) and its value.

    Every entry is what :func:`parse_cell` then :func:`~assessment._internal.scoring.parse_answer` give,
    so a batch can look cells up instead of parsing them; any other cell takes the full path.
    """
    spellings = []
    for choice in instrument.scale.choices:
        number = str(choice.value)
        spellings += [number, f"{number}.0", f"{number},0", f"{number}.00", f"{number},00"]
        spellings += [choice.label, choice.label.casefold(), choice.label.upper()]
    table = {}
    for text in spellings:
        value = parse_cell(instrument, text)
        if value is not None:
            try:
                table[text] = parse_answer(value, instrument.scale.min, instrument.scale.max)
            except ValueError:
                continue
    return table


def _open_cell_pattern(delimiter: str) -> re.Pattern[str]:
    # cells as csv reads them: a quoted cell ("" inside is a quote; text after the closing quote is kept),
    # or an unquoted one (its quotes are plain text); the text ends inside a quoted cell
    d = re.escape(delimiter)
    cell = rf'(?:"(?:[^"]|"")*+"[^{d}]*+|[^"{d}][^{d}]*+|)'
    return re.compile(rf'(?:{cell}{d})*+"(?:[^"]|"")*+', re.DOTALL)


_OPEN_CELL = {delimiter: _open_cell_pattern(delimiter) for delimiter in DELIMITERS}


def _open_at_end(text: str, delimiter: str) -> bool:
    """Whether ``text`` ends inside a quoted cell, read as :mod:`csv` reads it (quotes open only a cell)."""
    return _OPEN_CELL[delimiter].fullmatch(text) is not None


def _lines(stream: BinaryIO | TextIO | Iterable[bytes] | Iterable[str]) -> Iterator[bytes | str]:
    """The physical lines, each with its line ending (CR LF, LF or a lone CR)."""
    for chunk in stream:
        if "\r" in chunk.rstrip("\r\n") if isinstance(chunk, str) else b"\r" in chunk.rstrip(b"\r\n"):
            yield from chunk.splitlines(keepends=True)
        else:
            yield chunk


class CsvReader:
    """A CSV file opened for scoring: its header's :class:`Layout`, then its rows as :class:`Record` s."""

    def __init__(self, instrument: Instrument, stream: BinaryIO | TextIO | Iterable[bytes] | Iterable[str]) -> None:
        """Read the header line (spreadsheet row 1) and map its columns.

        Args:
            instrument: The instrument whose item ids the columns name.
            stream: The file, binary (each row decoded on its own) or text (read with ``newline=""``).

        Raises:
            CsvFileError: Empty, a header that is not UTF-8, or columns that cannot give a score.

        """
        self._lines = _lines(stream)
        first = next(self._lines, "")
        if isinstance(first, bytes):
            try:
                first = first.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
            except UnicodeDecodeError:
                raise CsvFileError(NOT_UTF8) from None
        line = first.removeprefix("\ufeff")
        if not line.strip():
            raise CsvFileError("berkas kosong atau baris pertamanya (judul kolom) kosong")
        if "\ufffd" in line:
            raise CsvFileError(NOT_UTF8)
        delimiter = sniff_delimiter(line)
        try:
            self.header = next(csv.reader([line], delimiter=delimiter))
        except csv.Error:
            raise CsvFileError(f"baris judul {UNREADABLE.removeprefix('baris ')}") from None
        self.layout = read_layout(instrument, self.header, delimiter)
        self._pending: deque[bytes | str] = deque()

    def _next_line(self) -> bytes | str | None:
        return self._pending.popleft() if self._pending else next(self._lines, None)

    def _split(self, text: str) -> list[str]:
        """The cells of a complete record."""
        if '"' not in text:
            return text.rstrip("\r\n").split(self.layout.delimiter)
        cells = next(csv.reader([text], delimiter=self.layout.delimiter), [])
        if cells and _open_at_end(text, self.layout.delimiter):
            cells[-1] = cells[-1].rstrip("\r\n")
        return cells

    def records(self) -> Iterator[Record]:
        """The data rows from spreadsheet row 2 on, one :class:`Record` each (read lazily)."""
        row = 1
        while (raw := self._next_line()) is not None:
            row += 1
            if isinstance(raw, str):
                line = raw
            else:
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as error:
                    cells = self._split(raw.decode("utf-8", errors="replace"))
                    column = raw.count(self.layout.delimiter.encode(), 0, error.start)
                    where = f"kolom {quote(self.header[column])}, " if column < len(self.header) else ""
                    reason = f"baris ini bukan teks UTF-8 ({where}byte 0x{raw[error.start]:02X})"
                    yield Record(row, cells, f"{reason}; simpan ulang berkas sebagai 'CSV UTF-8'")
                    continue
            try:
                if '"' in line and _open_at_end(line, self.layout.delimiter):
                    yield self._multiline(row, line)
                else:
                    yield Record(row, self._split(line))
            except csv.Error:
                yield Record(row, [], UNREADABLE)

    def _multiline(self, row: int, first: str) -> Record:
        """A record whose quoted cell goes on past ``first``: a line break in a cell, or a stray quote."""
        delimiter, width = self.layout.delimiter, self.layout.width
        many = max(width - 1, 1)  # this many delimiters inside one cell: it has swallowed a row
        taken: list[bytes | str] = []
        text = first
        while len(taken) < MAX_CELL_LINES and _open_at_end(text, delimiter):
            if self._split(text)[-1].count(delimiter) >= many:
                break
            line = self._next_line()
            if line is None:
                break
            taken.append(line)
            if isinstance(line, bytes):
                try:
                    line = line.decode("utf-8")
                except UnicodeDecodeError:
                    break
            text += line
        else:
            cells = self._split(text)
            spanning = [cell for cell in cells if "\n" in cell or "\r" in cell]
            if (
                not _open_at_end(text, delimiter)
                and len(cells) <= width
                and not any(cell.count(delimiter) >= many for cell in spanning)
            ):
                return Record(row, cells)
        self._pending.extendleft(reversed(taken))
        return Record(row, first.rstrip("\r\n").split(delimiter), UNCLOSED_QUOTE)  # the quote as plain text
