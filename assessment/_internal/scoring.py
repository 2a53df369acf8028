"""Scoring: answers in, a JSON-serialisable result out.

The method (documented on the site's "Metodologi penilaian" page):

* a reverse-keyed item scores ``(min + max) - answer``;
* indicator mean = mean of its items; dimension mean = weighted mean of its indicators;
* every mean is reported as an index ``(mean - min) / (max - min) * 100``, rounded half up to
  one decimal;
* the overall index is the weighted mean of the dimension indexes (unrounded);
* a band comes from the reported (rounded) index, with inclusive lower bounds.

Arithmetic is exact integer arithmetic with one rounding step per reported index, so CPython and
Pyodide give identical results. :class:`Scorer` compiles an instrument once: weights scaled to
integers, one common denominator per dimension and for the overall index, so an index is an integer
numerator over a fixed integer denominator, rounded half up with integer division. Scoring a batch of
thousands of respondents then costs a few list operations per respondent.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from operator import mul
from typing import Any, NamedTuple

from assessment._internal.model import QUOTE_LIMIT, Band, Instrument, quote
from assessment._internal.results import DimensionResult, IndicatorResult, Result, band_ref

SCHEMA_VERSION = 1
TENTHS = range(1001)
"""Every index in tenths (0.0–100.0), as :class:`Scores` hold them."""
LISTED_UNKNOWN = 10
"""How many unknown item ids a message names (the rest are counted)."""
_LONGEST_NUMBER = 40
_INTEGER = re.compile(r"^\s*-?\d+\s*$")


def excerpt(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` for a message, cut to ``limit`` characters with ``…``."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AnswerError(ValueError):
    """Answers that cannot be scored; lists every problem at once."""

    def __init__(
        self,
        missing: Iterable[str] = (),
        invalid: Mapping[str, str] | None = None,
        unknown: Iterable[str] = (),
        message: str | None = None,
    ) -> None:
        self.missing = list(missing)
        self.invalid = dict(invalid or {})
        self.unknown = list(unknown)
        super().__init__(message or self._describe())

    def _describe(self) -> str:
        parts = []
        if self.missing:
            parts.append(f"{len(self.missing)} butir belum dijawab: {', '.join(self.missing)}")
        if self.invalid:
            parts.append("jawaban tidak sah: " + "; ".join(f"{k}: {v}" for k, v in self.invalid.items()))
        if self.unknown:
            shown = ", ".join(excerpt(key) for key in self.unknown[:LISTED_UNKNOWN])
            more = len(self.unknown) - LISTED_UNKNOWN
            parts.append(f"butir tidak dikenal: {shown}" + (f" dan {more} lainnya" if more > 0 else ""))
        return ". ".join(parts) or "jawaban tidak sah"

    def to_dict(self) -> dict[str, Any]:
        """The problems as plain data, for the browser."""
        return {"message": str(self), "missing": self.missing, "invalid": self.invalid, "unknown": self.unknown}


def parse_answer(value: object, low: int, high: int) -> int:
    """Return ``value`` as an integer on the scale, or raise ``ValueError`` with a reason.

    Integers are accepted, and so are strings holding an integer ("4"), as HTML forms and CSV send.
    """
    if isinstance(value, str) and len(value) <= _LONGEST_NUMBER and _INTEGER.match(value):
        value = int(value)
    if type(value) is not int:
        raise ValueError(f"harus bilangan bulat {low}–{high}, bukan {quote(value)}")
    if not low <= value <= high:
        raise ValueError(f"di luar skala {low}–{high}: {quote(value)}")
    return value


def check_answers(instrument: Instrument, answers: object) -> dict[str, int]:
    """Validate raw answers and return them as ``{item id: value}``.

    Unanswered optional items are left out; ``None`` or ``""`` count as unanswered.

    Raises:
        AnswerError: Missing required items, values off the scale or of the wrong type, unknown ids.

    """
    if not isinstance(answers, Mapping):
        raise AnswerError(message="jawaban harus berupa objek yang memetakan id butir ke nilai")
    scale = instrument.scale
    known = {item.id: item for item in instrument.items}
    unknown = [str(key) for key in answers if key not in known]
    missing, invalid, clean = [], {}, {}
    for ident, item in known.items():
        raw = answers.get(ident)
        if raw is None or raw == "":
            if item.required:
                missing.append(ident)
            continue
        try:
            clean[ident] = parse_answer(raw, scale.min, scale.max)
        except ValueError as error:
            invalid[ident] = str(error)
    if missing or invalid or unknown:
        raise AnswerError(missing, invalid, unknown)
    return clean


def to_index(mean: Fraction, low: int, high: int) -> Fraction:
    """Map a mean on the scale to the 0–100 index."""
    return (mean - low) / (high - low) * 100


def round_tenths(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` in tenths, rounded half up (away from zero), with integers only."""
    if numerator < 0:
        return -round_tenths(-numerator, denominator)
    return (20 * numerator + denominator) // (2 * denominator)


