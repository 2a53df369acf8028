"""The decks in real Chromium: served with the site and from the presenter's zip over file://.

Every test checks that no request leaves the local server (the ``page`` fixture) or, from disk,
that every request is a file:// one. Screenshots go to ``$DECK_SHOTS`` when set, for a person to
look at (slides at 1280×720, the handout at 360 px).
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import zxingcpp
from playwright.sync_api import Browser, BrowserContext, Page
from pypdf import PdfReader

from assessment import load_instrument
from tests.browser.png import grey_pixels

DECKS = ("sosialisasi-perbup", "berakhlak-sehari-hari", "dialog-kinerja-pimpinan")
SHOTS = os.environ.get("DECK_SHOTS")
A4_LANDSCAPE_PT = (841.9, 595.3)


def wait_until(page: Page, expression: str, arg: object = None, timeout_s: float = 20) -> None:
    """Poll ``expression`` with ``page.evaluate`` (``wait_for_function`` evaluates strings, which CSP forbids)."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(expression, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"not true after {timeout_s} s: {expression}")
        time.sleep(0.1)


def shot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def open_deck(page: Page, url: str) -> int:
    """Open a deck, wait for reveal.js, return its number of slides; fail on any CSP violation."""
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));"
    )
    page.goto(url)
    wait_until(page, "() => window.Reveal && Reveal.isReady()")
    assert page.evaluate("window.__violations") == []
    return int(page.evaluate("Reveal.getTotalSlides()"))


@pytest.fixture
def slide_page(browser: Browser, base_url: str, requests_seen: list[str]) -> Iterator[Page]:
    """A 1280×720 page (a projector) whose requests are logged like the ``page`` fixture's."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="id-ID")
    context.on("request", lambda request: requests_seen.append(request.url))
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()
    own = urlsplit(base_url).netloc
    assert [u for u in requests_seen if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != own] == []


@pytest.mark.parametrize("deck", DECKS)
def test_deck_shows_every_slide_with_notes_and_nothing_overflows(slide_page: Page, base_url: str, deck: str) -> None:
    total = open_deck(slide_page, f"{base_url}presentasi/{deck}/slides/?transition=none")
    assert total >= 15
    slides = slide_page.evaluate(
        """() => Reveal.getSlides().map((slide, index) => {
            Reveal.slide(index);
            const content = [...slide.children].filter(c => c.tagName !== 'ASIDE');
            return {
                notes: (slide.querySelector('aside.notes')?.textContent || '').trim().length,
                bottom: Math.max(...content.map(c => c.offsetTop + c.offsetHeight)),
                right: Math.max(...content.map(c => c.offsetLeft + c.offsetWidth)),
            };
        })"""
    )
    height, width = slide_page.evaluate("[Reveal.getConfig().height, Reveal.getConfig().width]")
    assert len(slides) == total
    for number, slide in enumerate(slides, 1):
        assert slide["notes"] > 80, f"{deck} slide {number} has no speaker notes"
        assert slide["bottom"] <= height - 40, f"{deck} slide {number} runs into the footer ({slide['bottom']} px)"
        assert slide["right"] <= width, f"{deck} slide {number} is too wide"
    for index in (0, 1, total // 2):
        slide_page.evaluate(f"Reveal.slide({index})")
        shot(slide_page, f"{deck}-{index + 1:02d}")


def test_the_60_minute_session_hides_the_marked_slides(slide_page: Page, base_url: str) -> None:
    url = f"{base_url}presentasi/sosialisasi-perbup/slides/"
    full = open_deck(slide_page, url)
    marked = slide_page.evaluate("document.querySelectorAll('section[data-lewati-60]').length")
    short = open_deck(slide_page, url + "?sesi=60")
    assert marked >= 3
    assert short == full - marked
    assert slide_page.evaluate("document.querySelectorAll('section[data-lewati-60]').length") == 0
    paced = "[...document.querySelectorAll('.slides > section')].reduce((t, s) => t + Number(s.dataset.timing), 0)"
    assert slide_page.evaluate(paced) == 60 * 60  # the speaker view's pacing follows the 60-minute agenda


def decode_qr(page: Page) -> tuple[str, str]:
    """Go to the QR slide, decode the code as displayed; returns (decoded text, printed address)."""
    index = page.evaluate("Reveal.getSlides().findIndex(s => s.querySelector('.qr-alamat'))")
    assert index >= 0
    page.evaluate(f"Reveal.slide({index})")
    page.wait_for_timeout(200)
    png = page.locator(".present .qr-alamat svg").screenshot()
    results = zxingcpp.read_barcodes(grey_pixels(png))
    assert len(results) == 1
    caption = page.locator(".present .qr-alamat figcaption").inner_text()
    return results[0].text, caption


def test_the_qr_code_decodes_to_the_assessment_at_the_built_address(slide_page: Page, base_url: str) -> None:
    open_deck(slide_page, f"{base_url}presentasi/sosialisasi-perbup/slides/?transition=none")
    decoded, caption = decode_qr(slide_page)
    assert decoded == caption == f"{base_url}asesmen/berakhlak/"
    shot(slide_page, "qr-slide")


def test_speaker_view_shows_the_notes_of_the_current_slide(slide_page: Page, base_url: str) -> None:
    open_deck(slide_page, f"{base_url}presentasi/sosialisasi-perbup/slides/?transition=none#/slide-3")
    expected = slide_page.evaluate("Reveal.getCurrentSlide().querySelector('aside.notes').textContent.trim()")
    with slide_page.context.expect_page() as popup:
        slide_page.keyboard.press("s")
    speaker = popup.value
    wait_until(speaker, "() => document.querySelectorAll('iframe').length === 2")
    wait_until(
        speaker,
        "t => (document.querySelector('.speaker-controls-notes .value')?.textContent || '').includes(t)",
        expected[:60],
    )
    shot(speaker, "speaker-view")


def pdf_pages(page: Page) -> PdfReader:
    page.emulate_media(media="print")
    wait_until(page, "() => document.querySelectorAll('.pdf-page').length > 0")
    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))


@pytest.mark.parametrize("notes", [False, True])
def test_print_pdf_gives_a4_landscape_pages_one_per_slide_and_one_per_note(
    slide_page: Page, base_url: str, notes: bool
) -> None:
    total = open_deck(slide_page, f"{base_url}presentasi/dialog-kinerja-pimpinan/slides/")
    query = "?print-pdf&showNotes=separate-page" if notes else "?print-pdf"
    open_deck(slide_page, f"{base_url}presentasi/dialog-kinerja-pimpinan/slides/{query}")
    reader = pdf_pages(slide_page)
    assert len(reader.pages) == total * (2 if notes else 1)
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - A4_LANDSCAPE_PT[0]) < 3
    assert abs(float(box.height) - A4_LANDSCAPE_PT[1]) < 3
    if notes:
        second = reader.pages[1].extract_text()
        assert "Sambut" not in reader.pages[0].extract_text() or "Sambut" in second


@pytest.fixture
def disk_context(browser: Browser, tmp_path: Path, base_url: str) -> Iterator[tuple[BrowserContext, Path, list[str]]]:
    """The presenter's zips downloaded from the site, unpacked on disk; a context that logs requests."""
    import urllib.request

    for deck in DECKS:
        with urllib.request.urlopen(f"{base_url}presentasi/unduh/{deck}.zip") as response:
            zipfile.ZipFile(io.BytesIO(response.read())).extractall(tmp_path)
    seen: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="id-ID")
    context.on("request", lambda request: seen.append(request.url))
    yield context, tmp_path, seen
    context.close()
    assert seen
    assert [url for url in seen if urlsplit(url).scheme not in ("file", "about", "data")] == []


