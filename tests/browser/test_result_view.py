"""The result in the browser: Python's view, summary first on a phone, history, the dialog kinerja sheet."""

from __future__ import annotations

import io
import json

import zxingcpp
from playwright.sync_api import Page, ViewportSize
from pypdf import PdfReader

from assessment import build_report, load_instrument, render_html, score
from assessment._internal.result_code import decode, encode
from tests.browser.conftest import wait_for_python
from tests.browser.png import grey_pixels
from tests.browser.test_assessment_page import ITEMS, PAGE, fill

INSTRUMENT = load_instrument("berakhlak-individu")


VARIED = {item: [4, 3, 5, 2, 4, 3][n % 6] for n, item in enumerate(ITEMS)}
"""Answers giving values in different categories, with long lowest behaviours on the sheet."""
PHONE: ViewportSize = {"width": 360, "height": 740}
ANSWERS_3 = dict.fromkeys(ITEMS, 3)


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
    code = encode(INSTRUMENT, answers)
    expected = render_html(build_report(INSTRUMENT, score(INSTRUMENT, answers), [], "../../", code))
    same = page.evaluate(
        """html => { const t = document.createElement('template'); t.innerHTML = html;
            const shown = document.querySelector('#hasil').cloneNode(true);
            for (const qr of shown.querySelectorAll('[data-qr]')) qr.replaceChildren();
            return t.content.textContent === shown.textContent
                && t.content.querySelectorAll('*').length === shown.querySelectorAll('*').length; }""",
        expected,
    )
    assert same
    for heading in ("Hasil refleksi diri Anda", "Indeks per nilai dasar", "Persiapan dialog kinerja"):
        assert page.get_by_role("heading", name=heading).count() == 1, heading
    summaries = page.locator("#hasil details > summary").all_inner_texts()
    assert summaries == [
        "Kode hasil untuk rekap kelompok",
        "Indeks 21 panduan perilaku",
        "Perilaku paling dan paling jarang tampak",
        "Dibandingkan dengan Indeks BerAKHLAK nasional 2022",
        "Saran untuk nilai dengan indeks terendah",
        "Riwayat di perangkat ini",
        "Tentang hasil ini",
    ]
    assert page.locator("#hasil .laporan-batang__baris[data-dimension][data-score]").count() == 7


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
    assert "Belum ada hasil sebelumnya" in (page.text_content("#hasil") or "")
    page.reload()
    page.get_by_role("button", name="Mulai dari awal").click()
    assert wait_for_python(page) == "ready"
    submit(page, {item.id: (1 if item.reverse else 5) for item in INSTRUMENT.items})
    page.get_by_text("Riwayat di perangkat ini").click()
    text = page.inner_text("#hasil")
    assert "dari 50,0 menjadi 100,0" in text


def test_sheet_fields_are_kept_on_the_device_and_printed(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    submit(page, dict.fromkeys(ITEMS, 4))
    page.fill("textarea[name='bukti-akuntabel']", "Laporan bulanan selalu tepat waktu.")
    page.fill("textarea[name='pertanyaan']", "Apa ekspektasi Bapak untuk SKP tahun ini?")
    page.fill("input[name='nama']", "Andi Makkasau")
    page.fill("input[name='nip']", "199001012015031001")
    copy = page.locator(".lembar-dialog__salinan[data-salinan='bukti-akuntabel']")
    assert copy.text_content() == "Laporan bulanan selalu tepat waktu."
    page.reload()
    page.get_by_role("button", name="Lanjutkan").click()
    assert wait_for_python(page) == "ready"
    page.click(".asesmen-kirim__tombol")
    page.wait_for_selector("[data-overall-score]")
    assert page.input_value("textarea[name='bukti-akuntabel']") == "Laporan bulanan selalu tepat waktu."
    assert page.input_value("textarea[name='pertanyaan']") == "Apa ekspektasi Bapak untuk SKP tahun ini?"
    assert page.input_value("input[name='nama']") == "Andi Makkasau"
    assert page.input_value("input[name='nip']") == "199001012015031001"
    saved = page.evaluate(f"localStorage.getItem('asesmen:{INSTRUMENT.id}:{INSTRUMENT.version}:lembar')")
    assert json.loads(saved)["nama"] == "Andi Makkasau"
    page.evaluate("window.print = () => { window.__printedWith = document.documentElement.className; }")
    page.get_by_role("button", name="Cetak lembar dialog kinerja").click()
    assert "mencetak-lembar" in page.evaluate("window.__printedWith")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".asesmen-form").is_hidden()
    assert page.locator("#lembar-dialog").is_visible()


