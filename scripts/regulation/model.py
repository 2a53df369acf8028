"""Typed model of a regulation and its JSON data file.

The data file is one JSON object. Every text piece carries ``line``, the 1-based line of the input text
where it starts, so that a reader can check it against the copy it came from. Nothing is dropped: text
that the parser could not place is kept in ``unplaced``, and the lines removed as PDF noise (page
numbers, running headers) are kept in ``removed``.

Schema, version 2 (``schema_version: 2``)::

    {
      "schema_version": 2,
      "source_file": "perbup.txt",           # name of the input text file
      "heading": {"line": 1, "kop": ["BUPATI ..."], "jenis": "PERATURAN BUPATI ...",
                  "nomor": "59", "tahun": "2023", "tentang": "SISTEM KERJA BIROKRASI"},
      "opening": [{"line": 8, "text": "DENGAN RAHMAT TUHAN YANG MAHA ESA"}, ...],
      "menimbang": [Point], "mengingat": [Point], "memperhatikan": [Point],
      "persetujuan": [TextLine],              # "Dengan Persetujuan Bersama ..." (peraturan daerah)
      "memutuskan": TextLine | null,          # the "MEMUTUSKAN:" line
      "menetapkan": TextLine | null,          # the text after "Menetapkan :"
      "body": [Division | Pasal],
      "closing": [{"kind": "ditetapkan" | "diundangkan" | "salinan" | "berita_daerah",
                   "lines": [TextLine]}],
      "penjelasan": null | {"line": 90, "heading": [TextLine], "umum": [TextLine],
                            "pasal": [{"number": "1", "line": 99, "parts": [ExplanationPart]}],
                            "closing": [TextLine]},
      "lampiran": [{"label": "LAMPIRAN I", "line": 120, "paragraphs": [TextLine],
                    "tables": [TextLine]}],     # table rows kept as they are (spacing, line breaks)
      "unplaced": [TextLine],                 # text that fits nowhere (always an error)
      "removed": [{"line": 40, "text": "- 2 -", "reason": "nomor halaman"}],
      "issues": [Issue]                       # the parser's findings, see below
    }

    TextLine        = {"line": int, "text": str}
    Point           = {"line": int, "label": "a." | "1." | "a)" | "1)" | null, "text": str,
                       "points": [Point],      # huruf/angka, nested (angka under huruf, ...)
                       "quoted": [Pasal]}      # in an amending regulation: the pasal as amended
    Division        = {"type": "division", "kind": "bab" | "bagian" | "paragraf", "number": "I" | "Kesatu"
                       | "1", "title": str, "line": int, "children": [Division | Pasal]}
    Pasal           = {"type": "pasal", "number": "5" | "5A" | "I", "line": int, "ayat": [Ayat]}
                       # "I", "II": the articles of an amending regulation
    Ayat            = {"number": int | null, "line": int, "text": str, "points": [Point], "quoted": [Pasal]}
                       # number null: the pasal's text has no "(1)", "(2)" ...
    ExplanationPart = {"label": "Ayat (1)" | "Huruf a" | "Angka 1" | null, "line": int,
                       "paragraphs": [TextLine]}
    Issue           = {"line": int, "severity": "error" | "warning", "code": str, "message": str}

``code`` is a stable English identifier of the kind of issue (e.g. ``pasal-skipped``); ``message`` is
the Indonesian text shown to the maintainer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from scripts.regulation.convert import from_data, to_data
from scripts.regulation.errors import RegulationError

SCHEMA_VERSION = 2

Severity = Literal["error", "warning"]
DivisionKind = Literal["bab", "bagian", "paragraf"]
ClosingKind = Literal["ditetapkan", "diundangkan", "salinan", "berita_daerah"]


@dataclass(frozen=True)
class Issue:
    """A problem found in the input, at a line of the input text."""

    line: int
    severity: Severity
    code: str
    message: str

    def format(self, source: str = "") -> str:
        """One line for the terminal, e.g. ``perbup.txt:12: galat: ...``."""
        label = "galat" if self.severity == "error" else "peringatan"
        prefix = f"{source}:" if source else "baris "
        return f"{prefix}{self.line}: {label}: {self.message}"


@dataclass(frozen=True)
class TextLine:
    """A piece of text and the input line where it starts."""

    line: int
    text: str


@dataclass(frozen=True)
class Removed:
    """A line removed as PDF noise."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Point:
    """A huruf (``a.``) or angka (``1.``) item, or an unlabelled consideration."""

    line: int
    label: str | None
    text: str
    points: list[Point] = field(default_factory=list)
    quoted: list[Pasal] = field(default_factory=list)


