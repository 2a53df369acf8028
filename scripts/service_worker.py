"""Offline after one visit: fill the built site's service worker (``sw.js`` at the root) with its precache list.

MkDocs copies ``overrides/sw.js`` to the site root unfilled (``mkdocs serve`` serves it so, and an
unfilled worker only removes itself). This post-build step writes into the built copy every file a
visit may need, each with its size and the first 16 hex digits of its sha256, and a version that is a
hash of that list: any changed file makes a new version, which the page offers as "Versi baru
tersedia — muat ulang". It also switches on the registration in the built ``offline.js`` (off as
``mkdocs serve`` serves it: no worker there).

Left out of the list: the ``.gz``/``.br`` copies (the server's business), source maps, ``sw.js``
itself, and files no page of this site requests in normal use (``OPTIONAL``): the full standard
library ``python_stdlib.zip`` (only a fallback should the trimmed one miss a module, which a test
guards against; 2.5 MB already deflated, it would add over half the runtime again to every first
visit) and Material's search language packs (search runs with ``lang: en``, which loads none). The
worker keeps an optional file once a page has fetched it online.

Runs after the steps that write files (CSP, decks) and before ``precompress``, which compresses the
filled ``sw.js`` too. ``python -m scripts.service_worker SITE`` prints the list's size.
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import re
from pathlib import Path
from typing import NamedTuple

#: The worker at the site root (its scope is the whole site), and the page script that registers it.
WORKER = "sw.js"
REGISTRATION = "assets/javascripts/offline.js"

#: Never in the list: compressed copies, source maps, the worker itself.
EXCLUDED = ("*.gz", "*.br", "*.map", WORKER)
#: Not precached, kept by the worker once used (see the module docstring for why).
OPTIONAL = ("assets/runtime/python_stdlib.zip", "assets/javascripts/lunr/*")

_SLOT = re.compile(r"/\* precache \*/.*?/\* end precache \*/", re.DOTALL)
_SWITCH = re.compile(r"const REGISTER = /\*\* @type \{boolean\} \*/ \((?:false|true)\);")


class ServiceWorkerError(RuntimeError):
    """The built site lacks the worker or its registration script, or they lack their slot."""


class Entry(NamedTuple):
    """One precached file: its address under the site root, size in bytes, and content hash."""

    url: str
    size: int
    sha256: str


def url_of(path: str) -> str:
    """The address a file is requested by, relative to the root: ``x/index.html`` → ``x/``, ``index.html`` → ``./``."""
    if path == "index.html":
        return "./"
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


def _matches(path: str, patterns: tuple[str, ...]) -> bool:
    name = path.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(path, pattern) or fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def site_files(site: Path) -> list[str]:
    """Every file of the built site as a root-relative POSIX path, sorted."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())


def precache_entries(site: Path) -> list[Entry]:
    """The precache list of a built site (every file but the excluded and optional ones)."""
    entries = []
    for path in site_files(site):
        if _matches(path, EXCLUDED) or _matches(path, OPTIONAL):
            continue
        data = (site / path).read_bytes()
        entries.append(Entry(url_of(path), len(data), hashlib.sha256(data).hexdigest()[:16]))
    return entries


def optional_files(site: Path) -> list[str]:
    """The optional files the built site has."""
    return [url_of(path) for path in site_files(site) if not _matches(path, EXCLUDED) and _matches(path, OPTIONAL)]


def version_of(entries: list[Entry], optional: list[str]) -> str:
    """The version: the first 16 hex digits of the sha256 of the list's contents."""
    text = json.dumps([[list(entry) for entry in entries], optional], separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def precache_literal(entries: list[Entry], optional: list[str], version: str) -> str:
    """The JavaScript object literal for the worker's slot (JSON, one file a line)."""
    files = ",\n".join("  " + json.dumps(list(entry), ensure_ascii=False) for entry in entries)
    return (
        f'{{"version": {json.dumps(version)},\n"files": [\n{files}\n],\n'
        f'"optional": {json.dumps(optional, ensure_ascii=False)}}}'
    )


def _fill(path: Path, pattern: re.Pattern[str], replacement: str) -> None:
    if not path.is_file():
        raise ServiceWorkerError(f"{path}: tidak ada (overrides/ tidak tersalin?)")
    text = path.read_text(encoding="utf-8")
    filled, count = pattern.subn(lambda _: replacement, text, count=1)
    if count != 1:
        raise ServiceWorkerError(f"{path}: tempat isian tidak ditemukan")
    path.write_text(filled, encoding="utf-8")


def write_service_worker(site: Path) -> str:
    """Switch on the registration and fill ``sw.js`` of the built ``site`` (again, if need be); returns the version."""
    # First: offline.js is itself in the list.
    _fill(site / REGISTRATION, _SWITCH, "const REGISTER = /** @type {boolean} */ (true);")
    entries = precache_entries(site)
    optional = optional_files(site)
    version = version_of(entries, optional)
    _fill(site / WORKER, _SLOT, f"/* precache */ {precache_literal(entries, optional, version)} /* end precache */")
    return version


def main(argv: list[str] | None = None) -> int:
    """Fill the worker of a built site (normally done by ``scripts.build_site``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    args = parser.parse_args(argv)
    version = write_service_worker(args.site)
    entries = precache_entries(args.site)
    print(f"sw.js {version}: {len(entries)} berkas, {sum(entry.size for entry in entries) / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
