"""Tests of scripts/regulation/model.py: the data file (schema, round trip, refusal with the element)."""

from __future__ import annotations

import json
import re

import pytest

from scripts.regulation.errors import RegulationError
from scripts.regulation.model import SCHEMA_VERSION, Division, Pasal, Regulation, from_dict, to_dict
from scripts.regulation.render import render
from tests.regulation.support import SAMPLES, parse_sample

SOURCE = "JDIH Kabupaten Contoh"


@pytest.mark.parametrize("name", SAMPLES)
def test_data_file_round_trips_and_renders_the_same(name):
    reg = parse_sample(name)
    data = to_dict(reg)
    assert data["schema_version"] == SCHEMA_VERSION == 2
    text = json.dumps(data, ensure_ascii=False, indent=2)
    again = from_dict(json.loads(text))
    assert to_dict(again) == data
    assert again == reg
    assert render(again, source=SOURCE) == render(reg, source=SOURCE)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"schema_version": 1}, "schema_version 1 tidak didukung"),
        ({"body": "bukan daftar"}, "data.body: harus berupa daftar"),
        ({"closing": [{"kind": "lain", "lines": []}]}, "closing[0].kind: 'lain' tidak dikenal"),
        ({"body": [{"type": "pasal", "number": "1", "line": "1", "ayat": []}]}, "harus berupa bilangan bulat"),
    ],
)
def test_data_file_not_following_the_schema_is_rejected(change, message):
    data = to_dict(parse_sample("contoh-lengkap.txt"))
    data.update(change)
    with pytest.raises(RegulationError, match=re.escape(message)):
        from_dict(data)


def test_data_file_error_names_the_nested_element():
    data = json.loads(json.dumps(to_dict(parse_sample("contoh-penjelasan-lampiran.txt"))))
    data["body"][0]["children"][0]["line"] = "satu"
    with pytest.raises(RegulationError, match=re.escape("body[0].children[0].line")):
        from_dict(data)


def test_data_file_missing_key_is_rejected():
    data = to_dict(parse_sample("contoh-lengkap.txt"))
    del data["heading"]["tentang"]
    with pytest.raises(RegulationError, match="kunci 'tentang' tidak ada"):
        from_dict(data)
    with pytest.raises(RegulationError, match="harus berupa objek JSON"):
        from_dict([])


def test_pasal_list_walks_the_tree_in_order():
    reg = Regulation(
        body=[Pasal("1", 1), Division("bab", "I", "", 2, [Division("bagian", "Kesatu", "", 3, [Pasal("2", 4)])])]
    )
    assert [p.number for p in reg.pasal_list()] == ["1", "2"]


def test_data_file_error_carries_source_element_and_reason():
    data = to_dict(parse_sample("contoh-lengkap.txt"))
    data["opening"] = [{"line": 1, "text": "x", "extra": 1}]
    with pytest.raises(RegulationError) as caught:
        from_dict(data, source="perbup.json")
    error = caught.value
    assert (error.source, error.element, error.reason) == (
        "perbup.json",
        "data.opening[0]",
        "kunci 'extra' tidak dikenal",
    )
    assert str(error) == "perbup.json: data.opening[0]: kunci 'extra' tidak dikenal"


def test_model_is_frozen():
    reg = parse_sample("contoh-lengkap.txt")
    with pytest.raises(AttributeError):
        reg.pasal_list()[0].number = "2"  # type: ignore[misc]
