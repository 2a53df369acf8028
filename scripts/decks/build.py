"""Write the decks: one reveal.js page per deck, the shared assets and a presenter's zip per deck.

Layout under the target folder (``site/presentasi/`` after a build; ``docs/presentasi/`` for
``make serve``, git-ignored there):

* ``<deck>/slides/index.html``: the slides, beside the deck's handout page ``<deck>/index.html``;
* ``aset-slide/``: reveal.js 6 (``node_modules/reveal.js/dist``: ``reset.css``, ``reveal.css``,
  ``reveal.js``, ``plugin/notes.js``), its licence, and this package's ``deck.css`` and ``deck.js``;
* ``unduh/<deck>.zip``: ``<deck>/index.html`` with its own ``aset-slide/``, which runs from disk
  (file://) with no network: only relative paths and classic scripts.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import zipfile
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from scripts.decks.source import DOCS, ROOT, Deck, DeckError, deck_sources, load_deck
from scripts.templating import environment

REVEAL = ROOT / "node_modules" / "reveal.js"
STATIC = Path(__file__).parent / "static"
ASSETS = "aset-slide"
DOWNLOADS = "unduh"
#: Files of reveal.js's dist/ the decks use, by the name they get in ``aset-slide/``.
REVEAL_FILES = {
    "reset.css": "reset.css",
    "reveal.css": "reveal.css",
    "reveal.js": "reveal.js",
    "notes.js": "plugin/notes.js",
}
_ZIP_TIME = (2024, 3, 6, 0, 0, 0)  # fixed, so that the same sources give the same zip
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
_SPEAKER_VIEW = re.compile(r"\.document\.write\(`(?P<template>[^`]*)`\)")
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)", re.DOTALL)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "/": "/", "`": "`", "$": "$", "'": "'", '"': '"'}


class PolicyError(RuntimeError):
    """The speaker view of the installed reveal.js is not what the deck policy was made for."""


def _cook(template: str) -> str:
    """The string a JavaScript template literal without ``${…}`` evaluates to."""
    if "${" in template:
        raise PolicyError("tampilan pembicara reveal.js memuat ${…}; kebijakan keamanan tidak dapat dihitung")

    def escape(match: re.Match[str]) -> str:
        code = match[1]
        if code[0] in "xu" and len(code) > 1:
            return chr(int(code[1:], 16))
        if code in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[code]
        raise PolicyError(f"urutan escape tak dikenal di tampilan pembicara reveal.js: \\{code}")

    return _ESCAPE.sub(escape, template.replace("\r\n", "\n"))


def _sha256(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def speaker_view_hashes() -> list[str]:
    """CSP hashes of the inline scripts of the speaker view the notes plugin writes.

    The plugin opens ``about:blank`` and writes a whole page into it; that page inherits the deck's
    policy, so its inline script and style must be allowed by hash.
    """
    found = _SPEAKER_VIEW.search((REVEAL / "dist" / REVEAL_FILES["notes.js"]).read_text(encoding="utf-8"))
    if not found:
        raise PolicyError("tampilan pembicara tidak ditemukan di plugin notes reveal.js")
    page = _cook(found["template"])
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    if not scripts:
        raise PolicyError("tampilan pembicara reveal.js tanpa skrip")
    return [_sha256(text) for text in scripts]


def deck_policy() -> str:
    """The Content-Security-Policy of a deck page: its own files, the speaker view's script by hash."""
    scripts = speaker_view_hashes()
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["script-src 'self'", *scripts]),
            # reveal.js writes <style> elements while laying out ?print-pdf pages (page size, notes
            # pages) and the speaker view has its own: inline styles are allowed, scripts are not.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'none'",
        ]
    )


_templates = environment(Path(__file__).parent / "templates")


def reveal_version() -> str:
    """The version of the installed reveal.js (pinned in package.json)."""
    return str(json.loads((REVEAL / "package.json").read_text(encoding="utf-8"))["version"])


def assets() -> dict[str, bytes]:
    """The files of ``aset-slide/`` by name."""
    dist = REVEAL / "dist"
    files = {name: (dist / source).read_bytes() for name, source in REVEAL_FILES.items()}
    files["LICENSE-reveal.js.txt"] = (REVEAL / "LICENSE").read_bytes()
    files.update({path.name: path.read_bytes() for path in sorted(STATIC.iterdir()) if path.is_file()})
    return files


