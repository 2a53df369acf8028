"""Benchmark batch scoring: respondents per second through ``report … FILE.csv --format csv``, on one core.

Generates a realistic CSV in a temporary folder (an Indonesian Excel export: BOM, ``;``, CRLF,
timestamp, NIP, a name and a unit per respondent, answers as ``4`` or ``4,00``, a few rows with a
stray quote or a missing answer), then times the command line path in this process (reading,
scoring, the summary, writing the output file) and the same path with the Fraction implementation
(``tests.scoring_oracle``) scoring the rows instead. Both outputs must be byte-identical.

The process is pinned to one core and timed in CPU seconds (``time.process_time``), so other work on
a shared machine does not count against it; the wall-clock rate is printed too.

Run: ``python -m scripts.bench_batch [--rows 20000] [--repeat 3]`` (``make bench`` runs it).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

from assessment import AnswerError, load_instrument
from assessment._internal.batch import Batch, Outcome
from assessment._internal.batch_csv import Record
from assessment._internal.cli import main
from assessment._internal.scoring import Scores
from tests.scoring_oracle import oracle_score

INSTRUMENT_ID = "berakhlak-individu"
TARGET = 20_000
NAMES = ("Andi Baso", "Sitti Aminah", "Muh. Arsyad", "Nurul Hidayah", "Rahmat", "Hj. Nurhayati", "Yusuf", "Ayu Lestari")
UNITS = ("Bagian Umum", "Dinas Kesehatan", "Dinas Pendidikan", "Kecamatan Masamba", "Bappeda", "BKPSDM")


def write_sample(path: Path, rows: int, seed: int = 59) -> None:
    """A spreadsheet export of ``rows`` respondents (about 1 in 500 rows bad, as in real files)."""
    instrument = load_instrument(INSTRUMENT_ID)
    items = [item.id for item in instrument.items]
    rnd = random.Random(seed)  # noqa: S311 - sample data, not secrets
    lines = [";".join(["Stempel waktu", "NIP", "Nama", "Unit kerja", *items])]
    for number in range(rows):
        level = rnd.choice((2, 3, 3, 4, 4, 4, 5, 5))
        cells = [str(min(5, max(1, level + rnd.choice((-1, 0, 0, 1))))) for _ in items]
        if rnd.random() < 0.3:
            cells = [f"{cell},00" for cell in cells]
        name = f"{rnd.choice(NAMES)} {number}"
        if number % 997 == 5:
            name = '"' + name  # a stray quote: costs this row only
        if number % 991 == 7:
            cells[rnd.randrange(len(cells))] = ""  # a missing answer
        stamp = f"{1 + number % 28:02d}/03/2024 {8 + number % 9:02d}:{number % 60:02d}"
        lines.append(";".join([stamp, f"19870315{number:010d}", name, rnd.choice(UNITS), *cells]))
    path.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8", newline="")


def _oracle_score(batch: Batch, record: Record) -> Outcome:
    """Score one row with the Fraction implementation (the shape the CSV writer needs)."""
    label = batch.label(record.cells)
    if record.error is not None:
        return Outcome(record.row, label, error=record.error)
    try:
        result = oracle_score(batch.instrument, batch.answers(record.cells))
    except AnswerError as error:
        return Outcome(record.row, label, error=str(error))
    dimensions = tuple(round(d["index"] * 10) for d in result["dimensions"])
    overall = round(result["overall"]["index"] * 10)
    return Outcome(record.row, label, Scores(result["answered"], (), (), dimensions, overall))


@contextlib.contextmanager
def _one_core() -> Iterator[None]:
    pin = getattr(os, "sched_setaffinity", None)
    if pin is None:
        yield
        return
    before = os.sched_getaffinity(0)
    pin(0, {min(before)})
    try:
        yield
    finally:
        pin(0, before)


def run_cli(source: Path, output: Path) -> tuple[float, float]:
    """CPU and wall seconds for ``report --format csv -o output`` in this process (stderr discarded)."""
    argv = ["report", "--instrument", INSTRUMENT_ID, str(source), "--format", "csv", "-o", str(output)]
    with contextlib.redirect_stderr(io.StringIO()):
        cpu, wall = time.process_time(), time.perf_counter()
        main(argv)
        return time.process_time() - cpu, time.perf_counter() - wall


def measure(rows: int, repeat: int) -> dict[str, float]:
    """Respondents per second: integer scoring (median of ``repeat`` runs, CPU and wall) and the Fraction oracle."""
    with tempfile.TemporaryDirectory() as folder, _one_core():
        source, fast_out, oracle_out = Path(folder, "responden.csv"), Path(folder, "a.csv"), Path(folder, "b.csv")
        write_sample(source, rows)
        load_instrument(INSTRUMENT_ID)  # parsed once, as in any real run after the first
        runs = [run_cli(source, fast_out) for _ in range(repeat)]
        with mock.patch.object(Batch, "_score", _oracle_score):
            oracle_cpu, _ = run_cli(source, oracle_out)
        if fast_out.read_bytes() != oracle_out.read_bytes():
            raise SystemExit("integer scoring and the Fraction oracle wrote different outputs")
    return {
        "cpu": rows / statistics.median(cpu for cpu, _ in runs),
        "wall": rows / statistics.median(wall for _, wall in runs),
        "oracle": rows / oracle_cpu,
    }


def main_bench(argv: list[str] | None = None) -> int:
    """Print the table; exit 1 when integer scoring stays under the target."""
    parser = argparse.ArgumentParser(prog="python -m scripts.bench_batch", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000, help="respondents in the generated file")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of the fast path (median)")
    args = parser.parse_args(argv)
    rates = measure(args.rows, args.repeat)
    fast = rates["cpu"]
    table = [
        ("measure (one core, CPU time)", "value"),
        (f"batch CSV → CSV, integer scoring (median of {args.repeat})", f"{fast:,.0f} respondents/s"),
        ("batch CSV → CSV, Fraction oracle (same file, 1 run)", f"{rates['oracle']:,.0f} respondents/s"),
        ("ratio integer / Fraction", f"{fast / rates['oracle']:.1f}"),
        ("integer scoring, wall clock (machine load counts)", f"{rates['wall']:,.0f} respondents/s"),
        (f"target ≥ {TARGET:,} respondents/s", "met" if fast >= TARGET else "NOT MET"),
    ]
    width = max(len(name) for name, _ in table) + 2
    for name, value in table:
        print(f"{name:<{width}}{value}")
    print(f"{args.rows:,} rows, 42 items, ';' with labels; both outputs byte-identical")
    return 0 if fast >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main_bench())
