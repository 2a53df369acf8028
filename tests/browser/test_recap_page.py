"""The group recap page: pasted codes and digit rows → worker → assessment (Pyodide) → recap view."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

from assessment import load_instrument, parse_instrument
from assessment._internal.recap import read_lines, summarise
from assessment._internal.result_code import encode
from tests.instrument_factory import MINIMAL

INSTRUMENT = load_instrument("berakhlak-individu")
PAGE = "presentasi/rekap/"
HOSTILE = '<img src=x onerror="window.__pwned=1">'


def room(size: int, seed: int) -> list[str]:
    """Lines as a trainer would paste them from a room: codes in mixed case, digit rows, mistakes."""
    rng = random.Random(seed)
    people = [{item.id: rng.randint(1, 5) for item in INSTRUMENT.items} for _ in range(size)]
    lines = [encode(INSTRUMENT, answers) for answers in people]
    lines[1] = lines[1].lower()
    lines[2] = " ".join(str(people[2][item.id]) for item in INSTRUMENT.items)
    typo = lines[3][:-1] + ("0" if lines[3][-1] != "0" else "1")
    foreign = encode(parse_instrument(MINIMAL), {"a": 1, "b": 2, "c": 3, "d": 4})
    return [*lines, "", typo, lines[0], foreign, "4" * 41, HOSTILE]


def shown(page: Page) -> Any:
    return page.evaluate(
        """() => ({
            n: document.querySelector('[data-recap-n]').textContent,
            means: Object.fromEntries([...document.querySelectorAll('[data-recap-dimension]')]
                .map(e => [e.dataset.recapDimension, e.dataset.mean])),
            errors: [...document.querySelectorAll('[data-recap-error]')].map(e => Number(e.dataset.line)),
        })"""
    )


def recap_via_page(page: Page, base_url: str, lines: list[str]) -> Any:
    page.goto(base_url + PAGE)
    page.get_by_label("Kode hasil peserta").fill("\n".join(lines))
    page.get_by_role("button", name="Rekap").click()
    page.wait_for_selector("[data-recap-n]", timeout=60_000)
    return shown(page)


def test_recap_on_the_page_equals_python(page: Page, base_url: str) -> None:
    lines = room(40, seed=9)
    seen = recap_via_page(page, base_url, lines)
    expected = summarise(INSTRUMENT, *read_lines(INSTRUMENT, "\n".join(lines)))
    assert seen["n"] == str(expected["n"]) == "40"
    assert seen["means"] == {d["id"]: f"{d['mean']:.1f}" for d in expected["dimensions"]}
    assert seen["errors"] == [p["line"] for p in expected["problems"]] == [42, 43, 44, 45, 46]
    assert page.evaluate("window.__pwned") is None
    assert str(page.locator(".rekap-aksi__unduh").get_attribute("href", timeout=1000)).startswith("blob:")


def test_recap_on_the_page_equals_the_cli(page: Page, base_url: str, tmp_path: Path) -> None:
    lines = room(12, seed=3)
    seen = recap_via_page(page, base_url, lines)
    source = tmp_path / "kode.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    cli = subprocess.run(
        [sys.executable, "-m", "assessment", "recap", "--instrument", INSTRUMENT.id, str(source), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    data = json.loads(cli.stdout)
    assert seen["n"] == str(data["n"])
    assert seen["means"] == {d["id"]: f"{d['mean']:.1f}" for d in data["dimensions"]}
    assert seen["errors"] == [p["line"] for p in data["problems"]]


def test_recap_fits_a_phone(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    recap_via_page(page, base_url, room(5, seed=1))
    wide = page.evaluate(
        """() => [...document.querySelectorAll('.rekap-hasil *')]
            .filter(e => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1
                && getComputedStyle(e).overflowX !== 'visible')
            .map(e => e.tagName)"""
    )
    assert wide == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
