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


# ---------------------------------------------------------------- history


class HistoryEntry(TypedDict):
    """One usable earlier result of this device: when, the overall index and each dimension's."""

    saved_at: str
    index: float
    dimensions: dict[str, float]


# ---------------------------------------------------------------- the report


class ReportInstrument(InstrumentRef):
    """The instrument a report describes, with its title."""

    title: str


class ReportBand(BandRef):
    """A band with what it means and whether its name is an official one."""

    meaning: str
    official: bool


class ReportOverall(TypedDict):
    """The overall index, its band and the expectation self-view (``None`` without expectations)."""

    index: float
    band: ReportBand
    expectation: BandRef | None


class DimensionRef(TypedDict):
    """A dimension named in the summary: id, title, index and the label of its category."""

    id: str
    title: str
    index: float
    band: BandRef


class Extremes(TypedDict):
    """The dimensions with the highest and the lowest index (ties: the first in instrument order)."""

    strongest: DimensionRef
    weakest: DimensionRef


class Category(TypedDict):
    """One band of the instrument as the report explains it: range, meaning, whether the name is official."""

    id: str
    label: str
    min: float
    max: float
    meaning: str
    official: bool


class ReportIndicator(TypedDict):
    """One indicator (in BerAKHLAK, one panduan perilaku) with its text and index."""

    id: str
    text: str
    index: float


class ReportDimension(TypedDict):
    """One dimension (in BerAKHLAK, one value) with its band, self-view and indicators."""

    id: str
    title: str
    meaning: str
    index: float
    band: BandRef
    expectation: BandRef | None
    indicators: list[ReportIndicator]


class Behaviour(TypedDict):
    """An indicator among the strongest or weakest, with its dimension."""

    id: str
    text: str
    dimension: str
    dimension_title: str
    index: float


class Behaviours(TypedDict):
    """The strongest and weakest indicators (empty lists when every index is the same)."""

    rule: str
    all_equal: bool
    strongest: list[Behaviour]
    weakest: list[Behaviour]


class ComparisonRow(TypedDict):
    """An index beside the outside reference figure and the difference."""

    index: float
    reference: float
    difference: float


class DimensionComparison(ComparisonRow):
    """:class:`ComparisonRow` for one dimension."""

    id: str
    title: str


class Comparison(TypedDict):
    """The comparison with an outside reference (e.g. the national Indeks BerAKHLAK)."""

    label: str
    source: str
    note: str
    overall: ComparisonRow
    dimensions: list[DimensionComparison]


class Action(TypedDict):
    """One recommended action with its link (``href`` = base URL + ``path``)."""

    id: str
    text: str
    link_text: str
    path: str
    href: str


class AdvisedDimension(TypedDict):
    """A dimension that gets advice, with its actions."""

    id: str
    title: str
    index: float
    actions: list[Action]


class Recommendations(TypedDict):
    """Advice for the dimensions with the lowest index."""

    note: str
    rule: str
    dimensions: list[AdvisedDimension]


class HistoryRow(TypedDict):
    """An earlier result as listed: when, the overall index and its band."""

    saved_at: str
    index: float
    band: BandRef


class Change(TypedDict):
    """An index before and after, and the signed change."""

    before: float
    after: float
    change: float


class DimensionChange(Change):
    """:class:`Change` for one dimension."""

    id: str
    title: str


class HistoryChange(TypedDict):
    """The change since the most recent earlier result."""

    since: str
    overall: Change
    dimensions: list[DimensionChange]


class History(TypedDict):
    """Earlier results (at most the last few) and the change since the last one."""

    entries: list[HistoryRow]
    change: HistoryChange | None


class ExpectationLevel(TypedDict):
    """One expectation self-view threshold range."""

    id: str
    label: str
    min: float
    max: float
    meaning: str


class Expectations(TypedDict):
    """The expectation self-view thresholds and the note that they are not official."""

    note: str
    levels: list[ExpectationLevel]


class SheetField(TypedDict):
    """A field of the dialog kinerja sheet; ``dimension`` is ``None`` for the general ones."""

    name: str
    label: str
    dimension: str | None


class IdentityField(TypedDict):
    """An identity field of the sheet (nama, NIP, jabatan, …): a one-line entry."""

    name: str
    label: str


class Dialog(TypedDict):
    """The dialog kinerja preparation sheet: discussion material, not an appraisal."""

    framing: str
    intro: str
    identity: list[IdentityField]
    fields: list[SheetField]


class Report(TypedDict):
    """What :func:`assessment.build_report` returns (schema on the "Metodologi penilaian" page)."""

    schema_version: int
    instrument: ReportInstrument
    notice: str
    answered: int
    total_items: int
    overall: ReportOverall
    extremes: Extremes | None
    categories: list[Category]
    dimensions: list[ReportDimension]
    behaviours: Behaviours
    comparison: Comparison | None
    recommendations: Recommendations | None
    history: History
    expectations: Expectations | None
    dialog: Dialog
    code: str | None
    base_url: str