def render(deck: Deck, assets_prefix: str, site_url: str, site_name: str) -> str:
    """The deck's HTML; ``assets_prefix`` is the relative path to ``aset-slide/``."""
    return _templates.get_template("deck.html.j2").render(
        deck=deck,
        assets=assets_prefix,
        page_url=site_url.rstrip("/") + "/" + deck.page_path,
        site_name=site_name,
        reveal_version=reveal_version(),
        policy=deck_policy(),
    )


def _readme(deck: Deck, site_url: str) -> str:
    return (
        f"{deck.title}\n\n"
        "Membuka slide tanpa jaringan: ekstrak berkas zip ini, lalu buka index.html di folder\n"
        f"{deck.slug}/ dengan peramban (Chrome, Edge, Firefox). Tidak perlu internet.\n\n"
        "Tombol: panah atau spasi = slide berikutnya; S = tampilan pembicara (catatan, waktu,\n"
        "slide berikutnya; izinkan jendela pop-up); F = layar penuh; Esc = ikhtisar.\n"
        "Sesi 60 menit: tambahkan ?sesi=60 di belakang alamat index.html.\n"
        "PDF A4 dengan catatan: buka index.html?print-pdf&showNotes=separate-page, lalu cetak\n"
        "ke PDF (tata letak mendatar, margin tidak ada, grafis latar aktif).\n\n"
        f"Bahan dan penjelasan lengkap: {site_url.rstrip('/')}/{deck.page_path}\n"
    )


def write_zip(deck: Deck, path: Path, site_url: str, site_name: str, files: dict[str, bytes]) -> None:
    """The presenter's download: ``<deck>/index.html`` with its assets and a short read-me."""
    path.parent.mkdir(parents=True, exist_ok=True)
    entries = {
        f"{deck.slug}/index.html": render(deck, f"{ASSETS}/", site_url, site_name).encode(),
        f"{deck.slug}/BACA-SAYA.txt": _readme(deck, site_url).encode(),
        **{f"{deck.slug}/{ASSETS}/{name}": data for name, data in files.items()},
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data, compress_type=zipfile.ZIP_DEFLATED)


def write_decks(target: Path, site_url: str, site_name: str, docs: Path = DOCS) -> list[Deck]:
    """Write every deck of ``docs``, the shared assets and the zips under ``target`` (a ``presentasi/`` folder)."""
    decks = [load_deck(source, site_url, docs) for source in deck_sources(docs)]
    files = assets()
    shared = target / ASSETS
    if shared.exists():
        shutil.rmtree(shared)
    shared.mkdir(parents=True)
    for name, data in files.items():
        (shared / name).write_bytes(data)
    for deck in decks:
        page = target / deck.slug / "slides" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(render(deck, f"../../{ASSETS}/", site_url, site_name), encoding="utf-8")
        write_zip(deck, target / DOWNLOADS / f"{deck.slug}.zip", site_url, site_name, files)
    return decks


def mkdocs_settings() -> tuple[str, str]:
    """``site_url`` (``SITE_URL`` if set) and ``site_name`` of ``mkdocs.yml``."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        config = yaml_load(file)
    return str(config["site_url"]), str(config["site_name"])


def built_site_url(site: Path) -> str:
    """The address a built site was made for: the canonical link of its home page."""
    match = _CANONICAL.search((site / "index.html").read_text(encoding="utf-8"))
    return match[1] if match else mkdocs_settings()[0]


def build_decks(site: Path, docs: Path = DOCS) -> list[Deck]:
    """Post-build step: the decks of a built site, for the address it was built for.

    A deck that breaks the conventions stops the build with one line naming file and slide.
    """
    try:
        return write_decks(site / "presentasi", built_site_url(site), mkdocs_settings()[1], docs)
    except (DeckError, PolicyError) as error:
        from scripts.build_site import BuildError  # noqa: PLC0415 (build_site imports this module)

        raise BuildError(f"presentasi: {error}") from None


def build_decks_for_serve(docs: Path = DOCS) -> list[Deck]:
    """Before ``mkdocs serve``: the site's decks written into ``docs/presentasi/`` (git-ignored), for ``site_url``."""
    site_url, site_name = mkdocs_settings()
    return write_decks(docs / "presentasi", site_url, site_name)
