"""Pacing for the speaker view: the agenda's minutes per part, spread over the slides of each part.

A deck's agenda is a table on a slide headed ``## Agenda`` whose first column is the part number and
whose columns named "… menit" / "Menit" give minutes (``—``: the part is left out). A part starts at a
slide headed ``## N · …``; the title and agenda slides count to part 1. The first minutes column
times the full session (reveal.js ``data-timing``, in seconds); a column "60 menit" times the
60-minute session, over the slides not marked ``lewati-60``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scripts.decks.source import Slide

_AGENDA = re.compile(r"<h2[^>]*>Agenda</h2>")
_PART = re.compile(r"<h2[^>]*>\s*(\d+) ·")
_HEADER = re.compile(r"<th[^>]*>(.*?)</th>", re.DOTALL)
_ROW = re.compile(r"<tr>\s*(<td.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


class TimingError(ValueError):
    """An agenda that does not match the deck's parts."""


def _text(cell: str) -> str:
    return html.unescape(_TAG.sub("", cell)).strip()


def agenda(slides: Sequence[Slide]) -> dict[str, dict[int, int]]:
    """Minutes per part for each minutes column of the agenda (empty without an agenda)."""
    table = next((s.html for s in slides if _AGENDA.search(s.html)), None)
    if table is None:
        return {}
    headers = [_text(h) for h in _HEADER.findall(table)]
    columns = {i: name for i, name in enumerate(headers) if "menit" in name.lower()}
    minutes: dict[str, dict[int, int]] = {name: {} for name in columns.values()}
    for row in _ROW.findall(table):
        cells = [_text(c) for c in _CELL.findall(row)]
        for index, name in columns.items():
            minutes[name][int(cells[0])] = int(cells[index]) if cells[index].isdigit() else 0
    return minutes


def _spread(seconds: int, count: int) -> list[int]:
    """``seconds`` over ``count`` slides, whole seconds that add up exactly."""
    share, rest = divmod(seconds, count)
    return [share + (1 if i < rest else 0) for i in range(count)]


def with_timing(slides: Sequence[Slide], source: Path) -> list[Slide]:
    """The slides with ``timing`` (full session) and ``timing_60`` set from the agenda."""
    minutes = agenda(slides)
    if not minutes:
        return list(slides)
    parts, part = [], 1
    for slide in slides:
        if found := _PART.search(slide.html):
            part = int(found[1])
        parts.append(part)
    names = list(minutes)
    result = list(slides)
    for column, field in ((names[0], "timing"), (next((n for n in names if "60" in n), None), "timing_60")):
        if column is None:
            continue
        for number, total in minutes[column].items():
            members = [
                i for i, p in enumerate(parts) if p == number and not (field == "timing_60" and slides[i].skip_60)
            ]
            if total and not members:
                raise TimingError(f"{source}: agenda '{column}': bagian {number} tidak punya slide")
            if not total and members:
                raise TimingError(
                    f"{source}: agenda '{column}': bagian {number} dilewati, tetapi slide {members[0] + 1} "
                    "tidak bertanda lewati-60"
                )
            for index, seconds in zip(members, _spread(total * 60, len(members)) if members else [], strict=True):
                result[index] = (
                    replace(result[index], timing=seconds)
                    if field == "timing"
                    else replace(result[index], timing_60=seconds)
                )
    return result
