"""Command line: ``python -m assessment {list,validate,score,report,code,recap}``.

Exit status 0 on success, 2 on bad input (one line on stderr, no traceback). ``report`` on a CSV file
and ``recap`` exit 1 when some rows, lines or files could not be used (each named on stderr; the rest
and the summary are still written).
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from assessment._internal.batch import Batch, BatchSummary, CsvFileError
from assessment._internal.batch_output import text_summary, write_csv, write_json, write_markdown
from assessment._internal.catalog import (
    UnknownInstrumentError,
    instrument_ids,
    load_instrument,
    load_instrument_file,
)
from assessment._internal.evaluation import score_evaluation
from assessment._internal.evaluation_view import render_evaluation_document, render_evaluation_markdown
from assessment._internal.json_input import JsonInputError, parse_json
from assessment._internal.model import Instrument, InstrumentError, quote
from assessment._internal.recap import Problem, Source, read_files, read_lines, summarise
from assessment._internal.recap_render import render_recap_csv, render_recap_document, render_recap_markdown
from assessment._internal.recap_units import render_units_csv, render_units_document, render_units_markdown
from assessment._internal.report import build_report, check_base_url
from assessment._internal.report_html import render_document
from assessment._internal.report_markdown import render_markdown
from assessment._internal.result_code import CodeError, encode
from assessment._internal.scoring import AnswerError, score
from assessment._internal.serialize import to_json

BAD_INPUT = 2
SOME_ROWS_BAD = 1
REPORT_FORMATS = ("html", "md", "json")
RECAP_FORMATS = ("json", "md", "csv", "html")
BATCH_WRITERS: dict[str, Callable[[Batch, TextIO], BatchSummary]] = {
    "json": write_json,
    "md": write_markdown,
    "csv": write_csv,
}


class UsageError(Exception):
    """Bad input from the user: reported on one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would exit itself; keep one error path
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m assessment", description="Penilaian asesmen mandiri (BerAKHLAK).")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    commands.add_parser("list", help="daftar instrumen yang tersedia")
    validate = commands.add_parser("validate", help="periksa definisi instrumen")
    validate.add_argument("files", nargs="*", type=Path, help="berkas TOML (bawaan: semua instrumen paket)")
    scoring = commands.add_parser("score", help="hitung hasil dari berkas jawaban JSON")
    scoring.add_argument("--instrument", required=True, help="id instrumen, mis. berakhlak-individu")
    scoring.add_argument("answers", type=Path, help="berkas JSON: objek {id butir: nilai}")
    _report_parser(commands)
    code = commands.add_parser("code", help="kode hasil (untuk rekap kelompok) dari berkas jawaban JSON")
    code.add_argument("--instrument", required=True, help="id instrumen, mis. berakhlak-individu")
    code.add_argument("answers", type=Path, help="berkas JSON: objek {id butir: nilai}")
    recap = commands.add_parser("recap", help="rekap kelompok dari kode hasil, baris angka, atau berkas hasil JSON")
    recap.add_argument("--instrument", required=True, help="id instrumen, mis. berakhlak-individu")
    recap.add_argument(
        "files", nargs="+", type=Path, help="berkas teks (satu kode atau baris angka per baris) atau berkas hasil .json"
    )
    recap.add_argument("--format", default="md", choices=RECAP_FORMATS, help="json, md, csv, atau html (bawaan md)")
    recap.add_argument("-o", "--output", type=Path, help="tulis ke berkas ini, bukan ke layar")
    return parser


