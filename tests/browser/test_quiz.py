"""The knowledge check: scored on the page, explanations with links, a before/after score on the device only."""

from __future__ import annotations

import json
from urllib.parse import urlsplit
from urllib.request import urlopen

from playwright.sync_api import Browser, Page

from tests.browser.test_accessibility import serious_violations

PAGE = "presentasi/cek-pemahaman/"
# The answer key, written down independently of the page's markup.
KEY = {1: "b", 2: "c", 3: "a", 4: "d", 5: "b", 6: "a", 7: "c", 8: "b", 9: "a", 10: "b"}
STORAGE_KEY = "cek-pemahaman:sebelum"


def wrong_choice(question: int) -> str:
    return "a" if KEY[question] != "a" else "b"


def answer(page: Page, answers: dict[int, str], moment: str | None = None) -> None:
    if moment:
        page.check(f"#cek-waktu-{moment}", force=True)
    for question, choice in answers.items():
        page.check(f"#soal-{question}-{choice}", force=True)
    page.get_by_role("button", name="Periksa jawaban").click()


def score(page: Page) -> tuple[int, int]:
    element = page.locator("[data-cek-skor]")
    element.wait_for()
    return int(element.get_attribute("data-benar") or -1), int(element.get_attribute("data-total") or -1)


def test_all_right_answers_score_ten_of_ten(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    assert page.locator(".cek-soal").count() == len(KEY)
    answer(page, KEY)
    assert score(page) == (10, 10)
    assert "10 dari 10" in page.inner_text(".cek-hasil")
    assert page.locator(".cek-soal--benar").count() == 10
    assert page.locator(".cek-soal__penjelasan[open]").count() == 0
    assert page.locator(".cek-hasil").evaluate("element => element === document.activeElement")


def test_wrong_answers_show_the_explanation_and_a_link_to_the_page_it_comes_from(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    wrong = {2, 7, 10}
    answer(page, {q: wrong_choice(q) if q in wrong else c for q, c in KEY.items()})
    assert score(page) == (7, 10)
    for question, choice in KEY.items():
        block = page.locator(f"#soal-{question}")
        verdict = block.locator(".cek-soal__hasil").inner_text()
        explanation = block.locator(".cek-soal__penjelasan")
        if question in wrong:
            assert "Belum tepat" in verdict
            assert explanation.get_attribute("open") is not None
            assert explanation.locator(f"text=Jawaban: {choice.upper()}.").is_visible()
            for href in explanation.locator("a").evaluate_all("links => links.map(link => link.href)"):
                assert href.startswith(base_url)
                with urlopen(href.split("#")[0]) as response:  # the page it comes from exists
                    assert response.status == 200
        else:
            assert verdict == "Benar."
            assert explanation.get_attribute("open") is None
    links = page.locator(".cek-hasil__catatan a").evaluate_all("links => links.map(link => link.hash)")
    assert links == ["#soal-2", "#soal-7", "#soal-10"]
    assert serious_violations(page, ".md-content") == []


def test_unanswered_questions_are_listed_and_marked_gov_uk_style(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    answer(page, {q: c for q, c in KEY.items() if q not in (4, 9)})
    summary = page.locator(".cek-ringkasan-galat")
    assert summary.is_visible()
    assert summary.evaluate("element => element === document.activeElement")
    assert summary.locator("a").evaluate_all("links => links.map(link => link.hash)") == ["#soal-4-a", "#soal-9-a"]
    for question in (4, 9):
        error = page.locator(f"#soal-{question}-galat")
        assert error.inner_text().startswith("Galat:")
        assert page.locator(f"#soal-{question} fieldset").get_attribute("aria-describedby") == f"soal-{question}-galat"
    assert page.locator(".cek-hasil").is_hidden()
    assert page.locator(".cek-soal__galat").count() == 2
    assert serious_violations(page, ".md-content") == []
    page.check("#soal-4-d", force=True)
    page.check("#soal-9-a", force=True)
    page.get_by_role("button", name="Periksa jawaban").click()
    assert score(page) == (10, 10)
    assert summary.is_hidden()
    assert page.locator(".cek-soal__galat").count() == 0


def test_before_and_after_scores_are_compared_and_only_the_number_stays_on_the_device(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + PAGE)
    four_right = {q: (c if q <= 4 else wrong_choice(q)) for q, c in KEY.items()}
    answer(page, four_right, moment="sebelum")
    assert score(page) == (4, 10)
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert set(stored) == {"benar", "total", "tanggal"}
    assert (stored["benar"], stored["total"]) == (4, 10)
    keys = page.evaluate("Object.keys(localStorage)")
    assert [key for key in keys if "cek" in key] == [STORAGE_KEY]

    page.reload()
    assert "4 dari 10" in page.inner_text(".cek-simpanan")
    answer(page, KEY, moment="sesudah")
    comparison = page.inner_text(".cek-hasil__banding")
    assert "Sebelum sesi" in comparison
    assert "4 dari 10" in comparison
    assert "Sesudah sesi: 10 dari 10" in comparison
    assert "naik 6" in comparison

    page.get_by_role("button", name="Hapus skor tersimpan").click()
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    assert "dihapus" in page.inner_text(".cek-pesan")


def test_practice_stores_nothing_and_a_corrupt_stored_score_is_ignored(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    page.evaluate(f"localStorage.setItem('{STORAGE_KEY}', '{{not json')")
    page.reload()
    assert page.locator(".cek-simpanan").is_hidden()
    answer(page, KEY, moment="latihan")
    assert score(page) == (10, 10)
    assert "tidak disimpan" in page.inner_text(".cek-hasil__banding")
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == "{not json"


def test_start_again_clears_answers_and_feedback(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    answer(page, KEY)
    score(page)
    page.get_by_role("button", name="Ulangi dari awal").click()
    assert page.locator(".cek input:checked").count() == 0
    assert page.locator(".cek-hasil").is_hidden()
    assert page.locator(".cek-soal__hasil").count() == 0
    assert page.locator(".cek-soal__penjelasan:visible").count() == 0


def test_the_check_binds_after_instant_navigation_and_fits_a_phone(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url)
    page.evaluate(f"document.querySelector('a[href$=\"{PAGE}\"]').click()")
    page.wait_for_url(lambda url: urlsplit(url).path.endswith(f"/{PAGE}"))
    page.locator(".cek-aksi").wait_for()
    answer(page, {q: wrong_choice(q) for q in KEY})
    assert score(page) == (0, 10)
    assert page.locator(".cek-soal--salah").count() == 10
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_without_javascript_the_page_is_a_list_with_answers_in_details(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    assert page.locator(".cek-aksi").is_hidden()
    assert page.locator(".cek-waktu").is_hidden()
    details = page.locator(".cek-soal details")
    assert details.count() == len(KEY)
    for question, choice in KEY.items():
        block = page.locator(f"#soal-{question} details")
        block.locator("summary").click()
        text = block.inner_text()
        assert f"Jawaban: {choice.upper()}." in text
        assert block.locator("a").count() >= 1
    context.close()
