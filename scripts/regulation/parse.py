"""Parsing of the cleaned text of a regulation into a :class:`~scripts.regulation.model.Regulation`.

The parser reads the lines in order and keeps every piece of text: what fits nowhere goes to
``unplaced``. A line that looks like a marker (``Pasal 5``, ``(2)``, ``b.``) but follows a sentence
that is not finished (no ``.``, ``:`` or ``;`` at its end) is read as the continuation of that sentence,
because a PDF copy breaks lines anywhere, e.g. ``sebagaimana dimaksud dalam`` / ``Pasal 5`` / ``ayat (1)``.

Errors are findings that mean the copy is probably incomplete or wrong: a pasal or ayat number skipped,
repeated or out of order, BAB numerals out of order, text that cannot be placed, a missing title, no
pasal at all. Warnings are findings worth a look that can be right in the official text: a pasal
outside any BAB while others are in a BAB, Bagian, Paragraf, huruf or angka out of order, a penjelasan
of a pasal that does not exist, running headers guessed without page numbers, no "Ditetapkan di".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.regulation.clean import clean, ends_clause, join_lines, paragraphs
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
    Issue,
    Pasal,
    Point,
    Regulation,
    Severity,
    TextLine,
)

BAB_RE = re.compile(r"^BAB\s+([IVXLCDM]+)\.?(?:\s+(.*))?$")
BAGIAN_RE = re.compile(r"^Bagian\s+(Ke[a-z]+(?:\s+Belas)?)(?:\s+(.*))?$", re.IGNORECASE)
PARAGRAF_RE = re.compile(r"^Paragraf\s+(\d+)(?:\s+(.*))?$")
PASAL_RE = re.compile(r"^Pasal\s+(\d+)$")
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
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
ORDINALS = [
    "kesatu",
    "kedua",
    "ketiga",
    "keempat",
    "kelima",
    "keenam",
    "ketujuh",
    "kedelapan",
    "kesembilan",
    "kesepuluh",
    "kesebelas",
]
ORDINALS += [f"{word} belas" for word in ORDINALS[1:9]]
DEPTH: dict[DivisionKind, int] = {"bab": 0, "bagian": 1, "paragraf": 2}
SNIPPET = 60


def roman_to_int(numeral: str) -> int | None:
    """The value of a Roman numeral, or None if it is not a well-formed one."""
    total = 0
    for index, char in enumerate(numeral):
        value = ROMAN.get(char)
        if value is None:
            return None
        following = ROMAN.get(numeral[index + 1], 0) if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total if total > 0 and int_to_roman(total) == numeral else None


def int_to_roman(value: int) -> str:
    """The Roman numeral of a positive integer."""
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")]
    table += [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    result = ""
    for number, numeral in table:
        while value >= number:
            result += numeral
            value -= number
    return result


def _capitals(text: str) -> bool:
    return any(c.isalpha() for c in text) and text.upper() == text


def _snippet(text: str) -> str:
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def _point_style(label: str | None) -> str:
    if label is None:
        return ""
    return ("huruf" if label[0].isalpha() else "angka") + label[-1]


@dataclass
class _FreeText:
    """Lines of free text waiting to be grouped into paragraphs of ``sink``."""

    raw: list[TextLine]
    sink: list[TextLine]


class _Parser:
    """State machine over the cleaned lines."""

    def __init__(self, lines: list[TextLine], source: str) -> None:
        self.lines = lines
        self.reg = Regulation(source_file=source)
        self.issues: list[Issue] = []
        self.state = "head"
        self.index = 0
        self.head_lines: list[TextLine] = []
        # the open unit of text (a point, an ayat, Menetapkan): lines are joined into target.text
        self.target: Point | Ayat | TextLine | None = None
        self.parts: list[str] = []
        self.points: list[Point] = []  # path of open points, outermost first
        self.recital: list[Point] = []
        self.divisions: list[Division] = []
        self.title_division: Division | None = None
        self.title_parts: list[str] = []
        self.pasal: Pasal | None = None
        self.ayat: Ayat | None = None
        self.last_pasal = 0
        self.seen_pasal: dict[int, int] = {}
        self.last_bab = 0
        self.closing: ClosingBlock | None = None
        self.free: list[_FreeText] = []
        self.free_raw: list[TextLine] | None = None
        self.pen_state = ""
        self.pen_pasal: ExplanationPasal | None = None
        self.last_unplaced_index = -2

    # --- helpers ---------------------------------------------------------------------------------

    def issue(self, line: int, severity: Severity, code: str, message: str) -> None:
        self.issues.append(Issue(line=line, severity=severity, code=code, message=message))

    def unplace(self, item: TextLine) -> None:
        previous = self.reg.unplaced[-1] if self.reg.unplaced else None
        if previous is not None and self.last_unplaced_index == self._previous_nonblank(self.index):
            previous.text = join_lines([previous.text, item.text])
        else:
            self.reg.unplaced.append(TextLine(line=item.line, text=item.text))
            self.issue(item.line, "error", "unplaced", f"teks tidak dapat ditempatkan: '{_snippet(item.text)}'")
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

    def start_unit(self, target: Point | Ayat | TextLine | None, text: str = "") -> None:
        self.target = target
        self.parts = []
        if text:
            self.add_text(text)

    def add_text(self, text: str) -> None:
        if self.target is None:  # pragma: no cover - callers open a unit first
            raise AssertionError("no open unit")
        self.parts.append(text)
        self.target.text = join_lines(self.parts)

    def boundary(self) -> bool:
        """Whether a marker may start a new unit here (the open unit is finished)."""
        return self.target is None or ends_clause(self.target.text)

    def start_free(self, sink: list[TextLine]) -> None:
        self.free_raw = []
        self.free.append(_FreeText(raw=self.free_raw, sink=sink))

    def reset_body(self) -> None:
        self.start_unit(None)
        self.points = []
        self.title_division = None
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
        self.finish()
        return self.reg

    def dispatch(self, item: TextLine) -> None:
        text = item.text
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
            raise AssertionError(f"state {state} with {text!r}")

    def section_change(self, item: TextLine) -> bool:
        """Start the penjelasan, a lampiran or a closing block if ``item`` begins one."""
        text, state = item.text, self.state
        after_body = state in ("closing", "penjelasan", "lampiran")
        may_end_body = state in ("body", "menetapkan") and self.boundary()
        if PENJELASAN_RE.match(text) and (may_end_body or state in ("closing", "lampiran")):
            self.reset_body()
            self.state = "penjelasan"
            self.pen_state = "heading"
            self.reg.penjelasan = Explanation(line=item.line)
            return True
        if LAMPIRAN_RE.match(text) and (may_end_body or after_body):
            self.reset_body()
            self.state = "lampiran"
            attachment = Attachment(label=text, line=item.line)
            self.reg.lampiran.append(attachment)
            self.start_free(attachment.paragraphs)
            return True
        if state in ("lampiran", "penjelasan"):
            return False
        for kind, pattern in CLOSING_RES:
            if pattern.match(text) and (state == "closing" or kind == "ditetapkan" or may_end_body):
                self.reset_body()
                self.state = "closing"
                self.closing = ClosingBlock(kind=kind, lines=[TextLine(line=item.line, text=text)])
                self.reg.closing.append(self.closing)
                return True
        return False

    # --- title block and preamble ----------------------------------------------------------------

    def in_head(self, item: TextLine) -> None:
        text = item.text
        if RAHMAT_RE.match(text):
            self.finish_head()
            self.state = "opening"
            self.reg.opening.append(TextLine(line=item.line, text=text))
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
        heading = self.reg.heading
        start = next((i for i, t in enumerate(lines) if JENIS_RE.match(t.text)), None)
        if start is None:
            line = lines[0].line if lines else 1
            self.issue(
                line, "error", "heading-missing", "judul (PERATURAN … NOMOR … TAHUN … TENTANG …) tidak ditemukan"
            )
            for item in lines:
                self.unplace(item)
            return
        heading.line = lines[start].line
        heading.kop = [t.text for t in lines[:start]]
        title: list[str] = []
        for item in lines[start:]:
            if _capitals(item.text):
                title.append(item.text)
            else:
                self.unplace(item)
        joined = join_lines(title)
        match = TITLE_RE.match(joined)
        if match is None:
            heading.jenis = joined
            self.issue(
                heading.line,
                "error",
                "heading-incomplete",
                f"judul tidak lengkap (NOMOR/TAHUN/TENTANG): '{_snippet(joined)}'",
            )
            return
        heading.jenis = match["jenis"]
        heading.nomor = match["nomor"]
        heading.tahun = match["tahun"]
        heading.tentang = match["tentang"]

    def in_opening(self, item: TextLine) -> None:
        text = item.text
        opening = self.reg.opening
        if RECITAL_RE.match(text):
            self.start_recital(item)
        elif opening and RAHMAT_RE.match(opening[-1].text) and not re.search(r"ESA,?$", opening[-1].text):
            opening[-1].text = join_lines([opening[-1].text, text])
        elif _capitals(text):
            opening.append(TextLine(line=item.line, text=text))
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
        self.start_unit(None)
        self.points = []
        if match[2]:
            self.recital_text(TextLine(line=item.line, text=match[2]))

    def recital_text(self, item: TextLine) -> None:
        point = POINT_RE.match(item.text)
        if point and self.boundary():
            self.add_point(self.recital, item.line, point[1] + point[2], point[3] or "")
        elif self.target is None:
            unlabelled = Point(line=item.line, label=None, text="")
            self.recital.append(unlabelled)
            self.points = []
            self.start_unit(unlabelled, item.text)
        else:
            self.add_text(item.text)

    def in_preamble(self, item: TextLine) -> None:
        text = item.text
        if self.state == "recital" and RECITAL_RE.match(text):
            self.start_recital(item)
        elif self.state in ("recital", "persetujuan") and PERSETUJUAN_RE.match(text):
            self.state = "persetujuan"
            self.start_unit(None)
            self.reg.persetujuan.append(TextLine(line=item.line, text=text))
        elif self.state != "menetapkan" and MEMUTUSKAN_RE.match(text):
            self.state = "memutuskan"
            self.start_unit(None)
            self.reg.memutuskan = TextLine(line=item.line, text=text)
        elif self.state != "menetapkan" and (match := MENETAPKAN_RE.match(text)):
            self.state = "menetapkan"
            self.reg.menetapkan = TextLine(line=item.line, text="")
            self.start_unit(self.reg.menetapkan, match[1])
        elif BAB_RE.match(text) or self.pasal_heading(text):
            self.state = "body"
            self.start_unit(None)
            self.in_body(item)
        elif self.state == "recital":
            self.recital_text(item)
        elif self.state == "persetujuan":
            self.reg.persetujuan.append(TextLine(line=item.line, text=text))
        elif self.state == "menetapkan":
            self.add_text(text)
        else:
            self.unplace(item)

    # --- body ------------------------------------------------------------------------------------

    def pasal_heading(self, text: str, previous: str | None = None) -> int | None:
        """The number if ``text`` is a "Pasal N" heading here, else None (then it continues a sentence)."""
        match = PASAL_RE.match(text)
        if match is None:
            return None
        number = int(match[1])
        before = self.target.text if self.target is not None else previous
        if before is None or not before or ends_clause(before):
            return number
        following = self._next_text()
        expected = (self.pen_last() if self.state == "penjelasan" else self.last_pasal) + 1
        if number == expected and following is not None and not following[0].islower():
            return number
        return None

    def pen_last(self) -> int:
        pen = self.reg.penjelasan
        return pen.pasal[-1].number if pen is not None and pen.pasal else 0

    def in_body(self, item: TextLine) -> None:
        text = item.text
        if match := BAB_RE.match(text):
            self.open_bab(item, match[1], match[2] or "")
        elif (match := BAGIAN_RE.match(text)) and self.boundary():
            self.open_division("bagian", item, match[1], match[2] or "")
        elif (match := PARAGRAF_RE.match(text)) and self.boundary():
            self.open_division("paragraf", item, match[1], match[2] or "")
        elif (number := self.pasal_heading(text)) is not None:
            self.open_pasal(item, number)
        elif self.title_division is not None:
            self.title_text(item)
        elif self.pasal is not None:
            self.pasal_text(item)
        else:
            self.unplace(item)

    def open_bab(self, item: TextLine, numeral: str, rest: str) -> None:
        value = roman_to_int(numeral)
        if value is None:
            self.issue(item.line, "error", "bab-numeral", f"angka Romawi BAB tidak sah: '{numeral}'")
        elif value != self.last_bab + 1:
            expected = int_to_roman(self.last_bab + 1)
            self.issue(
                item.line, "error", "bab-order", f"BAB {numeral} tidak berurutan: yang diharapkan BAB {expected}"
            )
        if value is not None:
            self.last_bab = value
        self.open_division("bab", item, numeral, rest)

    def open_division(self, kind: DivisionKind, item: TextLine, number: str, rest: str) -> None:
        while self.divisions and DEPTH[self.divisions[-1].kind] >= DEPTH[kind]:
            self.divisions.pop()
        parent = self.divisions[-1].children if self.divisions else self.reg.body
        division = Division(kind=kind, number=number, title=rest, line=item.line)
        siblings = [d for d in parent if isinstance(d, Division) and d.kind == kind]
        self.check_division_order(division, len(siblings))
        parent.append(division)
        self.divisions.append(division)
        self.pasal = None
        self.ayat = None
        self.reset_body()
        self.title_division = division
        self.title_parts = [rest] if rest else []

    def check_division_order(self, division: Division, previous: int) -> None:
        if division.kind == "bagian":
            word = " ".join(division.number.lower().split())
            expected = ORDINALS[previous] if previous < len(ORDINALS) else None
            if word != expected:
                self.issue(
                    division.line,
                    "warning",
                    "bagian-order",
                    f"Bagian {division.number} tidak berurutan: yang diharapkan Bagian "
                    f"{expected.title() if expected else '?'}",
                )
        elif division.kind == "paragraf" and int(division.number) != previous + 1:
            self.issue(
                division.line,
                "warning",
                "paragraf-order",
                f"Paragraf {division.number} tidak berurutan: yang diharapkan Paragraf {previous + 1}",
            )

    def title_text(self, item: TextLine) -> None:
        division = self.title_division
        if division is None:  # pragma: no cover - checked by the caller
            raise AssertionError(item.text)
        if len(self.title_parts) < 3 and (division.kind != "bab" or _capitals(item.text)):
            self.title_parts.append(item.text)
            division.title = join_lines(self.title_parts)
        else:
            self.unplace(item)

    def open_pasal(self, item: TextLine, number: int) -> None:
        if number in self.seen_pasal:
            self.issue(
                item.line,
                "error",
                "pasal-repeated",
                f"Pasal {number} berulang (sudah ada di baris {self.seen_pasal[number]})",
            )
        elif number > self.last_pasal + 1:
            missing = f"Pasal {self.last_pasal + 1}" + (
                f" sampai dengan Pasal {number - 1}" if number - 1 > self.last_pasal + 1 else ""
            )
            self.issue(
                item.line, "error", "pasal-skipped", f"{missing} tidak ditemukan (setelah Pasal {self.last_pasal})"
            )
        elif number <= self.last_pasal:
            self.issue(
                item.line, "error", "pasal-order", f"Pasal {number} tidak berurutan (setelah Pasal {self.last_pasal})"
            )
        self.seen_pasal.setdefault(number, item.line)
        self.last_pasal = number
        pasal = Pasal(number=number, line=item.line)
        (self.divisions[-1].children if self.divisions else self.reg.body).append(pasal)
        self.pasal = pasal
        self.ayat = None
        self.reset_body()

    def pasal_text(self, item: TextLine) -> None:
        pasal = self.pasal
        if pasal is None:  # pragma: no cover - checked by the caller
            raise AssertionError(item.text)
        text = item.text
        if (match := AYAT_RE.match(text)) and self.boundary():
            number = int(match[1])
            self.check_ayat(pasal, number, item.line)
            self.ayat = Ayat(number=number, line=item.line, text="")
            pasal.ayat.append(self.ayat)
            self.points = []
            self.start_unit(self.ayat, match[2])
        elif (match := POINT_RE.match(text)) and self.boundary():
            if self.ayat is None:
                self.ayat = Ayat(number=None, line=item.line, text="")
                pasal.ayat.append(self.ayat)
            self.add_point(self.ayat.points, item.line, match[1] + match[2], match[3] or "")
        elif self.target is None:
            self.ayat = Ayat(number=None, line=item.line, text="")
            pasal.ayat.append(self.ayat)
            self.points = []
            self.start_unit(self.ayat, text)
        else:
            self.add_text(text)

    def check_ayat(self, pasal: Pasal, number: int, line: int) -> None:
        numbers = [a.number for a in pasal.ayat if a.number is not None]
        last = numbers[-1] if numbers else 0
        where = f"Pasal {pasal.number}"
        if number in numbers:
            self.issue(line, "error", "ayat-repeated", f"{where}: ayat ({number}) berulang")
        elif number > last + 1:
            missing = ", ".join(f"({n})" for n in range(last + 1, number))
            self.issue(
                line, "error", "ayat-skipped", f"{where}: ayat {missing} tidak ditemukan sebelum ayat ({number})"
            )
        elif number < last:
            self.issue(line, "error", "ayat-order", f"{where}: ayat ({number}) tidak berurutan (setelah ayat ({last}))")

    def add_point(self, root: list[Point], line: int, label: str, text: str) -> None:
        style = _point_style(label)
        for depth, open_point in enumerate(self.points):
            if _point_style(open_point.label) == style:
                self.points = self.points[:depth]
                break
        siblings = self.points[-1].points if self.points else root
        point = Point(line=line, label=label, text="")
        siblings.append(point)
        self.points.append(point)
        self.start_unit(point, text)

    # --- closing, penjelasan ---------------------------------------------------------------------

    def in_closing(self, item: TextLine) -> None:
        block = self.closing
        if block is None or (block.kind == "berita_daerah" and not _capitals(item.text)):
            self.unplace(item)
        else:
            block.lines.append(TextLine(line=item.line, text=item.text))

    def in_explanation(self, item: TextLine) -> None:
        pen = self.reg.penjelasan
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
            pen.closing.append(TextLine(line=item.line, text=text))
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
        elif self.pen_state == "heading" and _capitals(text):
            pen.heading.append(TextLine(line=item.line, text=text))
        elif self.pen_state == "closing" and _capitals(text):
            pen.closing.append(TextLine(line=item.line, text=text))
        else:
            self.unplace(item)

    # --- final checks ----------------------------------------------------------------------------

    def finish(self) -> None:
        for free in self.free:
            free.sink.extend(paragraphs(free.raw))
        reg = self.reg
        pasal = reg.pasal_list()
        if not pasal:
            self.issue(1, "error", "no-pasal", "tidak ada satu pun Pasal yang dikenali")
        if any(isinstance(n, Division) and n.kind == "bab" for n in reg.body):
            for node in reg.body:
                if isinstance(node, Pasal):
                    self.issue(node.line, "warning", "pasal-outside-bab", f"Pasal {node.number} berada di luar BAB")
        if pasal and not any(c.kind == "ditetapkan" for c in reg.closing):
            self.issue(pasal[-1].line, "warning", "no-ditetapkan", "bagian 'Ditetapkan di …' tidak ditemukan")
        self.check_points("Menimbang", reg.menimbang)
        self.check_points("Mengingat", reg.mengingat)
        self.check_points("Memperhatikan", reg.memperhatikan)
        for item in pasal:
            for ayat in item.ayat:
                self.check_points(f"Pasal {item.number}", ayat.points)
        if reg.penjelasan is not None:
            self.check_explanation(reg.penjelasan, {p.number for p in pasal})
        self.issues.sort(key=lambda i: i.line)
        reg.issues = self.issues

    def check_points(self, where: str, points: list[Point]) -> None:
        previous: Point | None = None
        for point in points:
            if point.label is not None:
                style = _point_style(point.label)
                same = previous is not None and _point_style(previous.label) == style
                value = point.label[:-1]
                if value.isdigit():
                    expected = str(int(previous.label[:-1]) + 1) if same and previous and previous.label else "1"
                else:
                    expected = chr(ord(previous.label[0]) + 1) if same and previous and previous.label else "a"
                if value != expected:
                    self.issue(
                        point.line,
                        "warning",
                        "point-order",
                        f"{where}: butir '{point.label}' tidak berurutan "
                        f"(yang diharapkan '{expected}{point.label[-1]}')",
                    )
            self.check_points(where, point.points)
            previous = point

    def check_explanation(self, pen: Explanation, numbers: set[int]) -> None:
        last = 0
        for item in pen.pasal:
            if item.number not in numbers:
                self.issue(
                    item.line, "warning", "penjelasan-unknown", f"penjelasan Pasal {item.number}: pasalnya tidak ada"
                )
            if item.number != last + 1:
                self.issue(
                    item.line,
                    "warning",
                    "penjelasan-order",
                    f"penjelasan Pasal {item.number} tidak berurutan (setelah Pasal {last})",
                )
            last = item.number
        explained = {p.number for p in pen.pasal}
        missing = sorted(numbers - explained)
        if pen.pasal and missing:
            listed = ", ".join(str(n) for n in missing)
            self.issue(pen.line, "warning", "penjelasan-missing", f"penjelasan tidak memuat Pasal {listed}")


def parse_lines(lines: list[TextLine], source: str = "") -> Regulation:
    """Parse cleaned lines (see :func:`scripts.regulation.clean.clean`)."""
    return _Parser(lines, source).run()


def parse_text(text: str, source: str = "") -> Regulation:
    """Clean and parse the text of a regulation copied from a PDF.

    The result's ``issues`` hold the cleaning warnings and the parser's findings, by input line.
    """
    cleaned = clean(text)
    regulation = parse_lines(cleaned.lines, source)
    regulation.removed = cleaned.removed
    regulation.issues = sorted(cleaned.issues + regulation.issues, key=lambda i: i.line)
    return regulation
