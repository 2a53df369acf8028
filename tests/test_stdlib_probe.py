"""The small precompiled standard library holds everything the package imports, and only that.

Checked in Pyodide under Node.js with the small zip alone (no fallback), as the page's worker starts:
``node scripts/precompile_stdlib.mjs --check``. The list of modules to import is derived here from the
package's source (every import statement, also inside functions), independently of the build.
"""

from __future__ import annotations

import ast
import importlib.util
import io
import subprocess
import sys
import traceback
import zipfile
from pathlib import Path

import pytest

from scripts import build_runtime, stdlib_probe
from tests.conftest import BuiltSite

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "precompile_stdlib.mjs"
SMALL = build_runtime.TARGET / "python_stdlib.min.zip"
PACKAGE = build_runtime.TARGET / "assessment.zip"


def stdlib_imports(package: Path = ROOT / "assessment") -> set[str]:
    """Every standard-library module an import statement of the package names (submodules included).

    The command line's modules are left out: the page never runs them.
    """
    names: set[str] = set()
    for path in package.rglob("*.py"):
        if path.name in stdlib_probe.COMMAND_LINE_ONLY:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
                names.update(submodule for alias in node.names if (submodule := _submodule(node.module, alias.name)))
    return {name for name in names if name.partition(".")[0] in sys.stdlib_module_names} - {"__future__"}


def _submodule(module: str, name: str) -> str | None:
    """``module.name`` if that is a standard-library module (``from importlib import resources``)."""
    if module.partition(".")[0] not in sys.stdlib_module_names:
        return None
    try:
        return f"{module}.{name}" if importlib.util.find_spec(f"{module}.{name}") else None
    except ModuleNotFoundError:  # `module` is not a package
        return None


def check(small: Path, *modules: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", str(SCRIPT), "--check", str(small), str(PACKAGE), *modules],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.fixture(scope="module")
def runtime(built_site: BuiltSite) -> Path:
    """The runtime folder, rebuilt from the current code by the session's site build."""
    assert SMALL.is_file()
    assert PACKAGE.is_file()
    return build_runtime.TARGET


def test_the_source_scan_finds_function_level_and_submodule_imports(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(
        "from importlib import resources\nfrom collections.abc import Mapping\n"
        "from __future__ import annotations\nfrom . import sibling\n\ndef f():\n    import csv\n",
        encoding="utf-8",
    )
    assert stdlib_imports(tmp_path) == {"importlib", "importlib.resources", "collections.abc", "csv"}


def test_everything_the_package_imports_is_in_the_small_stdlib(runtime: Path) -> None:
    modules = sorted(stdlib_imports())
    assert {"json", "fractions", "tomllib"} <= set(modules)
    result = check(SMALL, *modules)
    assert result.returncode == 0, result.stderr


def test_the_check_names_a_module_missing_from_the_small_stdlib(runtime: Path, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(SMALL) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            if not info.filename.startswith("fractions"):
                target.writestr(info, source.read(info))
    cut = tmp_path / "cut.zip"
    cut.write_bytes(buffer.getvalue())
    result = check(cut, "json")
    assert result.returncode == 1
    assert "fractions" in result.stderr


def test_only_the_modules_and_codecs_used_are_kept(runtime: Path) -> None:
    with zipfile.ZipFile(SMALL) as small:
        names = set(small.namelist())
    codecs = {name for name in names if name.startswith("encodings/") and name.endswith(".pyc")}
    assert {"encodings/__init__.pyc", "encodings/utf_8.pyc"} <= codecs
    assert len(codecs) <= 8, sorted(codecs)
    # Submodules of a kept package that nothing imports stay out (whole packages are not copied).
    assert "asyncio/__init__.pyc" in names
    assert not {"asyncio/windows_events.pyc", "concurrent/futures/process.pyc", "logging/handlers.pyc"} & names
    assert not any(name.endswith(".py") for name in names)  # precompiled, no sources


def test_the_package_zip_is_the_package_precompiled_without_the_command_line(runtime: Path) -> None:
    with zipfile.ZipFile(PACKAGE) as package:
        infos = package.infolist()
    names = {info.filename for info in infos}
    assert {"assessment/__init__.pyc", "assessment/_internal/service.pyc"} <= names
    assert {
        f"assessment/instruments/{path.name}" for path in (ROOT / "assessment" / "instruments").glob("*.toml")
    } <= names
    assert not {"assessment/__main__.pyc", "assessment/_internal/cli.pyc"} & names
    assert not any(name.endswith(".py") or "__pycache__" in name for name in names)
    assert {info.compress_type for info in infos} == {zipfile.ZIP_STORED}  # stored-zip.js reads only these


SAMPLE = '''\
"""A module."""


def outer(value):
    """Docstring."""
    total = value + 1

    def inner():
        return {}[total]

    return inner()
'''


def test_without_line_numbers_maps_every_instruction_to_the_first_line_and_tracebacks_still_work() -> None:
    code = stdlib_probe.without_line_numbers(compile(SAMPLE, "/lib/sample.py", "exec"))
    full = compile(SAMPLE, "/lib/sample.py", "exec")
    functions = [const for const in code.co_consts if hasattr(const, "co_code")]
    (outer,) = functions
    (inner,) = [const for const in outer.co_consts if hasattr(const, "co_code")]
    for each in (code, outer, inner):
        assert {line for _, _, line in each.co_lines()} == {each.co_firstlineno}
        assert all(position[0] == each.co_firstlineno for position in each.co_positions())
    assert len(code.co_linetable) < len(full.co_linetable)
    namespace: dict[str, object] = {}
    exec(code, namespace)
    with pytest.raises(KeyError) as caught:
        namespace["outer"](1)  # type: ignore[operator]
    lines = "".join(traceback.format_exception(caught.value))
    assert 'File "/lib/sample.py", line 4, in outer' in lines
    assert 'File "/lib/sample.py", line 8, in inner' in lines


def test_the_small_stdlib_keeps_no_line_tables(runtime: Path) -> None:
    with zipfile.ZipFile(SMALL) as small, zipfile.ZipFile(PACKAGE) as package:
        total = sum(info.file_size for info in small.infolist()) + sum(info.file_size for info in package.infolist())
    assert total < 3_300_000  # 3.65 MB with line tables (2026-11-29)
