"""The typed shapes of a result, a report and a history entry (plain JSON data, checked by mypy)."""

from __future__ import annotations

from typing import TypedDict

from assessment._internal.model import Band


class BandRef(TypedDict):
    """A band as it appears in a result: its id and label."""

    id: str
    label: str


class InstrumentRef(TypedDict):
    """Which instrument, in which version, produced a result."""

    id: str
    version: str


class IndicatorResult(TypedDict):
    """One indicator's index (0–100, one decimal)."""

    id: str
    index: float


class DimensionResult(TypedDict):
    """One dimension's index, band and indicators."""

    id: str
    index: float
    band: BandRef
    indicators: list[IndicatorResult]


class OverallResult(TypedDict):
    """The overall index and its band."""

    index: float
    band: BandRef


class Result(TypedDict):
    """What :func:`assessment.score` returns (README, "Scoring and the result schema")."""

    schema_version: int
    instrument: InstrumentRef
    answered: int
    total_items: int
    overall: OverallResult
    dimensions: list[DimensionResult]


def band_ref(band: Band) -> BandRef:
    """The id and label of ``band``, as a result carries it."""
    return {"id": band.id, "label": band.label}
