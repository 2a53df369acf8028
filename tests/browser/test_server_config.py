"""The README's nginx and Apache configurations, as written there, run by Debian's servers on loopback.

Each configuration is taken from its fenced block in README.md ("Deployment"); only the folder, the
port and the policy are filled in. The server serves a copy of the session's build (world-readable,
for the servers' unprivileged workers). The checks: the brotli, gzip or plain file by Accept-Encoding
with its type and ``Vary``; revalidation to ``304``; the policy on pages but not on deck slides; the
404 page; and Chromium getting a result from the assessment page through the server.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts import csp
from tests.browser.conftest import wait_for_python

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
PLACEHOLDER_ROOT = "/var/www/sistem-kerja"
NGINX = Path("/usr/sbin/nginx")
APACHE = Path("/usr/sbin/apache2")
NGINX_BROTLI = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
APACHE_MODULES = Path("/usr/lib/apache2/modules")


def readme_block(language: str) -> str:
    """The one fenced block of ``language`` in the README."""
    (block,) = re.findall(rf"^```{language}\n(.*?)^```$", README.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    return str(block)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Server:
    name: str
    port: int
    site: Path
    policy: str

    def get(self, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, {key.lower(): value for key, value in response.getheaders()}, body


def nginx_config(snippet: str, site: Path, port: int, folder: Path) -> str:
    server = snippet.replace("listen 80;", f"listen 127.0.0.1:{port};")
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"load_module {NGINX_BROTLI};\n{user}daemon off;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} warn;\nevents {{}}\nhttp {{\n    include /etc/nginx/mime.types;\n"
        f"    default_type application/octet-stream;\n    access_log off;\n{temp}\n{server}\n}}\n"
    )


def apache_config(snippet: str, site: Path, port: int, folder: Path) -> str:
    modules = ("authz_core", "dir", "mime", "rewrite", "headers", "mpm_event")
    loads = "".join(f"LoadModule {name}_module {APACHE_MODULES / f'mod_{name}.so'}\n" for name in modules)
    user = "User nobody\nGroup nogroup\n" if os.geteuid() == 0 else ""
    return (
        f"{loads}{user}ServerName 127.0.0.1\nListen 127.0.0.1:{port}\nPidFile {folder / 'httpd.pid'}\n"
        f"DefaultRuntimeDir {folder}\nErrorLog {folder / 'error.log'}\nTypesConfig /etc/mime.types\n{snippet}"
    )


CONFIGS: dict[str, tuple[Path, str, Callable[[str, Path, int, Path], str], Callable[[Path, Path], list[str]]]] = {
    "nginx": (NGINX, "nginx", nginx_config, lambda conf, folder: [str(NGINX), "-c", str(conf), "-p", str(folder)]),
    "apache": (APACHE, "apache", apache_config, lambda conf, folder: [str(APACHE), "-X", "-f", str(conf)]),
}


@pytest.fixture(scope="module", params=sorted(CONFIGS))
def server(request: pytest.FixtureRequest, site_dir: Path, base_url: str) -> Iterator[Server]:
    name = str(request.param)
    if not CONFIGS[name][0].is_file():
        pytest.fail(f"{CONFIGS[name][0]} not found: run 'make servers' (Debian packages nginx, apache2)")
    # Directly under the system's temporary folder: pytest's own is private to its user.
    folder = Path(tempfile.mkdtemp(prefix=f"sistem-kerja-{name}-"))
    try:
        yield from serving(name, site_dir, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def serving(name: str, site_dir: Path, folder: Path) -> Iterator[Server]:
    """Run server ``name`` with the README's configuration on a copy of ``site_dir`` in ``folder``."""
    _, language, make_config, command = CONFIGS[name]
    site = folder / "site"
    shutil.copytree(site_dir, site)
    for path in (folder, site, *site.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)
    policy = csp.site_policy(site)
    port = free_port()
    snippet = readme_block(language).replace(PLACEHOLDER_ROOT, str(site)).replace("<policy>", policy)
    conf = folder / f"{name}.conf"
    conf.write_text(make_config(snippet, site, port, folder), encoding="utf-8")
    process = subprocess.Popen(command(conf, folder), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None:
                log = (folder / "error.log").read_text() if (folder / "error.log").exists() else ""
                pytest.fail(f"{name} stopped: {process.stdout.read().decode() if process.stdout else ''}{log}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"{name} did not listen on {port}")
                time.sleep(0.1)
        yield Server(name, port, site, policy)
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.parametrize(
    ("path", "file", "kind"),
    [
        ("/assets/runtime/pyodide.asm.wasm", "assets/runtime/pyodide.asm.wasm", "application/wasm"),
        ("/assets/runtime/pyodide.asm.mjs", "assets/runtime/pyodide.asm.mjs", "text/javascript"),
        ("/assets/runtime/python_stdlib.min.zip", "assets/runtime/python_stdlib.min.zip", "application/zip"),
        ("/asesmen/berakhlak/", "asesmen/berakhlak/index.html", "text/html"),
        ("/manifest.webmanifest", "manifest.webmanifest", "application/manifest+json"),  # no copies: < 1 kB
        ("/search/search_index.json", "search/search_index.json", "application/json"),
    ],
)
def test_the_compressed_copy_the_browser_accepts_with_the_files_type(
    server: Server, path: str, file: str, kind: str
) -> None:
    for accept, suffix, encoding in (
        ("gzip, deflate, br", ".br", "br"),
        ("gzip, deflate", ".gz", "gzip"),
        ("identity", "", None),
    ):
        copy, coding = server.site / (file + suffix), encoding
        if not copy.is_file():  # too small to be worth a compressed copy: sent as it is
            copy, coding = server.site / file, None
        status, headers, body = server.get(path, **{"Accept-Encoding": accept})
        assert status == 200, (server.name, path, accept)
        assert headers["content-type"].split(";")[0] == kind, (server.name, path, accept)
        assert headers.get("content-encoding") == coding, (server.name, path, accept)
        assert body == copy.read_bytes(), (server.name, path, accept)
        if coding:
            assert "accept-encoding" in headers.get("vary", "").lower(), (server.name, path, accept)


def test_pages_carry_the_policy_revalidate_and_slides_keep_their_own(server: Server) -> None:
    status, headers, _ = server.get("/asesmen/berakhlak/", **{"Accept-Encoding": "br"})
    assert headers["content-security-policy"] == f"{server.policy}; frame-ancestors 'none'"
    assert headers["cache-control"] == "no-cache"
    assert "etag" in headers or "last-modified" in headers
    validators = {"If-None-Match": headers["etag"]} if "etag" in headers else {}
    validators |= {"If-Modified-Since": headers["last-modified"]} if "last-modified" in headers else {}
    again, _, body = server.get("/asesmen/berakhlak/", **{"Accept-Encoding": "br"}, **validators)
    assert (again, body) == (304, b"")
    worker_status, worker, _ = server.get("/assets/javascripts/assessment-worker.js")
    assert (worker_status, worker["content-security-policy"]) == (200, headers["content-security-policy"])
    slides = next(server.site.glob("presentasi/*/slides/index.html")).parent.relative_to(server.site)
    status, headers, _ = server.get(f"/{slides.as_posix()}/")
    assert status == 200
    assert "content-security-policy" not in headers


def test_a_missing_page_gets_the_sites_404_page(server: Server) -> None:
    status, _, body = server.get("/tidak-ada/", **{"Accept-Encoding": "identity"})
    assert status == 404
    assert body == (server.site / "404.html").read_bytes()


def test_the_assessment_gives_a_result_through_the_server(server: Server, browser: Browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"http://127.0.0.1:{server.port}/asesmen/berakhlak/")
    assert wait_for_python(page) == "ready"
    page.evaluate("""() => {
      for (const name of new Set([...document.querySelectorAll(".asesmen-form input[type=radio]")].map((i) => i.name)))
        document.querySelector(`.asesmen-form input[name="${CSS.escape(name)}"][value="4"]`).click();
    }""")
    page.locator(".asesmen-form button[type=submit]").click()
    page.wait_for_selector("[data-overall-score]", timeout=60_000)
    assert page.locator("[data-overall-score]").inner_text().strip()
    assert all(url.startswith(f"http://127.0.0.1:{server.port}/") for url in requests if url.startswith("http"))
    context.close()
