"""The self-assessment end to end: form → worker → assessment (Pyodide) → result → page."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from assessment import load_instrument, score, to_json
from tests.browser.conftest import RequestLog, wait_for_python

INSTRUMENT = load_instrument("berakhlak-individu")
ITEMS = [item.id for item in INSTRUMENT.items]
PAGE = "asesmen/berakhlak/"


def fill(page: Page, answers: dict[str, int]) -> None:
    page.evaluate(
        """answers => { for (const [name, value] of Object.entries(answers)) {
            const input = document.querySelector(`.asesmen-form input[name="${name}"][value="${value}"]`);
            input.checked = true; input.dispatchEvent(new Event('change', {bubbles: true})); } }""",
        answers,
    )


def shown(page: Page) -> Any:
    return page.evaluate(
        """() => { const root = document.querySelector('[data-overall-score]');
            return { overall: root.dataset.overallScore, band: root.dataset.band,
                     dimensions: Object.fromEntries([...root.querySelectorAll('[data-dimension][data-score]')]
                        .map(e => [e.dataset.dimension, e.dataset.score])) }; }"""
    )


def answer_sets() -> list[dict[str, int]]:
    rng = random.Random(2023)
    sets = [dict.fromkeys(ITEMS, 1), dict.fromkeys(ITEMS, 5), dict.fromkeys(ITEMS, 3)]
    sets.append({item.id: (1 if item.reverse else 5) for item in INSTRUMENT.items})
    sets.extend({item: rng.randint(1, 5) for item in ITEMS} for _ in range(3))
    return sets


def test_displayed_scores_equal_cpython_scores(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    for answers in answer_sets():
        expected = score(INSTRUMENT, answers)
        page.evaluate("document.querySelector('.asesmen-hasil-wadah').replaceChildren()")
        fill(page, answers)
        page.click(".asesmen-kirim__tombol")
        page.wait_for_selector("[data-overall-score]")
        assert shown(page) == {
            "overall": f"{expected['overall']['index']:.1f}",
            "band": expected["overall"]["band"]["id"],
            "dimensions": {d["id"]: f"{d['index']:.1f}" for d in expected["dimensions"]},
        }
        with page.expect_download() as download:
            page.get_by_role("link", name="Unduh hasil (JSON)").click()
        assert Path(download.value.path()).read_text(encoding="utf-8") == to_json(expected)


def test_incomplete_submission_names_missing_items_and_keeps_answers(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    answers = {item: 4 for item in ITEMS if item not in ("ak-2-a", "lo-3-b")}
    fill(page, answers)
    page.click(".asesmen-kirim__tombol")
    summary = page.locator(".asesmen-ringkasan-galat")
    summary.wait_for(state="visible", timeout=60_000)
    links = summary.locator("a").all_inner_texts()
    number = {item: ITEMS.index(item) + 1 for item in ITEMS}
    assert links == [f"Pernyataan {number['ak-2-a']} belum dijawab", f"Pernyataan {number['lo-3-b']} belum dijawab"]
    assert page.evaluate("document.activeElement.classList.contains('asesmen-ringkasan-galat')")
    assert page.locator("#butir-ak-2-a .asesmen-butir__galat").is_visible()
    assert page.get_attribute("#butir-ak-2-a", "aria-describedby") == "galat-ak-2-a"
    message = "Galat: Pernyataan ini belum dijawab. Pilih seberapa sering Anda melakukannya."
    assert page.text_content("#galat-ak-2-a") == message
    checked = page.evaluate("[...document.querySelectorAll('.asesmen-form input:checked')].length")
    assert checked == len(answers)
    assert page.locator("[data-overall-score]").count() == 0
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.name") == "ak-2-a"


def test_python_survives_instant_navigation(page: Page, base_url: str, requests_seen: RequestLog) -> None:
    page.goto(base_url)
    page.locator(f".md-content a[href$='{PAGE}']").first.click()
    page.wait_for_selector(".asesmen-status")
    assert wait_for_python(page) == "ready"
    page.locator(".md-content a[href$='metodologi/']").first.click()
    page.wait_for_selector("h1:has-text('Metodologi')")
    page.go_back()
    page.wait_for_selector(".asesmen-status")
    assert wait_for_python(page) == "ready"
    assert sum(url.endswith("pyodide.asm.wasm") for url in requests_seen) == 1


def test_failed_loading_explains_offers_retry_and_keeps_answers(page: Page, base_url: str) -> None:
    page.route("**/assessment.zip", lambda route: route.abort())
    page.goto(base_url + PAGE)
    fill(page, {"bp-1-a": 2, "bp-1-b": 5})
    assert wait_for_python(page) == "failed"
    status = page.locator(".asesmen-status")
    assert "gagal dimuat" in status.inner_text()
    assert "Jawaban Anda tetap" in status.inner_text()
    page.unroute("**/assessment.zip")
    page.get_by_role("button", name="Coba lagi").click()
    assert wait_for_python(page) == "ready"
    assert page.is_checked("input[name='bp-1-a'][value='2']")
    assert page.is_checked("input[name='bp-1-b'][value='5']")


def test_a_hanging_start_times_out_with_a_message(page: Page, base_url: str) -> None:
    page.add_init_script("window.ASESMEN_TIMEOUT_MS = 1500")
    page.route("**/pyodide.asm.wasm", lambda route: None)  # never answered, like a CSP hang
    page.goto(base_url + PAGE)
    assert wait_for_python(page, timeout_s=15) == "failed"
    assert page.get_by_role("button", name="Coba lagi").is_visible()


@pytest.mark.parametrize("path", ["", PAGE, "asesmen/metodologi/"])
def test_no_request_leaves_the_local_server(page: Page, base_url: str, requests_seen: RequestLog, path: str) -> None:
    page.goto(base_url + path)
    if path == PAGE:
        wait_for_python(page)
    page.wait_for_load_state("networkidle")
    assert requests_seen, "the request log must see the page's own requests"
    assert requests_seen.foreign(base_url) == []


def test_form_is_usable_without_javascript(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    assert page.locator(".asesmen-form input[type=radio]").count() == len(ITEMS) * 5
    page.check("input[name='bp-1-a'][value='3']")
    assert page.is_checked("input[name='bp-1-a'][value='3']")
    context.close()


def test_a_module_missing_from_the_small_stdlib_falls_back_to_the_full_one(
    page: Page, base_url: str, site_dir, requests_seen: RequestLog
) -> None:
    small = site_dir / "assets" / "runtime" / "python_stdlib.min.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(small) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            if not info.filename.startswith("fractions"):
                target.writestr(info, source.read(info))
    page.route("**/python_stdlib.min.zip", lambda route: route.fulfill(body=buffer.getvalue()))
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    answers = dict.fromkeys(ITEMS, 2)
    fill(page, answers)
    page.click(".asesmen-kirim__tombol")
    page.wait_for_selector("[data-overall-score]")
    assert shown(page)["overall"] == f"{score(INSTRUMENT, answers)['overall']['index']:.1f}"
    assert any(url.endswith("/python_stdlib.zip") for url in requests_seen)
