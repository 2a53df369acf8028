"""The service worker's post-build step: the precache list, its version, the filled files, the manifest."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import struct
from pathlib import Path
from urllib.parse import urljoin

import pytest

from scripts import build_site
from scripts.service_worker import (
    OPTIONAL,
    REGISTRATION,
    WORKER,
    Entry,
    ServiceWorkerError,
    precache_entries,
    url_of,
    write_service_worker,
)

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"
SLOT = re.compile(r"/\* precache \*/ (.*?) /\* end precache \*/", re.DOTALL)


def precache_of(site: Path) -> dict[str, object]:
    """The object literal the worker carries (JSON)."""
    found = SLOT.search((site / WORKER).read_text(encoding="utf-8"))
    assert found, "sw.js has no precache slot"
    return dict(json.loads(found.group(1)))


def fake_site(tmp_path: Path) -> Path:
    """A small built site: pages, assets, runtime, compressed copies, a source map, the two scripts."""
    site = tmp_path / "site"
    files = {
        "index.html": "<p>beranda</p>",
        "nilai/index.html": "<p>nilai</p>",
        "nilai/akuntabel/index.html": "<p>akuntabel</p>",
        "404.html": "<p>tidak ada</p>",
        "search/search_index.json": '{"docs": []}',
        "assets/javascripts/bundle.min.js": "bundle()",
        "assets/javascripts/bundle.min.js.map": "{}",
        "assets/javascripts/lunr/min/lunr.de.min.js": "de()",
        "assets/runtime/pyodide.asm.wasm": "\0asm",
        "assets/runtime/python_stdlib.min.zip": "zip",
        "assets/runtime/python_stdlib.zip": "full zip",
        "index.html.gz": "gz",
        "index.html.br": "br",
        "presentasi/sosialisasi-perbup/slides/index.html": "<section></section>",
    }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    shutil.copy(OVERRIDES / "sw.js", site / WORKER)
    shutil.copy(OVERRIDES / "assets/javascripts/offline.js", site / REGISTRATION)
    return site


def test_url_of_maps_index_files_to_the_addresses_pages_are_requested_by() -> None:
    assert url_of("index.html") == "./"
    assert url_of("nilai/index.html") == "nilai/"
    assert url_of("presentasi/rekap/index.html") == "presentasi/rekap/"
    assert url_of("404.html") == "404.html"
    assert url_of("assets/runtime/pyodide.asm.wasm") == "assets/runtime/pyodide.asm.wasm"


def test_the_list_has_every_file_but_compressed_copies_maps_the_worker_and_optional_files(tmp_path: Path) -> None:
    site = fake_site(tmp_path)
    urls = [entry.url for entry in precache_entries(site)]
    assert set(urls) == {
        "./",
        "nilai/",
        "nilai/akuntabel/",
        "404.html",
        "search/search_index.json",
        "assets/javascripts/bundle.min.js",
        "assets/runtime/pyodide.asm.wasm",
        "assets/runtime/python_stdlib.min.zip",
        "presentasi/sosialisasi-perbup/slides/",
        REGISTRATION,
    }


def test_each_entry_has_the_files_size_and_hash(tmp_path: Path) -> None:
    site = fake_site(tmp_path)
    wasm = next(entry for entry in precache_entries(site) if entry.url.endswith(".wasm"))
    data = (site / "assets/runtime/pyodide.asm.wasm").read_bytes()
    assert wasm == Entry("assets/runtime/pyodide.asm.wasm", len(data), hashlib.sha256(data).hexdigest()[:16])


def test_filling_writes_the_list_and_a_version_that_is_a_hash_of_it(tmp_path: Path) -> None:
    site = fake_site(tmp_path)
    version = write_service_worker(site)
    filled = precache_of(site)
    assert filled["version"] == version
    assert re.fullmatch(r"[0-9a-f]{16}", version)
    assert [Entry(*entry) for entry in filled["files"]] == precache_entries(site)  # type: ignore[attr-defined]
    assert filled["optional"] == ["assets/javascripts/lunr/min/lunr.de.min.js", "assets/runtime/python_stdlib.zip"]
    assert "const REGISTER = /** @type {boolean} */ (true);" in (site / REGISTRATION).read_text(encoding="utf-8")


def test_filling_again_is_stable_and_any_changed_file_makes_a_new_version(tmp_path: Path) -> None:
    site = fake_site(tmp_path)
    first = write_service_worker(site)
    assert write_service_worker(site) == first
    (site / "nilai/akuntabel/index.html").write_text("<p>akuntabel, diperbarui</p>", encoding="utf-8")
    second = write_service_worker(site)
    assert second != first
    (site / "nilai/akuntabel/index.html").write_text("<p>akuntabel</p>", encoding="utf-8")
    assert write_service_worker(site) == first
    (site / "assets/runtime/python_stdlib.zip").write_text("another full zip", encoding="utf-8")
    assert write_service_worker(site) == first  # optional files are not precached: same version


def test_the_sources_stay_unfilled_so_mkdocs_serve_registers_no_worker() -> None:
    source = (OVERRIDES / "sw.js").read_text(encoding="utf-8")
    assert '/* precache */ { version: "", files: [], optional: [] } /* end precache */' in source
    offline = (OVERRIDES / "assets/javascripts/offline.js").read_text(encoding="utf-8")
    assert "const REGISTER = /** @type {boolean} */ (false);" in offline


def test_a_site_without_the_worker_or_its_slot_is_refused(tmp_path: Path) -> None:
    site = fake_site(tmp_path)
    (site / WORKER).unlink()
    with pytest.raises(ServiceWorkerError, match=r"sw\.js: tidak ada"):
        write_service_worker(site)
    (site / WORKER).write_text("// no slot\n", encoding="utf-8")
    with pytest.raises(ServiceWorkerError, match="tempat isian tidak ditemukan"):
        write_service_worker(site)


def test_the_step_runs_after_every_step_that_writes_files_and_before_compression() -> None:
    names = [step.__name__ for step in build_site.POST_BUILD]
    assert names.index("write_service_worker") > names.index("apply_csp")
    assert names.index("write_service_worker") > names.index("build_decks")
    assert names[-1] == "precompress"


# The session's real build (tests/conftest.py).


def test_the_built_worker_lists_exactly_the_built_sites_files(site_dir: Path, base_url: str) -> None:
    listed = [Entry(*entry) for entry in precache_of(site_dir)["files"]]  # type: ignore[attr-defined]
    assert listed == precache_entries(site_dir)  # nothing changed a file after the step
    urls = {entry.url for entry in listed}
    for needed in (
        "./",
        "asesmen/berakhlak/",
        "presentasi/rekap/",
        "presentasi/sosialisasi-perbup/slides/",
        "search/search_index.json",
        "sitemap.xml",
        "manifest.webmanifest",
        "assets/javascripts/assessment-worker.js",
        "assets/runtime/pyodide.asm.wasm",
        "assets/runtime/pyodide.asm.mjs",
        "assets/runtime/python_stdlib.min.zip",
        "assets/runtime/assessment.zip",
    ):
        assert needed in urls
    assert not any(url.endswith((".gz", ".br", ".map")) or url == WORKER for url in urls)
    assert "assets/runtime/python_stdlib.zip" in precache_of(site_dir)["optional"]  # type: ignore[operator]
    assert OPTIONAL  # documented choices, see scripts/service_worker.py


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_manifest_is_valid_and_its_icons_exist(site_dir: Path, base_url: str) -> None:
    manifest = json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == "id"
    assert manifest["name"] == "Sistem Kerja Birokrasi Luwu Utara"
    assert 0 < len(manifest["short_name"]) <= 12
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == manifest["scope"] == "./"
    theme = (OVERRIDES / "assets/stylesheets/site.css").read_text(encoding="utf-8")
    assert f"--md-primary-fg-color: {manifest['theme_color']};" in theme
    kinds = set()
    for icon in manifest["icons"]:
        width, height = png_size((site_dir / icon["src"]).read_bytes())
        assert icon["sizes"] == f"{width}x{height}"
        assert icon["type"] == "image/png"
        kinds.add((width, icon["purpose"]))
    assert {(192, "any"), (512, "any"), (512, "maskable")} <= kinds


def test_every_page_links_the_manifest_and_theme_colour_and_loads_the_registration(
    site_dir: Path, base_url: str
) -> None:
    pages = [page for page in site_dir.rglob("*.html") if "/slides/" not in page.as_posix()]
    assert len(pages) > 30
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        link = re.search(r'<link rel="manifest" href="([^"]+)">', head)
        assert link, page
        address = urljoin(base_url + page.relative_to(site_dir).as_posix(), link.group(1))
        assert address == base_url + "manifest.webmanifest", page
        assert '<meta name="theme-color" content="#00695c">' in head
        assert re.search(r'<script src="[^"]*assets/javascripts/offline\.js" type="module">', html), page
