"""Serve a built site over HTTP on loopback, with the MIME types Pyodide needs.

Used by the browser tests and the benchmark; fine for a quick local check of ``site/`` too:
``python -m scripts.serve_site site --port 8001``.
"""

from __future__ import annotations

import argparse
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript", ".whl": "application/zip"}


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib signature)
        """Stay quiet: tests and benchmarks print their own figures."""


def start(directory: Path, port: int = 0) -> ThreadingHTTPServer:
    """Serve ``directory`` on 127.0.0.1 in a daemon thread; ``port=0`` picks a free port."""
    handler = functools.partial(_Handler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
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
