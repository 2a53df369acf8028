import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment import AnswerError, load_instrument, parse_instrument, score, to_json
from assessment._internal.scoring import round_index, round_tenths, scorer_for
from tests.instrument_factory import MINIMAL, answers_for, instrument_specs
from tests.scoring_oracle import oracle_score
from tests.scoring_oracle import round_index as oracle_round

BERAKHLAK = load_instrument("berakhlak-individu")
MINI = parse_instrument(MINIMAL, "uji.toml")
ITEMS = [item.id for item in BERAKHLAK.items]


def favourable(instrument, high=True):
    top, bottom = instrument.scale.max, instrument.scale.min
    best, worst = (top, bottom) if high else (bottom, top)
    return {item.id: (worst if item.reverse else best) for item in instrument.items}


def dimension(result, ident):
    return next(d for d in result["dimensions"] if d["id"] == ident)


def test_reverse_keyed_item_scores_min_plus_max_minus_answer():
    result = score(MINI, {"a": 5, "b": 1, "c": 3, "d": 3})
    # i1: a=5, b reversed (6-1=5) -> mean 5 -> 100; i2: c=3 -> 50; d1 = mean(100, 50) = 75
    assert dimension(result, "d1")["indicators"] == [{"id": "i1", "index": 100.0}, {"id": "i2", "index": 50.0}]
    assert dimension(result, "d1")["index"] == 75.0


def test_overall_is_weighted_mean_of_dimensions():
    result = score(MINI, {"a": 5, "b": 1, "c": 5, "d": 1})
    # d1 = 100 (weight 1), d2 = 0 (weight 3) -> 25
    assert result["overall"]["index"] == 25.0
    assert result["overall"]["band"]["id"] == "rendah"


def test_index_exactly_on_a_threshold_takes_the_upper_band():
    result = score(MINI, {"a": 4, "b": 2, "c": 4, "d": 4})
    assert dimension(result, "d1")["index"] == 75.0
    assert dimension(result, "d1")["band"]["id"] == "tinggi"


@pytest.mark.parametrize(
    ("index", "shown"),
    [
        (Fraction(1, 4), 0.3),
        (Fraction(1, 20), 0.1),
        (Fraction(7495, 100), 75.0),
        (Fraction(200, 3), 66.7),
        (Fraction(7494999, 100000), 74.9),
        (Fraction(100), 100.0),
        (Fraction(0), 0.0),
    ],
)
def test_rounding_is_exact_and_half_up(index, shown):
    assert round_index(index) == shown


def test_band_follows_the_rounded_index():
    # 74.95 is shown as 75.0, so it must be in the band that starts at 75
    assert MINI.band_for(Fraction(str(round_index(Fraction(7495, 100))))).id == "tinggi"


def test_result_shape_and_json_round_trip():
    result = score(BERAKHLAK, dict.fromkeys(ITEMS, 3))
    assert result["schema_version"] == 1
    assert result["instrument"] == {"id": "berakhlak-individu", "version": BERAKHLAK.version}
    assert result["answered"] == result["total_items"] == len(ITEMS)
    middle = BERAKHLAK.band_for(Fraction(50))
    assert result["overall"] == {"index": 50.0, "band": {"id": middle.id, "label": middle.label}}
    assert len(result["dimensions"]) == 7
    assert sum(len(d["indicators"]) for d in result["dimensions"]) == 21
    assert json.loads(to_json(result)) == result


def test_missing_answers_are_all_listed_and_no_score_is_given():
    answers = dict.fromkeys(ITEMS, 4)
    for gone in ("ak-2-a", "kl-3-b", "bp-1-a"):
        del answers[gone]
    with pytest.raises(AnswerError) as caught:
        score(BERAKHLAK, answers)
    assert caught.value.missing == ["bp-1-a", "ak-2-a", "kl-3-b"]
    assert "3 butir belum dijawab" in str(caught.value)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (6, "di luar skala 1–5: 6"),
        (0, "di luar skala"),
        ("x", "harus bilangan bulat"),
        (3.5, "harus bilangan bulat"),
        (True, "harus bilangan bulat"),
        ([4], "harus bilangan bulat"),
    ],
)
def test_invalid_values_are_reported_per_item(value, reason):
    answers = dict.fromkeys(ITEMS, 4)
    answers["ko-2-b"] = value
    with pytest.raises(AnswerError) as caught:
        score(BERAKHLAK, answers)
    assert list(caught.value.invalid) == ["ko-2-b"]
    assert reason in caught.value.invalid["ko-2-b"]


