"""The rich result in the browser: Python's view, history with change, the dialog kinerja sheet."""

from __future__ import annotations

import json

from playwright.sync_api import Page

from assessment import build_report, load_instrument, render_html, score
from tests.browser.conftest import wait_for_python
from tests.browser.test_assessment_page import ITEMS, PAGE, fill

INSTRUMENT = load_instrument("berakhlak-individu")


def submit(page: Page, answers: dict[str, int]) -> None:
    fill(page, answers)
    page.evaluate("document.querySelector('.asesmen-hasil-wadah').replaceChildren()")
    page.click(".asesmen-kirim__tombol")
    page.wait_for_selector("[data-overall-score]")


def test_the_page_shows_the_view_python_renders_for_the_cli(page: Page, base_url: str) -> None:
    answers = {item: (i % 4) + 2 for i, item in enumerate(ITEMS)}
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    submit(page, answers)
    expected = render_html(build_report(INSTRUMENT, score(INSTRUMENT, answers), [], "../../"))
    same = page.evaluate(
        """html => { const t = document.createElement('template'); t.innerHTML = html;
            const shown = document.querySelector('#hasil');
            return t.content.textContent === shown.textContent
                && t.content.querySelectorAll('*').length === shown.querySelectorAll('*').length; }""",
        expected,
    )
    assert same
    for heading in ("Indeks per panduan perilaku", "Perilaku terkuat dan terlemah", "Persiapan dialog kinerja"):
        assert page.get_by_role("heading", name=heading).count() >= 1, heading
    assert page.locator("#hasil svg[role='img']").count() == 1


def test_recommendation_links_lead_to_existing_pages(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    submit(page, dict.fromkeys(ITEMS, 2))
    hrefs = page.evaluate("[...document.querySelectorAll('#hasil a[href]')].map(a => a.href)")
    assert hrefs
    for href in set(hrefs):
        assert href.startswith(base_url), href
        assert page.request.get(href).ok, href


def test_history_shows_the_change_since_the_previous_result(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    submit(page, dict.fromkeys(ITEMS, 3))
    assert "Belum ada hasil sebelumnya" in page.inner_text("#hasil")
    page.reload()
    page.get_by_role("button", name="Mulai dari awal").click()
    assert wait_for_python(page) == "ready"
    submit(page, {item.id: (1 if item.reverse else 5) for item in INSTRUMENT.items})
    text = page.inner_text("#hasil")
    assert "Riwayat di perangkat ini" in text
    assert "dari 50,0 menjadi 100,0" in text


def test_sheet_fields_are_kept_on_the_device_and_printed(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    submit(page, dict.fromkeys(ITEMS, 4))
    page.fill("textarea[name='bukti-akuntabel']", "Laporan bulanan selalu tepat waktu.")
    page.fill("textarea[name='pertanyaan']", "Apa ekspektasi Bapak untuk SKP tahun ini?")
    copy = page.locator(".lembar-dialog__salinan[data-salinan='bukti-akuntabel']")
    assert copy.text_content() == "Laporan bulanan selalu tepat waktu."
    page.reload()
    page.get_by_role("button", name="Lanjutkan").click()
    assert wait_for_python(page) == "ready"
    page.click(".asesmen-kirim__tombol")
    page.wait_for_selector("[data-overall-score]")
    assert page.input_value("textarea[name='bukti-akuntabel']") == "Laporan bulanan selalu tepat waktu."
    assert page.input_value("textarea[name='pertanyaan']") == "Apa ekspektasi Bapak untuk SKP tahun ini?"
    page.evaluate("window.print = () => { window.__printedWith = document.documentElement.className; }")
    page.get_by_role("button", name="Cetak lembar dialog kinerja").click()
    assert "mencetak-lembar" in page.evaluate("window.__printedWith")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".asesmen-form").is_hidden()
    assert page.locator("#lembar-dialog").is_visible()


def test_the_printed_sheet_fits_on_one_or_two_a4_pages(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    submit(page, dict.fromkeys(ITEMS, 3))
    page.fill("textarea[name='ekspektasi']", "Target layanan perizinan: berapa hari kerja yang diharapkan?\n" * 3)
    page.evaluate("document.documentElement.classList.add('mencetak-lembar')")
    pdf = page.pdf(format="A4")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert 1 <= pages <= 2


def test_a_hostile_saved_history_does_not_stop_the_result(page: Page, base_url: str) -> None:
    good = {**score(INSTRUMENT, dict.fromkeys(ITEMS, 3))}
    first = good["dimensions"][0]
    broken = [
        {**good, "dimensions": [{**first, "id": ["akuntabel"]}, *good["dimensions"][1:]]},
        {**good, "dimensions": [{**first, "id": {"id": "akuntabel"}}, *good["dimensions"][1:]]},
        {**good, "overall": None},
        {**good, "dimensions": "rusak"},
    ]
    entries = [
        {"draft_id": f"lama-{n}", "saved_at": "2024-03-01T10:00:00+08:00", "result": r} for n, r in enumerate(broken)
    ]
    entries.append({"draft_id": "baik", "saved_at": "2024-02-01T09:00:00+08:00", "result": good})
    page.goto(base_url + PAGE)
    key = f"asesmen:{INSTRUMENT.id}:{INSTRUMENT.version}:history"
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, json.dumps(entries)])
    page.reload()
    assert wait_for_python(page) == "ready"
    answers = dict.fromkeys(ITEMS, 4)
    submit(page, answers)
    text = page.inner_text("#hasil")
    expected = score(INSTRUMENT, answers)["overall"]["index"]
    assert page.get_attribute("[data-overall-score]", "data-overall-score") == f"{expected:.1f}"
    assert "1 Februari 2024" in text  # the one usable entry is used, the others skipped
