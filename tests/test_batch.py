"""Scoring a CSV of many respondents: bad rows, the fast path, and the summary."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment import Batch, parse_instrument, score
from tests.batch_samples import INSTRUMENT, ITEMS, answers, batch, csv_text, row
from tests.instrument_factory import answers_for, instrument_specs
from tests.scoring_oracle import oracle_score
from tests.scoring_oracle import round_index as oracle_round


def run(text: str | bytes) -> tuple[list[Any], dict[str, Any]]:
    b = batch(text)
    outcomes = list(b.rows())
    return outcomes, dict(b.summary.to_dict())


def test_tab_delimiter_and_label_column_preference() -> None:
    header = ["nama", *ITEMS, "ID"]
    outcomes, summary = run(csv_text([["Budi", *row(3), "R-7"]], header, delimiter="\t"))
    assert outcomes[0].label == "R-7"
    assert summary["scored"] == 1


def test_bad_rows_are_named_by_spreadsheet_row_and_good_rows_still_scored() -> None:
    rows = [
        row(4),
        row(4, **{"bp-1-a": ""}),
        row(4, **{"ak-1-a": "4,5", "ak-1-b": "9"}),
        [""] * len(ITEMS),
        row(2),
        [*row(4), "sel lebih"],
    ]
    outcomes, summary = run(csv_text(rows))
    assert [o.row for o in outcomes] == [2, 3, 4, 6, 7]
    assert [o.result is not None for o in outcomes] == [True, False, False, True, False]
    assert summary["bad_rows"] == [
        {"row": 3, "label": None, "reason": "1 butir belum dijawab: bp-1-a"},
        {
            "row": 4,
            "label": None,
            "reason": "jawaban tidak sah: ak-1-a: harus bilangan bulat 1–5, bukan '4,5'; ak-1-b: di luar skala 1–5: 9",
        },
        {
            "row": 7,
            "label": None,
            "reason": f"baris berisi {len(ITEMS) + 1} sel, lebih banyak dari {len(ITEMS)} kolom judul"
            " (periksa pemisah)",
        },
    ]
    assert (summary["rows"], summary["scored"], summary["bad"], summary["empty_skipped"]) == (5, 2, 3, 1)


@pytest.mark.parametrize("cell", ["x" * 1_000_000, "1" * 5000, "4" + ".0" * 100_000])
def test_a_huge_cell_is_quoted_short(cell: str) -> None:
    outcomes, _ = run(csv_text([row(4, **{"bp-1-a": cell})]))
    assert outcomes[0].error.startswith(f"jawaban tidak sah: bp-1-a: harus bilangan bulat 1–5, bukan '{cell[:3]}")
    assert len(outcomes[0].error) < 200


def test_cells_off_the_fast_path_score_the_same() -> None:
    # spaces, labels in odd case, a short row: the full parser takes these, with the same result
    plain = row(4)
    odd = [f" {cell} " for cell in plain]
    odd[0] = "sERING"
    outcomes, _ = run(csv_text([plain, odd]))
    assert outcomes[0].result == outcomes[1].result == score(INSTRUMENT, answers(plain))


def test_summary_means_and_distributions() -> None:
    answer_sets = [answers(row(v)) for v in (5, 4, 1)]
    answer_sets[1]["ad-1-a"] = 1
    rows = [[str(a[item]) for item in ITEMS] for a in answer_sets]
    _, summary = run(csv_text([*rows, row(4, **{"kl-1-a": ""})]))
    results = [score(INSTRUMENT, a) for a in answer_sets]
    total = sum((Fraction(str(r["overall"]["index"])) for r in results), Fraction(0))
    assert summary["overall"]["mean"] == oracle_round(total / 3)
    overall_bands = {b["id"]: b["count"] for b in summary["overall"]["bands"]}
    top, *_, bottom = INSTRUMENT.bands
    expected_bands = dict.fromkeys((b.id for b in INSTRUMENT.bands), 0)
    for result in results:
        expected_bands[result["overall"]["band"]["id"]] += 1
    assert overall_bands == expected_bands
    assert overall_bands[top.id] == overall_bands[bottom.id] == 1
    adaptif = next(d for d in summary["dimensions"] if d["id"] == "adaptif")
    adaptif_indexes = [next(d["index"] for d in r["dimensions"] if d["id"] == "adaptif") for r in results]
    assert adaptif_indexes == [100.0, 62.5, 0.0]
    assert adaptif["mean"] == 54.2
    assert {e["id"]: e["count"] for e in adaptif["expectations"]} == {
        "di-atas-ekspektasi": 1,
        "sesuai-ekspektasi": 1,
        "di-bawah-ekspektasi": 1,
    }
    assert summary["scored"] == 3
    assert summary["bad"] == 1


def test_no_scored_rows_gives_empty_means() -> None:
    _, summary = run(csv_text([row(4, **{"bp-1-a": ""})]))
    assert summary["overall"]["mean"] is None
    assert summary["dimensions"][0]["mean"] is None


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.integers(min_value=1, max_value=5), min_size=len(ITEMS), max_size=len(ITEMS)), max_size=6))
def test_each_row_scores_like_the_oracle(rows: list[list[int]]) -> None:
    outcomes, summary = run(csv_text([[str(v) for v in r] for r in rows], delimiter=";"))
    expected = [oracle_score(INSTRUMENT, dict(zip(ITEMS, r, strict=True))) for r in rows]
    assert [o.result for o in outcomes] == expected
    assert summary["scored"] == len(rows)
    assert all(sum(b["count"] for b in d["bands"]) == len(rows) for d in summary["dimensions"])


def oracle_summary_means(instrument: Any, results: list[dict[str, Any]]) -> list[float | None]:
    def mean(values: list[float]) -> float | None:
        return oracle_round(sum((Fraction(str(v)) for v in values), Fraction(0)) / len(values)) if values else None

    means = [mean([r["overall"]["index"] for r in results])]
    for position in range(len(instrument.dimensions)):
        means.append(mean([r["dimensions"][position]["index"] for r in results]))
    return means


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_batches_of_random_instruments_equal_the_oracle(data: st.DataObject) -> None:
    spec = data.draw(instrument_specs())
    instrument = parse_instrument(spec.toml, "acak.toml")
    answer_sets = data.draw(st.lists(answers_for(spec), max_size=5))
    header = [item.id for item in instrument.items]
    lines = [[str(a.get(ident, "")) for ident in header] for a in answer_sets]
    b = Batch(instrument, csv_text(lines, header).encode().splitlines(keepends=True))
    outcomes = list(b.rows())
    expected = [oracle_score(instrument, a) for a in answer_sets]
    assert [o.result for o in outcomes] == expected
    summary = b.summary.to_dict()
    means = [summary["overall"]["mean"], *(d["mean"] for d in summary["dimensions"])]
    assert means == oracle_summary_means(instrument, expected)
    for position, dimension in enumerate(summary["dimensions"]):
        bands = {b["id"]: b["count"] for b in dimension["bands"]}
        for result in expected:
            bands[result["dimensions"][position]["band"]["id"]] -= 1
        assert set(bands.values()) <= {0}
