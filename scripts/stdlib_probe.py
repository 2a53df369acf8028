"""Cut Pyodide's standard library down to what the page uses, precompiled: runs *inside* Pyodide.

``scripts/precompile_stdlib.mjs`` starts Pyodide under Node.js with the full ``python_stdlib.zip``,
places our wheel's files as the page's worker places the package (no Python involved), puts this file
on ``sys.path`` and calls :func:`main`.
Every module of our package is imported and the page's workload run (what the worker asks
``assessment._internal.service.handle``); then the standard-library modules loaded so far are
measured, one by one (a package's other submodules and the unused codecs stay out), before this
script imports anything of its own to write the zip. Each kept ``.py`` is compiled by this very
Pyodide to a sourceless unchecked-hash ``.pyc`` (so the bytecode matches the CPython in the
browser), without docstrings and line numbers, and stored uncompressed (the web server compresses the whole file
better). Our package is written the same way to its own zip (:func:`write_package`), so the browser
neither unpacks a wheel with Python nor compiles the package's sources at every start.

:func:`check` is the other direction, for the tests: in a Pyodide that has only the small zip, import
everything and run the workload again, and name every module that is missing.

Only ``sys`` is imported at the top, and the Python version comes from the running Pyodide.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing's: nothing but sys is imported before the measurement
if TYPE_CHECKING:
    import ast
    import types

PACKAGE = "assessment"

#: Docstrings are dropped (about a seventh of the compressed size), except in Pyodide's own packages,
#: which hand them to JavaScript.
KEEP_DOCSTRINGS = ("_pyodide/", "pyodide/")

#: The command line's modules: the page never runs them, so their imports (argparse, tempfile, …) stay out.
COMMAND_LINE_ONLY = ("__main__.py", "cli.py")

#: Codecs Python itself may look up by name; any other codec is kept only when the workload used it.
BASIC_CODECS = ("encodings/utf_8.py", "encodings/ascii.py", "encodings/latin_1.py")


def stdlib_zip_path() -> str:
    """Where Pyodide mounts its standard library, e.g. ``/lib/python314.zip``."""
    return f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"


def package_modules(package: str = PACKAGE) -> list[str]:
    """Every module of the installed ``package`` (found on disk, so none is forgotten) but the command line's."""
    import importlib  # noqa: PLC0415 (already loaded by Pyodide's start-up; nothing new is counted)
    import os  # noqa: PLC0415

    root = os.path.dirname(importlib.import_module(package).__file__ or "")
    names = []
    for folder, _, files in sorted(os.walk(root)):
        relative = os.path.relpath(folder, root)
        prefix = package if relative == "." else f"{package}.{relative.replace(os.sep, '.')}"
        for file in sorted(files):
            if file.endswith(".py") and file not in COMMAND_LINE_ONLY:
                stem = file.removesuffix(".py")
                names.append(prefix if stem == "__init__" else f"{prefix}.{stem}")
    return names


def run_workload() -> None:
    """Import every module of the package, then run what the page's worker runs, valid and invalid."""
    import importlib  # noqa: PLC0415 (see package_modules)

    for name in package_modules():
        importlib.import_module(name)
    assessment = importlib.import_module(PACKAGE)
    service = importlib.import_module(f"{PACKAGE}._internal.service")
    json = importlib.import_module("json")  # the service's own import; loaded by Pyodide's start-up too
    history = [{"saved_at": "2024-03-12T14:05:00+08:00", "schema_version": 1}, {"saved_at": "x", "dimensions": [[]]}]
    for ident in assessment.instrument_ids():
        items = [item.id for item in assessment.load_instrument(ident).items]
        answers = dict.fromkeys(items, 4)
        first = json.loads(service.handle(json.dumps({"instrument": ident, "answers": answers})))
        again = {"instrument": ident, "answers": answers, "base_url": "../../"}
        history.append({**first.get("result", {}), "saved_at": "2024-03-12T14:05:00+08:00"})
        service.handle(json.dumps({**again, "history": history}))
        service.handle(json.dumps({"instrument": ident, "answers": {items[0]: 9, items[1]: "x"}}))
        lines = "\n".join(["4" * len(items), "bukan kode", ""])
        service.handle(json.dumps({"instrument": ident, "action": "recap", "lines": lines}))
        files = [{"name": "hasil.json", "text": first.get("json", "")}, {"name": "rusak.json", "text": "\ufeff{"}]
        service.handle(json.dumps({"instrument": ident, "action": "recap", "files": files}))
    service.handle("not json")
    service.handle('{"instrument": "tidak-ada", "answers": {}}')


def loaded_stdlib_files() -> set[str]:
    """The standard-library zip entries of the loaded modules, e.g. ``json/decoder.py``."""
    prefix = stdlib_zip_path() + "/"
    files = {getattr(module, "__file__", None) or "" for module in list(sys.modules.values())}
    return {file.removeprefix(prefix) for file in files if file.startswith(prefix)}


def without_docstrings(source: bytes, filename: str) -> ast.Module:
    """The module's syntax tree without docstrings (what ``python -OO`` drops, asserts kept)."""
    import ast  # noqa: PLC0415 (the build's own imports come after the measurement)

    tree = ast.parse(source, filename)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        first = node.body[0] if node.body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
            node.body = node.body[1:] or ([] if isinstance(node, ast.Module) else [ast.Pass()])
    return ast.fix_missing_locations(tree)