def test_the_printed_sheet_fits_on_one_or_two_a4_pages_with_identity_fields(page: Page, base_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    submit(page, VARIED)
    page.fill("input[name='perangkat-daerah']", "Dinas Penanaman Modal dan PTSP")
    page.fill("textarea[name='ekspektasi']", "Target layanan perizinan: berapa hari kerja yang diharapkan?\n" * 3)
    page.fill("textarea[name='bukti-adaptif']", "Memakai aplikasi perizinan baru sejak Maret.\n" * 2)
    page.evaluate("document.documentElement.classList.add('mencetak-lembar')")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert 1 <= len(pdf.pages) <= 2
    text = " ".join((p.extract_text() or "") for p in pdf.pages)
    assert text.lstrip().startswith("Persiapan dialog kinerja")
    for label in ("Nama", "NIP", "Jabatan", "Perangkat daerah", "Periode", "Atasan langsung", "Tanggal"):
        assert label in text, label
    assert "Dinas Penanaman Modal dan PTSP" in text
    assert "Bahan diskusi, bukan penilaian." in text
    assert "Ekspektasi yang perlu diperjelas" in text  # the last field is not cut off
    for number, pdf_page in enumerate(pdf.pages[1:], start=2):
        first_line = (pdf_page.extract_text() or "").strip().splitlines()[0]
        starts = {d.title for d in INSTRUMENT.dimensions} | {"Pertanyaan untuk atasan"}
        assert first_line in starts, (number, first_line)  # a page starts with a whole block


def test_a_hostile_saved_history_does_not_stop_the_result(page: Page, base_url: str) -> None:
    good = score(INSTRUMENT, dict.fromkeys(ITEMS, 3))
    first, rest = good["dimensions"][0], good["dimensions"][1:]
    broken = [
        {**good, "dimensions": [{**first, "id": ["akuntabel"]}, *rest]},
        {**good, "dimensions": [{**first, "id": {"id": "akuntabel"}}, *rest]},
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
    text = page.text_content("#hasil") or ""
    expected = score(INSTRUMENT, answers)["overall"]["index"]
    assert page.get_attribute("[data-overall-score]", "data-overall-score") == f"{expected:.1f}"
    assert "1 Februari 2024" in text  # the one usable entry is used, the others skipped


# ---------------------------------------------------------------- on a phone (360 × 740)


def phone_result(page: Page, base_url: str) -> None:
    """The result of VARIED at 360 × 740, with one earlier result on the device (so every table is there)."""
    page.set_viewport_size(PHONE)
    page.goto(base_url + PAGE)
    earlier = {"draft_id": "lama", "saved_at": "2024-02-01T09:00:00+08:00", "result": score(INSTRUMENT, ANSWERS_3)}
    key = f"asesmen:{INSTRUMENT.id}:{INSTRUMENT.version}:history"
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, json.dumps([earlier])])
    page.reload()
    assert wait_for_python(page) == "ready"
    submit(page, VARIED)
    page.wait_for_timeout(300)  # the page focuses the result, which scrolls it into view


