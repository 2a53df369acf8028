from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment import load_instrument, parse_instrument
from assessment._internal.result_code import (
    ALPHABET,
    CodeError,
    code_length,
    decode,
    encode,
    is_digit_line,
    parse_digits,
    read_line,
)
from tests.instrument_factory import MINIMAL

BERAKHLAK = load_instrument("berakhlak-individu")
answer_sets = st.fixed_dictionaries({item.id: st.integers(1, 5) for item in BERAKHLAK.items})
OPTIONAL = parse_instrument(MINIMAL.replace("reverse = true", "reverse = true\nrequired = false"))


@given(answer_sets)
def test_code_round_trip(answers: dict[str, int]) -> None:
    code = encode(BERAKHLAK, answers)
    assert decode(BERAKHLAK, code) == answers
    assert decode(BERAKHLAK, code.lower().replace("-", " ")) == answers


@given(answer_sets)
def test_code_is_short_and_readable(answers: dict[str, int]) -> None:
    code = encode(BERAKHLAK, answers)
    assert len(code) <= 32
    groups = code.split("-")
    assert all(len(group) <= 4 for group in groups)
    assert set("".join(groups)) <= set(ALPHABET)
    assert not set("ILOU") & set(code)


@given(
    st.fixed_dictionaries(
        {"a": st.integers(1, 5), "c": st.integers(1, 5), "d": st.integers(1, 5)}, optional={"b": st.integers(1, 5)}
    )
)
def test_optional_items_round_trip(answers: dict[str, int]) -> None:
    assert decode(OPTIONAL, encode(OPTIONAL, answers)) == answers


def test_lookalike_letters_read_as_digits() -> None:
    answers = {item.id: 1 + position % 5 for position, item in enumerate(BERAKHLAK.items)}
    code = encode(BERAKHLAK, answers)
    assert decode(BERAKHLAK, code.replace("1", "l").replace("0", "O")) == answers


def test_every_single_symbol_change_is_caught() -> None:
    answers = {item.id: 1 + position * 7 % 5 for position, item in enumerate(BERAKHLAK.items)}
    symbols = encode(BERAKHLAK, answers).replace("-", "")
    for position, symbol in enumerate(symbols):
        for replacement in set(ALPHABET) - {symbol}:
            with pytest.raises(CodeError):
                decode(BERAKHLAK, symbols[:position] + replacement + symbols[position + 1 :])


def test_checksum_error_is_named() -> None:
    code = encode(BERAKHLAK, dict.fromkeys((item.id for item in BERAKHLAK.items), 3))
    swapped = code[:-2] + code[-1] + code[-2] if code[-1] != code[-2] else code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(CodeError, match="checksum"):
        decode(BERAKHLAK, swapped)


def test_code_of_another_version_is_named() -> None:
    other = parse_instrument(
        MINIMAL.replace('version = "0.1"', 'version = "0.2"'),
    )
    answers = {"a": 1, "b": 2, "c": 3, "d": 4}
    with pytest.raises(CodeError, match="versi lain"):
        decode(parse_instrument(MINIMAL), encode(other, answers))


@pytest.mark.parametrize(
    ("line", "reason"),
    [("ABCD", "panjang kode salah"), ("UUUU-UUUU-UUUU-UUUU-UUUU-UUUU", "karakter tidak dikenal")],
)
def test_bad_codes_are_named(line: str, reason: str) -> None:
    with pytest.raises(CodeError, match=reason):
        decode(BERAKHLAK, line)


def test_digit_line_from_paper() -> None:
    digits = "".join(str(1 + position % 5) for position in range(len(BERAKHLAK.items)))
    answers = parse_digits(BERAKHLAK, digits)
    assert [answers[item.id] for item in BERAKHLAK.items] == [int(d) for d in digits]
    spaced = " ".join(digits[i : i + 6] for i in range(0, len(digits), 6))
    assert is_digit_line(BERAKHLAK, spaced)
    assert read_line(BERAKHLAK, spaced) == answers


@pytest.mark.parametrize(
    ("digits", "reason"),
    [("5" * 41, "jumlah angka salah"), ("6" + "5" * 41, "di luar skala"), ("0" + "5" * 41, "di luar skala")],
)
def test_bad_digit_lines_are_named(digits: str, reason: str) -> None:
    with pytest.raises(CodeError, match=reason):
        read_line(BERAKHLAK, digits)


def test_code_length_of_the_shipped_instrument() -> None:
    assert code_length(BERAKHLAK) == 24
