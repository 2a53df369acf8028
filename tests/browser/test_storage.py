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


# Markup that would run if anything stored were inserted as HTML; each sets window.__xss.
HOSTILE = (
    "</textarea><script>window.__xss = 'script'</script>"
    '<img src="x" onerror="window.__xss = \'img\'">'
    "\"'><svg onload=\"window.__xss = 'svg'\"></svg>"
    "<a href=\"javascript:window.__xss = 'link'\">tautan</a>"
)
WATCH = """window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));"""
INJECTED = "[...document.querySelectorAll('.asesmen script, .asesmen [onerror], .asesmen [onload], .asesmen svg:not(.md-icon svg) [onload], .asesmen a[href^=\"javascript:\"]')].length"  # noqa: E501


def assert_nothing_ran(page: Page) -> None:
    """No hostile script ran, none was stopped by the policy (so none was inserted), none is in the page."""
    time.sleep(0.3)  # an image's error event, had one been inserted
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("window.__violations") == []
    assert page.evaluate(INJECTED) == 0


def test_hostile_strings_kept_on_the_device_are_shown_as_text_and_never_run(
    page: Page, base_url: str, errors: list[str]
) -> None:
    page.add_init_script(WATCH)
    page.goto(base_url + PAGE)
    score_everything(page)  # a first result, to learn the sheet's field names
    names = page.evaluate("[...document.querySelectorAll('.lembar-dialog [name]')].map(f => f.name)")
    assert names
    answers = {item: (i % 5) + 1 for i, item in enumerate(ITEMS)}
    dimension_ids = [dimension.id for dimension in INSTRUMENT.dimensions]
    stored = {
        DRAFT_KEY: {"format": 1, "draft_id": HOSTILE, "saved_at": HOSTILE, "answers": answers},
        f"asesmen:{INSTRUMENT.id}:{INSTRUMENT.version}:history": [
            {"draft_id": HOSTILE, "saved_at": HOSTILE, "result": {"overall": {"index": HOSTILE}}},
            {
                "draft_id": "x",
                "saved_at": "2026-01-01T08:00:00+08:00",
                "result": {
                    "instrument": {"id": INSTRUMENT.id, "version": INSTRUMENT.version},
                    "overall": {"index": 30.0},
                    "dimensions": [{"id": HOSTILE, "index": 30.0}],
                },
            },
            {
                "draft_id": "lama",
                "saved_at": "2026-01-02T08:00:00+08:00",
                "result": {
                    "instrument": {"id": INSTRUMENT.id, "version": INSTRUMENT.version},
                    "overall": {"index": 40.0, "band": {"id": HOSTILE, "label": HOSTILE}},
                    "dimensions": [
                        {"id": ident, "index": 40.0, "band": {"id": HOSTILE, "label": HOSTILE}}
                        for ident in dimension_ids
                    ],
                },
            },
        ],
        f"asesmen:{INSTRUMENT.id}:{INSTRUMENT.version}:lembar": {HOSTILE: HOSTILE, **dict.fromkeys(names, HOSTILE)},
    }
    page.evaluate(
        "stored => { localStorage.clear(); for (const [k, v] of Object.entries(stored)) localStorage.setItem(k, JSON.stringify(v)); }",  # noqa: E501
        stored,
    )
    page.reload()
    page.locator(".asesmen-draf").wait_for(state="visible")
    assert "telah dipulihkan (42 dari 42" in page.inner_text(".asesmen-draf")
    assert wait_for_python(page) == "ready"
    page.click(".asesmen-kirim__tombol")
    page.wait_for_selector("[data-overall-score]")
    assert shown(page)["overall"] == f"{score(INSTRUMENT, answers)['overall']['index']:.1f}"
    assert "dari 40,0 menjadi" in str(page.text_content("#hasil"))  # the earlier result with hostile labels was used
    fields = page.evaluate(
        """() => [...document.querySelectorAll('.lembar-dialog [name]')].map(f => [f.value, document.querySelector(
            `.lembar-dialog__salinan[data-salinan="${CSS.escape(f.name)}"]`)?.textContent ?? f.value])"""
    )
    assert fields == [[HOSTILE, HOSTILE]] * len(names)  # kept verbatim, shown as text
    assert_nothing_ran(page)


def test_a_draft_with_hostile_item_ids_is_set_aside_and_nothing_runs(
    page: Page, base_url: str, errors: list[str]
) -> None:
    page.add_init_script(WATCH)
    page.goto(base_url)
    draft = {"format": 1, "draft_id": HOSTILE, "saved_at": HOSTILE, "answers": {HOSTILE: 1, "bp-1-a": HOSTILE}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [DRAFT_KEY, json.dumps(draft)])
    page.goto(base_url + PAGE)
    page.locator(".asesmen-draf").wait_for(state="visible")
    assert "rusak atau telah diubah" in page.inner_text(".asesmen-draf")
    score_everything(page)
    assert_nothing_ran(page)