@pytest.mark.parametrize("deck", DECKS)
def test_the_zip_runs_from_disk_with_no_network(disk_context, deck: str) -> None:
    context, folder, _ = disk_context
    page = context.new_page()
    total = open_deck(page, (folder / deck / "index.html").as_uri())
    assert total == page.evaluate("document.querySelectorAll('.slides > section').length")
    assert page.evaluate("[...document.querySelectorAll('aside.notes')].every(n => n.textContent.trim())")


def test_from_disk_the_qr_speaker_view_and_print_work(disk_context, base_url: str) -> None:
    context, folder, _ = disk_context
    page = context.new_page()
    url = (folder / "sosialisasi-perbup" / "index.html").as_uri()
    total = open_deck(page, url + "?transition=none")
    decoded, caption = decode_qr(page)
    assert decoded == caption == f"{base_url}asesmen/berakhlak/"
    with context.expect_page() as popup:
        page.keyboard.press("s")
    wait_until(popup.value, "() => document.querySelectorAll('iframe').length === 2")
    page.close()
    printing = context.new_page()
    open_deck(printing, url + "?print-pdf&showNotes=separate-page")
    assert len(pdf_pages(printing).pages) == 2 * total


def test_presentasi_pages_link_the_slides_and_downloads(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}presentasi/")
    for deck in DECKS:
        assert page.locator(f'a[href$="{deck}/"]').count() >= 1
        assert page.locator(f'a[download][href$="presentasi/unduh/{deck}.zip"]').count() == 1
    page.goto(f"{base_url}presentasi/sosialisasi-perbup/")
    page.get_by_role("link", name="Buka slide").click()
    wait_until(page, "() => window.Reveal && Reveal.isReady()")
    assert page.url.startswith(f"{base_url}presentasi/sosialisasi-perbup/slides/")


@pytest.mark.parametrize("deck", DECKS)
def test_the_handout_reads_on_a_phone(browser: Browser, base_url: str, deck: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="id-ID")
    page = context.new_page()
    page.goto(f"{base_url}presentasi/{deck}/")
    notes = page.locator(".admonition.note > .admonition-title", has_text="Catatan pembicara")
    assert notes.count() == page.locator("article hr").count() + 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(page, f"handout-{deck}-360")
    context.close()


# ---------------------------------------------------------------------------------- trainer kit on paper


@pytest.mark.parametrize(("slug", "most_pages"), [("kuesioner", 4), ("lembar-skor", 2)])
def test_paper_prints_on_few_a4_pages_and_reads_on_a_phone(
    browser: Browser, base_url: str, slug: str, most_pages: int
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="id-ID")
    page = context.new_page()
    page.goto(f"{base_url}presentasi/{slug}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(page, f"{slug}-360")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    assert 1 <= len(reader.pages) <= most_pages
    printed = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Sumber" not in printed  # the screen-only parts stay off the paper
    if slug == "kuesioner":
        rows = page.evaluate("document.querySelectorAll('.kuesioner__tabel tr[data-number]').length")
        assert rows == len(load_instrument("berakhlak-individu").items)
        assert "Tidak pernah" in printed
    else:
        assert "Tabel B" in printed
    context.close()
