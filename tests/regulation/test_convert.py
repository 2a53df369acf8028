"""Tests of scripts/regulation/convert.py: the generic dataclass ↔ JSON converter."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scripts.regulation.convert import from_data, to_data
from scripts.regulation.errors import RegulationError
from scripts.regulation.model import Ayat, Division, Issue, Pasal, Point, Regulation, TextLine


def test_tagged_union_members_carry_their_type():
    reg = Regulation(body=[Pasal("1", 2), Division("bab", "I", "UMUM", 1, [Pasal("2", 3)])])
    data = to_data(reg)
    assert isinstance(data, dict)
    body = data["body"]
    assert [item["type"] for item in body] == ["pasal", "division"]
    assert body[1]["children"][0] == {"type": "pasal", "number": "2", "line": 3, "ayat": []}
    assert from_data(Regulation, data, "data") == reg


@pytest.mark.parametrize(
    ("data", "element", "reason"),
    [
        ({"line": 1, "text": "x", "lain": 2}, "t", "kunci 'lain' tidak dikenal"),
        ({"line": True, "text": "x"}, "t.line", "harus berupa bilangan bulat"),
        ({"line": 1, "text": None}, "t.text", "harus berupa teks"),
        ({"line": 1}, "t", "kunci 'text' tidak ada"),
        ("teks", "t", "harus berupa objek JSON"),
    ],
)
def test_text_line_refused_with_element_and_reason(data, element, reason):
    with pytest.raises(RegulationError) as caught:
        from_data(TextLine, data, "t")
    assert (caught.value.source, caught.value.element, caught.value.reason) == ("", element, reason)


def test_literal_and_union_tags_are_checked():
    with pytest.raises(RegulationError, match=r"i\.severity: 'fatal' tidak dikenal"):
        from_data(Issue, {"line": 1, "severity": "fatal", "code": "x", "message": "m"}, "i")
    with pytest.raises(RegulationError, match=r"data\.body\[0\]\.type: 'bab' tidak dikenal"):
        from_data(Regulation, {**to_dict_of(Regulation()), "body": [{"type": "bab"}]}, "data")


def to_dict_of(reg: Regulation) -> dict[str, object]:
    data = to_data(reg)
    assert isinstance(data, dict)
    return data


LABEL = st.one_of(st.none(), st.sampled_from(["a.", "1.", "b)"]))
POINT = st.recursive(
    st.builds(Point, st.integers(1, 999), LABEL, st.text(), st.just([])),
    lambda inner: st.builds(Point, st.integers(1, 999), LABEL, st.text(), st.lists(inner, max_size=3)),
    max_leaves=8,
)


@given(
    st.lists(
        st.builds(
            Ayat, st.one_of(st.none(), st.integers(1, 9)), st.integers(1, 999), st.text(), st.lists(POINT, max_size=3)
        ),
        max_size=4,
    )
)
def test_round_trip_of_nested_points(ayat):
    pasal = Pasal("1", 1, ayat)
    assert from_data(Pasal, to_data(pasal), "p") == pasal
