from __future__ import annotations

import json
import random
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from assessment import load_instrument, parse_instrument, score
from assessment._internal.recap import read_files, read_lines, summarise
from assessment._internal.result_code import encode
from assessment._internal.scoring import round_index
from tests.instrument_factory import MINIMAL

BERAKHLAK = load_instrument("berakhlak-individu")
answer_sets = st.fixed_dictionaries({item.id: st.integers(1, 5) for item in BERAKHLAK.items})


def _answers(seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    return {item.id: rng.randint(1, 5) for item in BERAKHLAK.items}


def _digits(answers: dict[str, int]) -> str:
    return "".join(str(answers[item.id]) for item in BERAKHLAK.items)


def test_a_room_with_bad_duplicate_and_foreign_lines() -> None:
    people = [_answers(seed) for seed in range(5)]
    codes = [encode(BERAKHLAK, answers) for answers in people]
    foreign = encode(parse_instrument(MINIMAL), {"a": 1, "b": 2, "c": 3, "d": 4})
    typo = codes[1][:-1] + ("0" if codes[1][-1] != "0" else "1")
    digits = _digits(people[4])
    text = "\r\n".join(
        [
            codes[0],
            "",
            codes[1].lower(),
            typo,
            "  " + codes[2] + "  ",
            codes[0],
            foreign,
            codes[3],
            " ".join(digits[i : i + 6] for i in range(0, 42, 6)),
            digits[:40],
        ]
    )
    sources, problems = read_lines(BERAKHLAK, text)
    assert [p["line"] for p in problems] == [4, 6, 7, 10]
    reasons = {p["line"]: p["reason"] for p in problems}
    assert "checksum" in reasons[4]
    assert reasons[6] == "duplikat baris 1"
    assert "panjang kode salah" in reasons[7]
    assert "jumlah angka salah" in reasons[10]
    recap = summarise(BERAKHLAK, sources, problems)
    assert recap["n"] == 5
    results = [score(BERAKHLAK, answers) for answers in people]
    for position, dimension in enumerate(recap["dimensions"]):
        values = [Fraction(str(r["dimensions"][position]["index"])) for r in results]
        assert dimension["mean"] == round_index(sum(values, Fraction(0)) / 5)
        assert sum(band["count"] for band in dimension["distribution"]) == 5
    assert recap["problems"] == problems


@settings(max_examples=30, deadline=None)
@given(st.lists(answer_sets, min_size=1, max_size=8))
def test_recap_of_codes_equals_recap_of_results(people: list[dict[str, int]]) -> None:
    text = "\n".join(encode(BERAKHLAK, answers) for answers in people)
    sources, problems = read_lines(BERAKHLAK, text)
    distinct = {tuple(sorted(a.items())) for a in people}
    assert len(sources) == len(distinct)
    assert len(problems) == len(people) - len(distinct)
    recap = summarise(BERAKHLAK, sources)
    weakest, strongest = recap["weakest"][0]["mean"], recap["strongest"][0]["mean"]
    assert weakest <= strongest
    assert all(d["national"] is not None for d in recap["dimensions"])


def test_result_files_foreign_broken_and_duplicate() -> None:
    answers = _answers(1)
    good = json.dumps({"instrument": {"id": BERAKHLAK.id, "version": BERAKHLAK.version}, "answers": answers})
    files = [
        ("dinas-a.json", good.encode()),
        ("dinas-a-lagi.json", good.encode()),
        ("rusak.json", b'{"instrument": '),
        ("lain.json", json.dumps({"instrument": {"id": "lain", "version": "1"}, "answers": {}}).encode()),
        ("bom.json", ("\ufeff" + good.replace("}}", '}, "unit": "Dinas B"}', 1)).encode()),
    ]
    sources, problems = read_files(BERAKHLAK, files)
    assert [s["label"] for s in sources] == ["dinas-a.json", "Dinas B"]
    assert {p["source"]: p["reason"] for p in problems}.keys() == {"dinas-a-lagi.json", "rusak.json", "lain.json"}
    assert all(p["line"] is None for p in problems)


def test_empty_recap_has_no_means() -> None:
    recap = summarise(BERAKHLAK, [])
    assert recap["n"] == 0
    assert recap["overall"] is None
    assert all(d["mean"] is None for d in recap["dimensions"])
