"""Pure helpers of the benchmark (``scripts/bench.py``): kinds, bytes, CPU time, ratios, the table.

File kinds and byte tallies, CPU time from ``/proc``, medians and ratios, and the printed table.
Nothing here starts a browser; ``tests/test_bench.py`` tests it.
"""

from __future__ import annotations

import math
import os
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

#: File kinds the bytes of a visit are reported by, in the order printed.
KINDS: Final = ("wasm", "stdlib zip", "JS", "CSS", "HTML", "package", "other")


def kind_of(path: str) -> str:
    """The kind of the file a URL path names (query and fragment ignored; ``/x/`` is a page)."""
    name = path.split("?", 1)[0].split("#", 1)[0].rsplit("/", 1)[-1].lower()
    if name.startswith("python_stdlib") and name.endswith(".zip"):
        return "stdlib zip"
    if name == "assessment.zip":
        return "package"
    if not name:
        return "HTML"
    return next((kind for suffixes, kind in _SUFFIXES if name.endswith(suffixes)), "other")


_SUFFIXES: Final = (
    ((".wasm",), "wasm"),
    ((".js", ".mjs"), "JS"),
    ((".css",), "CSS"),
    ((".html", ".htm"), "HTML"),
)


def bytes_by_kind(transfers: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Bytes per kind (every kind present, 0 when none) of ``(url path, bytes)`` pairs."""
    totals = dict.fromkeys(KINDS, 0)
    for path, size in transfers:
        totals[kind_of(path)] += size
    return totals


@dataclass(frozen=True)
class ProcStat:
    """What the benchmark needs of one ``/proc/<pid>/stat`` line."""

    pid: int
    ppid: int
    comm: str
    #: utime + stime + cutime + cstime, in clock ticks: the process's own CPU time and that of its
    #: children it has reaped (a renderer that exited still counts, in its parent).
    ticks: int


def parse_proc_stat(line: str) -> ProcStat:
    """Parse a ``/proc/<pid>/stat`` line; ``comm`` may hold spaces and parentheses (it ends at the last ``)``)."""
    head, _, rest = line.rpartition(")")
    pid, _, comm = head.partition(" (")
    fields = rest.split()
    # After comm: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17); fields[0] is field 3.
    utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
    return ProcStat(int(pid), int(fields[1]), comm, utime + stime + cutime + cstime)


def subtree_ticks(stats: Iterable[ProcStat], root: int, skip: tuple[str, ...] = ("node",)) -> dict[int, int]:
    """CPU ticks of every process below ``root`` (not ``root`` itself), by pid, leaving out some by name.

    Processes whose name starts with one of ``skip`` (Playwright's Node.js driver, ``node`` or
    ``node-MainThread``) are left out, but their children are not.
    """
    children: dict[int, list[ProcStat]] = {}
    for stat in stats:
        children.setdefault(stat.ppid, []).append(stat)
    found: dict[int, int] = {}
    stack = [root]
    while stack:
        for child in children.get(stack.pop(), []):
            if child.pid in found or child.pid == root:
                continue
            if not child.comm.startswith(skip):
                found[child.pid] = child.ticks
            stack.append(child.pid)
    return found


def read_proc(proc: Path = Path("/proc")) -> list[ProcStat]:
    """Every process's stat line that can still be read (processes come and go while reading)."""
    stats = []
    for entry in proc.iterdir():
        if entry.name.isdigit():
            try:
                stats.append(parse_proc_stat((entry / "stat").read_text()))
            except (OSError, ValueError, IndexError):
                continue
    return stats


def cpu_seconds_used(before: Mapping[int, int], after: Mapping[int, int], hz: int | None = None) -> float:
    """CPU seconds the processes used between two :func:`subtree_ticks` readings.

    A process that appeared meanwhile counts from zero; one that vanished is dropped from both (its time
    moves into its parent's reaped-children ticks once the parent has waited for it).
    """
    ticks = sum(after[pid] - before.get(pid, 0) for pid in after)
    return ticks / (hz or os.sysconf("SC_CLK_TCK"))


def median(values: Iterable[float]) -> float:
    """The median of the values (NaN when there are none, so a missing measure prints as such)."""
    values = list(values)
    return statistics.median(values) if values else float("nan")


def ratio(value: float, baseline: float) -> float:
    """``value / baseline``, NaN when the baseline is missing or zero."""
    return value / baseline if baseline else float("nan")


def format_ratio(value: float) -> str:
    """A ratio as printed: two decimals and ``×`` (``0.68×``), ``–`` when unknown."""
    return "–" if math.isnan(value) else f"{value:.2f}×"


def format_bytes(size: float) -> str:
    """Bytes as printed: ``B`` below a kilobyte, ``kB`` below a megabyte, else ``MB`` to the kB (decimal units)."""
    if math.isnan(size):
        return "–"
    if size < 1e3:
        return f"{size:.0f} B"
    if size < 1e6:
        return f"{size / 1e3:.1f} kB"
    return f"{size / 1e6:.3f} MB"


def format_ms(ms: float) -> str:
    """Milliseconds as printed: ``850 ms`` below 10 s, else seconds with one decimal."""
    if math.isnan(ms):
        return "–"
    return f"{ms:,.0f} ms" if ms < 10_000 else f"{ms / 1000:.1f} s"


def is_met(value: float, target: float) -> str:
    """``yes`` when ``value`` is at most ``target``, ``no`` otherwise (also when it could not be measured)."""
    return "yes" if value <= target else "no"


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    measure: str
    value: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    met: str = ""


def ratio_row(measure: str, values: tuple[float, float], texts: tuple[str, str], target: float) -> Row:
    """A row comparing ``values`` (ours, baseline; printed as ``texts``) against a target ratio."""
    share = ratio(*values)
    return Row(measure, *texts, format_ratio(share), f"≤ {target:.2f}×", is_met(share, target))


def bytes_row(measure: str, size: float, target: float, baseline: float | None = None) -> Row:
    """A row comparing a byte count against a byte target (the baseline, if any, for information)."""
    base = format_bytes(baseline) if baseline is not None else ""
    return Row(measure, format_bytes(size), base, "", f"≤ {format_bytes(target)}", is_met(size, target))


HEADER: Final = Row("measure", "value", "baseline", "ratio", "target", "met")


def render_table(rows: Iterable[Row]) -> str:
    """The rows as a plain-text table, one space-padded column each, the header first."""
    lines = [HEADER, *rows]
    cells = [[line.measure, line.value, line.baseline, line.ratio, line.target, line.met] for line in lines]
    widths = [max(len(row[column]) for row in cells) for column in range(6)]
    rendered = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in cells]
    rendered.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(rendered)


def plain_page(site: Path, size: int, exclude: Iterable[str] = ("data-instrument", "reveal")) -> Path | None:
    """The built page without any of ``exclude`` in its HTML whose size is closest to ``size`` bytes."""
    best: tuple[int, Path] | None = None
    for page in sorted(site.rglob("index.html")):
        text = page.read_text(encoding="utf-8", errors="replace")
        if any(marker in text for marker in exclude):
            continue
        distance = abs(page.stat().st_size - size)
        if best is None or distance < best[0]:
            best = (distance, page)
    return best[1] if best else None
