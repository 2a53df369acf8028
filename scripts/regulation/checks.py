"""Checks of a parsed regulation: what suggests that the copy is incomplete or wrong.

Errors: a pasal or ayat number skipped, repeated or out of order, BAB numerals out of order or not
Roman, text that could not be placed, a missing or incomplete title, no pasal at all. Warnings: worth
a look but possibly right in the official text: a pasal outside any BAB while others are in a BAB,
Bagian, Paragraf, huruf or angka out of order, a penjelasan of a pasal that does not exist or missing,
no "Ditetapkan di".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from scripts.regulation.model import Division, Explanation, Issue, Pasal, Point, Regulation

SNIPPET = 60
ARABIC = re.compile(r"^(\d+)([A-Z]?)$")
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


def snippet(text: str) -> str:
    """``text`` cut to a length that fits in a one-line message."""
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def point_style(label: str | None) -> str:
    """The kind of a point label: ``huruf.``, ``angka)``, … (empty for an unlabelled point)."""
    if label is None:
        return ""
    return ("huruf" if label[0].isalpha() else "angka") + label[-1]


def check(reg: Regulation) -> list[Issue]:
    """Every finding about ``reg``, ordered by input line."""
    issues = [
        *_heading(reg),
        *_unplaced(reg),
        *_pasal_sequence(reg.pasal_list()),
        *_bab_sequence(reg.body),
        *_division_sequence(reg.body),
        *_whole(reg),
        *_all_points(reg),
        *_tables(reg),
    ]
    if reg.penjelasan is not None:
        issues += _explanation(reg.penjelasan, {p.number for p in reg.pasal_list()})
    return sorted(issues, key=lambda i: i.line)


def _heading(reg: Regulation) -> Iterator[Issue]:
    heading = reg.heading
    if not heading.jenis:
        yield Issue(
            heading.line, "error", "heading-missing", "judul (PERATURAN … NOMOR … TAHUN … TENTANG …) tidak ditemukan"
        )
    elif not heading.nomor:
        reason = f"judul tidak lengkap (NOMOR/TAHUN/TENTANG): '{snippet(heading.jenis)}'"
        yield Issue(heading.line, "error", "heading-incomplete", reason)


def _unplaced(reg: Regulation) -> Iterator[Issue]:
    for item in reg.unplaced:
        yield Issue(item.line, "error", "unplaced", f"teks tidak dapat ditempatkan: '{snippet(item.text)}'")


def pasal_key(number: str) -> tuple[int, str] | None:
    """``(5, "A")`` for Pasal ``5A``, ``(5, "")`` for Pasal ``5``; None for a Roman one (``II``)."""
    match = ARABIC.match(number)
    return (int(match[1]), match[2]) if match else None


def follows(previous: str | None, number: str) -> bool:
    """Whether Pasal ``number`` is the one expected after Pasal ``previous`` (None: the first one).

    After ``5`` come ``6`` or an inserted ``5A``; after ``5A`` come ``6`` or ``5B``; after ``I`` comes ``II``.
    """
    key = pasal_key(number)
    if key is None:
        before = roman_to_int(previous) if previous else 0
        return before is not None and roman_to_int(number) == before + 1
    last = pasal_key(previous) if previous else (0, "")
    if last is None:
        return False
    inserted = key[0] == last[0] and key[1] == chr(ord(last[1] or "@") + 1)
    return key == (last[0] + 1, "") or inserted


def _pasal_sequence(pasal: list[Pasal]) -> Iterator[Issue]:
    seen: dict[str, int] = {}
    last: dict[bool, str | None] = {True: None, False: None}  # the last Roman and the last Arabic number
    for item in pasal:
        number = item.number
        roman = pasal_key(number) is None
        previous = last[roman]
        if number in seen:
            yield Issue(
                item.line, "error", "pasal-repeated", f"Pasal {number} berulang (sudah ada di baris {seen[number]})"
            )
        elif not follows(previous, number):
            yield _pasal_out_of_sequence(item, previous)
        seen.setdefault(number, item.line)
        last[roman] = number
        yield from _ayat_sequence(item)


def _pasal_out_of_sequence(item: Pasal, previous: str | None) -> Issue:
    """A skipped pasal when the number is too high, else one out of order."""
    key = pasal_key(item.number)
    name: Callable[[int], str] = int_to_roman if key is None else str
    if key is None:
        value, before = roman_to_int(item.number), roman_to_int(previous) if previous else 0
    else:
        value, before = key[0], (pasal_key(previous) or (0, ""))[0] if previous else 0
    after = f"(setelah Pasal {previous or 0})"
    if value is None or before is None:
        return Issue(item.line, "error", "pasal-order", f"nomor Pasal {item.number} tidak sah {after}")
    if value > before + 1:
        missing = f"Pasal {name(before + 1)}"
        if value - 1 > before + 1:
            missing += f" sampai dengan Pasal {name(value - 1)}"
        return Issue(item.line, "error", "pasal-skipped", f"{missing} tidak ditemukan {after}")
    return Issue(item.line, "error", "pasal-order", f"Pasal {item.number} tidak berurutan {after}")


def _ayat_sequence(pasal: Pasal) -> Iterator[Issue]:
    numbers: list[int] = []
    where = f"Pasal {pasal.number}"
    for ayat in pasal.ayat:
        number = ayat.number
        if number is None:
            continue
        last = numbers[-1] if numbers else 0
        if number in numbers:
            yield Issue(ayat.line, "error", "ayat-repeated", f"{where}: ayat ({number}) berulang")
        elif number > last + 1:
            missing = ", ".join(f"({n})" for n in range(last + 1, number))
            reason = f"{where}: ayat {missing} tidak ditemukan sebelum ayat ({number})"
            yield Issue(ayat.line, "error", "ayat-skipped", reason)
        elif number < last:
            reason = f"{where}: ayat ({number}) tidak berurutan (setelah ayat ({last}))"
            yield Issue(ayat.line, "error", "ayat-order", reason)
        numbers.append(number)


def _bab_sequence(body: list[Division | Pasal]) -> Iterator[Issue]:
    last = 0
    for bab in (node for node in body if isinstance(node, Division) and node.kind == "bab"):
        value = roman_to_int(bab.number)
        if value is None:
            yield Issue(bab.line, "error", "bab-numeral", f"angka Romawi BAB tidak sah: '{bab.number}'")
            continue
        if value != last + 1:
            reason = f"BAB {bab.number} tidak berurutan: yang diharapkan BAB {int_to_roman(last + 1)}"
            yield Issue(bab.line, "error", "bab-order", reason)
        last = value


def _division_sequence(nodes: list[Division | Pasal]) -> Iterator[Issue]:
    """Bagian and Paragraf numbered in order below the same parent."""
    count = {"bagian": 0, "paragraf": 0}
    for node in nodes:
        if not isinstance(node, Division):
            continue
        if node.kind == "bagian":
            word = " ".join(node.number.lower().split())
            expected = ORDINALS[count["bagian"]] if count["bagian"] < len(ORDINALS) else None
            if word != expected:
                reason = (
                    f"Bagian {node.number} tidak berurutan: yang diharapkan Bagian "
                    f"{expected.title() if expected else '?'}"
                )
                yield Issue(node.line, "warning", "bagian-order", reason)
            count["bagian"] += 1
        elif node.kind == "paragraf":
            if int(node.number) != count["paragraf"] + 1:
                reason = f"Paragraf {node.number} tidak berurutan: yang diharapkan Paragraf {count['paragraf'] + 1}"
                yield Issue(node.line, "warning", "paragraf-order", reason)
            count["paragraf"] += 1
        yield from _division_sequence(node.children)


def _whole(reg: Regulation) -> Iterator[Issue]:
    pasal = reg.pasal_list()
    if not pasal:
        yield Issue(1, "error", "no-pasal", "tidak ada satu pun Pasal yang dikenali")
    if any(isinstance(n, Division) and n.kind == "bab" for n in reg.body):
        for node in reg.body:
            if isinstance(node, Pasal):
                yield Issue(node.line, "warning", "pasal-outside-bab", f"Pasal {node.number} berada di luar BAB")
    if pasal and not any(c.kind == "ditetapkan" for c in reg.closing):
        yield Issue(pasal[-1].line, "warning", "no-ditetapkan", "bagian 'Ditetapkan di …' tidak ditemukan")


def _all_points(reg: Regulation) -> Iterator[Issue]:
    yield from _points("Menimbang", reg.menimbang)
    yield from _points("Mengingat", reg.mengingat)
    yield from _points("Memperhatikan", reg.memperhatikan)
    for item in reg.pasal_list():
        for ayat in item.ayat:
            yield from _points(f"Pasal {item.number}", ayat.points)


def _points(where: str, points: list[Point]) -> Iterator[Issue]:
    previous: Point | None = None
    for point in points:
        if point.label is not None:
            same = previous is not None and previous.label and point_style(previous.label) == point_style(point.label)
            value = point.label[:-1]
            if value.isdigit():
                expected = str(int(previous.label[:-1]) + 1) if same and previous and previous.label else "1"
            else:
                expected = chr(ord(previous.label[0]) + 1) if same and previous and previous.label else "a"
            if value != expected:
                reason = (
                    f"{where}: butir '{point.label}' tidak berurutan (yang diharapkan '{expected}{point.label[-1]}')"
                )
                yield Issue(point.line, "warning", "point-order", reason)
        yield from _points(where, point.points)
        previous = point


def _explanation(pen: Explanation, numbers: set[str]) -> Iterator[Issue]:
    last: str | None = None
    for item in pen.pasal:
        if item.number not in numbers:
            reason = f"penjelasan Pasal {item.number}: pasalnya tidak ada"
            yield Issue(item.line, "warning", "penjelasan-unknown", reason)
        if not follows(last, item.number):
            reason = f"penjelasan Pasal {item.number} tidak berurutan (setelah Pasal {last or 0})"
            yield Issue(item.line, "warning", "penjelasan-order", reason)
        last = item.number
    missing = [number for number in numbers if number not in {p.number for p in pen.pasal}]
    if pen.pasal and missing:
        listed = ", ".join(sorted(missing, key=lambda n: pasal_key(n) or (0, n)))
        yield Issue(pen.line, "warning", "penjelasan-missing", f"penjelasan tidak memuat Pasal {listed}")


def _tables(reg: Regulation) -> Iterator[Issue]:
    for attachment in reg.lampiran:
        for table in attachment.tables:
            rows = table.text.count("\n") + 1
            reason = (
                f"{attachment.label}: tabel ({rows} baris) disimpan sebagai teks praformat, "
                "tanpa diurai; periksa terhadap PDF"
            )
            yield Issue(table.line, "warning", "lampiran-table", reason)
