"""The evaluation of a perangkat daerah in Chromium: form, "tidak berlaku", errors, result, plan, print."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path
from typing import Any

from playwright.sync_api import Page
from pypdf import PdfReader

from assessment._internal.evaluation import score_evaluation
from assessment._internal.serialize import to_json
from tests.browser.conftest import wait_for_python
from tests.browser.test_accessibility import serious_violations
from tests.evaluation_samples import INSTRUMENT, unit_document

PAGE = "asesmen/perangkat-daerah/"
HOSTILE = '<img src=x onerror="window.__pwned=1">'


def open_form(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"


def fill(page: Page, document: dict[str, Any]) -> None:
    page.fill("#evaluasi-unit", document["unit"])
    page.fill("#evaluasi-periode", document["period"])
    for item, value in document["answers"].items():
        page.locator(f"#{item}-{value}").check()
    for item, reason in document.get("not_applicable", {}).items():
        page.fill(f"#{item}__alasan", reason)
    for item, note in document.get("evidence", {}).items():
        page.fill(f"#{item}__bukti", note)


def sample(seed: int = 3, **extra: object) -> dict[str, Any]:
    document: dict[str, Any] = unit_document("Dinas Kesehatan", random.Random(seed))
    document["answers"]["tim-kerja"] = "na"
    document["not_applicable"]["tim-kerja"] = "Tidak ada pekerjaan lintas unit tahun ini"
    return document | extra


def test_radios_are_named_by_item_with_levels_and_na_and_nothing_is_selected(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    radios = page.evaluate(
        """() => {
            const out = {};
            for (const r of document.querySelectorAll('.evaluasi-form input[type=radio]')) {
                (out[r.name] ??= []).push(r.value + (r.checked ? '*' : ''));
            }
            return out;
        }"""
    )
    expected = {
        item.id: ["0", "1", "2", "3", "4"] + (["na"] if item.not_applicable else []) for item in INSTRUMENT.items
    }
    assert radios == expected
    assert page.locator(".evaluasi-butir").count() == 20
    for item in INSTRUMENT.items:
        assert page.locator(f"#{item.id}__bukti").count() == 1
        assert page.locator(f"label[for='{item.id}-0']").inner_text().endswith(item.levels[0])


def test_errors_are_summarised_and_na_needs_a_reason(page: Page, base_url: str) -> None:
    open_form(page, base_url)
    page.locator("#tim-kerja-na").check()
    assert page.locator("#tim-kerja__alasan").is_visible()
    assert not page.locator("#agen-perubahan__alasan").is_visible()
    page.get_by_role("button", name="Lihat hasil").click()
    summary = page.locator(".evaluasi-ringkasan-galat")
    summary.wait_for(state="visible")
    links = summary.locator("li a").all_inner_texts()
    assert links[0].startswith("Nama perangkat daerah wajib diisi")
    assert links[1].startswith("Periode evaluasi wajib diisi")
    assert "Butir 7: tulis alasan mengapa butir ini tidak berlaku" in links
    assert len(links) == 2 + 20
    assert page.evaluate("document.activeElement.classList.contains('evaluasi-ringkasan-galat')")
    summary.get_by_text("Butir 7: tulis alasan").click()
    assert page.evaluate("document.activeElement.id") == "tim-kerja__alasan"
    assert page.locator("#galat-tim-kerja").inner_text() == "Butir 7: tulis alasan mengapa butir ini tidak berlaku"
    assert page.locator("[data-overall-score]").count() == 0


def test_result_equals_python_and_the_download_equals_the_cli(page: Page, base_url: str, tmp_path: Path) -> None:
    document = sample(unit=HOSTILE, evidence={"pk-kepala": "PK 2026 di " + HOSTILE, "spbe": "Rekap aplikasi"})
    open_form(page, base_url)
    fill(page, document)
    page.get_by_role("button", name="Lihat hasil").click()
    page.wait_for_selector("[data-overall-score]")
    expected = score_evaluation(INSTRUMENT, document)
    overall = page.locator("[data-overall-score]")
    assert overall.get_attribute("data-overall-score") == f"{expected['overall']['index']:.1f}"
    band = expected["overall"]["band"]
    assert band is not None
    assert overall.get_attribute("data-band") == band["id"]
    shown = {
        e.get_attribute("data-dimension"): e.get_attribute("data-score")
        for e in page.locator("[data-dimension][data-score]").all()
    }
    assert shown == {d["id"]: f"{d['index']:.1f}" for d in expected["dimensions"]}
    assert page.locator("[data-gap]").evaluate_all("els => els.map(e => e.dataset.gap)") == [
        g["item"] for g in expected["gaps"][:5]
    ]
    assert (
        page.locator("[data-tidak-berlaku='tim-kerja']").inner_text().endswith(document["not_applicable"]["tim-kerja"])
    )
    assert page.evaluate("window.__pwned") is None
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh hasil (JSON)").click()
    path = tmp_path / "hasil.json"
    download.value.save_as(path)
    assert path.read_text(encoding="utf-8") == to_json(expected)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["unit"], data["period"]) == (HOSTILE, document["period"])
    assert data["evidence"]["pk-kepala"].startswith("PK 2026")


def test_fields_and_the_action_plan_are_kept_on_the_device(page: Page, base_url: str) -> None:
    document = sample(evidence={"spbe": "Rekap aplikasi di map Umum"})
    open_form(page, base_url)
    fill(page, document)
    page.get_by_role("button", name="Lihat hasil").click()
    page.wait_for_selector("[data-overall-score]")
    first = page.locator("[data-rencana]").first.get_attribute("data-rencana")
    page.fill(f"[name='{first}:siapa']", "Sekretaris")
    page.fill(f"[name='{first}:kapan']", "31 Maret 2027")
    page.reload()
    assert wait_for_python(page) == "ready"
    assert page.locator(".evaluasi-draf").is_visible()
    assert page.locator("#evaluasi-unit").input_value() == "Dinas Kesehatan"
    assert page.locator("#tim-kerja-na").is_checked()
    assert page.locator("#tim-kerja__alasan").input_value() == document["not_applicable"]["tim-kerja"]
    assert page.locator("#spbe__bukti").input_value() == "Rekap aplikasi di map Umum"
    page.get_by_role("button", name="Lihat hasil").click()
    page.wait_for_selector("[data-overall-score]")
    assert page.locator(f"[name='{first}:siapa']").input_value() == "Sekretaris"
    assert page.locator(f".rencana__salinan[data-salinan='{first}:kapan']").inner_text() == "31 Maret 2027"


def test_a_broken_draft_is_set_aside_and_the_form_starts_empty(page: Page, base_url: str) -> None:
    page.goto(base_url)
    key = f"asesmen:{INSTRUMENT.id}:{INSTRUMENT.version}:draft"
    page.evaluate('([k]) => localStorage.setItem(k, \'{"format": 1, "answers": {"spbe": "9"}\')', [key])
    open_form(page, base_url)
    assert "disisihkan" in page.locator(".evaluasi-draf").inner_text()
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.includes(':disisihkan:'))")
    assert len(kept) == 1
    assert page.evaluate("([k]) => localStorage.getItem(k)", [key]) is None
    assert page.locator(".evaluasi-form input:checked").count() == 0


def test_works_at_360_px_and_the_action_plan_prints_on_a4(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    open_form(page, base_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    fill(page, sample())
    page.get_by_role("button", name="Lihat hasil").click()
    page.wait_for_selector("[data-overall-score]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.evaluate("document.documentElement.classList.add('mencetak-evaluasi')")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = "".join(p.extract_text() for p in pdf.pages)
    assert len(pdf.pages) <= 5
    assert "Rencana aksi" in text
    assert "Panduan yang membantu" in text
    assert "Lihat hasil" not in text  # the form is not printed
    plan_page = next(n for n, p in enumerate(pdf.pages) if "Rencana aksi" in p.extract_text())
    assert "Langkah 5" in pdf.pages[plan_page].extract_text()  # the whole plan on one A4 page


def test_the_page_the_errors_and_the_result_have_no_serious_accessibility_violations(page: Page, base_url: str) -> None:
    open_form(page, base_url)
    assert serious_violations(page, ".md-content") == []
    page.locator("#tim-kerja-na").check()
    page.get_by_role("button", name="Lihat hasil").click()
    page.locator(".evaluasi-ringkasan-galat").wait_for(state="visible")
    assert serious_violations(page, ".md-content") == []
    fill(page, sample())
    page.get_by_role("button", name="Lihat hasil").click()
    page.wait_for_selector("[data-overall-score]")
    assert serious_violations(page, "#hasil") == []