def round_index(index: Fraction) -> float:
    """Round half up to one decimal, exactly."""
    return round_tenths(index.numerator, index.denominator) / 10


def _lcm(values: Iterable[int]) -> int:
    return math.lcm(*values)


def _integer_weights(weights: Sequence[Fraction]) -> list[int]:
    """The same proportions as whole numbers (a weighted mean does not change under scaling)."""
    scale = _lcm(w.denominator for w in weights)
    return [int(w * scale) for w in weights]


class Scores(NamedTuple):
    """One respondent's scores as integers: what a result is made of, before it becomes JSON.

    ``sums`` and ``counts`` are each indicator's keyed sum and number of answered items; the indexes
    are in tenths (``749`` is 74.9).
    """

    answered: int
    sums: tuple[int, ...]
    counts: tuple[int, ...]
    dimensions: tuple[int, ...]
    overall: int


class _Ranges:
    """Bands (or expectations) looked up from an index in tenths: the one with the highest lower bound."""

    def __init__(self, ranges: tuple[Band, ...]) -> None:
        ordered = sorted(ranges, key=lambda band: band.lower)
        self.bands = tuple(ordered)
        self.thresholds = [math.ceil(band.lower * 10) for band in ordered]

    def position(self, tenths: int) -> int:
        return bisect_right(self.thresholds, tenths) - 1

    def __getitem__(self, tenths: int) -> Band:
        return self.bands[self.position(tenths)]


