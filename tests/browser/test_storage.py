"""Storage that fails: unavailable or full localStorage, a draft that cannot be set aside, a corrupt
Material key. Scoring still works, the page says once that answers cannot be kept, nothing is lost."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from assessment import load_instrument, score
from tests.browser.conftest import wait_for_python
from tests.browser.test_assessment_page import ITEMS, PAGE, fill, shown

INSTRUMENT = load_instrument("berakhlak-individu")
DRAFT_KEY = f"asesmen:{INSTRUMENT.id}:{INSTRUMENT.version}:draft"
OTHER_VERSION_KEY = f"asesmen:{INSTRUMENT.id}:0.9.0:draft"
NOTICE = ".asesmen-penyimpanan"
MESSAGE = "Jawaban tidak dapat disimpan di perangkat ini"

# Storage switched off (as with site data blocked): touching localStorage or sessionStorage throws.
UNAVAILABLE = """for (const name of ['localStorage', 'sessionStorage']) {
    Object.defineProperty(window, name, {configurable: true,
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }});
}"""
# Storage full: reading works, every write throws.
FULL = """Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};"""


@pytest.fixture
def errors(page: Page) -> Iterator[list[str]]:
    """Uncaught errors of the page; none may happen."""
    seen: list[str] = []
    page.on("pageerror", lambda error: seen.append(str(error)))
    yield seen
    assert seen == []


def wait_for_notice(page: Page) -> str:
    """The storage notice's text, once it is there (it is filled a moment after it appears)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        text = page.evaluate(f"[...document.querySelectorAll('{NOTICE}')].map(e => e.textContent).join('|')")
        if text:
            return str(text)
        time.sleep(0.05)
    raise AssertionError("no storage notice")


def score_everything(page: Page) -> None:
    """Answer every statement, submit, and check the page shows CPython's score."""
    answers = {item: (i % 5) + 1 for i, item in enumerate(ITEMS)}
    assert wait_for_python(page) == "ready"
    fill(page, answers)
    page.click(".asesmen-kirim__tombol")
    page.wait_for_selector("[data-overall-score]")
    assert shown(page)["overall"] == f"{score(INSTRUMENT, answers)['overall']['index']:.1f}"


def test_without_storage_scoring_works_and_the_page_says_answers_are_not_kept(
    page: Page, base_url: str, errors: list[str]
) -> None:
    page.add_init_script(UNAVAILABLE)
    page.goto(base_url + PAGE)
    assert MESSAGE in wait_for_notice(page)  # said at once: even reading is refused
    score_everything(page)
    assert page.locator(NOTICE).count() == 1
    notice_box = page.locator(NOTICE).bounding_box()
    form_box = page.locator(".asesmen-form").bounding_box()
    assert notice_box
    assert form_box
    assert 0 <= form_box["y"] - (notice_box["y"] + notice_box["height"]) < 200  # right above the form
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Hapus data saya").click()
    assert "tidak dapat dibuka" in page.inner_text(".asesmen-hapus__pesan")
    page.locator(".md-content a[href$='metodologi/']").first.click()  # the theme still works
    page.wait_for_selector("h1:has-text('Metodologi')")


def test_with_full_storage_scoring_works_and_the_page_says_so_once(
    page: Page, base_url: str, errors: list[str]
) -> None:
    page.add_init_script(FULL)
    page.goto(base_url + PAGE)
    fill(page, {ITEMS[0]: 3})  # the first answer cannot be saved
    assert MESSAGE in wait_for_notice(page)
    score_everything(page)
    assert page.locator(NOTICE).count() == 1


@pytest.mark.parametrize(
    "case",
    [
        (DRAFT_KEY, '{"format": 1, "answers": {"bp-1-a": 4', "rusak atau telah diubah"),
        (
            OTHER_VERSION_KEY,
            json.dumps({"format": 1, "draft_id": "x", "saved_at": "2026-01-01T00:00:00Z", "answers": {"bp-1-a": 3}}),
            "versi lain",
        ),
    ],
)
def test_a_draft_that_cannot_be_set_aside_is_left_where_it_is(
    page: Page, base_url: str, errors: list[str], case: tuple[str, str, str]
) -> None:
    key, value, says = case
    page.goto(base_url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, value])
    page.add_init_script(FULL)
    page.goto(base_url + PAGE)
    notice = page.locator(".asesmen-draf")
    notice.wait_for(state="visible")
    assert says in notice.inner_text()
    assert "dibiarkan tersimpan apa adanya (tidak dihapus)" in notice.inner_text()
    assert MESSAGE in wait_for_notice(page)
    score_everything(page)
    stored = page.evaluate("Object.fromEntries(Object.entries(localStorage))")
    assert {k: v for k, v in stored.items() if k.startswith("asesmen:")} == {key: value}  # kept, not written over


def test_a_corrupt_material_palette_key_does_not_break_pages(page: Page, base_url: str, errors: list[str]) -> None:
    page.goto(base_url)
    page.evaluate("localStorage.setItem(__md_scope.pathname + '.__palette', '{rusak')")
    page.reload()
    page.locator(f".md-content a[href$='{PAGE}']").first.click()
    page.wait_for_selector(".asesmen-status")
    page.goto(base_url + "nilai/akuntabel/")
    # read as nothing by the mended __md_get, then written anew by the theme
    assert json.loads(page.evaluate("localStorage.getItem(__md_scope.pathname + '.__palette')"))["color"]
