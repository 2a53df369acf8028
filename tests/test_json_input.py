"""JSON a person supplies: BOM, syntax, depth, huge integers, each one short line."""

from __future__ import annotations

import json

import pytest

from assessment._internal.json_input import MAX_DEPTH, JsonInputError, parse_json


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_text_and_bytes_with_or_without_bom() -> None:
    assert parse_json('{"a": 1}') == parse_json(b'\xef\xbb\xbf{"a": 1}') == parse_json('\ufeff{"a": 1}') == {"a": 1}


def test_nesting_up_to_the_limit_is_read() -> None:
    assert json.dumps(parse_json(nested(MAX_DEPTH))) == nested(MAX_DEPTH).replace("][", "], [")


@pytest.mark.parametrize("text", [nested(MAX_DEPTH + 1), '{"a": ' + "{" * 5000, nested(1_000_000)])
def test_deeper_nesting_is_refused_before_parsing(text: str) -> None:
    with pytest.raises(JsonInputError, match=f"lebih dari {MAX_DEPTH} tingkat"):
        parse_json(text)


def test_brackets_inside_strings_do_not_count() -> None:
    text = json.dumps({"catatan": "[" * 5000, "kutip": '\\"[' * 300, "daftar": [[1], {"x": [2]}] * 200})
    assert parse_json(text)["catatan"] == "[" * 5000  # type: ignore[index]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{", "bukan JSON yang sah (baris 1, kolom 2)"),
        ("[1] x", "bukan JSON yang sah (baris 1, kolom 5)"),
        (b"\xff{}", "bukan teks UTF-8 (byte ke-1 tidak sah)"),
        ("[" + "9" * 5000 + "]", "bilangan yang terlalu panjang"),
    ],
)
def test_unusable_json_gets_one_short_line(data: str | bytes, message: str) -> None:
    with pytest.raises(JsonInputError) as caught:
        parse_json(data)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
