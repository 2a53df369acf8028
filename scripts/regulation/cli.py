"""Command line: ``python -m scripts.regulation {parse,render,check}``.

* ``parse INPUT.txt -o DATA.json``: clean and parse the text copied from a PDF, write the data file,
  print the issues. With errors the data file is not written unless ``--force`` is given.
* ``render DATA.json -o PAGE.md [--source "JDIH …, URL"] [--title …] [--status …]``: write the page.
* ``check INPUT.txt``: print the issues only, including references to pasal that do not exist.

Exit status (as ``python -m assessment``): 0 on success (warnings allowed unless ``--strict``); 2 on
bad input: a file that cannot be read or is not valid, a wrong command line (one line on stderr, no
traceback), or errors found in the text (each printed as ``file:line: galat: …``), or, with
``--strict``, warnings.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from scripts.regulation.errors import RegulationError
from scripts.regulation.model import Issue, Regulation, from_dict, to_dict
from scripts.regulation.parse import parse_text
from scripts.regulation.render import DEFAULT_STATUS, render

BAD_INPUT = 2
ARGPARSE_MESSAGES = (
    (r"the following arguments are required: (.*)", r"argumen wajib belum diberikan: \1"),
    (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
    (r"argument (\S+): invalid choice: (\S+) \(choose from (.*)\)", r"argumen \1: pilihan \2 tidak dikenal (pilih \3)"),
    (r"argument (\S+): expected one argument", r"argumen \1: memerlukan satu nilai"),
    (r"argument (\S+): ignored explicit argument (.*)", r"argumen \1: tidak menerima nilai \2"),
    (r"ambiguous option: (\S+) could match (.*)", r"opsi \1 ambigu: bisa berarti \2"),
)


class UsageError(Exception):
    """A wrong command line: reported on one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would exit itself; keep one error path
        raise UsageError(f"{indonesian(message)} (lihat --help)")


def indonesian(message: str) -> str:
    """An argparse error message in Indonesian (the known ones; others are kept as they are)."""
    for pattern, replacement in ARGPARSE_MESSAGES:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m scripts.regulation",
        description="Mengubah teks peraturan (salinan dari PDF) menjadi berkas data JSON dan halaman Markdown.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    strict = _Parser(add_help=False)
    strict.add_argument("--strict", action="store_true", help="peringatan juga dianggap gagal")

    parse = commands.add_parser("parse", parents=[strict], help="teks → berkas data JSON")
    parse.add_argument("input", type=Path, help="berkas teks (UTF-8) hasil salinan dari PDF")
    parse.add_argument("-o", "--output", default="-", help="berkas data JSON (bawaan: stdout)")
    parse.add_argument("--force", action="store_true", help="tulis berkas data walaupun ada galat")

    page = commands.add_parser("render", parents=[strict], help="berkas data JSON → halaman Markdown")
    page.add_argument("data", type=Path, help="berkas data JSON dari perintah parse")
    page.add_argument("-o", "--output", default="-", help="halaman Markdown (bawaan: stdout)")
    page.add_argument("--source", help='sumber teks, mis. "JDIH Kabupaten Luwu Utara, https://…"')
    page.add_argument("--title", help="judul halaman (bawaan: jenis, nomor, dan tahun peraturan)")
    page.add_argument("--status", default=DEFAULT_STATUS, help="isi baris 'Status teks'")
    page.add_argument("--force", action="store_true", help="tulis halaman walaupun ada peringatan (dengan --strict)")

    check = commands.add_parser("check", parents=[strict], help="hanya memeriksa teks dan melaporkan masalah")
    check.add_argument("input", type=Path, help="berkas teks (UTF-8) hasil salinan dari PDF")
    return parser


def read_text(path: Path) -> str:
    """Read a UTF-8 text file (with or without BOM), turning every failure into a :class:`RegulationError`."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RegulationError(str(path), "", "berkas tidak ditemukan") from None
    except IsADirectoryError:
        raise RegulationError(str(path), "", "bukan berkas") from None
    except UnicodeDecodeError:
        raise RegulationError(str(path), "", "berkas bukan teks UTF-8 (simpan ulang sebagai UTF-8)") from None
    except OSError as error:
        raise RegulationError(str(path), "", f"berkas tidak dapat dibaca ({error.strerror})") from None


def _write_text(path: str, text: str) -> None:
    if path == "-":
        sys.stdout.write(text)
        return
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise RegulationError(str(target), "", f"berkas tidak dapat ditulis ({error.strerror})") from None


def _load_data(path: Path) -> Regulation:
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise RegulationError(str(path), "", f"bukan JSON yang sah (baris {error.lineno}: {error.msg})") from None
    return from_dict(data, source=str(path))


def _report(issues: list[Issue], source: str, strict: bool) -> bool:
    """Print ``issues`` and a summary to stderr; True when they make the command fail."""
    for issue in issues:
        print(issue.format(source), file=sys.stderr)
    errors = sum(1 for i in issues if i.severity == "error")
    warnings = len(issues) - errors
    if issues:
        print(f"{errors} galat, {warnings} peringatan", file=sys.stderr)
    return errors > 0 or (strict and warnings > 0)


def _parse(args: argparse.Namespace) -> int:
    path: Path = args.input
    regulation = parse_text(read_text(path), source=path.name)
    if _report(regulation.issues, path.name, args.strict) and not args.force:
        print("berkas data tidak ditulis; perbaiki teks masukan atau gunakan --force", file=sys.stderr)
        return BAD_INPUT
    _write_text(args.output, json.dumps(to_dict(regulation), ensure_ascii=False, indent=2) + "\n")
    if args.output != "-":
        print(f"ditulis: {args.output} ({len(regulation.pasal_list())} pasal)", file=sys.stderr)
    return 0


def _render(args: argparse.Namespace) -> int:
    regulation = _load_data(args.data)
    page, issues = render(regulation, source=args.source, title=args.title, status=args.status)
    recorded = sum(1 for i in regulation.issues if i.severity == "error")
    if recorded:
        message = f"berkas data mencatat {recorded} galat dari tahap parse"
        issues.insert(0, Issue(1, "warning", "data-has-errors", message))
    if _report(issues, regulation.source_file, args.strict) and not args.force:
        print("halaman tidak ditulis; gunakan --force untuk tetap menulisnya", file=sys.stderr)
        return BAD_INPUT
    _write_text(args.output, page)
    if args.output != "-":
        print(f"ditulis: {args.output}", file=sys.stderr)
    return 0


def _check(args: argparse.Namespace) -> int:
    path: Path = args.input
    regulation = parse_text(read_text(path), source=path.name)
    references = [i for i in render(regulation, source="-")[1] if i.code == "ref-missing"]
    if _report(sorted(regulation.issues + references, key=lambda i: i.line), path.name, args.strict):
        return BAD_INPUT
    print(f"{path.name}: {len(regulation.pasal_list())} pasal, tidak ada galat", file=sys.stderr)
    return 0


def run(argv: Sequence[str] | None = None) -> int:
    """Run a command; raises on bad input, returns the exit status otherwise."""
    args = _parser().parse_args(argv)
    command = {"parse": _parse, "render": _render, "check": _check}[args.command]
    return command(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the exit status."""
    try:
        return run(argv)
    except (UsageError, RegulationError) as error:
        print(f"galat: {error}", file=sys.stderr)
        return BAD_INPUT