class Scorer:
    """An instrument compiled for integer scoring (see the module docstring); get one with :func:`scorer_for`."""

    def __init__(self, instrument: Instrument) -> None:
        """Precompute spans, integer weights and common denominators."""
        self.instrument = instrument
        low, high = instrument.scale.min, instrument.scale.max
        self.low, self.high, self.span = low, high, high - low
        self.items = instrument.items
        self.reverse = tuple(item.reverse for item in self.items)
        self.required = tuple(item.required for item in self.items)
        self.bands = _Ranges(instrument.bands)
        self.expectations = _Ranges(instrument.expectations) if instrument.expectations else None
        self._spans: list[tuple[int, int]] = []
        self._full_counts: list[int] = []
        start = 0
        for indicator in instrument.indicators:
            self._spans.append((start, start + len(indicator.items)))
            self._full_counts.append(len(indicator.items))
            start += len(indicator.items)
        # Per dimension: indicator positions, the factor of each indicator's sum per answered count
        # (w * L / n, L = lcm of every possible count), the offset low * W * L and the denominator.
        self._dimensions: list[tuple[int, int, list[dict[int, int]], list[int], int, int]] = []
        denominators = []
        position = 0
        for dimension in instrument.dimensions:
            weights = _integer_weights([ind.weight for ind in dimension.indicators])
            possible = [range(sum(i.required for i in ind.items), len(ind.items) + 1) for ind in dimension.indicators]
            common = _lcm(n for counts in possible for n in counts if n)
            factors = [{n: w * common // n for n in counts if n} for w, counts in zip(weights, possible, strict=True)]
            full = [f[len(ind.items)] for f, ind in zip(factors, dimension.indicators, strict=True)]
            total = sum(weights) * common
            end = position + len(dimension.indicators)
            self._dimensions.append((position, end, factors, full, low * total, self.span * total))
            denominators.append(self.span * total)
            position = end
        weights = _integer_weights([d.weight for d in instrument.dimensions])
        common = _lcm(denominators)
        self._overall_factors = [w * common // d for w, d in zip(weights, denominators, strict=True)]
        self._overall_denominator = common * sum(weights)

    def key(self, position: int, value: int) -> int:
        """The scored value of answer ``value`` to the item at ``position`` (reverse-keyed or not)."""
        return self.low + self.high - value if self.reverse[position] else value

    def scores(self, keyed: Sequence[int | None]) -> Scores:
        """Scores from keyed values in item order (``None``: unanswered; every indicator has an answer)."""
        if None in keyed:
            answered = [[v for v in keyed[a:b] if v is not None] for a, b in self._spans]
            sums = [sum(values) for values in answered]
            counts = [len(values) for values in answered]
        else:
            sums = [sum(keyed[a:b]) for a, b in self._spans]  # type: ignore[arg-type]  # no None here
            counts = self._full_counts
        numerators = []
        for start, end, factors, full, offset, _ in self._dimensions:
            if counts is self._full_counts:
                weighted = sum(map(mul, full, sums[start:end]))
            else:
                weighted = sum(f[n] * s for f, n, s in zip(factors, counts[start:end], sums[start:end], strict=True))
            numerators.append(weighted - offset)
        dimensions = tuple(round_tenths(100 * n, d[5]) for n, d in zip(numerators, self._dimensions, strict=True))
        overall = round_tenths(100 * sum(map(mul, self._overall_factors, numerators)), self._overall_denominator)
        return Scores(sum(counts), tuple(sums), tuple(counts), dimensions, overall)

    def scores_for(self, values: Mapping[str, int]) -> Scores:
        """Scores from checked answers ``{item id: value}`` (as :func:`check_answers` returns them)."""
        keyed = [
            None if (value := values.get(item.id)) is None else self.key(position, value)
            for position, item in enumerate(self.items)
        ]
        return self.scores(keyed)

    def indicator_tenths(self, scores: Scores) -> list[int]:
        """Each indicator's index in tenths: ``100 * (sum / count - min) / (max - min)``."""
        low, span = self.low, self.span
        return [round_tenths(100 * (s - low * n), span * n) for s, n in zip(scores.sums, scores.counts, strict=True)]

    def result(self, scores: Scores) -> Result:
        """The JSON-serialisable result (README, "Scoring and the result schema")."""
        instrument = self.instrument
        indicator_tenths = iter(self.indicator_tenths(scores))
        dimensions: list[DimensionResult] = []
        for dimension, tenths in zip(instrument.dimensions, scores.dimensions, strict=True):
            indicators: list[IndicatorResult] = [
                {"id": indicator.id, "index": next(indicator_tenths) / 10} for indicator in dimension.indicators
            ]
            band = band_ref(self.bands[tenths])
            dimensions.append({"id": dimension.id, "index": tenths / 10, "band": band, "indicators": indicators})
        return {
            "schema_version": SCHEMA_VERSION,
            "instrument": {"id": instrument.id, "version": instrument.version},
            "answered": scores.answered,
            "total_items": len(self.items),
            "overall": {"index": scores.overall / 10, "band": band_ref(self.bands[scores.overall])},
            "dimensions": dimensions,
        }


_SCORERS: dict[int, tuple[Instrument, Scorer]] = {}
_SCORERS_KEPT = 32


def scorer_for(instrument: Instrument) -> Scorer:
    """The compiled :class:`Scorer` of ``instrument`` (kept for the last few instruments used)."""
    entry = _SCORERS.get(id(instrument))
    if entry is not None and entry[0] is instrument:
        return entry[1]
    if len(_SCORERS) >= _SCORERS_KEPT:
        _SCORERS.pop(next(iter(_SCORERS)))
    scorer = Scorer(instrument)
    _SCORERS[id(instrument)] = (instrument, scorer)
    return scorer


def score(instrument: Instrument, answers: object) -> Result:
    """Score answers against an instrument.

    Args:
        instrument: A validated instrument.
        answers: A mapping of item id to value on the instrument's scale.

    Returns:
        The result (see README, "Skema hasil"), JSON-serialisable.

    Raises:
        AnswerError: The answers are incomplete or invalid; no partial score is given.

    """
    scorer = scorer_for(instrument)
    return scorer.result(scorer.scores_for(check_answers(instrument, answers)))
