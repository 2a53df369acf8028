from __future__ import annotations

import csv
import io
import json
import random
import re

from assessment import load_instrument
from assessment._internal.recap import read_files, read_lines, summarise
from assessment._internal.recap_render import (
    render_recap_csv,
    render_recap_document,
    render_recap_html,
    render_recap_markdown,
)
from assessment._internal.result_code import encode

BERAKHLAK = load_instrument("berakhlak-individu")
HOSTILE = '<script>alert(1)</script>"&'


def _codes(count: int) -> list[str]:
    rng = random.Random(7)
    return [encode(BERAKHLAK, {item.id: rng.randint(1, 5) for item in BERAKHLAK.items}) for _ in range(count)]


def _recap(text: str):
    sources, problems = read_lines(BERAKHLAK, text)
    return summarise(BERAKHLAK, sources, problems)


def test_html_contract() -> None:
    codes = _codes(3)
    recap = _recap("\n".join([*codes, codes[0], "XYZ"]))
    html = render_recap_html(recap)
    assert re.search(r"<span data-recap-n>3</span>", html)
    for dimension in recap["dimensions"]:
        assert f'data-recap-dimension="{dimension["id"]}" data-mean="{dimension["mean"]:.1f}"' in html
    assert 'data-recap-error data-line="4"' in html
    assert 'data-recap-error data-line="5"' in html
    assert "duplikat baris 1" in html


def test_typed_text_is_never_markup() -> None:
    recap = _recap(HOSTILE)
    html = render_recap_html(recap)
    assert "<script>" not in html
    assert 'data-recap-error data-line="1"' in html
    files = [(HOSTILE + ".json", b"{}")]
    sources, problems = read_files(BERAKHLAK, files)
    html = render_recap_html(summarise(BERAKHLAK, sources, problems), show_rows=True)
    assert "<script>" not in html
    assert 'data-file="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;.json"' in html


def test_unit_names_in_rows_are_escaped() -> None:
    answers = {item.id: 3 for item in BERAKHLAK.items}
    data = json.dumps(
        {"instrument": {"id": BERAKHLAK.id, "version": BERAKHLAK.version}, "answers": answers, "unit": HOSTILE}
    ).encode()
    sources, problems = read_files(BERAKHLAK, [("a.json", data)])
    html = render_recap_html(summarise(BERAKHLAK, sources, problems), show_rows=True)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    markdown = render_recap_markdown(summarise(BERAKHLAK, sources, problems))
    assert "<script>" not in markdown


def test_document_is_self_contained() -> None:
    document = render_recap_document(_recap("\n".join(_codes(2))))
    assert document.startswith("<!DOCTYPE html>")
    assert not re.search(r"(src|href)=\"https?://", document)


def test_csv_has_one_row_per_value_and_the_same_means() -> None:
    recap = _recap("\n".join(_codes(4)))
    rows = list(csv.reader(io.StringIO(render_recap_csv(recap)), delimiter=";"))
    assert rows[0][:4] == ["id", "nilai", "jumlah", "rata_rata"]
    by_id = {row[0]: row for row in rows[1:]}
    for dimension in recap["dimensions"]:
        assert by_id[dimension["id"]][3] == f"{dimension['mean']:.1f}".replace(".", ",")
    assert by_id["keseluruhan"][2] == "4"


def test_markdown_lists_problems() -> None:
    markdown = render_recap_markdown(_recap("ABC\n" + _codes(1)[0]))
    assert "Baris 1" in markdown
    assert "Peserta direkap: **1**" in markdown
