"""CSV samples in the style of real input: Indonesian Excel exports (``;``, BOM, ``4,00``, CRLF), names."""

from __future__ import annotations

import csv
import io
from typing import Any

from assessment import Batch, load_instrument

INSTRUMENT = load_instrument("berakhlak-individu")
ITEMS = [item.id for item in INSTRUMENT.items]
BOM = "\ufeff"
EXCEL_HEADER = ["Stempel waktu", "NIP", "Nama", "Unit kerja", *ITEMS]


def row(value: int = 4, **changes: str) -> list[str]:
    """A respondent whose every item scores ``value`` (reverse items answered ``6 - value``)."""
    cells = {item.id: str(6 - value if item.reverse else value) for item in INSTRUMENT.items}
    cells.update(changes)
    return [cells[item] for item in ITEMS]


def answers(cells: list[str]) -> dict[str, int]:
    """The answers a row of plain integer cells stands for."""
    return {item: int(cell.split(",")[0]) for item, cell in zip(ITEMS, cells, strict=True)}


def csv_text(rows: list[list[str]], header: list[str] | None = None, delimiter: str = ",") -> str:
    """A CSV file as the ``csv`` module writes it, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header or ITEMS)
    writer.writerows(rows)
    return out.getvalue()


def excel_row(stamp: str, nip: str, name: str, unit: str, cells: list[str]) -> str:
    """One line as Excel (Indonesian locale) saves 'CSV (dipisahkan titik koma)': no quoting unless needed."""
    return ";".join([stamp, nip, name, unit, *cells]) + "\r\n"


def excel_file(lines: list[str]) -> bytes:
    """A whole Excel export: BOM, header, the given lines, UTF-8."""
    return (BOM + ";".join(EXCEL_HEADER) + "\r\n" + "".join(lines)).encode("utf-8")


def comma_decimals(cells: list[str]) -> list[str]:
    """The cells as a spreadsheet with number format ``0,00`` writes them (``4,00``)."""
    return [f"{cell},00" for cell in cells]


def batch(text: str | bytes, name: str = "uji.csv") -> Batch:
    """A batch over text (as a text stream) or bytes (as a binary file)."""
    stream: Any = io.BytesIO(text) if isinstance(text, bytes) else io.StringIO(text, newline="")
    return Batch(INSTRUMENT, stream, name=name)
