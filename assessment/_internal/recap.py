"""Group recap: many results of one instrument in, the group's figures out.

One engine for every source of results: the lines a trainer pastes (result codes or rows of answer
digits typed from paper, see :mod:`result_code`) and the result files units send in. Each bad
input is named (line number or file name) with its reason and left out; the rest is recapped.
Duplicates count once. Means are exact and rounded half up once, like every index.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from fractions import Fraction
from typing import NotRequired, TypedDict

from assessment._internal.evaluation import NOT_APPLICABLE, EvaluationError, EvaluationResult, score_evaluation
from assessment._internal.json_input import JsonInputError, parse_json
from assessment._internal.model import Instrument, quote
from assessment._internal.result_code import CodeError, canonical, read_line
from assessment._internal.results import BandRef, InstrumentRef, Result
from assessment._internal.scoring import AnswerError, check_answers, excerpt, round_index, round_tenths, score

RECAP_SCHEMA_VERSION = 1
BEHAVIOUR_COUNT = 3
WEAK_ITEM_COUNT = 5
"""How many items the recap of units names as the ones most units are weakest on."""
EVALUATION_MESSAGE = 200
"""The longest reason quoted for an evaluation file whose fields are not valid (characters)."""
LOW_LEVELS = 1
"""A unit is weak on an item at this level or below (0 "belum ada", 1 "dirintis")."""


class Problem(TypedDict):
    """An input left out of the recap: where (line number or file name) and why."""

    line: int | None
    source: str
    reason: str


class BandCount(TypedDict):
    """How many results fall in one band."""

    id: str
    label: str
    count: int


class RecapDimension(TypedDict):
    """One dimension across the group."""

    id: str
    title: str
    n: int
    mean: float | None
    band: BandRef | None
    distribution: list[BandCount]
    national: float | None


class RecapBehaviour(TypedDict):
    """One indicator's mean index across the group."""

    id: str
    dimension: str
    text: str
    mean: float


class RecapRow(TypedDict):
    """One result as a row of the recap (a unit's name, or ``baris N`` for an anonymous code).

    ``bands`` holds each dimension's band id (``None``: no index), ``period`` the period a unit's
    evaluation covers (``None`` for a code).
    """

    label: str
    period: str | None
    overall: float | None
    overall_band: str | None
    dimensions: dict[str, float | None]
    bands: dict[str, str | None]


class RecapItem(TypedDict):
    """An item of an evidence-based evaluation across units: mean level and how many units are weak on it."""

    id: str
    dimension: str
    text: str
    n: int
    not_applicable: int
    mean_level: float
    low: int


class Recap(TypedDict):
    """The group's figures (the JSON the CLI prints and the page renders)."""

    schema_version: int
    instrument: InstrumentRef
    n: int
    overall: float | None
    overall_band: BandRef | None
    overall_distribution: list[BandCount]
    dimensions: list[RecapDimension]
    strongest: list[RecapBehaviour]
    weakest: list[RecapBehaviour]
    reference: str | None
    reference_note: str | None
    national_overall: float | None
    rows: list[RecapRow]
    weak_items: list[RecapItem]
    problems: list[Problem]


class Source(TypedDict):
    """One result that goes into a recap, with the label its row gets."""

    label: str
    result: Result | EvaluationResult
    period: NotRequired[str]
    levels: NotRequired[dict[str, int | None]]
    """An evaluation's level per item (``None``: "tidak berlaku")."""


def _problem(reason: str, source: str, line: int | None = None) -> Problem:
    return {"line": line, "source": source, "reason": reason}


