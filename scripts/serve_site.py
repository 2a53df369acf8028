"""Serve a built site over HTTP on loopback, as a production server would.

It sends the MIME types Pyodide needs, the ``.br`` or ``.gz`` copy written by ``scripts.precompress``
to clients that accept it, brotli first (like nginx's ``brotli_static`` and ``gzip_static``), with
``Vary: Accept-Encoding``, and ``304 Not Modified`` to revalidations.
Used by the browser tests and the benchmark; fine for a quick local check of ``site/`` too:
``python -m scripts.serve_site site --port 8001``.
"""

from __future__ import annotations

import argparse
import email.utils
import functools
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Final

TYPES: Final = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
}
#: Precompressed copies, preferred first (brotli is smaller), as production servers choose.
ENCODINGS: Final = (("br", ".br"), ("gzip", ".gz"))


def accepted_encodings(header: str) -> set[str]:
    """The content codings an ``Accept-Encoding`` header allows (``q=0`` refuses one; ``*`` is kept)."""
    accepted = set()
    for part in header.lower().split(","):
        name, *params = (item.strip() for item in part.split(";"))
        weights = [value for key, _, value in (param.partition("=") for param in params) if key.strip() == "q"]
        try:
            weight = float(weights[0]) if weights else 1.0
        except ValueError:
            weight = 0.0
        if name and weight > 0:
            accepted.add(name)
    return accepted


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **TYPES}  # noqa: RUF012 (stdlib API)
    server: CountingServer

    vary = False

    def end_headers(self) -> None:
        # Revalidate everything: a new build must never meet stale runtime files in a cache.
        self.send_header("Cache-Control", "no-cache")
        if self.vary:  # the answer depends on Accept-Encoding, compressed or not: caches must know
            self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def send_head(self) -> Any:
        """Send the best precompressed copy of a file the client accepts, else the file itself."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        copies = [(coding, path.with_name(path.name + suffix)) for coding, suffix in ENCODINGS]
        copies = [(coding, packed) for coding, packed in copies if packed.is_file()]
        self.vary = path.is_file() and bool(copies)
        accepted = accepted_encodings(self.headers.get("Accept-Encoding", ""))
        chosen = [(coding, packed) for coding, packed in copies if coding in accepted or "*" in accepted]
        if not (path.is_file() and chosen):
            return super().send_head()
        coding, packed = chosen[0]
        modified = int(path.stat().st_mtime)
        since = self.headers.get("If-Modified-Since")
        if since and _parse_date(since) >= modified:
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.end_headers()
            return None
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", coding)
        self.send_header("Content-Length", str(packed.stat().st_size))
        self.send_header("Last-Modified", self.date_time_string(modified))
        self.end_headers()
        return packed.open("rb")

    def setup(self) -> None:
        super().setup()
        self.wfile = _Counted(self.wfile, self.server)  # type: ignore[assignment]

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: tests and benchmarks print their own figures."""


def _parse_date(value: str) -> float:
    try:
        return email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return -1


class CountingServer(ThreadingHTTPServer):
    """A threading HTTP server that counts the bytes it sends (headers and bodies)."""

    bytes_sent = 0
    lock = threading.Lock()


class _Counted:
    """A write-through wrapper of a socket file that adds to the server's byte count."""

    def __init__(self, raw: Any, server: CountingServer) -> None:
        self._raw, self._server = raw, server

    def write(self, data: bytes) -> int:
        with self._server.lock:
            self._server.bytes_sent += len(data)
        return int(self._raw.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


def start(directory: Path, port: int = 0) -> CountingServer:
    """Serve ``directory`` on 127.0.0.1 in a daemon thread; ``port=0`` picks a free port."""
    handler = functools.partial(_Handler, directory=str(directory))
    server = CountingServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    """Serve until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args()
    server = start(args.directory, args.port)
    print(f"http://127.0.0.1:{server.server_address[1]}/")
    threading.Event().wait()


if __name__ == "__main__":
    main()
