"""Result codes: a participant's answers in a short text that is easy to read aloud and type.

A code packs the answers (one digit per item, in instrument order, in the smallest radix that holds
the scale), a 10-bit tag of the instrument id and version, and a 12-bit checksum into one integer,
written in Crockford's base32 (no I, L, O, U; case-insensitive; ``I``/``L`` read as 1 and ``O`` as
0) in groups of four: for the 42-item BerAKHLAK instrument, 24 symbols, e.g. ``7K2M-…``.

The checksum is taken first, so a typing error reads as "salah ketik" and a code of another
instrument or version as such. A line of answer digits typed from the paper questionnaire
(one digit per item, in questionnaire order = instrument order) is read the same way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from assessment._internal.model import Instrument
from assessment._internal.scoring import check_answers

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUES = {symbol: value for value, symbol in enumerate(ALPHABET)} | {"I": 1, "L": 1, "O": 0}
TAG_BITS = 10
CHECK_BITS = 12
GROUP = 4
SEPARATORS = frozenset(" -\t")


class CodeError(ValueError):
    """A code or digit line that cannot be read; the message is the reason, in Indonesian."""


def _digest(text: str, bits: int) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big") >> (32 - bits)


def instrument_tag(instrument: Instrument) -> int:
    """The 10-bit tag of the instrument's id and version."""
    return _digest(f"{instrument.id}@{instrument.version}", TAG_BITS)


def _radix(instrument: Instrument) -> tuple[int, int]:
    """(radix, offset): digit = answer - offset; 0 stands for unanswered when some item is optional."""
    scale = instrument.scale
    optional = any(not item.required for item in instrument.items)
    return scale.max - scale.min + 1 + optional, scale.min - optional


def code_length(instrument: Instrument) -> int:
    """How many base32 symbols a code of this instrument has (separators not counted)."""
    radix, _ = _radix(instrument)
    bits = (int(radix ** len(instrument.items)) - 1).bit_length() + TAG_BITS + CHECK_BITS
    return -(-bits // 5)


def _checksum(body: int) -> int:
    return _digest(f"{body:x}", CHECK_BITS)


def encode(instrument: Instrument, answers: object) -> str:
    """The code of a complete, valid set of answers (see :func:`~assessment.check_answers`)."""
    values = check_answers(instrument, answers)
    radix, offset = _radix(instrument)
    payload = 0
    for item in instrument.items:
        payload = payload * radix + (values[item.id] - offset if item.id in values else 0)
    body = (payload << TAG_BITS) | instrument_tag(instrument)
    number = (body << CHECK_BITS) | _checksum(body)
    symbols = []
    for _ in range(code_length(instrument)):
        number, digit = divmod(number, 32)
        symbols.append(ALPHABET[digit])
    text = "".join(reversed(symbols))
    return "-".join(text[start : start + GROUP] for start in range(0, len(text), GROUP))


def _symbols(text: str) -> str:
    return "".join(char for char in text.upper() if char not in SEPARATORS)


def decode(instrument: Instrument, code: str) -> dict[str, int]:
    """The answers a code holds.

    Raises:
        CodeError: Wrong length, a symbol outside the alphabet, a wrong checksum (typing error),
            another instrument or version, or answers that are not valid.

    """
    symbols = _symbols(code)
    expected = code_length(instrument)
    if len(symbols) != expected:
        raise CodeError(f"panjang kode salah: {len(symbols)} karakter, seharusnya {expected}")
    number = 0
    for char in symbols:
        if char not in _VALUES:
            raise CodeError(f"karakter tidak dikenal: {char!r}")
        number = number * 32 + _VALUES[char]
    body, check = number >> CHECK_BITS, number & ((1 << CHECK_BITS) - 1)
    if _checksum(body) != check:
        raise CodeError("kode tidak cocok dengan checksum-nya (periksa salah ketik)")
    if body & ((1 << TAG_BITS) - 1) != instrument_tag(instrument):
        raise CodeError(f"kode dari instrumen atau versi lain (bukan {instrument.id} {instrument.version})")
    radix, offset = _radix(instrument)
    optional = offset < instrument.scale.min
    payload, values = body >> TAG_BITS, []
    for _ in instrument.items:
        payload, digit = divmod(payload, radix)
        values.append(None if optional and digit == 0 else digit + offset)
    if payload:
        raise CodeError("kode tidak sah: isinya melebihi jumlah butir")
    return _answers(instrument, values[::-1])


def _answers(instrument: Instrument, values: list[int | None]) -> dict[str, int]:
    raw = {item.id: value for item, value in zip(instrument.items, values, strict=True) if value is not None}
    try:
        return check_answers(instrument, raw)
    except ValueError as error:
        raise CodeError(f"jawaban dalam kode tidak sah: {error}") from None


def is_digit_line(instrument: Instrument, line: str) -> bool:
    """Whether ``line`` is a row of answer digits (as typed from paper) rather than a code."""
    symbols = _symbols(line)
    return symbols.isdigit() and len(symbols) != code_length(instrument)


def parse_digits(instrument: Instrument, line: str) -> dict[str, int]:
    """The answers in a line of digits, one per item in questionnaire order (spaces and ``-`` allowed).

    Raises:
        CodeError: Wrong count of digits, or a digit off the scale.

    """
    digits = _symbols(line)
    count = len(instrument.items)
    if not digits.isdigit():
        raise CodeError("baris angka hanya boleh berisi angka")
    if len(digits) != count:
        raise CodeError(f"jumlah angka salah: {len(digits)}, seharusnya {count} (satu per pernyataan)")
    low, high = instrument.scale.min, instrument.scale.max
    for position, digit in enumerate(digits, start=1):
        if not low <= int(digit) <= high:
            raise CodeError(f"angka ke-{position} ({digit}) di luar skala {low}–{high}")
    return _answers(instrument, [int(digit) for digit in digits])


def read_line(instrument: Instrument, line: str) -> dict[str, int]:
    """The answers in one line: a result code or a row of answer digits."""
    if is_digit_line(instrument, line):
        return parse_digits(instrument, line)
    return decode(instrument, line)


def canonical(answers: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    """A hashable form of answers, to find duplicates."""
    return tuple(sorted(answers.items()))
