"""Command line: ``python -m scripts.regulation {parse,render,check}``.

* ``parse INPUT.txt -o DATA.json``: clean and parse the text copied from a PDF, write the data file,
  print the issues. With errors the data file is not written unless ``--force`` is given.
* ``render DATA.json -o PAGE.md [--source "JDIH …, URL"] [--title …] [--status …]``: write the page.
* ``check INPUT.txt``: print the issues only, including references to pasal that do not exist.

Exit status: 0 on success (warnings allowed unless ``--strict``); 2 when the input cannot be read or
is not valid, when errors are found, or, with ``--strict``, when warnings are found. Messages are
printed to stderr, one line each, without traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scripts.regulation.model import DataError, Issue, Regulation, from_dict, to_dict
from scripts.regulation.parse import parse_text
from scripts.regulation.render import DEFAULT_STATUS, render

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class CliError(Exception):
    """A problem to report in one line, ending the command with exit status 2."""


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CliError(f"berkas tidak ditemukan: {path}") from None
    except IsADirectoryError:
        raise CliError(f"bukan berkas: {path}") from None
    except UnicodeDecodeError:
        raise CliError(f"berkas bukan teks UTF-8: {path} (simpan ulang sebagai UTF-8)") from None
    except OSError as error:
        raise CliError(f"berkas tidak dapat dibaca: {path} ({error.strerror})") from None


def _write_text(path: str, text: str) -> None:
    if path == "-":
        sys.stdout.write(text)
        return
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CliError(f"berkas tidak dapat ditulis: {target} ({error.strerror})") from None


def _load_data(path: Path) -> Regulation:
    try:
        data = json.loads(_read_text(path))
    except json.JSONDecodeError as error:
        raise CliError(f"{path}: bukan JSON yang sah (baris {error.lineno}: {error.msg})") from None
    try:
        return from_dict(data)
    except DataError as error:
        raise CliError(f"{path}: {error}") from None


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
    path = Path(args.input)
    regulation = parse_text(_read_text(path), source=path.name)
    failed = _report(regulation.issues, path.name, args.strict)
    if failed and not args.force:
        print("berkas data tidak ditulis; perbaiki teks masukan atau gunakan --force", file=sys.stderr)
        return EXIT_BAD_INPUT
    _write_text(args.output, json.dumps(to_dict(regulation), ensure_ascii=False, indent=2) + "\n")
    if args.output != "-":
        count = len(regulation.pasal_list())
        print(f"ditulis: {args.output} ({count} pasal)", file=sys.stderr)
    return EXIT_OK


def _render(args: argparse.Namespace) -> int:
    path = Path(args.data)
    regulation = _load_data(path)
    page, issues = render(regulation, source=args.source, title=args.title, status=args.status, data_name=path.name)
    recorded = sum(1 for i in regulation.issues if i.severity == "error")
    if recorded:
        issues.insert(
            0, Issue(1, "warning", "data-has-errors", f"berkas data mencatat {recorded} galat dari tahap parse")
        )
    failed = _report(issues, regulation.source_file, args.strict)
    if failed and not args.force:
        print("halaman tidak ditulis; gunakan --force untuk tetap menulisnya", file=sys.stderr)
        return EXIT_BAD_INPUT
    _write_text(args.output, page)
    if args.output != "-":
        print(f"ditulis: {args.output}", file=sys.stderr)
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    path = Path(args.input)
    regulation = parse_text(_read_text(path), source=path.name)
    _, render_issues = render(regulation, source="-")
    references = [i for i in render_issues if i.code == "ref-missing"]
    issues = sorted(regulation.issues + references, key=lambda i: i.line)
    if _report(issues, path.name, args.strict):
        return EXIT_BAD_INPUT
    print(f"{path.name}: {len(regulation.pasal_list())} pasal, tidak ada galat", file=sys.stderr)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command."""
    parser = argparse.ArgumentParser(
        prog="python -m scripts.regulation",
        description="Mengubah teks peraturan (salinan dari PDF) menjadi berkas data JSON dan halaman Markdown.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    strict = argparse.ArgumentParser(add_help=False)
    strict.add_argument("--strict", action="store_true", help="peringatan juga dianggap gagal")

    parse = commands.add_parser("parse", parents=[strict], help="teks → berkas data JSON")
    parse.add_argument("input", help="berkas teks (UTF-8) hasil salinan dari PDF")
    parse.add_argument("-o", "--output", default="-", help="berkas data JSON (bawaan: stdout)")
    parse.add_argument("--force", action="store_true", help="tulis berkas data walaupun ada galat")
    parse.set_defaults(run=_parse)

    page = commands.add_parser("render", parents=[strict], help="berkas data JSON → halaman Markdown")
    page.add_argument("data", help="berkas data JSON dari perintah parse")
    page.add_argument("-o", "--output", default="-", help="halaman Markdown (bawaan: stdout)")
    page.add_argument("--source", help='sumber teks, mis. "JDIH Kabupaten Luwu Utara, https://…"')
    page.add_argument("--title", help="judul halaman (bawaan: jenis, nomor, dan tahun peraturan)")
    page.add_argument("--status", default=DEFAULT_STATUS, help="isi baris 'Status teks'")
    page.add_argument("--force", action="store_true", help="tulis halaman walaupun ada peringatan (dengan --strict)")
    page.set_defaults(run=_render)

    check = commands.add_parser("check", parents=[strict], help="hanya memeriksa teks dan melaporkan masalah")
    check.add_argument("input", help="berkas teks (UTF-8) hasil salinan dari PDF")
    check.set_defaults(run=_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except CliError as error:
        print(f"galat: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return status
