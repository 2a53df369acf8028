"""The printable dialog kinerja worksheets: on paper (A4 PDFs from Chromium) and on a 360 px phone."""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

WORKSHEETS = ["lembar-kerja/dialog-kinerja/", "lembar-kerja/dialog-pimpinan/"]
EXAMPLES = {
    "lembar-kerja/dialog-kinerja/": "cetak-contoh-dialog-kinerja",
    "lembar-kerja/dialog-pimpinan/": "cetak-contoh-dialog-pimpinan",
}
IDENTITY_FIELDS = ["nama", "nip", "jabatan", "perangkat daerah", "periode", "atasan langsung", "tanggal"]
EMPTY = ".lembar-kerja--kosong"
PX_PER_MM = 96 / 25.4


def print_pdf(page: Page) -> list[str]:
    """Print the page as Chromium does on A4 and return the text of each PDF page."""
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [re.sub(r"\s+", " ", pdf_page.extract_text()) for pdf_page in reader.pages]


def section_headings(page: Page) -> list[str]:
    return [text.strip() for text in page.locator(f"{EMPTY} .lembar-kerja__bagian h3").all_inner_texts()]


@pytest.mark.parametrize("path", WORKSHEETS)
def test_the_empty_sheet_prints_alone_on_at_most_two_a4_pages(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    headings = section_headings(page)
    assert len(headings) >= 6
    pages = print_pdf(page)
    assert 1 <= len(pages) <= 2
    text = " ".join(pages)
    for heading in headings:
        assert heading in text
    assert "CONTOH PENGISIAN" not in text  # the example is not printed with the empty sheet
    assert "Cara mencetak" not in text  # nor the page around the sheet
    assert "rekaan" not in text


@pytest.mark.parametrize("path", WORKSHEETS)
def test_the_sheet_asks_for_every_identity_field(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    labels = " | ".join(page.locator(f"{EMPTY} .lembar-kerja__tabel--identitas th").all_inner_texts()).lower()
    for field in IDENTITY_FIELDS:
        assert field in labels, field
    printed = " ".join(print_pdf(page)).lower()
    for field in IDENTITY_FIELDS:
        assert field in printed, field


@pytest.mark.parametrize("path", WORKSHEETS)
def test_no_heading_is_left_alone_at_the_bottom_of_a_printed_page(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    headings = section_headings(page)
    page.emulate_media(media="print")
    styles = page.evaluate(
        """sel => [...document.querySelectorAll(sel + ' .lembar-kerja__bagian')].map(section => [
            getComputedStyle(section).breakInside, getComputedStyle(section.querySelector('h3')).breakAfter])""",
        EMPTY,
    )
    assert styles == [["avoid", "avoid"]] * len(headings)
    for text in print_pdf(page):
        for heading in headings:
            if heading in text:  # something of its own section follows the heading on the same page
                assert len(text.split(heading, 1)[1].strip()) > 20, (heading, text[-200:])


@pytest.mark.parametrize("path", WORKSHEETS)
def test_rows_are_tall_enough_to_write_in_and_lines_dark_enough(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    page.emulate_media(media="print")
    cells = page.evaluate(
        """sel => [...document.querySelectorAll(sel + ' .lembar-kerja__tabel tbody td')].map(cell => {
            const style = getComputedStyle(cell);
            return [cell.getBoundingClientRect().height, style.borderBottomColor, parseFloat(style.borderBottomWidth)];
        })""",
        EMPTY,
    )
    assert len(cells) > 30
    for height, colour, width in cells:
        assert height >= 9 * PX_PER_MM
        assert width >= 1
        channels = [int(value) for value in re.findall(r"\d+", colour)[:3]]
        assert max(channels) <= 0x55, colour


@pytest.mark.parametrize("path", WORKSHEETS)
def test_the_example_is_labelled_and_prints_on_its_own(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    example = page.locator(".lembar-kerja--contoh")
    assert "CONTOH PENGISIAN (REKAAN)" in example.inner_text()
    page.click(f"a[href$='#{EXAMPLES[path]}']")
    page.wait_for_function("location.hash !== ''")
    pages = print_pdf(page)
    assert 1 <= len(pages) <= 2
    text = " ".join(pages)
    assert "CONTOH PENGISIAN (REKAAN)" in text
    assert text.count("A. Identitas") == 1  # the example only, not the empty sheet as well


@pytest.mark.parametrize("path", [*WORKSHEETS, "lembar-kerja/"])
def test_nothing_scrolls_sideways_on_a_360_px_phone(page: Page, base_url: str, path: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    too_wide = page.evaluate(
        """[...document.querySelectorAll('.md-content table, .lembar-kerja')]
            .filter(element => element.scrollWidth > element.clientWidth + 1
                || element.getBoundingClientRect().right > document.documentElement.clientWidth)
            .map(element => element.className || element.tagName)"""
    )
    assert too_wide == []
    if path not in WORKSHEETS:
        return
    # stacked cells keep their column name
    label = page.evaluate(
        "getComputedStyle(document.querySelector('.lembar-kerja--contoh td[data-label]'), '::before').content"
    )
    assert label not in ("", "none", "normal")


@pytest.mark.parametrize("start", ["", "panduan/dialog-kinerja/"])
def test_the_worksheet_is_one_tap_from_home_and_from_the_dialog_guide(page: Page, base_url: str, start: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + start)
    page.locator("article a[href$='lembar-kerja/dialog-kinerja/']").first.click()
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/lembar-kerja/dialog-kinerja/"))
    page.locator(EMPTY).wait_for(state="visible")  # instant navigation changes the address before the content