def hash_pyc(source: bytes, filename: str, *, docstrings: bool = True) -> bytes:
    """``source`` compiled to a sourceless ``.pyc`` with an unchecked source hash (PEP 552)."""
    import importlib.util  # noqa: PLC0415 (the build's own imports come after the measurement)
    import marshal  # noqa: PLC0415

    tree = without_docstrings(source, filename) if not docstrings else None
    code = compile(source if tree is None else tree, filename, "exec", dont_inherit=True)
    flags = 0b01  # hash-based, check_source off
    return (
        importlib.util.MAGIC_NUMBER
        + flags.to_bytes(4, "little")
        + importlib.util.source_hash(source)
        + marshal.dumps(without_line_numbers(code))
    )


def without_line_numbers(code: types.CodeType) -> types.CodeType:
    """``code`` and every code object in it with a line table that says "the first line" throughout.

    Line tables are debug information, about a third of the compressed standard library. This one
    maps every instruction to the line of its ``def`` (or a module's first line), without columns:
    two bytes per eight instructions, the same two bytes each time, so it compresses to almost
    nothing. Tracebacks in the browser then name files, functions and their first lines; the
    ``traceback`` module, which needs positions to exist, keeps working. The command line and the
    tests run the sources, with every line.
    """
    import types  # noqa: PLC0415 (the build's own imports come after the measurement)

    consts = tuple(without_line_numbers(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    units = len(code.co_code) // 2  # code units, inline caches included
    # An entry: 1, code 13 ("no column information"), length - 1 (up to 8 units), then the line delta 0.
    table = b"".join(bytes((0x80 | 13 << 3 | (min(8, units - start) - 1), 0)) for start in range(0, units, 8))
    return code.replace(co_linetable=table, co_consts=consts)


def write_precompiled(source_zip: str, target_zip: str, keep: set[str]) -> int:
    """Copy the ``keep`` entries of ``source_zip`` (and their folders), compiled; returns the files written."""
    import zipfile  # noqa: PLC0415 (the build's own imports come after the measurement)

    folders = {file[: index + 1] for file in keep for index, char in enumerate(file) if char == "/"}
    written = 0
    with zipfile.ZipFile(source_zip) as source, zipfile.ZipFile(target_zip, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            name = info.filename
            if name in folders:
                target.writestr(zipfile.ZipInfo(name, info.date_time), b"")
            elif name in keep:
                data = source.read(info)
                if name.endswith(".py"):
                    docstrings = name.startswith(KEEP_DOCSTRINGS)
                    data = hash_pyc(data, f"{stdlib_zip_path()}/{name}", docstrings=docstrings)
                    name += "c"
                target.writestr(zipfile.ZipInfo(name, info.date_time), data)
                written += 1
    return written


def write_package(target_zip: str, package: str = PACKAGE) -> int:
    """Write the installed ``package`` to a stored zip, modules precompiled, data files as they are.

    Entries are named from the package's parent folder (``assessment/_internal/model.pyc``); the
    command line's modules are left out. Returns the files written.
    """
    import importlib  # noqa: PLC0415 (see package_modules)
    import os  # noqa: PLC0415
    import zipfile  # noqa: PLC0415 (the build's own imports come after the measurement)

    root = os.path.dirname(importlib.import_module(package).__file__ or "")
    parent = os.path.dirname(root)
    written = 0
    with zipfile.ZipFile(target_zip, "w", zipfile.ZIP_STORED) as target:
        for folder, folders, files in sorted(os.walk(root)):
            folders[:] = sorted(name for name in folders if name != "__pycache__")
            for file in sorted(files):
                path = os.path.join(folder, file)
                name = os.path.relpath(path, parent)
                if file in COMMAND_LINE_ONLY or file.endswith(".pyc"):
                    continue
                with open(path, "rb") as handle:
                    data = handle.read()
                if file.endswith(".py"):
                    data, name = hash_pyc(data, path, docstrings=False), name + "c"
                target.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data)
                written += 1
    return written


def main(source_zip: str, target_zip: str, package_zip: str) -> str:
    """Run the workload, measure, then write the cut-down zip and the package's; returns a one-line summary."""
    run_workload()
    keep = loaded_stdlib_files() | set(BASIC_CODECS)
    written = write_precompiled(source_zip, target_zip, keep)
    package_files = write_package(package_zip)
    codecs = sorted(
        name.removeprefix("encodings/").removesuffix(".py") for name in keep if name.startswith("encodings/")
    )
    return (
        f"{written} modules precompiled (Python {sys.version.split()[0]}; encodings: {', '.join(codecs)}); "
        f"package: {package_files} files"
    )


def check(names: list[str]) -> list[str]:
    """In a Pyodide with only the small zip: what fails to import of ``names`` and of the workload."""
    import importlib  # noqa: PLC0415 (see package_modules)

    missing = []
    for name in names:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            missing.append(f"{name} ({error.name})")
    try:
        run_workload()
    except ModuleNotFoundError as error:
        missing.append(f"workload ({error.name})")
    return missing
