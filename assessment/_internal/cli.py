"""Command line: ``python -m assessment {list,validate,score}``.

Exit status 0 on success, 2 on bad input (one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assessment._internal.catalog import (
    UnknownInstrumentError,
    instrument_ids,
    load_instrument,
    load_instrument_file,
)
from assessment._internal.model import InstrumentError
from assessment._internal.scoring import AnswerError, score
from assessment._internal.serialize import to_json

BAD_INPUT = 2


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
    return parser


def read_json(path: Path) -> object:
    """Read a JSON file, turning every failure into a :class:`UsageError`."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"{path}: tidak dapat dibaca ({error.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UsageError(f"{path}: bukan JSON yang sah ({error})") from None


def _list() -> None:
    for ident in instrument_ids():
        instrument = load_instrument(ident)
        print(f"{ident}\t{instrument.version}\t{len(instrument.items)} butir\t{instrument.title}")


def _validate(files: list[Path]) -> None:
    instruments = [load_instrument_file(f) for f in files] or [load_instrument(i) for i in instrument_ids()]
    for instrument in instruments:
        print(f"ok\t{instrument.id}\t{instrument.version}\t{len(instrument.items)} butir")


def run(argv: Sequence[str] | None = None) -> None:
    """Run a command; raises on bad input."""
    args = _parser().parse_args(argv)
    if args.command == "list":
        _list()
    elif args.command == "validate":
        _validate(args.files)
    else:
        sys.stdout.write(to_json(score(load_instrument(args.instrument), read_json(args.answers))))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the exit status."""
    try:
        run(argv)
    except (UsageError, InstrumentError, UnknownInstrumentError, AnswerError) as error:
        message = str(error.args[0]) if isinstance(error, UnknownInstrumentError) else str(error)
        print(f"galat: {message}", file=sys.stderr)
        return BAD_INPUT
    return 0
