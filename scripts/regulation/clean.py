"""Removal of PDF noise from the text of a regulation copied out of a PDF.

:func:`clean` keeps the input's line numbers: it returns the lines that remain, each with the number it
had in the input, and every removed line with the reason. What it removes:

* page numbers on a line of their own: ``- 2 -``, ``-2-``, ``2``, ``Halaman 2 dari 9``, ``2/9``;
* running headers and footers: a line that is found next to at least two page breaks (a page number
  or a form feed). When the text has no page breaks, an all-capital line without final punctuation
  that occurs at least three times is taken for a running header, with a warning;
* catchwords at the foot of a page (the first words of the next page, then ``. . .``, ``...`` or
  ``…``: ``Pasal 4 . . .``, ``MEMUTUSKAN…``), on a line of their own or at the end of a line, when the
  next page starts with those words (or, alone on a line, when a page number follows); a page number
  at the end of a line (``… berlaku. - 3 -``);
* layout leftovers: a line holding only ``:``, and stray one- or two-character lines left by a scan
  (``fl``, ``~``), with a warning.

It repairs what a scan typically gets wrong in numbering, each repair with a warning at its line:
``l.``/``I.`` for ``1.`` and ``(l)`` for ``(1)``, ``O`` for ``0`` inside a number (``427O``), a label whose
dot is missing or read as a comma (``2 Undang-Undang``, ``2, Undang-Undang``) when it continues the
numbering. Other words are left as they are (``Lemba,ran`` stays ``Lemba,ran``).

It also normalises characters (non-breaking spaces, ligatures, soft hyphens, tabs, letter-spaced words
such as ``M E M U T U S K A N``). Joining broken lines and hyphenated words is done by
:func:`join_lines` and :func:`paragraphs` when the parser knows where a unit of text starts and ends.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from dataclasses import dataclass

from scripts.regulation.model import Issue, Removed, TextLine

# "- 2 -" may come out of a PDF with an en dash, an em dash or a minus sign instead of a hyphen.
PAGE_NUMBER = re.compile(
    r"^(?:[-\u2013\u2014\u2212]\s*\d{1,4}\s*[-\u2013\u2014\u2212]|\d{1,4}|(?:halaman|hal\.?)\s*\d{1,4}(?:\s*(?:dari|/)\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4})$",
    re.IGNORECASE,
)
LETTER_SPACED = re.compile(r"^((?:[A-Z] ){3,}[A-Z])(\s*:)?$")
# Lines that belong to the structure of a regulation: never running headers.
STRUCTURAL = re.compile(
    r"^(?:BAB\s+[IVXLCDM]+|Bagian\s+Ke|Paragraf\s+\d|Pasal\s+(?:\d|[IVX]+$)|Ayat\s+\(|Huruf\s+[a-z]$|Angka\s+\d|\(\d+\)"
    r"|[a-z]\.|\d+\.|PENJELASAN|LAMPIRAN|ATAS$|TENTANG$|NOMOR\s|MEMUTUSKAN|Cukup jelas)",
)
# A window around a page break that holds one of these lines is a title block, not a running header.
TITLE_CONTEXT = re.compile(r"^(?:PENJELASAN|LAMPIRAN\b|ATAS$|TENTANG$|NOMOR\s+\S+\s+TAHUN\s+\d{4}$)")
CLAUSE_END = re.compile(r"(?:[.:;]|;\s*(?:dan|atau|dan/atau))\s*$")
SENTENCE_END = re.compile(r"[.:;!?]\s*$")
MARKER_START = re.compile(r"^(?:\(\d+\)|[a-z][.)]|\d+[.)])(?:\s|$)")
HEADER_WINDOW = 3
DASH = "-\u2013\u2014\u2212"
TRAILING_PAGE_NUMBER = re.compile(rf"^(.*\S)\s+([{DASH}]\s*\d{{1,4}}\s*[{DASH}])$")
# up to four words, then ". . .", "...", "…" or a short run of them ("……..")
CATCHWORD = re.compile(r"^(?P<text>.*?)\s*(?P<dots>(?:\.\s?){3}|…)(?:[.…]\s?){0,5}$")
CATCHWORD_WORDS = 4  # at most; alone on a line before a page break without matching the next page: 2
STRAY = re.compile(r"^\S{1,2}$")
KEEP_SHORT = re.compile(r"^(?:[a-z0-9][.)]|\d{1,2}|[IVX]{1,2}|di|ke|ya|RI)$")
LABEL = re.compile(r"^(?:(?P<num>\d{1,2})|(?P<let>[a-z]))(?P<sep>[.,)])?(?:\s|$)")
LABEL_O = re.compile(r"^[lI]\.(?=\s|$)")
AYAT_O = re.compile(r"^\([lI]\)|(?<=ayat )\([lI]\)")
RECITAL_PREFIX = re.compile(r"^(?:Menimbang|Mengingat|Memperhatikan)\s*:?\s*")
NUMBER_O = re.compile(r"\b\d[0-9]*[Oo][0-9Oo]*\b")
TRANSLATE = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\t": " ",
        "\u200b": "",
        "\ufeff": "",
        "\u2011": "-",
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
    }
)


@dataclass(frozen=True)
class CleanResult:
    """The lines left after cleaning (blank ones included), what was removed, and warnings."""

    lines: list[TextLine]
    removed: list[Removed]
    issues: list[Issue]
    page_breaks: int
    layout: list[str]  # per input line: its text with the spacing kept ("" when removed)


def normalize_line(text: str) -> str:
    """Normalise the characters and spaces of one line."""
    text = text.translate(TRANSLATE)
    # A soft hyphen at the end of a line marks a hyphenated word; elsewhere it is invisible.
    text = text.rstrip()
    if text.endswith("\u00ad"):
        text = text[:-1] + "-"
    text = text.replace("\u00ad", "")
    text = re.sub(r" {2,}", " ", text).strip()
    spaced = LETTER_SPACED.match(text)
    if spaced:
        text = spaced.group(1).replace(" ", "") + (":" if spaced.group(2) else "")
    return text


def is_page_number(text: str) -> bool:
    """Whether a (normalised) line is only a page number."""
    return bool(PAGE_NUMBER.match(text))


def _header_key(text: str) -> str | None:
    """The text under which a line may count as a running header, or None if it cannot be one."""
    if not text or len(text) > 100 or STRUCTURAL.match(text) or text[-1] in ".,;:":
        return None
    if not any(c.isupper() for c in text):
        return None
    return text


def layout_line(text: str) -> str:
    """A line with normalised characters but its spacing kept (tabs as four spaces), for tables."""
    return text.replace("\t", "    ").translate(TRANSLATE).replace("\f", " ").rstrip()


def clean(text: str) -> CleanResult:
    """Split ``text`` into numbered lines, remove PDF and scan noise, repair scanned numbering."""
    removed: list[Removed] = []
    issues: list[Issue] = []
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines: list[str] = []
    breaks: list[int] = []  # indices (0-based) of the first line after each page break
    for index, original in enumerate(raw):
        line = original
        if "\f" in line:
            breaks.append(index)
            line = line.replace("\f", " ")
        normal = normalize_line(line)
        if normal and is_page_number(normal):
            removed.append(Removed(line=index + 1, text=line.strip(), reason="nomor halaman"))
            breaks.append(index)
            normal = ""
        elif normal == ":":
            removed.append(Removed(line=index + 1, text=normal, reason="tanda titik dua tata letak"))
            normal = ""
        elif STRAY.match(normal) and not KEEP_SHORT.match(normal):
            removed.append(Removed(line=index + 1, text=normal, reason="sisa pindaian"))
            message = f"baris pendek '{normal}' dianggap sisa pindaian dan dibuang; periksa terhadap PDF"
            issues.append(Issue(index + 1, "warning", "scan-stray", message))
            normal = ""
        elif match := TRAILING_PAGE_NUMBER.match(normal):
            removed.append(Removed(line=index + 1, text=match[2], reason="nomor halaman"))
            breaks.append(index + 1)
            normal = match[1]
        lines.append(normal)
    breaks += _catchwords(lines, breaks, removed)
    headers = _running_headers(lines, sorted(set(breaks)))
    if not breaks:
        headers, repeated = _repeated_capitals(lines)
        for key in repeated:
            first = min(i for i in headers if lines[i] == key) + 1
            message = f"teks tanpa nomor halaman; baris berulang '{key}' dianggap kepala halaman dan dibuang"
            issues.append(Issue(line=first, severity="warning", code="header-guessed", message=message))
    for index in sorted(headers):
        removed.append(Removed(line=index + 1, text=lines[index], reason="kepala/kaki halaman berulang"))
        lines[index] = ""
    issues += _repair_numbering(lines)
    layout = [layout_line(original) if kept else "" for original, kept in zip(raw, lines, strict=True)]
    return CleanResult(
        lines=[TextLine(line=i + 1, text=t) for i, t in enumerate(lines)],
        removed=sorted(removed, key=lambda r: r.line),
        issues=sorted(issues, key=lambda i: i.line),
        page_breaks=len(set(breaks)),
        layout=layout,
    )


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def _catchwords(lines: list[str], breaks: list[int], removed: list[Removed]) -> list[int]:
    """Remove catchwords (in place); return the page breaks they mark."""
    found: list[int] = []
    for index, text in enumerate(lines):
        match = CATCHWORD.match(text)
        if not match or not match["text"] or match["text"].endswith(":"):
            continue
        following = [_squash(lines[i]) for i in _window(lines, index + 1, 1)]
        words = match["text"].split()
        tail = text[len(match["text"]) :].strip()
        matches = any(f.startswith(_squash(match["text"])) for f in following if f)
        if len(words) <= CATCHWORD_WORDS and (matches or (index + 1 in breaks and len(words) <= 2)):
            removed.append(Removed(line=index + 1, text=text, reason="kata penyambung halaman"))
            lines[index] = ""
            found.append(index + 1)
            continue
        for count in range(min(CATCHWORD_WORDS, len(words) - 1), 0, -1):
            catchword = " ".join(words[-count:])
            if _squash(catchword) and any(f.startswith(_squash(catchword)) for f in following):
                removed.append(Removed(line=index + 1, text=f"{catchword} {tail}", reason="kata penyambung halaman"))
                lines[index] = " ".join(words[:-count])
                found.append(index + 1)
                break
    return found


def _repair_numbering(lines: list[str]) -> list[Issue]:
    """Repair scanned numbering in place (see the module docstring); one warning per repaired line."""
    issues: list[Issue] = []
    last: dict[str, str] = {}  # label style ("num", "let") -> last label seen
    previous = ""
    for index, text in enumerate(lines):
        if not text:
            continue
        fixes: list[tuple[str, str]] = []

        def fix(match: re.Match[str], new: str, fixes: list[tuple[str, str]] = fixes) -> str:
            fixes.append((match[0], new))
            return new

        prefix = RECITAL_PREFIX.match(text)
        head, rest = text[: prefix.end()] if prefix else "", text[prefix.end() :] if prefix else text
        rest = NUMBER_O.sub(lambda m: fix(m, m[0].replace("O", "0").replace("o", "0")), rest)
        rest = AYAT_O.sub(lambda m: fix(m, m[0].replace("l", "1").replace("I", "1")), rest)
        letter_l = rest[:1] == "l" and last.get("let") == "k"
        if LABEL_O.match(rest) and not letter_l and not is_capitals(rest):
            rest = LABEL_O.sub(lambda m: fix(m, "1."), rest)
        label = LABEL.match(rest)
        if label and label["sep"] not in (".", ")") and (ends_clause(previous) or prefix):
            value = label["num"] or label["let"]
            expected = _next_label(last.get("num" if label["num"] else "let"), label["num"] is not None, previous)
            if value == expected and (label["sep"] == "," or rest[label.end() :][:1].isupper()):
                old = value + (label["sep"] or "")
                rest = f"{value}.{rest[len(old) :]}"
                fixes.append((old, f"{value}."))
        if fixes:
            repairs = ", ".join(f"'{old}' dibaca '{new}'" for old, new in fixes)
            issues.append(Issue(index + 1, "warning", "scan-repair", f"perbaikan hasil pindaian: {repairs}"))
            lines[index] = head + rest
        if (label := LABEL.match(rest)) and label["sep"] in (".", ")"):
            last["num" if label["num"] else "let"] = label["num"] or label["let"]
        previous = lines[index]
    return issues


def _next_label(last: str | None, numeric: bool, previous: str) -> str | None:
    """The label that would continue the numbering, or start it after a line ending with ``:``."""
    if previous.rstrip().endswith(":") or last is None:
        return "1" if numeric else "a"
    return str(int(last) + 1) if numeric else chr(ord(last) + 1)


def _window(lines: list[str], start: int, step: int) -> list[int]:
    """Up to HEADER_WINDOW indices of non-blank lines from ``start`` going by ``step``."""
    found: list[int] = []
    index = start
    while 0 <= index < len(lines) and len(found) < HEADER_WINDOW:
        if lines[index]:
            found.append(index)
        index += step
    return found


def _running_headers(lines: list[str], breaks: list[int]) -> set[int]:
    """Indices of the lines that repeat next to at least two page breaks."""
    near: dict[str, set[int]] = defaultdict(set)  # key -> indices
    near_breaks: dict[str, set[int]] = defaultdict(set)  # key -> breaks it is next to
    for number, brk in enumerate(breaks):
        window = _window(lines, brk - 1, -1) + _window(lines, brk, 1)
        if any(TITLE_CONTEXT.match(lines[i]) for i in window):
            continue
        for index in window:
            key = _header_key(lines[index])
            if key is not None:
                near[key].add(index)
                near_breaks[key].add(number)
    return {index for key, indices in near.items() if len(near_breaks[key]) >= 2 for index in indices}


def _repeated_capitals(lines: list[str]) -> tuple[set[int], list[str]]:
    """Without page breaks: all-capital lines found three times or more, except in a title block."""
    where: dict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        key = _header_key(line)
        if key is None or not key.isupper() or TITLE_CONTEXT.match(key) or key.startswith("PERATURAN"):
            continue
        # The subject of the regulation after "TENTANG" is repeated in the title blocks of the
        # penjelasan and of each lampiran: it is content there, not a running header.
        if any(TITLE_CONTEXT.match(lines[i]) for i in _window(lines, index - 1, -1)):
            continue
        where[key].append(index)
    repeated = [key for key, indices in where.items() if len(indices) >= 3]
    return {i for key in repeated for i in where[key]}, repeated


def ends_clause(text: str) -> bool:
    """Whether ``text`` ends like a complete unit (``.``, ``:``, ``;``, ``; dan``, ``; atau``)."""
    return bool(CLAUSE_END.search(text))


def _keeps_hyphen(fragment: str, word: str) -> bool:
    """Whether ``fragment-`` + ``word`` is a reduplication (``masing-masing``, ``sebaik-baiknya``)."""
    low_fragment, low_word = fragment.lower(), word.lower()
    return any(
        low_word.startswith(low_fragment[i:]) for i in range(len(low_fragment)) if len(low_fragment) - i >= 3
    ) or (len(low_fragment) == 2 and low_word == low_fragment)


def join_lines(parts: list[str]) -> str:
    """Join the lines of one unit of text, undoing hyphenation at line ends.

    ``pe-`` + ``laksanaan`` gives ``pelaksanaan``; ``masing-`` + ``masing`` gives ``masing-masing``;
    ``Undang-`` + ``Undang`` gives ``Undang-Undang``; ``dan/`` + ``atau`` gives ``dan/atau``.
    """
    result = ""
    for raw in parts:
        part = " ".join(raw.split())
        if not part:
            continue
        if not result:
            result = part
            continue
        hyphen = re.search(r"(\w+)-$", result)
        if hyphen and part[0].islower():
            word = re.match(r"\w+", part)
            if word and _keeps_hyphen(hyphen.group(1), word.group(0)):
                result += part
            else:
                result = result[:-1] + part
        elif (hyphen and (part[0].isupper() or part[0].isdigit())) or result.endswith("/"):
            result += part
        else:
            result += " " + part
    return result


def paragraphs(lines: list[TextLine]) -> list[TextLine]:
    """Group the lines of free text (penjelasan, lampiran) into paragraphs.

    A paragraph ends at a blank line after final punctuation or after an all-capital line, before a
    line that starts with ``(1)``, ``a.`` or ``1.`` after final punctuation, at a change between
    all-capital lines and ordinary lines, and after a short line ending with ``.`` or ``:`` (the
    last line of a paragraph in a justified PDF).
    """
    lengths = [len(t.text) for t in lines if t.text]
    typical = statistics.median(lengths) if len(lengths) >= 5 else 0.0
    result: list[TextLine] = []
    parts: list[str] = []
    start = 0
    pending_break = False
    previous = ""

    def flush() -> None:
        nonlocal parts
        if parts:
            result.append(TextLine(line=start, text=join_lines(parts)))
        parts = []

    for item in lines:
        text = item.text
        if not text:
            if parts and (SENTENCE_END.search(parts[-1]) or is_capitals(parts[-1])):
                pending_break = True
            continue
        current = join_lines(parts)
        if parts and (
            pending_break
            or (MARKER_START.match(text) and ends_clause(current))
            or (is_capitals(text) != is_capitals(previous))
            or (typical and len(previous) < 0.75 * typical and SENTENCE_END.search(previous))
        ):
            flush()
        pending_break = False
        if not parts:
            start = item.line
        parts.append(text)
        previous = text
    flush()
    return result


def is_capitals(text: str) -> bool:
    """Whether a line is written in capitals (a heading or title line): the one definition."""
    return any(c.isalpha() for c in text) and text.upper() == text
