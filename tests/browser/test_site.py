"""The reference site as a reader uses it: search by Indonesian words and abbreviations, the footer."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import search_site


@pytest.mark.parametrize(
    ("query", "expected_page"),
    [
        ("dialog kinerja", "panduan/dialog-kinerja/"),
        ("IKK", "panduan/ikk-perangkat-daerah/"),
        ("akuntabel", "nilai/akuntabel/"),
        ("Perbup", "regulasi/perbup-luwu-utara-59-2023/"),
    ],
)
def test_search_finds_pages_by_indonesian_words_and_abbreviations(
    page: Page, base_url: str, query: str, expected_page: str
) -> None:
    page.goto(base_url)
    links = search_site(page, query)
    assert any(expected_page in link for link in links), links


def test_the_search_index_is_fetched_when_the_reader_turns_to_search(
    page: Page, base_url: str, requests_seen: list[str]
) -> None:
    page.goto(base_url + "panduan/faq/", wait_until="load")
    page.wait_for_timeout(1000)
    assert not [url for url in requests_seen if "search_index" in url]
    page.keyboard.press("s")  # Material's shortcut opens the search
    page.keyboard.type("dialog kinerja")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    assert [url for url in requests_seen if url.endswith("/search/search_index.json")]
    page.locator(".md-search-result__link").first.click()
    page.wait_for_selector("mark[data-md-highlight]", timeout=30_000)  # the highlight uses the same index


def test_a_page_opened_from_a_search_result_highlights_at_once(page: Page, base_url: str) -> None:
    page.goto(base_url + "panduan/faq/?h=kinerja")
    page.wait_for_selector("mark[data-md-highlight]", timeout=30_000)


def test_every_page_says_the_site_is_informative_and_official_texts_prevail(page: Page, base_url: str) -> None:
    for path in ("", "regulasi/perbup-luwu-utara-59-2023/", "asesmen/berakhlak/"):
        page.goto(base_url + path)
        footer = page.inner_text(".md-footer-meta")
        assert "informatif" in footer
        assert "teks resmi" in footer


def test_abbreviations_have_tooltips_across_the_site(page: Page, base_url: str) -> None:
    page.goto(base_url + "panduan/perencanaan/")
    titles = page.evaluate("[...document.querySelectorAll('.md-content abbr')].map(a => [a.textContent, a.title])")
    assert ["SKP", "Sasaran Kinerja Pegawai"] in titles


GUIDE_SECTIONS = ("panduan/", "regulasi/", "nilai/", "lembar-kerja/", "asesmen/metodologi/")
"""The reading pages (guides, regulations, values, worksheets, method): their tables must fit a phone."""


def test_no_table_of_the_guides_scrolls_sideways_on_a_phone(page: Page, base_url: str, site_dir: Path) -> None:
    pages = sorted(
        str(index.parent.relative_to(site_dir)) + "/"
        for index in site_dir.glob("**/index.html")
        if str(index.relative_to(site_dir)).startswith(GUIDE_SECTIONS)
    )
    assert len(pages) > 20
    page.set_viewport_size({"width": 360, "height": 740})
    wide = {}
    for path in pages:
        page.goto(base_url + path)
        found = page.evaluate(
            """() => [...document.querySelectorAll('.md-content table')].filter(table => {
                const wrap = table.closest('.md-typeset__scrollwrap');
                return table.getBoundingClientRect().right > innerWidth + 1
                    || (wrap && wrap.scrollWidth > wrap.clientWidth + 1);
            }).map(table => (table.querySelector('th, td') || table).textContent.trim().slice(0, 40))"""
        )
        if found or page.evaluate("document.documentElement.scrollWidth") > 360:
            wide[path] = found
    assert wide == {}