def read_lines(instrument: Instrument, text: str, source: str = "teks") -> tuple[list[Source], list[Problem]]:
    """Score every non-empty line (a result code or a row of answer digits); name the bad ones.

    Lines are numbered from 1 as the reader sees them; blank lines are skipped silently.
    """
    sources: list[Source] = []
    problems: list[Problem] = []
    seen: dict[tuple[tuple[str, int], ...], int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            answers = read_line(instrument, line)
        except CodeError as error:
            problems.append(_problem(str(error), source, number))
            continue
        key = canonical(answers)
        if key in seen:
            problems.append(_problem(f"duplikat baris {seen[key]}", source, number))
            continue
        seen[key] = number
        sources.append({"label": f"baris {number}", "result": score(instrument, answers)})
    return sources, problems


def read_result_file(instrument: Instrument, name: str, data: bytes) -> tuple[Source, str]:
    """One result file (the JSON ``Unduh hasil`` or the CLI gives), rescored from its answers.

    Returns the result with its row label (the unit's name if the file has one, else the file name)
    and a key that is equal for two files holding the same unit, period and answers.

    Raises:
        ValueError: Not JSON, not a result, another instrument or version (message in Indonesian).

    """
    try:
        document = parse_json(data)
    except JsonInputError as error:
        raise ValueError(str(error)) from None
    if not isinstance(document, dict) or not isinstance(document.get("instrument"), dict):
        raise ValueError("bukan berkas hasil asesmen (tidak ada keterangan instrumen)")
    ident, version = document["instrument"].get("id"), document["instrument"].get("version")
    if (ident, version) != (instrument.id, instrument.version):
        raise ValueError(
            f"hasil instrumen lain: {quote(ident)} {quote(version)}, bukan {instrument.id} {instrument.version}"
        )
    if "answers" not in document:
        raise ValueError("berkas hasil tanpa jawaban: tidak dapat dihitung ulang")
    if instrument.evidence_based:
        return _read_evaluation(instrument, name, document)
    try:
        result = score(instrument, document["answers"])
    except AnswerError as error:
        raise ValueError(f"jawaban dalam berkas tidak sah: {quote(str(error), 120)}") from None
    unit = document.get("unit")
    label = unit.strip() if isinstance(unit, str) and unit.strip() else name
    key = json.dumps([unit, document.get("period"), result_answers(instrument, document["answers"])])
    return {"label": label, "result": result}, key


def _read_evaluation(instrument: Instrument, name: str, document: dict[str, object]) -> tuple[Source, str]:
    """A unit's evaluation file, rescored from its answers, reasons and evidence."""
    try:
        result = score_evaluation(instrument, document)
    except EvaluationError as error:
        raise ValueError(f"isian dalam berkas tidak sah: {excerpt(str(error), EVALUATION_MESSAGE)}") from None
    levels = {k: None if v == NOT_APPLICABLE else int(v) for k, v in result["answers"].items()}
    key = json.dumps([result["unit"], result["period"], sorted(result["answers"].items())])
    source: Source = {"label": result["unit"], "result": result, "period": result["period"], "levels": levels}
    return source, key


def result_answers(instrument: Instrument, answers: object) -> list[tuple[str, int]]:
    """Valid answers as sorted pairs (the file was scored already, so they are valid)."""
    return sorted(check_answers(instrument, answers).items())


def read_files(instrument: Instrument, files: Iterable[tuple[str, bytes]]) -> tuple[list[Source], list[Problem]]:
    """Read result files; a broken, foreign or duplicate file is named with its reason."""
    sources: list[Source] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for name, data in files:
        try:
            source, key = read_result_file(instrument, name, data)
        except ValueError as error:
            problems.append(_problem(str(error), name))
            continue
        if key in seen:
            problems.append(_problem(f"duplikat berkas {seen[key]}", name))
            continue
        seen[key] = name
        sources.append(source)
    return sources, problems


def _mean(values: list[float | None]) -> float | None:
    """The mean of the values that are there (``None``: a dimension that could not be assessed)."""
    present = [value for value in values if value is not None]
    if not present:
        return None
    return round_index(sum((Fraction(str(value)) for value in present), Fraction(0)) / len(present))


def _distribution(instrument: Instrument, values: list[float | None]) -> list[BandCount]:
    counts = dict.fromkeys((band.id for band in instrument.bands), 0)
    for value in values:
        if value is not None:
            counts[instrument.band_for(Fraction(str(value))).id] += 1
    return [{"id": band.id, "label": band.label, "count": counts[band.id]} for band in instrument.bands]


def _float(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def summarise(instrument: Instrument, sources: list[Source], problems: list[Problem] | None = None) -> Recap:
    """The group's figures: count, mean and distribution per dimension, strongest and weakest behaviours."""
    results = [source["result"] for source in sources]
    dimensions: list[RecapDimension] = []
    for position, dimension in enumerate(instrument.dimensions):
        values = [r["dimensions"][position]["index"] for r in results]
        dimensions.append(
            {
                "id": dimension.id,
                "title": dimension.title,
                "n": sum(value is not None for value in values),
                "mean": (mean := _mean(values)),
                "band": None if mean is None else band_of(instrument, mean),
                "distribution": _distribution(instrument, values),
                "national": _float(dimension.national),
            }
        )
    behaviours: list[RecapBehaviour] = []
    flat = [[i["index"] for d in r["dimensions"] for i in d["indicators"]] for r in results]
    for position, indicator in enumerate(instrument.indicators):
        mean = _mean([row[position] for row in flat])
        if mean is not None:
            behaviours.append(
                {"id": indicator.id, "dimension": indicator.dimension, "text": indicator.text, "mean": mean}
            )
    ranked = sorted(behaviours, key=lambda b: b["mean"])
    overall_values = [r["overall"]["index"] for r in results]
    reference = instrument.reference
    return {
        "schema_version": RECAP_SCHEMA_VERSION,
        "instrument": {"id": instrument.id, "version": instrument.version},
        "n": len(results),
        "overall": (overall := _mean(overall_values)),
        "overall_band": None if overall is None else band_of(instrument, overall),
        "overall_distribution": _distribution(instrument, overall_values),
        "dimensions": dimensions,
        "strongest": ranked[::-1][:BEHAVIOUR_COUNT],
        "weakest": ranked[:BEHAVIOUR_COUNT],
        "reference": reference.label if reference else None,
        "reference_note": reference.note if reference else None,
        "national_overall": _float(reference.overall) if reference else None,
        "rows": [_row(source) for source in sources],
        "weak_items": weak_items(instrument, sources),
        "problems": list(problems or []),
    }


def _row(source: Source) -> RecapRow:
    result = source["result"]
    overall_band = result["overall"]["band"]
    return {
        "label": source["label"],
        "period": source.get("period"),
        "overall": result["overall"]["index"],
        "overall_band": overall_band["id"] if overall_band else None,
        "dimensions": {d["id"]: d["index"] for d in result["dimensions"]},
        "bands": {d["id"]: d["band"]["id"] if d["band"] else None for d in result["dimensions"]},
    }


def weak_items(instrument: Instrument, sources: list[Source]) -> list[RecapItem]:
    """The items of an evaluation that units are weakest on.

    Lowest mean level first (ties: more units at level 0–1, then the instrument's order); items every
    unit declared "tidak berlaku" are left out.
    """
    levels = [source["levels"] for source in sources if "levels" in source]
    if not levels:
        return []
    found: list[tuple[Fraction, int, int, RecapItem]] = []
    for position, item in enumerate(instrument.items):
        given = [level for unit in levels if (level := unit.get(item.id)) is not None]
        if not given:
            continue
        mean = Fraction(sum(given), len(given))
        low = sum(level <= instrument.scale.min + LOW_LEVELS for level in given)
        entry: RecapItem = {
            "id": item.id,
            "dimension": next(ind.dimension for ind in instrument.indicators if item in ind.items),
            "text": item.text,
            "n": len(given),
            "not_applicable": len(levels) - len(given),
            "mean_level": round_tenths(mean.numerator, mean.denominator) / 10,
            "low": low,
        }
        found.append((mean, -low, position, entry))
    found.sort(key=lambda e: e[:3])
    return [entry for *_, entry in found[:WEAK_ITEM_COUNT]]


def band_of(instrument: Instrument, value: float) -> BandRef:
    """The band of a mean, for display."""
    band = instrument.band_for(Fraction(str(value)))
    return {"id": band.id, "label": band.label}
