"""The recap of perangkat daerah in Chromium: ten result files and a bad one, equal to the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import FilePayload, Page

from tests.browser.conftest import wait_for_python
from tests.browser.test_accessibility import serious_violations
from tests.evaluation_samples import INSTRUMENT, unit_files

PAGE = "asesmen/rekap-perangkat-daerah/"


def recap_via_page(page: Page, base_url: str, files: list[tuple[str, str]]) -> Any:
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    payload: list[FilePayload] = [
        {"name": n, "mimeType": "application/json", "buffer": t.encode("utf-8")} for n, t in files
    ]
    page.set_input_files("#berkas-hasil", payload)
    page.get_by_role("button", name="Rekap").click()
    page.wait_for_selector("[data-recap-n]", timeout=60_000)
    return page.evaluate(
        """() => ({
            n: document.querySelector('[data-recap-n]').textContent,
            means: Object.fromEntries([...document.querySelectorAll('[data-recap-dimension]')]
                .map(e => [e.dataset.recapDimension, e.dataset.mean])),
            cells: [...document.querySelectorAll('[data-recap-cell]')]
                .map(e => [e.dataset.unit, e.dataset.dimension, e.dataset.score, e.className]),
            errors: [...document.querySelectorAll('[data-recap-error]')].map(e => e.dataset.file),
            weak: [...document.querySelectorAll('[data-recap-item]')].map(e => e.dataset.recapItem),
        })"""
    )


def test_ten_files_and_a_bad_one_equal_the_cli(page: Page, base_url: str, tmp_path: Path) -> None:
    files = [*unit_files(seed=11), ("rusak.json", '{"unit": "Dinas')]
    seen = recap_via_page(page, base_url, files)
    paths = []
    for name, text in files:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    cli = subprocess.run(
        [sys.executable, "-m", "assessment", "recap", "--instrument", INSTRUMENT.id, *paths, "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 1
    data = json.loads(cli.stdout)
    assert seen["n"] == str(data["n"]) == "10"
    assert seen["means"] == {d["id"]: f"{d['mean']:.1f}" for d in data["dimensions"]}
    assert seen["errors"] == [p["source"] for p in data["problems"]] == ["rusak.json"]
    assert seen["weak"] == [i["id"] for i in data["weak_items"]]
    expected_cells = []
    for row in data["rows"]:
        for d in data["dimensions"]:
            value, band = row["dimensions"][d["id"]], row["bands"][d["id"]]
            expected_cells.append([row["label"], d["id"], "" if value is None else f"{value:.1f}", band or "kosong"])
        expected_cells.append([row["label"], "", f"{row['overall']:.1f}", row["overall_band"]])
    assert [[u, d, s, c.removeprefix("tingkat tingkat--")] for u, d, s, c in seen["cells"]] == expected_cells
    assert str(page.locator(".rekap-aksi__unduh").get_attribute("href")).startswith("blob:")
    assert serious_violations(page, ".rekap-hasil") == []


def test_the_recap_reads_at_360_px_and_prints(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    recap_via_page(page, base_url, unit_files(seed=5))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.evaluate("document.documentElement.classList.add('mencetak-rekap')")
    page.emulate_media(media="print")
    assert page.locator(".rekap-form").is_hidden()
    assert page.locator(".rekap__peta").is_visible()
