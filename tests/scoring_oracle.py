"""The original scoring with :class:`fractions.Fraction` and :mod:`decimal`, kept as a test oracle.

This is the implementation the package used before integer scoring (``assessment._internal.scoring``);
tests prove the fast scorer gives the very same result for random instruments and answers, and the
batch benchmark measures it for comparison. Do not "improve" it: it is the reference.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from assessment import Instrument, check_answers


def to_index(mean: Fraction, low: int, high: int) -> Fraction:
    return (mean - low) / (high - low) * 100


def round_index(index: Fraction) -> float:
    exact = Decimal(index.numerator) / Decimal(index.denominator)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _weighted_mean(pairs: list[tuple[Fraction, Fraction]]) -> Fraction:
    return sum((value * weight for value, weight in pairs), Fraction(0)) / sum(w for _, w in pairs)


def _band(band: Any) -> dict[str, Any]:
    return {"id": band.id, "label": band.label}


def oracle_score(instrument: Instrument, answers: object) -> dict[str, Any]:
    """Score as the package did with Fractions (same validation, same result shape)."""
    values = check_answers(instrument, answers)
    low, high = instrument.scale.min, instrument.scale.max

    def reported(index: Fraction) -> tuple[float, Any]:
        rounded = round_index(index)
        return rounded, instrument.band_for(Fraction(str(rounded)))

    dimensions, dimension_pairs = [], []
    for dimension in instrument.dimensions:
        indicator_pairs, indicators = [], []
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
        dimensions.append({"id": dimension.id, "index": value, "band": _band(band), "indicators": indicators})
    overall, band = reported(_weighted_mean(dimension_pairs))
    return {
        "schema_version": 1,
        "instrument": {"id": instrument.id, "version": instrument.version},
        "answered": len(values),
        "total_items": len(instrument.items),
        "overall": {"index": overall, "band": _band(band)},
        "dimensions": dimensions,
    }