@dataclass(frozen=True)
class Ayat:
    """An ayat ``(n)`` of a pasal; ``number`` is None for a pasal without numbered ayat."""

    number: int | None
    line: int
    text: str
    points: list[Point] = field(default_factory=list)
    quoted: list[Pasal] = field(default_factory=list)


@dataclass(frozen=True)
class Pasal:
    """A pasal (article)."""

    TAG: ClassVar[str] = "pasal"
    number: str
    line: int
    ayat: list[Ayat] = field(default_factory=list)


@dataclass(frozen=True)
class Division:
    """A BAB, Bagian or Paragraf, with its title and contents."""

    TAG: ClassVar[str] = "division"
    kind: DivisionKind
    number: str
    title: str
    line: int
    children: list[Division | Pasal] = field(default_factory=list)


@dataclass(frozen=True)
class Heading:
    """The title block: kop, kind of regulation, number, year and subject."""

    line: int
    kop: list[str] = field(default_factory=list)
    jenis: str = ""
    nomor: str = ""
    tahun: str = ""
    tentang: str = ""


@dataclass(frozen=True)
class ClosingBlock:
    """A block after the last pasal: Ditetapkan, Diundangkan, Salinan, Berita Daerah."""

    kind: ClosingKind
    lines: list[TextLine] = field(default_factory=list)


@dataclass(frozen=True)
class ExplanationPart:
    """A part of the explanation of one pasal, optionally under "Ayat (1)", "Huruf a", ..."""

    label: str | None
    line: int
    paragraphs: list[TextLine] = field(default_factory=list)


@dataclass(frozen=True)
class ExplanationPasal:
    """The explanation of one pasal."""

    number: str
    line: int
    parts: list[ExplanationPart] = field(default_factory=list)


@dataclass(frozen=True)
class Explanation:
    """The PENJELASAN."""

    line: int
    heading: list[TextLine] = field(default_factory=list)
    umum: list[TextLine] = field(default_factory=list)
    pasal: list[ExplanationPasal] = field(default_factory=list)
    closing: list[TextLine] = field(default_factory=list)


@dataclass(frozen=True)
class Attachment:
    """A LAMPIRAN, kept as paragraphs, and tables kept as preformatted text."""

    label: str
    line: int
    paragraphs: list[TextLine] = field(default_factory=list)
    tables: list[TextLine] = field(default_factory=list)


@dataclass(frozen=True)
class Regulation:
    """A whole regulation."""

    source_file: str = ""
    heading: Heading = field(default_factory=lambda: Heading(line=1))
    opening: list[TextLine] = field(default_factory=list)
    menimbang: list[Point] = field(default_factory=list)
    mengingat: list[Point] = field(default_factory=list)
    memperhatikan: list[Point] = field(default_factory=list)
    persetujuan: list[TextLine] = field(default_factory=list)
    memutuskan: TextLine | None = None
    menetapkan: TextLine | None = None
    body: list[Division | Pasal] = field(default_factory=list)
    closing: list[ClosingBlock] = field(default_factory=list)
    penjelasan: Explanation | None = None
    lampiran: list[Attachment] = field(default_factory=list)
    unplaced: list[TextLine] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    def pasal_list(self) -> list[Pasal]:
        """All pasal of the body in order."""
        found: list[Pasal] = []

        def walk(nodes: list[Division | Pasal]) -> None:
            for node in nodes:
                if isinstance(node, Pasal):
                    found.append(node)
                else:
                    walk(node.children)

        walk(self.body)
        return found


# --- data file ---------------------------------------------------------------------------------


def to_dict(regulation: Regulation) -> dict[str, Any]:
    """The JSON-ready form of ``regulation`` (see the module docstring)."""
    data = to_data(regulation)
    assert isinstance(data, dict)  # a dataclass always gives an object
    return {"schema_version": SCHEMA_VERSION, **data}


def from_dict(data: object, source: str = "") -> Regulation:
    """Read a data file's JSON object back into a :class:`Regulation`.

    Raises:
        RegulationError: the object does not follow the schema (``source``, the element, the reason).

    """
    if not isinstance(data, dict):
        raise RegulationError(source, "data", "harus berupa objek JSON")
    fields = dict(data)
    version = fields.pop("schema_version", None)
    if version != SCHEMA_VERSION:
        reason = f"schema_version {version} tidak didukung (yang didukung: {SCHEMA_VERSION})"
        raise RegulationError(source, "data", reason)
    try:
        return from_data(Regulation, fields, "data")
    except RegulationError as error:
        raise RegulationError(source, error.element, error.reason) from None
