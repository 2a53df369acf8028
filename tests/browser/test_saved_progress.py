"""Answers kept on the device: save and resume, broken drafts set aside, deletion, history."""

from __future__ import annotations

import json
import re
from typing import Any

from playwright.sync_api import Page

from assessment import load_instrument, score
from tests.browser.conftest import wait_for_python
from tests.browser.test_assessment_page import ITEMS, PAGE, fill

INSTRUMENT = load_instrument("berakhlak-individu")
DRAFT_KEY = f"asesmen:{INSTRUMENT.id}:{INSTRUMENT.version}:draft"
HISTORY_KEY = f"asesmen:{INSTRUMENT.id}:{INSTRUMENT.version}:history"


def checked(page: Page) -> Any:
    return page.evaluate(
        "Object.fromEntries([...document.querySelectorAll('.asesmen-form input:checked')].map(i => [i.name, i.value]))"
    )


def storage(page: Page) -> Any:
    return page.evaluate("Object.fromEntries(Object.entries(localStorage))")


def test_answers_are_saved_at_once_and_restored_after_a_reload(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    page.check("input[name='bp-1-a'][value='4']")
    page.check("input[name='ak-2-a'][value='1']")
    saved = json.loads(storage(page)[DRAFT_KEY])
    assert saved["answers"] == {"bp-1-a": 4, "ak-2-a": 1}
    page.reload()
    notice = page.locator(".asesmen-draf")
    notice.wait_for(state="visible")
    assert "telah dipulihkan (2 dari 42" in notice.inner_text()
    assert checked(page) == {"bp-1-a": "4", "ak-2-a": "1"}
    assert page.inner_text(".asesmen-kemajuan__jumlah") == "2"
    page.get_by_role("button", name="Lanjutkan").click()
    assert page.evaluate("document.activeElement.name") == "bp-1-b"


def test_starting_over_clears_the_form_and_the_draft(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    page.check("input[name='bp-1-a'][value='4']")
    page.reload()
    page.get_by_role("button", name="Mulai dari awal").click()
    assert checked(page) == {}
    assert DRAFT_KEY not in storage(page)


def seed_and_open(page: Page, base_url: str, key: str, value: str) -> None:
    page.goto(base_url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, value])
    page.goto(base_url + PAGE)


def test_a_corrupted_draft_is_set_aside_with_a_message(page: Page, base_url: str) -> None:
    seed_and_open(page, base_url, DRAFT_KEY, '{"format": 1, "answers": {"bp-1-a": 4')
    notice = page.locator(".asesmen-draf")
    notice.wait_for(state="visible")
    assert "rusak atau telah diubah" in notice.inner_text()
    assert checked(page) == {}
    kept = [v for k, v in storage(page).items() if ":disisihkan:" in k]
    assert kept == ['{"format": 1, "answers": {"bp-1-a": 4']
    assert wait_for_python(page) == "ready"  # the page still works


def test_a_tampered_draft_is_set_aside(page: Page, base_url: str) -> None:
    tampered = {"format": 1, "draft_id": "x", "saved_at": "2026-01-01T00:00:00Z", "answers": {"bp-1-a": 9}}
    seed_and_open(page, base_url, DRAFT_KEY, json.dumps(tampered))
    page.locator(".asesmen-draf").wait_for(state="visible")
    assert "rusak atau telah diubah" in page.inner_text(".asesmen-draf")
    assert checked(page) == {}


def test_a_draft_of_another_instrument_version_is_set_aside(page: Page, base_url: str) -> None:
    other = {"format": 1, "draft_id": "x", "saved_at": "2026-01-01T00:00:00Z", "answers": {"bp-1-a": 3}}
    seed_and_open(page, base_url, f"asesmen:{INSTRUMENT.id}:0.9.0:draft", json.dumps(other))
    page.locator(".asesmen-draf").wait_for(state="visible")
    assert "versi lain" in page.inner_text(".asesmen-draf")
    assert checked(page) == {}
    assert f"asesmen:{INSTRUMENT.id}:0.9.0:draft" not in storage(page)


def test_delete_my_data_removes_everything_the_site_stored(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    page.evaluate("localStorage.setItem('/.__palette', '{}')")  # as Material stores its own keys
    fill(page, dict.fromkeys(ITEMS, 4))
    assert wait_for_python(page) == "ready"
    page.click(".asesmen-kirim__tombol")
    page.wait_for_selector("[data-overall-score]")
    assert HISTORY_KEY in storage(page)
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Hapus data saya").click()
    assert "telah dihapus" in page.inner_text(".asesmen-hapus__pesan")
    assert storage(page) == {}
    assert checked(page) == {}
    page.reload()
    assert page.locator(".asesmen-draf").is_hidden()


def test_results_are_kept_as_history_one_per_completed_draft(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    fill(page, dict.fromkeys(ITEMS, 3))
    page.click(".asesmen-kirim__tombol")
    page.wait_for_selector("[data-overall-score='50.0']")
    page.click(".asesmen-kirim__tombol")  # the same draft again: replaces, not adds
    page.wait_for_selector("[data-overall-score='50.0']")
    assert len(json.loads(storage(page)[HISTORY_KEY])) == 1
    page.reload()
    page.get_by_role("button", name="Mulai dari awal").click()
    assert wait_for_python(page) == "ready"
    fill(page, dict.fromkeys(ITEMS, 4))
    page.click(".asesmen-kirim__tombol")
    page.wait_for_selector("[data-overall-score]")
    history = json.loads(storage(page)[HISTORY_KEY])
    expected = [score(INSTRUMENT, dict.fromkeys(ITEMS, n))["overall"]["index"] for n in (3, 4)]
    assert [entry["result"]["overall"]["index"] for entry in history] == expected


def notice_in_view(page: Page) -> bool:
    return bool(
        page.evaluate(
            """() => { const r = document.querySelector('.asesmen-draf').getBoundingClientRect();
                return r.height > 0 && r.top >= 0 && r.top < innerHeight / 2; }"""
        )
    )


def test_the_last_result_is_shown_again_after_a_reload_without_answering_again(page: Page, base_url: str) -> None:
    answers = {item: (i % 5) + 1 for i, item in enumerate(ITEMS)}
    expected = f"{score(INSTRUMENT, answers)['overall']['index']:.1f}"
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    fill(page, answers)
    page.click(".asesmen-kirim__tombol")
    page.wait_for_selector(f"[data-overall-score='{expected}']")
    history = json.loads(storage(page)[HISTORY_KEY])
    assert history[0]["answers"] == answers  # kept with the result
    # A tampered stored result changes nothing: what is shown is computed again from the answers.
    history[0]["result"]["overall"]["index"] = 12.3
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [HISTORY_KEY, json.dumps(history)])
    page.reload()
    notice = page.locator(".asesmen-draf")
    notice.wait_for(state="visible")
    assert "Hasil terakhir Anda dari" in notice.inner_text()
    assert page.locator("[data-overall-score]").count() == 0
    assert wait_for_python(page) == "ready"
    page.get_by_role("button", name="Tampilkan hasil terakhir").click()
    page.wait_for_selector(f"[data-overall-score='{expected}']")
    assert page.evaluate("document.activeElement.id") == "hasil"
    assert notice.is_hidden()
    assert json.loads(storage(page)[HISTORY_KEY]) == history  # shown again, not added again

    # After starting over the form is empty, and the last result is still on offer.
    page.reload()
    page.get_by_role("button", name="Mulai dari awal").click()
    assert checked(page) == {}
    page.reload()
    notice.wait_for(state="visible")
    assert "tersimpan di perangkat ini" in notice.inner_text()
    assert page.get_by_role("button", name="Lanjutkan").is_hidden()
    page.get_by_role("button", name="Tampilkan hasil terakhir").click()
    page.wait_for_selector(f"[data-overall-score='{expected}']")
    assert checked(page) == {}


def test_an_older_result_kept_without_answers_is_shown_from_its_draft(page: Page, base_url: str) -> None:
    answers = dict.fromkeys(ITEMS, 2)
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    fill(page, answers)
    page.click(".asesmen-kirim__tombol")
    page.wait_for_selector("[data-overall-score]")
    history = json.loads(storage(page)[HISTORY_KEY])
    del history[0]["answers"]  # as kept before answers were kept with results
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [HISTORY_KEY, json.dumps(history)])
    page.reload()
    page.get_by_role("button", name="Tampilkan hasil terakhir").click()
    page.wait_for_selector(f"[data-overall-score='{score(INSTRUMENT, answers)['overall']['index']:.1f}']")
    # Without its draft there is nothing to compute it from: no offer.
    page.reload()
    page.get_by_role("button", name="Mulai dari awal").click()
    page.reload()
    page.wait_for_timeout(300)
    assert page.locator(".asesmen-draf").is_hidden()


def test_the_restore_notice_is_where_the_reader_is_looking(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    page = context.new_page()
    page.goto(base_url + PAGE)
    page.check("input[name='bp-1-a'][value='4']")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # the reader was far down the form
    page.reload()
    page.locator(".asesmen-draf").wait_for(state="visible")
    page.wait_for_timeout(500)  # after the browser's own scroll restoration
    assert notice_in_view(page)
    assert page.evaluate("document.activeElement.classList.contains('asesmen-draf')")
    assert "telah dipulihkan" in page.inner_text(".asesmen-draf")
    assert not re.search(r"python|program penghitung", page.evaluate("document.body.innerText"), re.IGNORECASE)
    context.close()
