"""Evidence-based evaluation of a unit (an instrument with ``[assessable]``): checking and scoring.

The method (documented on the site's "Metodologi penilaian" page):

* each item is answered with a maturity level on the scale (0–4), or ``"na"`` ("tidak berlaku",
  only where the item allows it, always with a reason); such items leave every mean;
* indicator mean = mean of its answered items (an indicator with none leaves its dimension's mean);
  dimension mean = weighted mean of its indicators that have answers;
* a dimension gets an index ``(mean - min) / (max - min) * 100`` only when at least ``min_share`` of
  its items are answered; otherwise it is "belum dapat dinilai" (``index: None``);
* the overall index is the weighted mean of the dimension indexes (unrounded), given only when every
  dimension has one;
* a gap is an item below the top level; its effect is how many points the overall index (over the
  dimensions that have an index) would gain if that item reached the top level.

Arithmetic is exact (fractions), and each reported figure is rounded half up once with
:func:`round_tenths`, like every index of the package, so CPython and Pyodide agree to the last digit.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any, Literal, TypedDict

from assessment._internal.model import Dimension, Instrument, Item, quote
from assessment._internal.results import BandRef, InstrumentRef, band_ref
from assessment._internal.scoring import AnswerError, parse_answer, round_tenths

EVALUATION_SCHEMA_VERSION = 1
NOT_APPLICABLE: Literal["na"] = "na"
"""The answer value meaning "tidak berlaku" (the radio's value in the form)."""
UNIT_LIMIT = 200
PERIOD_LIMIT = 100
NOTE_LIMIT = 2000
"""The longest evidence note or "tidak berlaku" reason kept (characters)."""

Answer = int | Literal["na"]


class EvaluationInput(TypedDict):
    """Checked input: who, when, the answers, the reasons for "tidak berlaku", the evidence notes."""

    unit: str
    period: str
    answers: dict[str, Answer]
    not_applicable: dict[str, str]
    evidence: dict[str, str]


class EvaluationIndicator(TypedDict):
    """One indicator's index, or ``None`` when every item of it is "tidak berlaku"."""

    id: str
    index: float | None


class EvaluationDimension(TypedDict):
    """One component: its index and band, or ``None`` when it cannot be assessed."""

    id: str
    index: float | None
    band: BandRef | None
    answered: int
    total_items: int
    indicators: list[EvaluationIndicator]


class EvaluationOverall(TypedDict):
    """The unit's index over all components (``None`` when a component cannot be assessed)."""

    index: float | None
    band: BandRef | None


class Gap(TypedDict):
    """An item below the top level and what reaching the top would add to the overall index."""

    item: str
    dimension: str
    level: int
    effect: float


class EvaluationResult(TypedDict):
    """The result of one unit's evaluation: the JSON ``Unduh hasil`` and the CLI give."""

    schema_version: int
    instrument: InstrumentRef
    unit: str
    period: str
    answered: int
    total_items: int
    overall: EvaluationOverall
    dimensions: list[EvaluationDimension]
    gaps: list[Gap]
    answers: dict[str, Answer]
    not_applicable: dict[str, str]
    evidence: dict[str, str]


class EvaluationError(AnswerError):
    """Answers that cannot be scored, plus problems with the unit and period fields."""

    def __init__(
        self,
        missing: list[str],
        invalid: dict[str, str],
        unknown: list[str],
        fields: dict[str, str],
        message: str | None = None,
    ) -> None:
        self.fields = fields
        parts = list(fields.values())
        if missing or invalid or unknown:
            parts.append(str(AnswerError(missing, invalid, unknown)))
        super().__init__(missing, invalid, unknown, message or ". ".join(parts) or "isian tidak sah")

    def to_dict(self) -> dict[str, Any]:
        """The problems as plain data, for the browser (``fields``: ``unit``, ``period``)."""
        return {**super().to_dict(), "fields": self.fields}


def _text(value: object, limit: int) -> str | None:
    """``value`` stripped, or ``None`` if it is not text or longer than ``limit``."""
    if not isinstance(value, str) or len(value) > limit:
        return None
    return " ".join(value.split()) if limit <= UNIT_LIMIT else value.strip()


def _field(value: object, limit: int, label: str, fields: dict[str, str], name: str) -> str:
    """A required one-line field; its problem goes to ``fields[name]``."""
    text = _text(value, limit)
    if text is None and isinstance(value, str):
        fields[name] = f"{label} paling panjang {limit} karakter"
    elif not text:
        fields[name] = f"{label} wajib diisi"
    return text or ""


def _notes(
    value: object, known: Mapping[str, Item], label: str, invalid: dict[str, str], unknown: list[str]
) -> dict[str, str]:
    """A map of item id to a note (evidence or reason); empty notes are dropped."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        invalid[label] = "harus berupa objek {id butir: teks}"
        return {}
    notes: dict[str, str] = {}
    for key, raw in value.items():
        if key not in known:
            unknown.append(str(key))
            continue
        text = _text(raw, NOTE_LIMIT)
        if text is None:
            invalid[str(key)] = f"{label} harus teks paling panjang {NOTE_LIMIT} karakter"
        elif text:
            notes[str(key)] = text
    return {ident: notes[ident] for ident in known if ident in notes}  # in the instrument's order


def check_evaluation(instrument: Instrument, document: object) -> EvaluationInput:
    """Validate an evaluation (a result file or what the form sends) and return its parts.

    Keys other than ``unit``, ``period``, ``answers``, ``not_applicable`` and ``evidence`` (such as the
    figures of a result file) are ignored: they are recomputed.

    Raises:
        EvaluationError: Every problem at once: unit or period missing, items unanswered, a value off
            the scale, "tidak berlaku" where the item does not allow it or without a reason, unknown ids.

    """
    if not isinstance(document, Mapping):
        raise EvaluationError([], {}, [], {}, "isian evaluasi harus berupa objek JSON")
    fields: dict[str, str] = {}
    unit = _field(document.get("unit", ""), UNIT_LIMIT, "nama perangkat daerah", fields, "unit")
    period = _field(document.get("period", ""), PERIOD_LIMIT, "periode evaluasi", fields, "period")
    answers = document.get("answers")
    if not isinstance(answers, Mapping):
        raise EvaluationError([], {}, [], fields, "jawaban harus berupa objek yang memetakan id butir ke tingkat")
    known = {item.id: item for item in instrument.items}
    missing: list[str] = []
    invalid: dict[str, str] = {}
    unknown = [str(key) for key in answers if key not in known]
    reasons = _notes(document.get("not_applicable"), known, "alasan", invalid, unknown)
    evidence = _notes(document.get("evidence"), known, "bukti", invalid, unknown)
    clean: dict[str, Answer] = {}
    for ident, item in known.items():
        raw = answers.get(ident)
        if raw is None or raw == "":
            missing.append(ident)
            continue
        try:
            clean[ident] = _answer(instrument, item, raw, ident in reasons)
        except ValueError as error:
            invalid.setdefault(ident, str(error))
    if fields or missing or invalid or unknown:
        raise EvaluationError(missing, invalid, unknown, fields)
    return {
        "unit": unit,
        "period": period,
        "answers": clean,
        "not_applicable": {k: v for k, v in reasons.items() if clean.get(k) == NOT_APPLICABLE},
        "evidence": evidence,
    }


def _answer(instrument: Instrument, item: Item, raw: object, has_reason: bool) -> Answer:
    """One answer: a level on the scale, or "tidak berlaku" where allowed and explained."""
    if raw == NOT_APPLICABLE:
        if not item.not_applicable:
            raise ValueError("butir ini tidak boleh dinyatakan tidak berlaku")
        if not has_reason:
            raise ValueError("alasan tidak berlaku wajib diisi")
        return NOT_APPLICABLE
    return parse_answer(raw, instrument.scale.min, instrument.scale.max)


def _mean(pairs: list[tuple[Fraction, Fraction]]) -> Fraction:
    """Weighted mean of ``(weight, value)`` pairs."""
    return sum((w * v for w, v in pairs), Fraction(0)) / sum(w for w, _ in pairs)


def _tenths(value: Fraction) -> int:
    return round_tenths(value.numerator, value.denominator)


class _Component:
    """One dimension's exact figures for a set of answers."""

    def __init__(self, instrument: Instrument, dimension: Dimension, answers: Mapping[str, Answer]) -> None:
        low, span = instrument.scale.min, instrument.scale.max - instrument.scale.min
        self.dimension = dimension
        self.indicator_means: list[Fraction | None] = []
        self.item_count = sum(len(ind.items) for ind in dimension.indicators)
        self.answered = 0
        for indicator in dimension.indicators:
            levels = [Fraction(v) for item in indicator.items if isinstance(v := answers[item.id], int)]
            self.answered += len(levels)
            self.indicator_means.append(sum(levels, Fraction(0)) / len(levels) if levels else None)
        share = instrument.min_share or Fraction(1)
        self.assessable = self.answered > 0 and self.answered >= share * self.item_count
        self.index: Fraction | None = None
        if self.assessable:
            pairs = [
                (ind.weight, mean)
                for ind, mean in zip(dimension.indicators, self.indicator_means, strict=True)
                if mean is not None
            ]
            self.index = (_mean(pairs) - low) / span * 100
        self.low, self.span = low, span

    def indicator_index(self, position: int) -> float | None:
        mean = self.indicator_means[position]
        return None if mean is None else _tenths((mean - self.low) / self.span * 100) / 10


def score_evaluation(instrument: Instrument, document: object) -> EvaluationResult:
    """Check and score one unit's evaluation (see the module docstring for the method).

    Raises:
        EvaluationError: The input is incomplete or invalid; no partial score is given.
        ValueError: ``instrument`` is not an evidence-based instrument.

    """
    if not instrument.evidence_based:
        raise ValueError(f"instrumen {quote(instrument.id)} bukan evaluasi berbasis bukti")
    checked = check_evaluation(instrument, document)
    answers = checked["answers"]
    components = [_Component(instrument, d, answers) for d in instrument.dimensions]
    assessed = [c for c in components if c.index is not None]
    overall: Fraction | None = None
    if assessed and len(assessed) == len(components):
        overall = _mean([(c.dimension.weight, c.index) for c in assessed if c.index is not None])
    dimensions: list[EvaluationDimension] = []
    for component in components:
        tenths = None if component.index is None else _tenths(component.index)
        dimensions.append(
            {
                "id": component.dimension.id,
                "index": None if tenths is None else tenths / 10,
                "band": None if tenths is None else band_ref(instrument.band_for(Fraction(tenths, 10))),
                "answered": component.answered,
                "total_items": component.item_count,
                "indicators": [
                    {"id": ind.id, "index": component.indicator_index(position)}
                    for position, ind in enumerate(component.dimension.indicators)
                ],
            }
        )
    overall_tenths = None if overall is None else _tenths(overall)
    return {
        "schema_version": EVALUATION_SCHEMA_VERSION,
        "instrument": {"id": instrument.id, "version": instrument.version},
        "unit": checked["unit"],
        "period": checked["period"],
        "answered": sum(c.answered for c in components),
        "total_items": len(instrument.items),
        "overall": {
            "index": None if overall_tenths is None else overall_tenths / 10,
            "band": None if overall_tenths is None else band_ref(instrument.band_for(Fraction(overall_tenths, 10))),
        },
        "dimensions": dimensions,
        "gaps": gaps(instrument, components, answers),
        "answers": answers,
        "not_applicable": checked["not_applicable"],
        "evidence": checked["evidence"],
    }


def gaps(instrument: Instrument, components: list[_Component], answers: Mapping[str, Answer]) -> list[Gap]:
    """Every answered item below the top level in an assessable component, largest effect first.

    The effect is exact: the item's share of the overall index (dimension weight over the assessed
    dimensions' total, indicator weight over the answered indicators' total, one over the answered
    items of its indicator) times the levels it lacks. Ties keep the instrument's order.
    """
    high, span = instrument.scale.max, instrument.scale.max - instrument.scale.min
    assessed = [c for c in components if c.index is not None]
    total = sum((c.dimension.weight for c in assessed), Fraction(0))
    found: list[tuple[Fraction, int, Gap]] = []
    position = 0
    for component in assessed:
        weights = sum(
            (
                ind.weight
                for ind, mean in zip(component.dimension.indicators, component.indicator_means, strict=True)
                if mean is not None
            ),
            Fraction(0),
        )
        for indicator in component.dimension.indicators:
            answered = [item for item in indicator.items if isinstance(answers[item.id], int)]
            for item in answered:
                level = answers[item.id]
                assert isinstance(level, int)
                position += 1
                if level >= high:
                    continue
                effect = (
                    component.dimension.weight
                    / total
                    * indicator.weight
                    / weights
                    / len(answered)
                    * Fraction(high - level, span)
                    * 100
                )
                gap: Gap = {
                    "item": item.id,
                    "dimension": component.dimension.id,
                    "level": level,
                    "effect": _tenths(effect) / 10,
                }
                found.append((effect, position, gap))
    found.sort(key=lambda entry: (-entry[0], entry[1]))
    return [gap for _, _, gap in found]