def test_the_first_screen_holds_the_summary_and_the_next_steps(page: Page, base_url: str) -> None:
    phone_result(page, base_url)
    report = build_report(INSTRUMENT, score(INSTRUMENT, VARIED))
    extremes = report["extremes"]
    assert extremes is not None
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    wanted = {
        "index": ".laporan__angka",
        "label": ".laporan__kategori",
        "sentence": ".laporan__kalimat",
        "strongest": f"[data-ekstrem-nilai='{extremes['strongest']['id']}']",
        "weakest": f"[data-ekstrem-nilai='{extremes['weakest']['id']}']",
        "prepare": "a[href='#lembar-dialog']",
        "detail": "a[href='#hasil-rincian']",
    }
    for name, selector in wanted.items():
        box = page.locator(f"#hasil .laporan__ringkasan {selector}").bounding_box()
        assert box is not None, name
        assert box["y"] >= header - 1, (name, box, header)
        assert box["y"] + box["height"] <= PHONE["height"], (name, box)
    summary = page.inner_text("#hasil .laporan__ringkasan")
    assert f"{report['overall']['index']:.1f}".replace(".", ",") in summary
    assert report["overall"]["band"]["label"] in summary
    assert extremes["strongest"]["title"] in summary
    assert extremes["weakest"]["title"] in summary
    for word in ("Ekspektasi", "Sehat", "Python", "penghitung"):
        assert word not in summary


def test_the_default_view_is_at_most_six_phone_screens(page: Page, base_url: str) -> None:
    phone_result(page, base_url)
    height = page.evaluate("document.querySelector('#hasil').getBoundingClientRect().height")
    assert height <= 6 * PHONE["height"], height


def test_nothing_in_the_result_scrolls_sideways_on_a_phone(page: Page, base_url: str) -> None:
    phone_result(page, base_url)
    page.evaluate("document.querySelectorAll('#hasil details').forEach(d => { d.open = true; })")
    wide = page.evaluate(
        """[...document.querySelectorAll('#hasil, #hasil *')]
            .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth + 0.5)
            .map(e => `${e.tagName}.${e.className.baseVal ?? e.className} ${e.scrollWidth}>${e.clientWidth}`)"""
    )
    assert wide == []
    assert page.locator("#hasil table").count() == 3  # comparison, changes and earlier results, all stacked


def test_chart_and_result_text_is_at_least_12_px_on_a_phone(page: Page, base_url: str) -> None:
    phone_result(page, base_url)
    page.evaluate("document.querySelectorAll('#hasil details').forEach(d => { d.open = true; })")
    sizes = page.evaluate(
        """[...document.querySelectorAll('#hasil *')]
            .filter(e => [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
            .map(e => [e.tagName, parseFloat(getComputedStyle(e).fontSize)])"""
    )
    assert sizes
    assert [s for s in sizes if s[1] < 12] == []
    chart = page.evaluate(
        """[...document.querySelectorAll('#hasil .laporan-batang *')]
            .filter(e => [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
            .map(e => parseFloat(getComputedStyle(e).fontSize))"""
    )
    assert len(chart) >= 7 * 2
    assert min(chart) >= 12


def test_the_next_steps_lead_to_the_sheet_and_open_the_detail(page: Page, base_url: str) -> None:
    phone_result(page, base_url)
    page.click("#hasil a[href='#lembar-dialog']")
    page.wait_for_timeout(300)
    box = page.locator("#lembar-dialog-judul").bounding_box()
    assert box is not None
    assert 0 <= box["y"] < PHONE["height"] / 2
    page.click("#hasil a[href='#hasil-rincian']")
    page.wait_for_timeout(300)
    box = page.locator("#hasil-rincian").bounding_box()
    assert box is not None
    assert 0 <= box["y"] < PHONE["height"] / 2
    page.get_by_text("Indeks 21 panduan perilaku").click()
    assert page.locator("#hasil-perilaku .laporan-batang__baris").first.is_visible()


def test_the_result_code_and_its_qr_code_give_back_the_answers(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    submit(page, VARIED)
    page.locator("#hasil-kode > summary").click()
    code = page.locator("[data-result-code]").inner_text()
    assert len(code) <= 32
    assert decode(INSTRUMENT, code) == VARIED
    box = page.locator(".laporan__kode-qr svg")
    (found,) = zxingcpp.read_barcodes(grey_pixels(box.screenshot()))
    assert found.text == code
