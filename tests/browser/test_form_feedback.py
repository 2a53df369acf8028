"""Feedback where the reader is looking: a busy "Lihat hasil" while the result cannot be computed yet,
inline errors (GOV.UK pattern) with a way straight to the next unanswered statement, and no
technical words (Python, program penghitung) in the page's visible text in any state."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page, Route

from assessment import load_instrument, score
from tests.browser.conftest import wait_for_python
from tests.browser.test_assessment_page import ITEMS, PAGE, fill, shown

INSTRUMENT = load_instrument("berakhlak-individu")
BUTTON = ".asesmen-kirim__tombol"
BESIDE_BUTTON = ".asesmen-kirim .asesmen-sibuk"
TECHNICAL = re.compile(r"python|program penghitung|pyodide", re.IGNORECASE)
WASM = "**/pyodide.asm.wasm"


def hold(page: Page, pattern: str) -> list[Route]:
    """Requests matching ``pattern`` are held (not answered) until the test lets them go."""
    held: list[Route] = []

    def keep(route: Route) -> None:  # a function of its own: Playwright tags the handler it is given
        held.append(route)

    page.route(pattern, keep)
    return held


def wait_until(page: Page, condition: Callable[[], bool], what: str, timeout_s: float = 20) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        page.wait_for_timeout(50)  # lets Playwright dispatch the held requests
    raise AssertionError(f"not within {timeout_s} s: {what}")


def button_state(page: Page) -> Any:
    return page.evaluate(
        """sel => { const b = document.querySelector(sel);
            return {busy: b.getAttribute('aria-busy'), disabled: b.disabled, text: b.textContent.trim()}; }""",
        BUTTON,
    )


def visible_text(page: Page) -> str:
    return str(page.evaluate("document.body.innerText"))


def assert_no_technical_words(page: Page, state: str) -> None:
    found = TECHNICAL.findall(visible_text(page))
    assert not found, f"{state}: the page shows {found}"


def test_lihat_hasil_before_the_result_can_be_computed_is_busy_then_shows_the_result(page: Page, base_url: str) -> None:
    held = hold(page, WASM)
    page.goto(base_url + PAGE)
    wait_until(page, lambda: bool(held), "the runtime requested")
    answers = {item: (i % 5) + 1 for i, item in enumerate(ITEMS)}
    fill(page, answers)
    page.click(BUTTON)
    assert button_state(page) == {"busy": "true", "disabled": True, "text": "Menyiapkan penghitung…"}
    beside = page.locator(BESIDE_BUTTON)
    assert beside.get_attribute("role") == "status"
    assert beside.is_visible()
    assert "muncul sendiri" in beside.inner_text()
    assert_no_technical_words(page, "busy")
    page.click(BUTTON, force=True)  # a second press while busy changes nothing
    assert page.locator("[data-overall-score]").count() == 0
    for route in held:
        route.continue_()
    page.unroute(WASM)
    page.wait_for_selector("[data-overall-score]", timeout=60_000)  # no further press
    assert shown(page)["overall"] == f"{score(INSTRUMENT, answers)['overall']['index']:.1f}"
    assert button_state(page) == {"busy": None, "disabled": False, "text": "Lihat hasil"}
    assert beside.is_hidden()
    assert page.evaluate("document.activeElement.id") == "hasil"
    assert_no_technical_words(page, "result")


def test_a_busy_button_whose_loading_fails_says_so_beside_it_and_keeps_the_answers(page: Page, base_url: str) -> None:
    held = hold(page, "**/assessment.zip")
    page.goto(base_url + PAGE)
    wait_until(page, lambda: bool(held), "the package requested", timeout_s=60)
    fill(page, {"bp-1-a": 2, "ak-1-a": 5})
    page.click(BUTTON)
    assert button_state(page)["busy"] == "true"
    for route in held:
        route.abort()
    assert wait_for_python(page) == "failed"
    wait_until(page, lambda: button_state(page)["busy"] is None, "the button no longer busy")
    assert button_state(page) == {"busy": None, "disabled": False, "text": "Lihat hasil"}
    assert "belum dapat disiapkan" in page.inner_text(BESIDE_BUTTON)
    assert page.evaluate("document.activeElement.classList.contains('asesmen-kirim__tombol')")
    assert page.is_checked("input[name='bp-1-a'][value='2']")
    assert page.is_checked("input[name='ak-1-a'][value='5']")
    assert_no_technical_words(page, "failed")


def inline_error(page: Page, item: str) -> Any:
    return page.evaluate(
        """id => { const f = document.getElementById('butir-' + id);
            const ref = f.getAttribute('aria-describedby');
            const m = ref && document.getElementById(ref);
            const hidden = m && m.querySelector('.asesmen-tersembunyi');
            const box = hidden && hidden.getBoundingClientRect();
            return {described: ref, text: m ? m.textContent : null,
                    shown: !!m && !m.hidden && m.getBoundingClientRect().height > 0,
                    prefix: hidden ? hidden.textContent : null,
                    prefixSize: box ? [box.width, box.height] : null}; }""",
        item,
    )


def next_button(page: Page, item: str) -> str:
    return page.locator(f"#butir-{item} .asesmen-lanjut__tombol").inner_text()


def test_unanswered_statements_get_inline_errors_and_a_way_to_the_next_one(page: Page, base_url: str) -> None:
    missing = [ITEMS[2], ITEMS[20], ITEMS[40]]
    number = {item: ITEMS.index(item) + 1 for item in ITEMS}
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    fill(page, {item: 4 for item in ITEMS if item not in missing})
    page.click(BUTTON)
    page.locator(".asesmen-ringkasan-galat").wait_for(state="visible")
    for item in missing:
        error = inline_error(page, item)
        assert error["described"] == f"galat-{item}"
        assert error["shown"]
        assert str(error["text"]).startswith("Galat: Pernyataan ini belum dijawab.")
        assert error["prefix"] == "Galat: "
        assert error["prefixSize"] == [1, 1]  # read out, not shown
    assert page.locator(".asesmen-butir[aria-describedby]").count() == len(missing)
    assert_no_technical_words(page, "errors")

    # The last one first: the next one wraps round to the first still unanswered.
    page.check(f"input[name='{missing[2]}'][value='3']")
    assert inline_error(page, missing[2])["described"] is None
    assert page.locator(f"#galat-{missing[2]}").is_hidden()
    assert next_button(page, missing[2]) == (
        f"Ke pernyataan berikutnya yang belum dijawab: nomor {number[missing[0]]} (tinggal 2)"
    )
    page.locator(f"#butir-{missing[2]} .asesmen-lanjut__tombol").click()
    assert page.evaluate("document.activeElement.name") == missing[0]
    assert page.locator(f"#butir-{missing[0]}").is_visible()
    assert page.locator(".asesmen-lanjut__tombol").count() == 0

    # With the keyboard: choose, then Tab reaches the way on.
    page.keyboard.press("Space")
    assert page.is_checked(f"input[name='{missing[0]}'][value='1']")
    assert next_button(page, missing[0]) == (
        f"Ke pernyataan berikutnya yang belum dijawab: nomor {number[missing[1]]} (tinggal 1)"
    )
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('asesmen-lanjut__tombol')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == missing[1]
    in_view = page.evaluate(
        """id => { const r = document.getElementById('butir-' + id).getBoundingClientRect();
            return r.top >= 0 && r.top < innerHeight; }""",
        missing[1],
    )
    assert in_view

    # The last one: the way leads to the button.
    page.check(f"input[name='{missing[1]}'][value='5']")
    assert next_button(page, missing[1]) == "Semua sudah dijawab: ke tombol Lihat hasil"
    page.locator(f"#butir-{missing[1]} .asesmen-lanjut__tombol").click()
    assert page.evaluate("document.activeElement.classList.contains('asesmen-kirim__tombol')")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-overall-score]")
    answers = dict.fromkeys(ITEMS, 4) | {missing[0]: 1, missing[1]: 5, missing[2]: 3}
    assert shown(page)["overall"] == f"{score(INSTRUMENT, answers)['overall']['index']:.1f}"


def test_the_page_says_how_long_it_takes_and_has_its_one_name(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    text = visible_text(page)
    assert f"{len(ITEMS)} pernyataan, sekitar 10–15 menit" in text
    assert page.locator("h1").evaluate("h => h.textContent.replace('¶', '').trim()") == "Refleksi Diri BerAKHLAK"
    assert page.title().startswith("Refleksi Diri BerAKHLAK")
    assert not re.search(r"\bpita\b", text, re.IGNORECASE)
    assert_no_technical_words(page, "start")
    assert wait_for_python(page) == "ready"
    assert_no_technical_words(page, "ready")


def test_no_technical_words_while_loading(page: Page, base_url: str) -> None:
    held = hold(page, "**/assessment.zip")  # stops after the runtime's own progress texts
    page.goto(base_url + PAGE)
    wait_until(page, lambda: bool(held), "the package requested", timeout_s=60)
    assert page.evaluate("document.querySelector('.asesmen-status').dataset.state") == "loading"
    assert_no_technical_words(page, "loading")
    for route in held:
        route.continue_()
    page.unroute("**/assessment.zip")
    assert wait_for_python(page) == "ready"