def _report_parser(commands: Any) -> None:
    report = commands.add_parser("report", help="laporan hasil satu responden, atau rekap CSV banyak responden")
    report.add_argument("--instrument", required=True, help="id instrumen, mis. berakhlak-individu")
    report.add_argument("answers", type=Path, help="berkas JSON {id butir: nilai}, atau CSV satu baris per responden")
    report.add_argument("--format", default="md", help="html, md, atau json; untuk CSV: json, md, atau csv (bawaan md)")
    report.add_argument(
        "--csv", action="store_true", help="baca berkas sebagai CSV walau namanya tidak berakhiran .csv"
    )
    report.add_argument(
        "--site-url", default="", help="awalan tautan ke situs, mis. https://contoh.go.id/ (bawaan: '')"
    )
    report.add_argument(
        "--history", type=Path, help="berkas JSON: daftar hasil sebelumnya, masing-masing dengan saved_at"
    )
    report.add_argument("-o", "--output", type=Path, help="tulis ke berkas ini, bukan ke layar")


def read_json(path: Path) -> object:
    """Read a JSON file (UTF-8, BOM allowed), turning every failure into a :class:`UsageError`."""
    try:
        return parse_json(path.read_bytes())
    except OSError as error:
        raise UsageError(f"{path}: tidak dapat dibaca ({error.strerror})") from None
    except JsonInputError as error:
        raise UsageError(f"{path}: {error}") from None


def _list() -> None:
    for ident in instrument_ids():
        instrument = load_instrument(ident)
        print(f"{ident}\t{instrument.version}\t{len(instrument.items)} butir\t{instrument.title}")


def _validate(files: list[Path]) -> None:
    instruments = [load_instrument_file(f) for f in files] or [load_instrument(i) for i in instrument_ids()]
    for instrument in instruments:
        print(f"ok\t{instrument.id}\t{instrument.version}\t{len(instrument.items)} butir")


