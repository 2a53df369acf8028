"""The hand-scoring procedure for the paper questionnaire: whole-number sums and lookup tables.

The site scores each value as the weighted mean of its indicator means and the overall index as the
weighted mean of the unrounded value indexes, rounded once. A person with a pen can do the same
exactly with whole numbers only:

1. write each answer in its box, reversed (``min + max − answer``) where marked, times the box's
   factor (1 in the shipped instrument);
2. add a value's boxes: its *sum* ``P``; the value's mean is exactly ``P / divisor``, so table A maps
   ``P`` to the index the site shows;
3. add the value sums, each times its factor (1 in the shipped instrument): the *total* ``T``; the
   overall mean is exactly ``T / divisor``, so table B maps ``T`` to the overall index.

Factors and divisors are derived from the instrument's weights and item counts with exact
fractions, so the tables follow the instrument data whatever its version.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import lcm

from assessment import Dimension, Instrument, Item
from assessment._internal.scoring import round_index, to_index

#: A lookup table longer than this is no use on paper; such instruments are refused.
MAX_TABLE_ROWS = 1000


class HandScoringError(ValueError):
    """An instrument the paper procedure cannot score exactly."""


@dataclass(frozen=True)
class Box:
    """One statement on the sheet: its number on the questionnaire, reversal and multiplier."""

    number: int
    item: Item
    reverse: bool
    factor: int


@dataclass(frozen=True)
class ValueBlock:
    """One value (dimension): its boxes, the divisor of its sum and its factor in the total."""

    dimension: Dimension
    boxes: tuple[Box, ...]
    divisor: int
    factor: int
    lookup: tuple[tuple[int, float], ...]


@dataclass(frozen=True)
class HandSheet:
    """Everything the printed sheet needs."""

    instrument: Instrument
    blocks: tuple[ValueBlock, ...]
    divisor: int
    lookup: tuple[tuple[int, float], ...]

    @property
    def shared_value_lookup(self) -> bool:
        """True when every value uses the same table A (as in the shipped instrument)."""
        return len({block.lookup for block in self.blocks}) == 1

    @property
    def box_factors(self) -> bool:
        """True when some box is multiplied (never in the shipped instrument)."""
        return any(box.factor != 1 for block in self.blocks for box in block.boxes)

    @property
    def value_factors(self) -> bool:
        """True when some value sum is multiplied in the total (never in the shipped instrument)."""
        return any(block.factor != 1 for block in self.blocks)

    @property
    def reversed_answer(self) -> int:
        """``min + max``: a reversed box holds this minus the answer."""
        return self.instrument.scale.min + self.instrument.scale.max


def _integers(fractions: list[Fraction]) -> tuple[int, list[int]]:
    """The smallest divisor ``d`` with every ``f × d`` whole, and those whole numbers."""
    divisor = lcm(*(f.denominator for f in fractions))
    return divisor, [int(f * divisor) for f in fractions]


def _lookup(divisor: int, low_sum: int, high_sum: int, instrument: Instrument) -> tuple[tuple[int, float], ...]:
    if high_sum - low_sum >= MAX_TABLE_ROWS:
        raise HandScoringError(f"tabel cari terlalu panjang untuk kertas ({high_sum - low_sum + 1} baris)")
    low, high = instrument.scale.min, instrument.scale.max
    return tuple(
        (total, round_index(to_index(Fraction(total, divisor), low, high))) for total in range(low_sum, high_sum + 1)
    )


def hand_sheet(instrument: Instrument) -> HandSheet:
    """Derive the boxes, factors, divisors and lookup tables of ``instrument``."""
    optional = [item.id for item in instrument.items if not item.required]
    if optional:
        raise HandScoringError(f"lembar skor manual memerlukan semua butir wajib; opsional: {', '.join(optional)}")
    low, high = instrument.scale.min, instrument.scale.max
    numbers = {item.id: number for number, item in enumerate(instrument.items, start=1)}
    total_weight = sum((d.weight for d in instrument.dimensions), Fraction(0))
    parts = []
    for dimension in instrument.dimensions:
        weight = sum((i.weight for i in dimension.indicators), Fraction(0))
        items = [
            (item, indicator.weight / weight / len(indicator.items))
            for indicator in dimension.indicators
            for item in indicator.items
        ]
        divisor, factors = _integers([share for _, share in items])
        boxes = tuple(
            Box(numbers[item.id], item, item.reverse, factor) for (item, _), factor in zip(items, factors, strict=True)
        )
        parts.append((dimension, boxes, divisor))
    total_divisor, value_factors = _integers([d.weight / total_weight / divisor for d, _, divisor in parts])
    blocks = []
    low_total = high_total = 0
    for (dimension, boxes, divisor), factor in zip(parts, value_factors, strict=True):
        count = sum(box.factor for box in boxes)
        blocks.append(
            ValueBlock(dimension, boxes, divisor, factor, _lookup(divisor, low * count, high * count, instrument))
        )
        low_total, high_total = low_total + factor * low * count, high_total + factor * high * count
    return HandSheet(
        instrument, tuple(blocks), total_divisor, _lookup(total_divisor, low_total, high_total, instrument)
    )
