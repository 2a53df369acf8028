"""A unit's evaluation for readers (view, document, Markdown), through the service and the CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assessment._internal.evaluation import score_evaluation
from assessment._internal.evaluation_view import (
    render_evaluation_document,
    render_evaluation_html,
    render_evaluation_markdown,
)
from assessment._internal.serialize import to_json
from assessment._internal.service import handle
from scripts.assessment_markdown import MarkerError, render_marker
from tests.evaluation_samples import INSTRUMENT
from tests.test_evaluation import doc, parse

HOSTILE = "<script>alert(1)</script>"


def answers(**override: object) -> dict[str, object]:
    values: dict[str, object] = {item.id: position % 5 for position, item in enumerate(INSTRUMENT.items)}
    return values | override


def test_the_view_keeps_the_result_contract():
    result = score_evaluation(INSTRUMENT, doc(answers(**{"tim-kerja": "na"})))
    html = render_evaluation_html(INSTRUMENT, result, "../../")
    overall = re.search(r'data-overall-score="([0-9.]+)" data-band="([a-z-]+)"', html)
    assert overall is not None
    assert float(overall[1]) == result["overall"]["index"]
    band = result["overall"]["band"]
    assert band is not None
    assert overall[2] == band["id"]
    scores = dict(re.findall(r'data-dimension="([a-z-]+)" data-score="([0-9.]*)"', html))
    assert scores == {d["id"]: f"{d['index']:.1f}" for d in result["dimensions"]}
    assert "bukan instrumen resmi" in html
    assert 'style="' not in html


def test_gaps_and_the_action_plan_follow_the_effect_order_and_link_the_guides():
    result = score_evaluation(INSTRUMENT, doc(answers()))
    html = render_evaluation_html(INSTRUMENT, result, "../../")
    shown = re.findall(r'data-gap="([a-z-]+)"', html)
    planned = re.findall(r'data-rencana="([a-z-]+)"', html)
    assert shown == planned == [g["item"] for g in result["gaps"][:5]]
    assert len(shown) == 5
    assert re.search(r'href="\.\./\.\./panduan/[a-z-]+/"', html)
    for name in ("apa", "siapa", "kapan", "bukti"):
        assert f'name="{shown[0]}:{name}"' in html


def test_a_component_that_cannot_be_assessed_says_so():
    instrument = parse()
    result = score_evaluation(instrument, doc({"a": 4, "b": 4, "c": 4, "d": 1, "e": "na", "f": "na"}))
    html = render_evaluation_html(instrument, result)
    assert 'data-overall-score="" data-band=""' in html
    assert 'data-dimension="d2" data-score=""' in html
    assert "belum dapat dinilai" in html
    assert "belum dapat dinilai" in render_evaluation_markdown(instrument, result)


def test_what_the_unit_typed_is_shown_as_text():
    document = doc(answers(**{"tim-kerja": "na"}), unit=HOSTILE, period=HOSTILE, evidence={"spbe": HOSTILE})
    document["not_applicable"] = {"tim-kerja": HOSTILE}
    result = score_evaluation(INSTRUMENT, document)
    for text in (render_evaluation_html(INSTRUMENT, result), render_evaluation_document(INSTRUMENT, result)):
        assert "<script>" not in text
        assert text.count("&lt;script&gt;") >= 4
    assert "<script>" not in render_evaluation_markdown(INSTRUMENT, result)


def test_the_service_answers_with_the_cli_json(tmp_path: Path):
    document = doc(answers(**{"agen-perubahan": "na"}), evidence={"pk-kepala": "PK di map"})
    reply = json.loads(handle(json.dumps({"instrument": INSTRUMENT.id, "base_url": "../../", **document})))
    assert reply["ok"]
    source = tmp_path / "isian.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    cli = subprocess.run(
        [sys.executable, "-m", "assessment", "score", "--instrument", INSTRUMENT.id, str(source)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert cli.stdout == reply["json"] == to_json(score_evaluation(INSTRUMENT, document))
    result_file = tmp_path / "hasil.json"
    result_file.write_text(reply["json"], encoding="utf-8")
    for fmt, marker in (("md", "## Rencana aksi"), ("html", "<!DOCTYPE html>"), ("json", '"gaps"')):
        report = subprocess.run(
            [
                sys.executable,
                "-m",
                "assessment",
                "report",
                "--instrument",
                INSTRUMENT.id,
                str(result_file),
                "--format",
                fmt,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        assert marker in report.stdout


def test_the_service_lists_every_problem_with_the_fields():
    request = {"instrument": INSTRUMENT.id, "answers": {"spbe": "na", "teladan": 9}, "unit": " "}
    reply = json.loads(handle(json.dumps(request)))
    assert not reply["ok"]
    error = reply["error"]
    assert set(error["fields"]) == {"unit", "period"}
    assert error["invalid"] == {
        "spbe": "butir ini tidak boleh dinyatakan tidak berlaku",
        "teladan": "di luar skala 0–4: 9",
    }
    assert len(error["missing"]) == len(INSTRUMENT.items) - 2


def test_a_recap_of_units_needs_files():
    reply = json.loads(handle(json.dumps({"instrument": INSTRUMENT.id, "action": "recap", "lines": "ABCD"})))
    assert not reply["ok"]
    assert "berkas hasil" in reply["error"]["message"]


def test_the_cli_refuses_bad_input_in_one_line(tmp_path: Path):
    source = tmp_path / "isian.json"
    source.write_text('{"answers": {}}', encoding="utf-8")
    cli = subprocess.run(
        [sys.executable, "-m", "assessment", "score", "--instrument", INSTRUMENT.id, str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 2
    assert cli.stderr.startswith("galat: nama perangkat daerah wajib diisi")
    assert cli.stderr.count("\n") == 1


def test_the_form_marker_needs_an_evidence_based_instrument():
    with pytest.raises(MarkerError, match="bukan evaluasi berbasis bukti"):
        render_marker("evaluasi", ["berakhlak-individu"])
    form = render_marker("evaluasi", [INSTRUMENT.id])
    assert form.count('type="radio"') == 5 * len(INSTRUMENT.items) + 3
    assert 'name="alasan:tim-kerja"' in form
    assert form.count('name="bukti:') == len(INSTRUMENT.items)
    assert "checked" not in form
