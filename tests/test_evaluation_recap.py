"""The recap of units: result files rescored by the one recap engine, the units view, CSV, Markdown, CLI."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

from assessment._internal.evaluation import score_evaluation
from assessment._internal.recap import read_files, summarise
from assessment._internal.recap_units import render_units_csv, render_units_document, render_units_html
from assessment._internal.scoring import round_tenths
from assessment._internal.serialize import to_json
from tests.evaluation_samples import INSTRUMENT, unit_document, unit_files

HOSTILE = '=HYPERLINK("x")<img src=x onerror=alert(1)>'


def recap_of(files: list[tuple[str, str]]):
    return summarise(INSTRUMENT, *read_files(INSTRUMENT, [(n, t.encode()) for n, t in files]))


def mean(values: list[float]) -> float:
    total = sum((Fraction(str(v)) for v in values), Fraction(0)) / len(values)
    return round_tenths(total.numerator, total.denominator) / 10


def test_ten_units_are_recapped_from_their_answers():
    files = unit_files()
    results = [json.loads(text) for _, text in files]
    recap = recap_of(files)
    assert recap["n"] == 10
    assert [row["label"] for row in recap["rows"]] == [r["unit"] for r in results]
    assert {row["period"] for row in recap["rows"]} == {"Tahun 2026"}
    for position, dimension in enumerate(recap["dimensions"]):
        values = [r["dimensions"][position]["index"] for r in results]
        assert dimension["mean"] == mean([v for v in values if v is not None])
        assert dimension["n"] == sum(v is not None for v in values)
    assert recap["rows"][0]["bands"] == {d["id"]: d["band"]["id"] for d in results[0]["dimensions"]}


def test_a_tampered_figure_does_not_count_the_answers_do():
    name, text = unit_files()[0]
    data = json.loads(text)
    data["overall"]["index"] = 100.0
    data["dimensions"][0]["index"] = 100.0
    recap = recap_of([(name, json.dumps(data))])
    assert recap["rows"][0]["overall"] == json.loads(text)["overall"]["index"]


def test_bad_foreign_and_duplicate_files_are_named_and_the_rest_recapped():
    files = unit_files()
    foreign = json.loads(files[1][1]) | {"instrument": {"id": "berakhlak-individu", "version": "2.0.0"}}
    other_version = json.loads(files[2][1])
    other_version["instrument"]["version"] = "0.9"
    no_reason = json.loads(files[3][1])
    no_reason["answers"]["tim-kerja"] = "na"
    no_reason["not_applicable"] = {}
    extra = [
        ("rusak.json", '{"unit": "Dinas'),
        ("lain.json", json.dumps(foreign)),
        ("versi.json", json.dumps(other_version)),
        ("ganda.json", files[0][1]),
        ("tanpa-alasan.json", json.dumps(no_reason)),
    ]
    recap = recap_of(files + extra)
    assert recap["n"] == 10
    reasons = {p["source"]: p["reason"] for p in recap["problems"]}
    assert set(reasons) == {"rusak.json", "lain.json", "versi.json", "ganda.json", "tanpa-alasan.json"}
    assert reasons["ganda.json"] == "duplikat berkas hasil-01.json"
    assert "bukan JSON yang sah" in reasons["rusak.json"]
    assert "hasil instrumen lain" in reasons["lain.json"]
    assert "'0.9'" in reasons["versi.json"]
    assert "alasan tidak berlaku wajib diisi" in reasons["tanpa-alasan.json"]


def test_the_same_answers_of_another_period_are_not_a_duplicate():
    name, text = unit_files()[0]
    later = json.loads(text) | {"period": "Tahun 2027"}
    assert recap_of([(name, text), ("2027.json", json.dumps(later))])["n"] == 2


def test_weakest_items_have_the_lowest_mean_level_and_skip_not_applicable():
    documents: list[dict[str, Any]] = [
        {
            "unit": f"Unit {n}",
            "period": "2026",
            "answers": {item.id: 3 for item in INSTRUMENT.items}
            | {"spbe": n % 2, "agen-perubahan": "na", "teladan": 1},
            "not_applicable": {"agen-perubahan": "belum ditunjuk"},
        }
        for n in range(4)
    ]
    documents[0]["answers"]["teladan"] = 2  # teladan: 1,1,1,2 -> mean 1.25; spbe: 0,1,0,1 -> 0.5
    files = [(f"u{n}.json", to_json(score_evaluation(INSTRUMENT, d))) for n, d in enumerate(documents)]
    weak = recap_of(files)["weak_items"]
    assert [(w["id"], w["mean_level"], w["low"], w["n"]) for w in weak[:2]] == [
        ("spbe", 0.5, 4, 4),
        ("teladan", 1.3, 3, 4),
    ]
    assert "agen-perubahan" not in [w["id"] for w in weak]


def test_the_heat_map_has_a_class_number_and_band_name_per_cell_and_escapes_names():
    rng = __import__("random").Random(1)
    files = [("x.json", to_json(score_evaluation(INSTRUMENT, unit_document(HOSTILE, rng))))]
    recap = recap_of(files + unit_files(seed=2)[:3])
    html = render_units_html(recap)
    assert "<img" not in html
    assert "&lt;img" in html
    cells = re.findall(r'<td class="tingkat tingkat--([a-z-]+)"[^>]*data-recap-cell[^>]*data-score="([0-9.]*)"', html)
    assert len(cells) == 4 * (len(INSTRUMENT.dimensions) + 1)
    for band, score in cells:
        assert (band == "kosong") == (score == "")
    assert 'style="' not in html
    assert html.count("data-recap-dimension=") == len(INSTRUMENT.dimensions)
    assert re.search(r"<span data-recap-n>4</span>", html)
    document = render_units_document(recap)
    assert "<script" not in document
    assert "<link" not in document


def test_csv_has_one_row_per_unit_and_the_kabupaten_mean_and_neutralises_formulas():
    rng = __import__("random").Random(1)
    files = [("x.json", to_json(score_evaluation(INSTRUMENT, unit_document(HOSTILE, rng))))]
    recap = recap_of(files + unit_files()[:2])
    rows = list(csv.reader(io.StringIO(render_units_csv(recap)), delimiter=";"))
    assert rows[0][:3] == ["perangkat_daerah", "periode", "perencanaan-kinerja"]
    assert rows[1][0].startswith("'=HYPERLINK")
    assert rows[-1][:2] == ["Rata-rata kabupaten", ""]
    assert rows[-1][2] == str(recap["dimensions"][0]["mean"]).replace(".", ",")
    assert len(rows) == 1 + 3 + 1


def test_the_cli_gives_the_same_numbers(tmp_path: Path):
    paths = []
    for name, text in [*unit_files(), ("rusak.json", "{")]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    command = [sys.executable, "-m", "assessment", "recap", "--instrument", INSTRUMENT.id, *paths]
    data = json.loads(
        subprocess.run([*command, "--format", "json"], capture_output=True, text=True, check=False).stdout
    )
    expected = recap_of(unit_files())
    assert data["n"] == 10
    assert [d["mean"] for d in data["dimensions"]] == [d["mean"] for d in expected["dimensions"]]
    assert data["rows"] == expected["rows"]
    assert [p["source"] for p in data["problems"]] == ["rusak.json"]
    html = subprocess.run([*command, "--format", "html"], capture_output=True, text=True, check=False)
    assert html.returncode == 1
    assert html.stdout.startswith("<!DOCTYPE html>")
    assert "data-recap-cell" in html.stdout
    assert "rusak.json" in html.stderr
    for fmt, marker in (("md", "| **Rata-rata kabupaten** |"), ("csv", "Rata-rata kabupaten;")):
        out = subprocess.run([*command, "--format", fmt], capture_output=True, text=True, check=False).stdout
        assert marker in out
