"""Parsing of the cleaned text of a regulation into a :class:`~scripts.regulation.model.Regulation`.

The parser reads the lines in order and keeps every piece of text: what fits nowhere goes to
``unplaced``. A line that looks like a marker (``Pasal 5``, ``(2)``, ``b.``) but follows a sentence
that is not finished (no ``.``, ``:`` or ``;`` at its end) is read as the continuation of that sentence,
because a PDF copy breaks lines anywhere, e.g. ``sebagaimana dimaksud dalam`` / ``Pasal 5`` / ``ayat (1)``.
In an amending regulation (``Pasal I``, ``Pasal II``), a point or ayat ending with "… diubah sehingga
berbunyi sebagai berikut:" followed by ``Pasal 5`` (with or without an opening quotation mark) holds
the pasal as amended in its ``quoted`` list, up to the closing quotation mark, the next ``Pasal II`` or
the next amendment (``2. Di antara Pasal 5 dan Pasal 6 disisipkan …``). In a LAMPIRAN, runs of lines
laid out in columns are kept as tables, with their spacing, instead of being joined into paragraphs.
What the result suggests about the copy (numbers skipped, text not placed) is found by
:mod:`scripts.regulation.checks`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from scripts.regulation.checks import check, follows, pasal_key, point_style
from scripts.regulation.clean import clean, ends_clause, is_capitals, join_lines, paragraphs
from scripts.regulation.model import (
    Attachment,
    Ayat,
    ClosingBlock,
    ClosingKind,
    Division,
    DivisionKind,
    Explanation,
    ExplanationPart,
    ExplanationPasal,
    Heading,
    Pasal,
    Point,
    Regulation,
    TextLine,
)

BAB_RE = re.compile(r"^BAB\s+([IVXLCDM]+)\.?(?:\s+(.*))?$")
BAGIAN_RE = re.compile(r"^Bagian\s+(Ke[a-z]+(?:\s+Belas)?)(?:\s+(.*))?$", re.IGNORECASE)
PARAGRAF_RE = re.compile(r"^Paragraf\s+(\d+)(?:\s+(.*))?$")
PASAL_RE = re.compile(r"^Pasal\s+(\d+[A-Z]?|[IVXL]+)$")
QUOTED_PASAL_RE = re.compile(r"^[\"“”]?\s*Pasal\s+(\d+[A-Z]?)$")
AMEND_INTRO_RE = re.compile(r"\b(?:diubah|disisipkan|ditambah\w*|diganti)\b.*\bsebagai\s+berikut\s*:$", re.IGNORECASE)
AMEND_START_RE = re.compile(
    r"^(?:Ketentuan|Di\s*antara|Pasal\s+\d+[A-Z]?\s+dihapus|Penjelasan|Lampiran|Judul|Menambahkan|Menghapus)\b"
)
CLOSING_QUOTE_RE = re.compile(r"[\"”]\s*$")
TABLE_ROW_RE = re.compile(r"\S(?: {3,}|\s*\|\s*)\S")
TABLE_GAP = 2  # lines that are not rows (a wrapped cell) allowed between two rows of one table
AYAT_RE = re.compile(r"^\((\d+)\)\s*(.*)$")
POINT_RE = re.compile(r"^([a-z]|\d{1,2})([.)])(?:\s+(.*))?$")
RAHMAT_RE = re.compile(r"^DENGAN\s+RAHMAT\b", re.IGNORECASE)
RECITAL_RE = re.compile(r"^(Menimbang|Mengingat|Memperhatikan)\b\s*:?\s*(.*)$")
PERSETUJUAN_RE = re.compile(r"^Dengan\s+Persetujuan\s+Bersama\b", re.IGNORECASE)
MEMUTUSKAN_RE = re.compile(r"^MEMUTUSKAN\s*:?$")
MENETAPKAN_RE = re.compile(r"^Menetapkan\s*:?\s*(.*)$")
CLOSING_RES: tuple[tuple[ClosingKind, re.Pattern[str]], ...] = (
    ("ditetapkan", re.compile(r"^Ditetapkan\s+di\b")),
    ("diundangkan", re.compile(r"^Diundangkan\s+di\b")),
    ("salinan", re.compile(r"^Salinan\s+sesuai\s+dengan\s+aslinya", re.IGNORECASE)),
    ("berita_daerah", re.compile(r"^(?:BERITA|LEMBARAN)\s+DAERAH\b")),
)
PENJELASAN_RE = re.compile(r"^PENJELASAN$")
LAMPIRAN_RE = re.compile(r"^LAMPIRAN\b")
UMUM_RE = re.compile(r"^I\.\s*UMUM$", re.IGNORECASE)
PASAL_DEMI_PASAL_RE = re.compile(r"^II\.\s*PASAL\s+DEMI\s+PASAL$", re.IGNORECASE)
PART_RE = re.compile(r"^(?:Ayat\s+\(\d+\)|Huruf\s+[a-z]|Angka\s+\d+)$")
TAMBAHAN_RE = re.compile(r"^TAMBAHAN\s+(?:BERITA|LEMBARAN)\s+DAERAH\b")
JENIS_RE = re.compile(r"^(?:PERATURAN|KEPUTUSAN|INSTRUKSI|SURAT\s+EDARAN)\b")
TITLE_RE = re.compile(
    r"^(?P<jenis>.+?)\s+NOMOR\s+(?P<nomor>\S+)\s+TAHUN\s+(?P<tahun>\d{4})\s+TENTANG\s+(?P<tentang>.+)$"
)
DEPTH: dict[DivisionKind, int] = {"bab": 0, "bagian": 1, "paragraf": 2}


@dataclass
class _Unit:
    """An open unit of text (a point, an ayat, Menetapkan): its lines until the next marker.

    ``close`` receives the joined text once the unit is complete and puts the finished value in place.
    """

    parts: list[str]
    close: Callable[[str], None]
    quoted: list[Pasal] | None = None  # where an amended pasal quoted after this unit goes

    @property
    def text(self) -> str:
        return join_lines(self.parts)


@dataclass
class _FreeText:
    """Lines of free text waiting to be grouped into paragraphs of ``sink`` (and tables, in a lampiran)."""

    raw: list[TextLine]
    sink: list[TextLine]
    tables: list[TextLine] | None = None


@dataclass
class _Quote:
    """An amended pasal being quoted: where it goes, and the state of the amending pasal to go back to."""

    quoted: list[Pasal]
    pasal: Pasal | None
    ayat_points: list[Point] | None
    points: list[_OpenPoint]


@dataclass
class _OpenPoint:
    """A point whose sub-points may still come."""

    label: str
    points: list[Point]


class _Parser:
    """State machine over the cleaned lines."""

    def __init__(self, lines: list[TextLine], source: str, layout: list[str] | None = None) -> None:
        self.lines = lines
        self.layout = layout or [t.text for t in lines]
        self.quote: _Quote | None = None
        self.reg = Regulation(source_file=source)
        self.heading = Heading(line=1)
        self.memutuskan: TextLine | None = None
        self.menetapkan: TextLine | None = None
        self.penjelasan: Explanation | None = None
        self.state = "head"
        self.index = 0
        self.head_lines: list[TextLine] = []
        self.unit: _Unit | None = None
        self.points: list[_OpenPoint] = []  # path of open points, outermost first
        self.recital: list[Point] = []
        self.divisions: list[Division] = []
        self.title_parent: list[Division | Pasal] | None = None
        self.title_parts: list[str] = []
        self.pasal: Pasal | None = None
        self.ayat_points: list[Point] | None = None  # the points of the open ayat
        self.last_pasal: str | None = None
        self.closing: ClosingBlock | None = None
        self.free: list[_FreeText] = []
        self.free_raw: list[TextLine] | None = None
        self.pen_state = ""
        self.pen_pasal: ExplanationPasal | None = None
        self.last_unplaced_index = -2

    # --- helpers ---------------------------------------------------------------------------------

    def unplace(self, item: TextLine) -> None:
        unplaced = self.reg.unplaced
        if unplaced and self.last_unplaced_index == self._previous_nonblank(self.index):
            unplaced[-1] = TextLine(unplaced[-1].line, join_lines([unplaced[-1].text, item.text]))
        else:
            unplaced.append(item)
        self.last_unplaced_index = self.index

    def _previous_nonblank(self, index: int) -> int:
        index -= 1
        while index >= 0 and not self.lines[index].text:
            index -= 1
        return index

    def _next_text(self) -> str | None:
        for item in self.lines[self.index + 1 :]:
            if item.text:
                return item.text
        return None

    def start_unit(self, close: Callable[[str], None] | None = None, text: str = "") -> None:
        """Close the open unit, then open one that ``close`` finishes (none when None)."""
        if self.unit is not None:
            self.unit.close(self.unit.text)
        self.unit = None if close is None else _Unit(parts=[text] if text else [], close=close)

    def add_text(self, text: str) -> None:
        if self.unit is None:  # pragma: no cover - callers open a unit first
            raise AssertionError("no open unit")
        self.unit.parts.append(text)

    def boundary(self) -> bool:
        """Whether a marker may start a new unit here (the open unit is finished)."""
        return self.unit is None or ends_clause(self.unit.text)

    def start_free(self, sink: list[TextLine], tables: list[TextLine] | None = None) -> None:
        self.free_raw = []
        self.free.append(_FreeText(raw=self.free_raw, sink=sink, tables=tables))

    def reset_body(self, keep_quote: bool = False) -> None:
        if not keep_quote:
            self.quote = None
        self.start_unit()
        self.points = []
        self.title_parent = None
        self.free_raw = None

    # --- main loop -------------------------------------------------------------------------------

    def run(self) -> Regulation:
        for index, item in enumerate(self.lines):
            self.index = index
            if not item.text:
                if self.free_raw is not None:
                    self.free_raw.append(item)
                continue
            self.dispatch(item)
        if self.state == "head":
            self.finish_head()
        self.start_unit()
        for free in self.free:
            self.finish_free(free)
        return replace(
            self.reg,
            heading=self.heading,
            memutuskan=self.memutuskan,
            menetapkan=self.menetapkan,
            penjelasan=self.penjelasan,
        )

    def finish_free(self, free: _FreeText) -> None:
        """Group free text into paragraphs; in a lampiran, keep runs of rows in columns as tables."""
        if free.tables is None:
            free.sink.extend(paragraphs(free.raw))
            return
        rows = [i for i, item in enumerate(free.raw) if TABLE_ROW_RE.search(self.layout[item.line - 1])]
        runs: list[list[int]] = []
        for index in rows:
            if runs and index - runs[-1][-1] <= TABLE_GAP + 1:
                runs[-1].append(index)
            else:
                runs.append([index])
        start = 0
        for run in (r for r in runs if len(r) >= 2):
            free.sink.extend(paragraphs(free.raw[start : run[0]]))
            lines = free.raw[run[0] : run[-1] + 1]
            text = "\n".join(self.layout[item.line - 1] for item in lines)
            free.tables.append(TextLine(lines[0].line, text))
            start = run[-1] + 1
        free.sink.extend(paragraphs(free.raw[start:]))

    def dispatch(self, item: TextLine) -> None:
        state = self.state
        if self.section_change(item):
            return
        if state == "head":
            self.in_head(item)
        elif state == "opening":
            self.in_opening(item)
        elif state in ("recital", "persetujuan", "memutuskan", "menetapkan"):
            self.in_preamble(item)
        elif state == "body":
            self.in_body(item)
        elif state == "closing":
            self.in_closing(item)
        elif state == "penjelasan":
            self.in_explanation(item)
        elif state == "lampiran" and self.free_raw is not None:
            self.free_raw.append(item)
        else:  # pragma: no cover - every state is handled above
            raise AssertionError(f"state {state} with {item.text!r}")

    def section_change(self, item: TextLine) -> bool:
        """Start the penjelasan, a lampiran or a closing block if ``item`` begins one."""
        text, state = item.text, self.state
        after_body = state in ("closing", "penjelasan", "lampiran")
        may_end_body = state in ("body", "menetapkan") and self.boundary()
        if PENJELASAN_RE.match(text) and (may_end_body or state in ("closing", "lampiran")):
            self.reset_body()
            self.state = "penjelasan"
            self.pen_state = "heading"
            self.penjelasan = Explanation(line=item.line)
            return True
        if LAMPIRAN_RE.match(text) and (may_end_body or after_body):
            self.reset_body()
            self.state = "lampiran"
            attachment = Attachment(label=text, line=item.line)
            self.reg.lampiran.append(attachment)
            self.start_free(attachment.paragraphs, attachment.tables)
            return True
        if state in ("lampiran", "penjelasan"):
            return False
        for kind, pattern in CLOSING_RES:
            if pattern.match(text) and (state == "closing" or kind == "ditetapkan" or may_end_body):
                self.reset_body()
                self.state = "closing"
                self.closing = ClosingBlock(kind=kind, lines=[item])
                self.reg.closing.append(self.closing)
                return True
        return False

    # --- title block and preamble ----------------------------------------------------------------

    def in_head(self, item: TextLine) -> None:
        text = item.text
        if RAHMAT_RE.match(text):
            self.finish_head()
            self.state = "opening"
            self.reg.opening.append(item)
        elif RECITAL_RE.match(text):
            self.finish_head()
            self.start_recital(item)
        elif BAB_RE.match(text) or PASAL_RE.match(text):
            self.finish_head()
            self.state = "body"
            self.in_body(item)
        else:
            self.head_lines.append(item)

    def finish_head(self) -> None:
        lines = self.head_lines
        start = next((i for i, t in enumerate(lines) if JENIS_RE.match(t.text)), None)
        if start is None:
            self.heading = Heading(line=lines[0].line if lines else 1)
            for item in lines:
                self.unplace(item)
            return
        title: list[str] = []
        for item in lines[start:]:
            if is_capitals(item.text):
                title.append(item.text)
            else:
                self.unplace(item)
        joined = join_lines(title)
        kop = [t.text for t in lines[:start]]
        match = TITLE_RE.match(joined)
        if match is None:
            self.heading = Heading(line=lines[start].line, kop=kop, jenis=joined)
            return
        self.heading = Heading(
            line=lines[start].line,
            kop=kop,
            jenis=match["jenis"],
            nomor=match["nomor"],
            tahun=match["tahun"],
            tentang=match["tentang"],
        )

    def in_opening(self, item: TextLine) -> None:
        text = item.text
        opening = self.reg.opening
        if RECITAL_RE.match(text):
            self.start_recital(item)
        elif opening and RAHMAT_RE.match(opening[-1].text) and not re.search(r"ESA,?$", opening[-1].text):
            opening[-1] = TextLine(opening[-1].line, join_lines([opening[-1].text, text]))
        elif is_capitals(text):
            opening.append(item)
        else:
            self.unplace(item)

    def start_recital(self, item: TextLine) -> None:
        match = RECITAL_RE.match(item.text)
        if match is None:  # pragma: no cover - checked by the caller
            raise AssertionError(item.text)
        self.state = "recital"
        self.recital = {"Menimbang": self.reg.menimbang, "Mengingat": self.reg.mengingat}.get(
            match[1], self.reg.memperhatikan
        )
        self.start_unit()
        self.points = []
        if match[2]:
            self.recital_text(TextLine(line=item.line, text=match[2]))

    def recital_text(self, item: TextLine) -> None:
        point = POINT_RE.match(item.text)
        if point and self.boundary():
            self.add_point(self.recital, item.line, point[1] + point[2], point[3] or "")
        elif self.unit is None:
            recital = self.recital
            self.points = []
            self.start_unit(lambda text: recital.append(Point(item.line, None, text)), item.text)
        else:
            self.add_text(item.text)

    def in_preamble(self, item: TextLine) -> None:
        text = item.text
        if self.state == "recital" and RECITAL_RE.match(text):
            self.start_recital(item)
        elif self.state in ("recital", "persetujuan") and PERSETUJUAN_RE.match(text):
            self.state = "persetujuan"
            self.start_unit()
            self.reg.persetujuan.append(item)
        elif self.state != "menetapkan" and MEMUTUSKAN_RE.match(text):
            self.state = "memutuskan"
            self.start_unit()
            self.memutuskan = item
        elif self.state != "menetapkan" and (match := MENETAPKAN_RE.match(text)):
            self.state = "menetapkan"

            def close(joined: str) -> None:
                self.menetapkan = TextLine(item.line, joined)

            self.start_unit(close, match[1])
        elif BAB_RE.match(text) or self.pasal_heading(text):
            self.state = "body"
            self.start_unit()
            self.in_body(item)
        elif self.state == "recital":
            self.recital_text(item)
        elif self.state == "persetujuan":
            self.reg.persetujuan.append(item)
        elif self.state == "menetapkan":
            self.add_text(text)
        else:
            self.unplace(item)

    # --- body ------------------------------------------------------------------------------------

    def pasal_heading(self, text: str, previous: str | None = None) -> str | None:
        """The number if ``text`` is a "Pasal N" heading here, else None (then it continues a sentence)."""
        match = PASAL_RE.match(text)
        if match is None:
            return None
        number = match[1]
        before = self.unit.text if self.unit is not None else previous
        if not before or ends_clause(before):
            return number
        following = self._next_text()
        if self.quote is not None:
            last = self.quote.quoted[-1].number if self.quote.quoted else None
        else:
            last = self.pen_last() if self.state == "penjelasan" else self.last_pasal
        if follows(last, number) and following is not None and not following[0].islower():
            return number
        return None

    def pen_last(self) -> str | None:
        pen = self.penjelasan
        return pen.pasal[-1].number if pen is not None and pen.pasal else None

    def in_body(self, item: TextLine) -> None:
        text = item.text
        if self.quote is None and (match := QUOTED_PASAL_RE.match(text)) and self.amendment_follows():
            self.open_quote(item, match[1])
        elif self.quote is not None:
            self.in_quote(item)
        elif match := BAB_RE.match(text):
            self.open_division("bab", item, match[1], match[2] or "")
        elif (match := BAGIAN_RE.match(text)) and self.boundary():
            self.open_division("bagian", item, match[1], match[2] or "")
        elif (match := PARAGRAF_RE.match(text)) and self.boundary():
            self.open_division("paragraf", item, match[1], match[2] or "")
        elif (number := self.pasal_heading(text)) is not None:
            self.open_pasal(item, number)
        elif self.title_parent is not None:
            self.title_text(item)
        elif self.pasal is not None:
            self.pasal_text(item)
        else:
            self.unplace(item)

    def amendment_follows(self) -> bool:
        """Whether the open unit announces an amended text ("… diubah sehingga berbunyi sebagai berikut:")."""
        return self.unit is not None and self.unit.quoted is not None and bool(AMEND_INTRO_RE.search(self.unit.text))

    def open_quote(self, item: TextLine, number: str) -> None:
        if self.unit is None or self.unit.quoted is None:  # pragma: no cover - checked by the caller
            raise AssertionError(item.text)
        self.quote = _Quote(self.unit.quoted, self.pasal, self.ayat_points, self.points)
        self.start_unit()
        self.open_pasal(item, number)

    def in_quote(self, item: TextLine) -> None:
        """A line of an amended pasal, or the end of the quotation."""
        quote = self.quote
        if quote is None:  # pragma: no cover - checked by the caller
            raise AssertionError(item.text)
        text = item.text
        number = self.pasal_heading(text)
        point = POINT_RE.match(text)
        if (number is not None and pasal_key(number) is None) or (
            point and self.boundary() and AMEND_START_RE.match(point[3] or "")
        ):
            self.end_quote(quote)
            self.in_body(item)
        elif (match := QUOTED_PASAL_RE.match(text)) and self.boundary():
            self.open_pasal(item, match[1])
        else:
            closing = CLOSING_QUOTE_RE.search(text)
            self.pasal_text(TextLine(item.line, text[: closing.start()] if closing else text))
            if closing:
                self.end_quote(quote)

    def end_quote(self, quote: _Quote) -> None:
        """Close the quoted text and go back to the amending pasal."""
        self.start_unit()
        self.pasal, self.ayat_points, self.points = quote.pasal, quote.ayat_points, quote.points
        self.quote = None

    def open_division(self, kind: DivisionKind, item: TextLine, number: str, rest: str) -> None:
        while self.divisions and DEPTH[self.divisions[-1].kind] >= DEPTH[kind]:
            self.divisions.pop()
        parent = self.divisions[-1].children if self.divisions else self.reg.body
        division = Division(kind=kind, number=number, title=rest, line=item.line)
        parent.append(division)
        self.divisions.append(division)
        self.pasal = None
        self.ayat_points = None
        self.reset_body()
        self.title_parent = parent
        self.title_parts = [rest] if rest else []

    def title_text(self, item: TextLine) -> None:
        parent = self.title_parent
        if parent is None:  # pragma: no cover - checked by the caller
            raise AssertionError(item.text)
        division = self.divisions[-1]
        if len(self.title_parts) < 3 and (division.kind != "bab" or is_capitals(item.text)):
            self.title_parts.append(item.text)
            # the division is the last one opened: replace it where it is, with the longer title
            parent[-1] = self.divisions[-1] = replace(division, title=join_lines(self.title_parts))
        else:
            self.unplace(item)

    def open_pasal(self, item: TextLine, number: str) -> None:
        pasal = Pasal(number=number, line=item.line)
        if self.quote is not None:
            self.quote.quoted.append(pasal)
        else:
            self.last_pasal = number
            (self.divisions[-1].children if self.divisions else self.reg.body).append(pasal)
        self.pasal = pasal
        self.ayat_points = None
        self.reset_body(keep_quote=True)

    def pasal_text(self, item: TextLine) -> None:
        pasal = self.pasal
        if pasal is None:  # pragma: no cover - checked by the caller
            raise AssertionError(item.text)
        text = item.text
        if (match := AYAT_RE.match(text)) and self.boundary():
            self.open_ayat(pasal, int(match[1]), item.line, match[2])
        elif (match := POINT_RE.match(text)) and self.boundary():
            if self.ayat_points is None:
                self.start_unit()
                self.ayat_points = []
                pasal.ayat.append(Ayat(number=None, line=item.line, text="", points=self.ayat_points))
            self.add_point(self.ayat_points, item.line, match[1] + match[2], match[3] or "")
        elif self.unit is None:
            self.open_ayat(pasal, None, item.line, text)
        else:
            self.add_text(text)

    def open_ayat(self, pasal: Pasal, number: int | None, line: int, text: str) -> None:
        points: list[Point] = []
        quoted: list[Pasal] = []
        self.points = []
        self.start_unit(lambda joined: pasal.ayat.append(Ayat(number, line, joined, points, quoted)), text)
        if self.unit is not None:
            self.unit.quoted = quoted
        self.ayat_points = points

    def add_point(self, root: list[Point], line: int, label: str, text: str) -> None:
        style = point_style(label)
        for depth, open_point in enumerate(self.points):
            if point_style(open_point.label) == style:
                self.points = self.points[:depth]
                break
        siblings = self.points[-1].points if self.points else root
        children: list[Point] = []
        quoted: list[Pasal] = []
        self.start_unit(lambda joined: siblings.append(Point(line, label, joined, children, quoted)), text)
        if self.unit is not None:
            self.unit.quoted = quoted
        self.points.append(_OpenPoint(label=label, points=children))

    # --- closing, penjelasan ---------------------------------------------------------------------

    def in_closing(self, item: TextLine) -> None:
        block = self.closing
        if block is None or (block.kind == "berita_daerah" and not is_capitals(item.text)):
            self.unplace(item)
        else:
            block.lines.append(item)

    def in_explanation(self, item: TextLine) -> None:
        pen = self.penjelasan
        if pen is None:  # pragma: no cover - set when the state starts
            raise AssertionError(item.text)
        if not self.explanation_marker(pen, item):
            self.explanation_text(pen, item)

    def explanation_marker(self, pen: Explanation, item: TextLine) -> bool:
        """Handle "I. UMUM", "II. PASAL DEMI PASAL", "Pasal N", "Ayat (1)" and the closing line."""
        text = item.text
        previous = self.free_raw[-1].text if self.free_raw else ""
        if UMUM_RE.match(text) and self.pen_state == "heading":
            self.pen_state = "umum"
            self.start_free(pen.umum)
        elif PASAL_DEMI_PASAL_RE.match(text) and self.pen_state in ("heading", "umum"):
            self.pen_state = "pasal"
            self.free_raw = None
        elif TAMBAHAN_RE.match(text):
            self.pen_state = "closing"
            self.free_raw = None
            pen.closing.append(item)
        elif self.pen_state == "pasal" and (number := self.pasal_heading(text, previous)) is not None:
            self.pen_pasal = ExplanationPasal(number=number, line=item.line)
            pen.pasal.append(self.pen_pasal)
            self.free_raw = None
        elif self.pen_state == "pasal" and self.pen_pasal is not None and PART_RE.match(text):
            part = ExplanationPart(label=text, line=item.line)
            self.pen_pasal.parts.append(part)
            self.start_free(part.paragraphs)
        else:
            return False
        return True

    def explanation_text(self, pen: Explanation, item: TextLine) -> None:
        text = item.text
        if self.pen_state == "pasal" and self.pen_pasal is not None:
            if self.free_raw is None:
                part = ExplanationPart(label=None, line=item.line)
                self.pen_pasal.parts.append(part)
                self.start_free(part.paragraphs)
            if self.free_raw is not None:
                self.free_raw.append(item)
        elif self.pen_state == "umum" and self.free_raw is not None:
            self.free_raw.append(item)
        elif self.pen_state == "heading" and is_capitals(text):
            pen.heading.append(item)
        elif self.pen_state == "closing" and is_capitals(text):
            pen.closing.append(item)
        else:
            self.unplace(item)


def parse_lines(lines: list[TextLine], source: str = "", layout: list[str] | None = None) -> Regulation:
    """Parse cleaned lines (see :func:`scripts.regulation.clean.clean`) into the structure, without checks.

    ``layout`` holds each input line with its spacing kept (for tables in a lampiran).
    """
    return _Parser(lines, source, layout).run()


def parse_text(text: str, source: str = "") -> Regulation:
    """Clean, parse and check the text of a regulation copied from a PDF.

    The result's ``issues`` hold the cleaning warnings and the findings of the checks, by input line.
    """
    cleaned = clean(text)
    regulation = parse_lines(cleaned.lines, source, cleaned.layout)
    issues = sorted(cleaned.issues + check(regulation), key=lambda i: i.line)
    return replace(regulation, removed=cleaned.removed, issues=issues)
