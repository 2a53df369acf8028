"""Cut Pyodide's standard library down to what the page uses, precompiled: runs *inside* Pyodide.

``scripts/precompile_stdlib.mjs`` starts Pyodide under Node.js with the full ``python_stdlib.zip``,
installs our wheel, puts this file on ``sys.path`` and calls :func:`main`. The browser's workload
(what the page's worker runs) is run first; the standard-library modules it loaded are kept, every
``.py`` compiled by this very Pyodide to a sourceless unchecked-hash ``.pyc`` (so the bytecode
matches the CPython in the browser), stored uncompressed (the web server compresses the whole file
better). The Python version comes from the running Pyodide, never from a constant.
"""

from __future__ import annotations

import json
import sys
from types import ModuleType

#: Codecs are looked up by name at run time, so the ``encodings`` package stays whole.
ALWAYS_KEPT = frozenset({"encodings"})


def stdlib_zip_path() -> str:
    """Where Pyodide mounts its standard library, e.g. ``/lib/python314.zip``."""
    return f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"


def run_workload() -> None:
    """What the page's worker runs (``assessment._internal.service.handle``), valid and invalid."""
    import assessment  # noqa: PLC0415 (imported only now: its imports are what we measure)
    from assessment._internal import service  # noqa: PLC0415

    for ident in assessment.instrument_ids():
        items = [item.id for item in assessment.load_instrument(ident).items]
        service.handle(json.dumps({"instrument": ident, "answers": dict.fromkeys(items, 4)}))
        service.handle(json.dumps({"instrument": ident, "answers": {items[0]: 9}}))
    service.handle("not json")


def loaded_stdlib_modules(modules: dict[str, ModuleType] | None = None) -> set[str]:
    """Names of the loaded modules that came from the standard-library zip."""
    prefix = stdlib_zip_path() + "/"
    loaded = sys.modules if modules is None else modules
    return {
        name for name, module in list(loaded.items()) if (getattr(module, "__file__", None) or "").startswith(prefix)
    }


def top_level(filename: str) -> str:
    """The top-level module or package a zip entry belongs to: ``json/decoder.py`` → ``json``."""
    return filename.partition("/")[0].removesuffix(".py")


def hash_pyc(source: bytes, filename: str) -> bytes:
    """``source`` compiled to a sourceless ``.pyc`` with an unchecked source hash (PEP 552)."""
    import importlib.util  # noqa: PLC0415 (the build's own imports come after the measurement)
    import marshal  # noqa: PLC0415

    code = compile(source, filename, "exec", dont_inherit=True)
    flags = 0b01  # hash-based, check_source off
    return (
        importlib.util.MAGIC_NUMBER
        + flags.to_bytes(4, "little")
        + importlib.util.source_hash(source)
        + marshal.dumps(code)
    )


def write_precompiled(source_zip: str, target_zip: str, keep: set[str]) -> int:
    """Copy the entries of ``source_zip`` whose top-level module is in ``keep``; returns the files compiled."""
    import zipfile  # noqa: PLC0415 (the build's own imports come after the measurement)

    compiled = 0
    with zipfile.ZipFile(source_zip) as source, zipfile.ZipFile(target_zip, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            if top_level(info.filename) not in keep:
                continue
            data = source.read(info)
            name = info.filename
            if name.endswith(".py"):
                data = hash_pyc(data, f"{stdlib_zip_path()}/{name}")
                name += "c"
                compiled += 1
            target.writestr(zipfile.ZipInfo(name, info.date_time), data)
    return compiled


def main(source_zip: str, target_zip: str) -> str:
    """Run the workload, then write the cut-down zip; returns a one-line summary."""
    run_workload()
    keep = {name.partition(".")[0] for name in loaded_stdlib_modules()} | ALWAYS_KEPT
    compiled = write_precompiled(source_zip, target_zip, keep)
    return f"{len(keep)} top-level modules, {compiled} files precompiled (Python {sys.version.split()[0]})"
