"""Numbers, dates and literal Markdown text for readers."""

from __future__ import annotations

from fractions import Fraction
from urllib.parse import quote

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment._internal.formatting import (
    decimal_comma,
    decimal_comma_or_dash,
    decimal_dot,
    direction_word,
    exact_comma,
    format_date,
    markdown_link,
    markdown_text,
    signed_comma,
)


def test_numbers() -> None:
    assert decimal_dot(60.9) == "60.9"
    assert decimal_comma(60.9) == "60,9"
    assert decimal_comma(100) == "100,0"
    assert decimal_comma_or_dash(None) == "–"
    assert decimal_comma_or_dash(0.0) == "0,0"
    assert [signed_comma(v) for v in (1.25, -0.5, 0.0, -0.0)] == ["+1,2", "−0,5", "0,0", "0,0"]
    assert [exact_comma(Fraction(v)) for v in ("100", "87.5", "3.5")] == ["100", "87,5", "3,5"]
    assert [direction_word(v) for v in (1, -1, 0)] == ["naik", "turun", "tetap"]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2024-03-12", "12 Maret 2024"),
        ("2024-03-12T14:05:00+08:00", "12 Maret 2024 pukul 14.05"),
        ("2024-12-01T09:30", "1 Desember 2024 pukul 09.30"),
        ("kemarin", "kemarin"),
    ],
)
def test_dates(text: str, shown: str) -> None:
    assert format_date(text) == shown


def test_markdown_text_is_shown_literally() -> None:
    hostile = "<b>a</b> & *b* _c_ `d` [e](f) | g # h \\ {i}\nj"
    html = markdown.markdown(markdown_text(hostile), extensions=["tables"])
    assert html == "<p>&lt;b&gt;a&lt;/b&gt; &amp; *b* _c_ `d` [e](f) | g # h \\ {i} j</p>"


def test_markdown_links_cannot_break_out() -> None:
    html = markdown.markdown(markdown_link("Panduan [x]", "panduan/a b)<script>/"))
    assert html == '<p><a href="panduan/a%20b%29%3Cscript%3E/">Panduan [x]</a></p>'


@given(st.text())
def test_link_targets_are_percent_encoded_exactly_as_urllib_quote_does(href: str) -> None:
    href = href.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    assert markdown_link("x", href) == f"[x]({quote(href, safe='/:#?=&%~.-_')})"
