"""Scoring: answers in, a JSON-serialisable result out.

The method (documented on the site's "Metodologi penilaian" page):

* a reverse-keyed item scores ``(min + max) - answer``;
* indicator mean = mean of its items; dimension mean = weighted mean of its indicators;
* every mean is reported as an index ``(mean - min) / (max - min) * 100``, rounded half up to
  one decimal;
* the overall index is the weighted mean of the dimension indexes (unrounded);
* a band comes from the reported (rounded) index, with inclusive lower bounds.

Arithmetic is exact (:class:`fractions.Fraction`), so CPython and Pyodide give identical results.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from assessment._internal.model import QUOTE_LIMIT, Band, Instrument, quote
from assessment._internal.results import DimensionResult, IndicatorResult, Result, band_ref

SCHEMA_VERSION = 1
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


def round_index(index: Fraction) -> float:
    """Round half up to one decimal, exactly."""
    exact = Decimal(index.numerator) / Decimal(index.denominator)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _weighted_mean(pairs: list[tuple[Fraction, Fraction]]) -> Fraction:
    return sum((value * weight for value, weight in pairs), Fraction(0)) / sum(w for _, w in pairs)


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
    values = check_answers(instrument, answers)
    low, high = instrument.scale.min, instrument.scale.max

    def reported(index: Fraction) -> tuple[float, Band]:
        rounded = round_index(index)
        return rounded, instrument.band_for(Fraction(str(rounded)))

    dimensions: list[DimensionResult] = []
    dimension_pairs = []
    for dimension in instrument.dimensions:
        indicator_pairs = []
        indicators: list[IndicatorResult] = []
        for indicator in dimension.indicators:
            scored = [
                (low + high - values[i.id]) if i.reverse else values[i.id] for i in indicator.items if i.id in values
            ]
            mean = Fraction(sum(scored), len(scored))
            indicator_pairs.append((mean, indicator.weight))
            indicators.append({"id": indicator.id, "index": round_index(to_index(mean, low, high))})
        index = to_index(_weighted_mean(indicator_pairs), low, high)
        dimension_pairs.append((index, dimension.weight))
        value, band = reported(index)
        dimensions.append({"id": dimension.id, "index": value, "band": band_ref(band), "indicators": indicators})
    overall, band = reported(_weighted_mean(dimension_pairs))
    return {
        "schema_version": SCHEMA_VERSION,
        "instrument": {"id": instrument.id, "version": instrument.version},
        "answered": len(values),
        "total_items": len(instrument.items),
        "overall": {"index": overall, "band": band_ref(band)},
        "dimensions": dimensions,
    }
