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
from typing import TypedDict

from assessment._internal.json_input import JsonInputError, parse_json
from assessment._internal.model import Instrument, quote
from assessment._internal.result_code import CodeError, canonical, read_line
from assessment._internal.results import BandRef, InstrumentRef, Result
from assessment._internal.scoring import AnswerError, check_answers, round_index, score

RECAP_SCHEMA_VERSION = 1
BEHAVIOUR_COUNT = 3


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
    """One result as a row of the recap (a unit's name, or ``baris N`` for an anonymous code)."""

    label: str
    overall: float | None
    dimensions: dict[str, float | None]


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
    problems: list[Problem]


class Source(TypedDict):
    """One result that goes into a recap, with the label its row gets."""

    label: str
    result: Result


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
    try:
        result = score(instrument, document["answers"])
    except AnswerError as error:
        raise ValueError(f"jawaban dalam berkas tidak sah: {quote(str(error), 120)}") from None
    unit = document.get("unit")
    label = unit.strip() if isinstance(unit, str) and unit.strip() else name
    key = json.dumps([unit, document.get("period"), result_answers(instrument, document["answers"])])
    return {"label": label, "result": result}, key


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


def _mean(values: list[float]) -> float | None:
    if not values:
        return None
    return round_index(sum((Fraction(str(value)) for value in values), Fraction(0)) / len(values))


def _distribution(instrument: Instrument, values: list[float]) -> list[BandCount]:
    counts = dict.fromkeys((band.id for band in instrument.bands), 0)
    for value in values:
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
                "n": len(values),
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
        "rows": [
            {
                "label": source["label"],
                "overall": source["result"]["overall"]["index"],
                "dimensions": {d["id"]: d["index"] for d in source["result"]["dimensions"]},
            }
            for source in sources
        ],
        "problems": list(problems or []),
    }


def band_of(instrument: Instrument, value: float) -> BandRef:
    """The band of a mean, for display."""
    band = instrument.band_for(Fraction(str(value)))
    return {"id": band.id, "label": band.label}