def test_numeric_strings_from_forms_are_accepted():
    assert score(BERAKHLAK, dict.fromkeys(ITEMS, "4")) == score(BERAKHLAK, dict.fromkeys(ITEMS, 4))


def test_unknown_item_ids_are_refused():
    answers = {**dict.fromkeys(ITEMS, 4), "zz-9": 4}
    with pytest.raises(AnswerError) as caught:
        score(BERAKHLAK, answers)
    assert caught.value.unknown == ["zz-9"]


@pytest.mark.parametrize("answers", [[1, 2], "4", None, 42])
def test_answers_must_be_a_mapping(answers):
    with pytest.raises(AnswerError, match="objek"):
        score(BERAKHLAK, answers)


answer_sets = st.fixed_dictionaries({item: st.integers(1, 5) for item in ITEMS})


@settings(max_examples=150, deadline=None)
@given(answer_sets)
def test_every_index_is_within_0_and_100(answers):
    result = score(BERAKHLAK, answers)
    indexes = [result["overall"]["index"]]
    for entry in result["dimensions"]:
        indexes.append(entry["index"])
        indexes.extend(i["index"] for i in entry["indicators"])
    assert all(0 <= index <= 100 for index in indexes)


def test_favourable_extremes_give_100_and_0():
    best, worst = score(BERAKHLAK, favourable(BERAKHLAK)), score(BERAKHLAK, favourable(BERAKHLAK, high=False))
    assert best["overall"]["index"] == 100.0
    assert worst["overall"]["index"] == 0.0
    assert {d["index"] for d in best["dimensions"]} == {100.0}
    assert {d["index"] for d in worst["dimensions"]} == {0.0}
    assert worst["overall"]["band"]["id"] == min(BERAKHLAK.bands, key=lambda b: b.lower).id


@settings(max_examples=150, deadline=None)
@given(answer_sets, st.sampled_from(BERAKHLAK.items))
def test_raising_one_answer_moves_its_dimension_the_keyed_way(answers, item):
    if answers[item.id] == 5:
        return
    higher = {**answers, item.id: answers[item.id] + 1}
    dim = next(ind.dimension for ind in BERAKHLAK.indicators if ind.id == item.indicator)
    before, after = dimension(score(BERAKHLAK, answers), dim), dimension(score(BERAKHLAK, higher), dim)
    if item.reverse:
        assert after["index"] <= before["index"]
    else:
        assert after["index"] >= before["index"]


# ---------------------------------------------------------------- integer scoring = the Fraction oracle


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_integer_scoring_equals_the_fraction_oracle_on_random_instruments(data):
    spec = data.draw(instrument_specs())
    instrument = parse_instrument(spec.toml, "acak.toml")
    answers = data.draw(answers_for(spec))
    assert score(instrument, answers) == oracle_score(instrument, answers)


@settings(max_examples=300, deadline=None)
@given(answer_sets)
def test_integer_scoring_equals_the_fraction_oracle_on_the_shipped_instrument(answers):
    assert score(BERAKHLAK, answers) == oracle_score(BERAKHLAK, answers)


def test_every_answer_pattern_of_one_indicator_matches_the_oracle():
    # all 5^2 answer pairs for one indicator, the rest fixed: every rounding case of that indicator
    first = BERAKHLAK.indicators[0].items
    for a in range(1, 6):
        for b in range(1, 6):
            answers = {**dict.fromkeys(ITEMS, 3), first[0].id: a, first[1].id: b}
            assert score(BERAKHLAK, answers) == oracle_score(BERAKHLAK, answers)


@settings(max_examples=500, deadline=None)
@given(st.integers(0, 10**15), st.integers(1, 10**12))
def test_integer_rounding_equals_decimal_half_up(numerator, denominator):
    assert round_index(Fraction(numerator, denominator)) == oracle_round(Fraction(numerator, denominator))
    assert round_tenths(-numerator, denominator) == -round_tenths(numerator, denominator)


@pytest.mark.parametrize(
    ("numerator", "denominator", "tenths"), [(1, 20, 1), (1, 21, 0), (-1, 20, -1), (7495, 100, 750)]
)
def test_round_tenths_is_half_up_away_from_zero(numerator, denominator, tenths):
    assert round_tenths(numerator, denominator) == tenths


def test_a_scorer_is_compiled_once_per_instrument():
    assert scorer_for(BERAKHLAK) is scorer_for(BERAKHLAK)
    assert scorer_for(MINI) is not scorer_for(BERAKHLAK)
