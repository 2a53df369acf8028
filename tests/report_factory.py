"""Answers, reports and earlier results of the shipped instrument, and a hostile copy of an instrument."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from assessment import build_report, load_instrument, score
from assessment._internal.model import Instrument
from assessment._internal.results import Report

INSTRUMENT = load_instrument("berakhlak-individu")
ITEMS = [item.id for item in INSTRUMENT.items]
HOSTILE = "<script>alert('x')</script>\"'&amp;<b onmouseover=x>|*_`[a](javascript:y)#"
"""Text that breaks HTML or Markdown unless it is escaped."""

T = TypeVar("T")


def answers(scored: dict[str, int] | None = None, default: int = 3) -> dict[str, int]:
    """Answers giving each indicator the scored value ``scored[indicator]`` (reverse items answered 6 - v)."""
    values = scored or {}
    result = {}
    for item in INSTRUMENT.items:
        value = values.get(item.indicator, default)
        result[item.id] = 6 - value if item.reverse else value
    return result


def report_for(scored: dict[str, int] | None = None, default: int = 3, **kwargs: Any) -> Report:
    """The report of :func:`answers`; ``kwargs`` go to :func:`build_report`."""
    return build_report(INSTRUMENT, score(INSTRUMENT, answers(scored, default)), **kwargs)


def earlier(scored: dict[str, int] | None, saved_at: str) -> dict[str, Any]:
    """An earlier result as the page stores it (the result plus ``saved_at``)."""
    return {**score(INSTRUMENT, answers(scored)), "saved_at": saved_at}


def _poison(value: T, payload: str) -> T:
    if isinstance(value, str):
        return value + payload  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(_poison(v, payload) for v in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _poison(getattr(value, f.name), payload) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def hostile(instrument: Instrument = INSTRUMENT, payload: str = HOSTILE) -> Instrument:
    """``instrument`` with ``payload`` appended to every text, ids included (bypassing validation)."""
    return _poison(instrument, payload)


def present(value: T | None) -> T:
    """``value``, asserting that the report has this optional part."""
    assert value is not None
    return value
