"""Accessibility: axe-core in Chromium on every whole page, the form, the result; keyboard-only completion."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from assessment import load_instrument, score
from tests.browser.conftest import wait_for_python
from tests.browser.test_assessment_page import ITEMS, PAGE, fill

INSTRUMENT = load_instrument("berakhlak-individu")


def serious_violations(page: Page, selector: str | None = None) -> list[dict[str, Any]]:
    """Serious and critical axe violations in ``selector``, or in the whole page (theme included)."""
    results = Axe().run(page, context=selector)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_every_page_of_the_site_has_no_serious_violations(page: Page, site_dir: Path, base_url: str) -> None:
    pages = sorted(
        path.relative_to(site_dir).as_posix().removesuffix("index.html") for path in site_dir.rglob("*.html")
    )
    assert len(pages) > 20
    found = {}
    for path in pages:
        page.goto(base_url + path)
        if violations := serious_violations(page):
            found[path] = violations
    assert found == {}


def test_the_form_has_no_serious_accessibility_violations(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    wait_for_python(page)
    assert serious_violations(page, ".md-content") == []


def test_the_error_summary_and_the_result_have_no_serious_violations(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    page.click(".asesmen-kirim__tombol")
    page.locator(".asesmen-ringkasan-galat").wait_for(state="visible")
    assert serious_violations(page, ".asesmen-ringkasan-galat") == []
    fill(page, {item: (i % 5) + 1 for i, item in enumerate(ITEMS)})
    page.click(".asesmen-kirim__tombol")
    page.wait_for_selector("[data-overall-score]")
    assert serious_violations(page, "#hasil") == []


def test_the_form_can_be_completed_with_the_keyboard_alone(page: Page, base_url: str) -> None:
    answers = {item: (i % 5) + 1 for i, item in enumerate(ITEMS)}
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    page.locator(".md-content h1").click()  # a click on plain text: focus starts before the form
    for item, value in answers.items():
        while page.evaluate("document.activeElement.name") != item:
            page.keyboard.press("Tab")
        if value == 1:
            page.keyboard.press("Space")
        for _ in range(value - 1):
            page.keyboard.press("ArrowDown")
    while not page.evaluate("document.activeElement.classList.contains('asesmen-kirim__tombol')"):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-overall-score]")
    expected = score(INSTRUMENT, answers)
    assert page.get_attribute("[data-overall-score]", "data-overall-score") == f"{expected['overall']['index']:.1f}"
    assert page.evaluate("document.activeElement.id") == "hasil"
