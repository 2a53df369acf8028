"""The HTML escaper and the standalone page shared by the views Python renders."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from assessment._internal.html_page import TABLE_CSS, html_text, standalone_page


@given(st.text())
def test_html_text_escapes_exactly_as_the_standard_library(text: str) -> None:
    assert html_text(text) == html.escape(text, quote=True)


def test_html_text_leaves_no_markup_and_takes_any_object() -> None:
    assert html_text("<script>alert('x')</script> & \"y\"") == (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;y&quot;"
    )
    assert html_text(4.5) == "4.5"
    assert html_text(None) == "None"


def test_standalone_page_escapes_its_title_and_heading_and_loads_nothing() -> None:
    page = standalone_page("<b>Judul</b>", "Rekap & hasil", "<p>isi</p>", TABLE_CSS)

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[str] = []
            self.sources: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append(tag)
            self.sources += [value or "" for name, value in attrs if name in ("src", "href")]

    parser = Tags()
    parser.feed(page)
    assert page.startswith('<!DOCTYPE html>\n<html lang="id">')
    assert "<title>&lt;b&gt;Judul&lt;/b&gt;</title>" in page
    assert "<h1>Rekap &amp; hasil</h1>" in page
    assert "b" not in parser.tags
    assert parser.tags.count("p") == 1
    assert parser.sources == []
