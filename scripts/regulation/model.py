"""Typed model of a regulation and its JSON data file.

The data file is one JSON object. Every text piece carries ``line``, the 1-based line of the input text
where it starts, so that a reader can check it against the copy it came from. Nothing is dropped: text
that the parser could not place is kept in ``unplaced``, and the lines removed as PDF noise (page
numbers, running headers) are kept in ``removed``.

Schema, version 1 (``schema_version: 1``)::

    {
      "schema_version": 1,
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
                            "pasal": [{"number": 1, "line": 99, "parts": [ExplanationPart]}],
                            "closing": [TextLine]},
      "lampiran": [{"label": "LAMPIRAN I", "line": 120, "paragraphs": [TextLine]}],
      "unplaced": [TextLine],                 # text that fits nowhere (always an error)
      "removed": [{"line": 40, "text": "- 2 -", "reason": "nomor halaman"}],
      "issues": [Issue]                       # the parser's findings, see below
    }

    TextLine        = {"line": int, "text": str}
    Point           = {"line": int, "label": "a." | "1." | "a)" | "1)" | null, "text": str,
                       "points": [Point]}      # huruf/angka, nested (angka under huruf, ...)
    Division        = {"type": "division", "kind": "bab" | "bagian" | "paragraf", "number": "I" | "Kesatu"
                       | "1", "title": str, "line": int, "children": [Division | Pasal]}
    Pasal           = {"type": "pasal", "number": int, "line": int, "ayat": [Ayat]}
    Ayat            = {"number": int | null, "line": int, "text": str, "points": [Point]}
                       # number null: the pasal's text has no "(1)", "(2)" ...
    ExplanationPart = {"label": "Ayat (1)" | "Huruf a" | "Angka 1" | null, "line": int,
                       "paragraphs": [TextLine]}
    Issue           = {"line": int, "severity": "error" | "warning", "code": str, "message": str}

``code`` is a stable English identifier of the kind of issue (e.g. ``pasal-skipped``); ``message`` is
the Indonesian text shown to the maintainer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, cast

SCHEMA_VERSION = 1

Severity = Literal["error", "warning"]
DivisionKind = Literal["bab", "bagian", "paragraf"]
ClosingKind = Literal["ditetapkan", "diundangkan", "salinan", "berita_daerah"]
DIVISION_KINDS: tuple[DivisionKind, ...] = ("bab", "bagian", "paragraf")
CLOSING_KINDS: tuple[ClosingKind, ...] = ("ditetapkan", "diundangkan", "salinan", "berita_daerah")


class DataError(ValueError):
    """A data file that does not follow the schema."""


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


@dataclass
class TextLine:
    """A piece of text and the input line where it starts."""

    line: int
    text: str


@dataclass
class Removed:
    """A line removed as PDF noise."""

    line: int
    text: str
    reason: str


@dataclass
class Point:
    """A huruf (``a.``) or angka (``1.``) item, or an unlabelled consideration."""

    line: int
    label: str | None
    text: str
    points: list[Point] = field(default_factory=list)


@dataclass
class Ayat:
    """An ayat ``(n)`` of a pasal; ``number`` is None for a pasal without numbered ayat."""

    number: int | None
    line: int
    text: str
    points: list[Point] = field(default_factory=list)


@dataclass
class Pasal:
    """A pasal (article)."""

    number: int
    line: int
    ayat: list[Ayat] = field(default_factory=list)


@dataclass
class Division:
    """A BAB, Bagian or Paragraf, with its title and contents."""

    kind: DivisionKind
    number: str
    title: str
    line: int
    children: list[Division | Pasal] = field(default_factory=list)


@dataclass
class Heading:
    """The title block: kop, kind of regulation, number, year and subject."""

    line: int
    kop: list[str] = field(default_factory=list)
    jenis: str = ""
    nomor: str = ""
    tahun: str = ""
    tentang: str = ""


@dataclass
class ClosingBlock:
    """A block after the last pasal: Ditetapkan, Diundangkan, Salinan, Berita Daerah."""

    kind: ClosingKind
    lines: list[TextLine] = field(default_factory=list)


@dataclass
class ExplanationPart:
    """A part of the explanation of one pasal, optionally under "Ayat (1)", "Huruf a", ..."""

    label: str | None
    line: int
    paragraphs: list[TextLine] = field(default_factory=list)


@dataclass
class ExplanationPasal:
    """The explanation of one pasal."""

    number: int
    line: int
    parts: list[ExplanationPart] = field(default_factory=list)


@dataclass
class Explanation:
    """The PENJELASAN."""

    line: int
    heading: list[TextLine] = field(default_factory=list)
    umum: list[TextLine] = field(default_factory=list)
    pasal: list[ExplanationPasal] = field(default_factory=list)
    closing: list[TextLine] = field(default_factory=list)


@dataclass
class Attachment:
    """A LAMPIRAN, kept as paragraphs."""

    label: str
    line: int
    paragraphs: list[TextLine] = field(default_factory=list)


@dataclass
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


# --- serialisation -------------------------------------------------------------------------------


def _text_line(item: TextLine) -> dict[str, Any]:
    return {"line": item.line, "text": item.text}


def _point(item: Point) -> dict[str, Any]:
    return {"line": item.line, "label": item.label, "text": item.text, "points": [_point(p) for p in item.points]}


def _node(node: Division | Pasal) -> dict[str, Any]:
    if isinstance(node, Pasal):
        return {
            "type": "pasal",
            "number": node.number,
            "line": node.line,
            "ayat": [
                {"number": a.number, "line": a.line, "text": a.text, "points": [_point(p) for p in a.points]}
                for a in node.ayat
            ],
        }
    return {
        "type": "division",
        "kind": node.kind,
        "number": node.number,
        "title": node.title,
        "line": node.line,
        "children": [_node(child) for child in node.children],
    }


def to_dict(regulation: Regulation) -> dict[str, Any]:
    """The JSON-ready form of ``regulation`` (see the module docstring)."""
    reg = regulation
    penjelasan: dict[str, Any] | None = None
    if reg.penjelasan is not None:
        pen = reg.penjelasan
        penjelasan = {
            "line": pen.line,
            "heading": [_text_line(t) for t in pen.heading],
            "umum": [_text_line(t) for t in pen.umum],
            "pasal": [
                {
                    "number": p.number,
                    "line": p.line,
                    "parts": [
                        {"label": part.label, "line": part.line, "paragraphs": [_text_line(t) for t in part.paragraphs]}
                        for part in p.parts
                    ],
                }
                for p in pen.pasal
            ],
            "closing": [_text_line(t) for t in pen.closing],
        }
    return {
        "schema_version": SCHEMA_VERSION,
        "source_file": reg.source_file,
        "heading": {
            "line": reg.heading.line,
            "kop": list(reg.heading.kop),
            "jenis": reg.heading.jenis,
            "nomor": reg.heading.nomor,
            "tahun": reg.heading.tahun,
            "tentang": reg.heading.tentang,
        },
        "opening": [_text_line(t) for t in reg.opening],
        "menimbang": [_point(p) for p in reg.menimbang],
        "mengingat": [_point(p) for p in reg.mengingat],
        "memperhatikan": [_point(p) for p in reg.memperhatikan],
        "persetujuan": [_text_line(t) for t in reg.persetujuan],
        "memutuskan": _text_line(reg.memutuskan) if reg.memutuskan else None,
        "menetapkan": _text_line(reg.menetapkan) if reg.menetapkan else None,
        "body": [_node(n) for n in reg.body],
        "closing": [{"kind": c.kind, "lines": [_text_line(t) for t in c.lines]} for c in reg.closing],
        "penjelasan": penjelasan,
        "lampiran": [
            {"label": a.label, "line": a.line, "paragraphs": [_text_line(t) for t in a.paragraphs]}
            for a in reg.lampiran
        ],
        "unplaced": [_text_line(t) for t in reg.unplaced],
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in reg.removed],
        "issues": [{"line": i.line, "severity": i.severity, "code": i.code, "message": i.message} for i in reg.issues],
    }


# --- deserialisation -----------------------------------------------------------------------------


def _get(data: object, key: str, where: str) -> object:
    if not isinstance(data, dict):
        raise DataError(f"{where}: harus berupa objek JSON")
    if key not in data:
        raise DataError(f"{where}: kunci '{key}' tidak ada")
    return cast("dict[str, object]", data)[key]


def _str(data: object, key: str, where: str) -> str:
    value = _get(data, key, where)
    if not isinstance(value, str):
        raise DataError(f"{where}.{key}: harus berupa teks")
    return value


def _as_str(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise DataError(f"{where}: harus berupa teks")
    return value


def _opt_str(data: object, key: str, where: str) -> str | None:
    value = _get(data, key, where)
    if value is not None and not isinstance(value, str):
        raise DataError(f"{where}.{key}: harus berupa teks atau null")
    return value


def _int(data: object, key: str, where: str) -> int:
    value = _get(data, key, where)
    if not isinstance(value, int) or isinstance(value, bool):
        raise DataError(f"{where}.{key}: harus berupa bilangan bulat")
    return value


def _opt_int(data: object, key: str, where: str) -> int | None:
    value = _get(data, key, where)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise DataError(f"{where}.{key}: harus berupa bilangan bulat atau null")
    return value


def _list(data: object, key: str, where: str) -> list[object]:
    value = _get(data, key, where)
    if not isinstance(value, list):
        raise DataError(f"{where}.{key}: harus berupa daftar")
    return cast("list[object]", value)


def _read_text_line(data: object, where: str) -> TextLine:
    return TextLine(line=_int(data, "line", where), text=_str(data, "text", where))


def _read_text_lines(data: object, key: str, where: str) -> list[TextLine]:
    return [_read_text_line(item, f"{where}.{key}[{i}]") for i, item in enumerate(_list(data, key, where))]


def _read_point(data: object, where: str) -> Point:
    return Point(
        line=_int(data, "line", where),
        label=_opt_str(data, "label", where),
        text=_str(data, "text", where),
        points=[_read_point(p, f"{where}.points[{i}]") for i, p in enumerate(_list(data, "points", where))],
    )


def _read_points(data: object, key: str, where: str) -> list[Point]:
    return [_read_point(item, f"{where}.{key}[{i}]") for i, item in enumerate(_list(data, key, where))]


def _read_node(data: object, where: str) -> Division | Pasal:
    kind = _str(data, "type", where)
    if kind == "pasal":
        ayat = [
            Ayat(
                number=_opt_int(item, "number", f"{where}.ayat[{i}]"),
                line=_int(item, "line", f"{where}.ayat[{i}]"),
                text=_str(item, "text", f"{where}.ayat[{i}]"),
                points=_read_points(item, "points", f"{where}.ayat[{i}]"),
            )
            for i, item in enumerate(_list(data, "ayat", where))
        ]
        return Pasal(number=_int(data, "number", where), line=_int(data, "line", where), ayat=ayat)
    if kind == "division":
        division_kind = _str(data, "kind", where)
        if division_kind not in DIVISION_KINDS:
            raise DataError(f"{where}.kind: '{division_kind}' tidak dikenal")
        return Division(
            kind=division_kind,
            number=_str(data, "number", where),
            title=_str(data, "title", where),
            line=_int(data, "line", where),
            children=[
                _read_node(child, f"{where}.children[{i}]") for i, child in enumerate(_list(data, "children", where))
            ],
        )
    raise DataError(f"{where}.type: '{kind}' tidak dikenal")


def _read_explanation(data: object) -> Explanation | None:
    where = "penjelasan"
    if data is None:
        return None
    pasal: list[ExplanationPasal] = []
    for i, item in enumerate(_list(data, "pasal", where)):
        at = f"{where}.pasal[{i}]"
        parts = [
            ExplanationPart(
                label=_opt_str(part, "label", f"{at}.parts[{j}]"),
                line=_int(part, "line", f"{at}.parts[{j}]"),
                paragraphs=_read_text_lines(part, "paragraphs", f"{at}.parts[{j}]"),
            )
            for j, part in enumerate(_list(item, "parts", at))
        ]
        pasal.append(ExplanationPasal(number=_int(item, "number", at), line=_int(item, "line", at), parts=parts))
    return Explanation(
        line=_int(data, "line", where),
        heading=_read_text_lines(data, "heading", where),
        umum=_read_text_lines(data, "umum", where),
        pasal=pasal,
        closing=_read_text_lines(data, "closing", where),
    )


def _read_issue(data: object, where: str) -> Issue:
    severity = _str(data, "severity", where)
    if severity not in ("error", "warning"):
        raise DataError(f"{where}.severity: '{severity}' tidak dikenal")
    return Issue(
        line=_int(data, "line", where),
        severity=cast("Severity", severity),
        code=_str(data, "code", where),
        message=_str(data, "message", where),
    )


def from_dict(data: object) -> Regulation:
    """Read a data file's JSON object back into a :class:`Regulation`.

    Raises:
        DataError: the object does not follow the schema (message in Indonesian).

    """
    where = "data"
    version = _int(data, "schema_version", where)
    if version != SCHEMA_VERSION:
        raise DataError(f"schema_version {version} tidak didukung (yang didukung: {SCHEMA_VERSION})")
    head = _get(data, "heading", where)
    heading = Heading(
        line=_int(head, "line", "heading"),
        kop=[_as_str(k, f"heading.kop[{i}]") for i, k in enumerate(_list(head, "kop", "heading"))],
        jenis=_str(head, "jenis", "heading"),
        nomor=_str(head, "nomor", "heading"),
        tahun=_str(head, "tahun", "heading"),
        tentang=_str(head, "tentang", "heading"),
    )
    memutuskan = _get(data, "memutuskan", where)
    menetapkan = _get(data, "menetapkan", where)
    closing: list[ClosingBlock] = []
    for i, item in enumerate(_list(data, "closing", where)):
        kind = _str(item, "kind", f"closing[{i}]")
        if kind not in CLOSING_KINDS:
            raise DataError(f"closing[{i}].kind: '{kind}' tidak dikenal")
        closing.append(ClosingBlock(kind=kind, lines=_read_text_lines(item, "lines", f"closing[{i}]")))
    return Regulation(
        source_file=_str(data, "source_file", where),
        heading=heading,
        opening=_read_text_lines(data, "opening", where),
        menimbang=_read_points(data, "menimbang", where),
        mengingat=_read_points(data, "mengingat", where),
        memperhatikan=_read_points(data, "memperhatikan", where),
        persetujuan=_read_text_lines(data, "persetujuan", where),
        memutuskan=None if memutuskan is None else _read_text_line(memutuskan, "memutuskan"),
        menetapkan=None if menetapkan is None else _read_text_line(menetapkan, "menetapkan"),
        body=[_read_node(n, f"body[{i}]") for i, n in enumerate(_list(data, "body", where))],
        closing=closing,
        penjelasan=_read_explanation(_get(data, "penjelasan", where)),
        lampiran=[
            Attachment(
                label=_str(a, "label", f"lampiran[{i}]"),
                line=_int(a, "line", f"lampiran[{i}]"),
                paragraphs=_read_text_lines(a, "paragraphs", f"lampiran[{i}]"),
            )
            for i, a in enumerate(_list(data, "lampiran", where))
        ],
        unplaced=_read_text_lines(data, "unplaced", where),
        removed=[
            Removed(
                line=_int(r, "line", f"removed[{i}]"),
                text=_str(r, "text", f"removed[{i}]"),
                reason=_str(r, "reason", f"removed[{i}]"),
            )
            for i, r in enumerate(_list(data, "removed", where))
        ],
        issues=[_read_issue(item, f"issues[{i}]") for i, item in enumerate(_list(data, "issues", where))],
    )