@contextmanager
def _output(path: Path | None, *, bom: bool = False) -> Iterator[TextIO]:
    """Standard output, or the file ``path`` (UTF-8; with BOM when asked, for spreadsheets).

    The file is written under a temporary name in the same folder and renamed over ``path`` only when
    everything was written, so a failure never leaves a half-written file that looks complete.
    """
    if path is None:
        yield sys.stdout
        return
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise UsageError(f"{path}: tidak dapat ditulis ({error.strerror})") from None
    try:
        with open(handle, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as file:
            yield file
        os.chmod(temporary, _new_file_mode(path))
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise UsageError(f"{path}: tidak dapat ditulis ({error.strerror})") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _new_file_mode(path: Path) -> int:
    """The permissions ``path`` has, or those a new file gets (0666 less the umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _site_url(value: str) -> str:
    try:
        return check_base_url(value)
    except ValueError:
        raise UsageError(f"--site-url tidak sah: {quote(value)} (pakai jalur relatif atau alamat http/https)") from None


def _report(args: argparse.Namespace) -> int:
    instrument = load_instrument(args.instrument)
    if args.csv or args.answers.suffix.casefold() == ".csv":
        return _batch(instrument, args)
    if args.format not in REPORT_FORMATS:
        raise UsageError(f"format '{args.format}' tidak dikenal untuk satu responden (pilih html, md, atau json)")
    base = _site_url(args.site_url)
    if instrument.evidence_based:
        return _evaluation_report(instrument, args, base)
    history = read_json(args.history) if args.history else []
    if not isinstance(history, list):
        raise UsageError(f"{args.history}: riwayat harus berupa daftar hasil")
    answers = read_json(args.answers)
    report = build_report(instrument, score(instrument, answers), history, base, encode(instrument, answers))
    text = {"html": render_document, "md": render_markdown, "json": to_json}[args.format](report)
    with _output(args.output) as out:
        out.write(text)
    return 0


def _evaluation_report(instrument: Instrument, args: argparse.Namespace, base: str) -> int:
    """The report of a unit's evidence-based evaluation (a result file or the form's fields as JSON)."""
    result = score_evaluation(instrument, read_json(args.answers))
    if args.format == "html":
        text = render_evaluation_document(instrument, result)
    elif args.format == "md":
        text = render_evaluation_markdown(instrument, result, base)
    else:
        text = to_json(result)
    with _output(args.output) as out:
        out.write(text)
    return 0


def _score(ident: str, path: Path) -> str:
    """The result JSON of one answers file (for an evaluation: unit, period, answers, reasons, evidence)."""
    instrument = load_instrument(ident)
    if instrument.evidence_based:
        return to_json(score_evaluation(instrument, read_json(path)))
    return to_json(score(instrument, read_json(path)))


def _batch(instrument: Instrument, args: argparse.Namespace) -> int:
    writer = BATCH_WRITERS.get(args.format)
    if writer is None:
        raise UsageError(f"format '{args.format}' tidak dikenal untuk berkas CSV (pilih json, md, atau csv)")
    try:
        stream = args.answers.open("rb")
    except OSError as error:
        raise UsageError(f"{args.answers}: tidak dapat dibaca ({error.strerror})") from None
    try:
        with stream:
            batch = Batch(instrument, stream, name=args.answers.name)
            with _output(args.output, bom=args.format == "csv") as out:
                summary = writer(batch, out)
    except CsvFileError as error:
        raise UsageError(f"{args.answers}: {error}") from None
    for bad in summary["bad_rows"]:
        print(f"baris {bad['row']}: {bad['reason']}", file=sys.stderr)
    if args.format == "csv":
        sys.stderr.write(text_summary(summary))
    if summary["rows"] == 0:
        raise UsageError(f"{args.answers}: tidak ada baris jawaban di bawah baris judul")
    return SOME_ROWS_BAD if summary["bad"] else 0


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UsageError(f"{path}: tidak dapat dibaca ({error.strerror})") from None


def _recap(args: argparse.Namespace) -> int:
    """Recap result codes and digit rows (text files) and result files (``.json``) of one instrument."""
    instrument = load_instrument(args.instrument)
    sources: list[Source] = []
    problems: list[Problem] = []
    as_files = [path for path in args.files if instrument.evidence_based or path.suffix.casefold() == ".json"]
    files = [(path.name, _read_bytes(path)) for path in as_files]
    for path in args.files:
        if path not in as_files:
            try:
                text = _read_bytes(path).decode("utf-8-sig")
            except UnicodeDecodeError:
                raise UsageError(f"{path}: bukan teks UTF-8") from None
            found, bad = read_lines(instrument, text, source=path.name)
            sources += found
            problems += bad
    found, bad = read_files(instrument, files)
    recap = summarise(instrument, sources + found, problems + bad)
    if instrument.evidence_based:  # a recap of units: heat map of units × components
        units = {"json": to_json, "md": render_units_markdown, "csv": render_units_csv, "html": render_units_document}
        text = units[args.format](recap)
    elif args.format == "html":
        text = render_recap_document(recap, show_rows=bool(files))
    else:
        text = {"json": to_json, "md": render_recap_markdown, "csv": render_recap_csv}[args.format](recap)
    with _output(args.output, bom=args.format == "csv") as out:
        out.write(text)
    for problem in recap["problems"]:
        where = f"{problem['source']} baris {problem['line']}" if problem["line"] else problem["source"]
        print(f"{where}: {problem['reason']}", file=sys.stderr)
    return SOME_ROWS_BAD if recap["problems"] else 0


def run(argv: Sequence[str] | None = None) -> int:
    """Run a command; raises on bad input, returns the exit status otherwise."""
    args = _parser().parse_args(argv)
    if args.command == "list":
        _list()
    elif args.command == "validate":
        _validate(args.files)
    elif args.command == "report":
        return _report(args)
    elif args.command == "recap":
        return _recap(args)
    elif args.command == "code":
        print(encode(load_instrument(args.instrument), read_json(args.answers)))
    else:
        sys.stdout.write(_score(args.instrument, args.answers))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the exit status."""
    try:
        return run(argv)
    except (UsageError, InstrumentError, UnknownInstrumentError, AnswerError, CodeError) as error:
        message = str(error.args[0]) if isinstance(error, UnknownInstrumentError) else str(error)
        print(f"galat: {message}", file=sys.stderr)
        return BAD_INPUT
