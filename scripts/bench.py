"""Benchmark the assessment page in headless Chromium and print one table.

Figures, all measured in this run on the built site (``site/``) served over loopback:

* navigation → "Python ready" on the assessment page, and on a bare page that only calls
  ``loadPyodide`` with the stock runtime (the baseline), with their ratio (medians, cold cache);
* submit → result shown with Python warm (median of 25 submits);
* bytes sent by the server on a first and on a repeat visit of the assessment page, gzip-compressed
  where ``make build`` wrote ``.gz`` copies (as nginx with ``gzip_static`` sends them), and what the
  same files weigh uncompressed.

Run: ``make bench`` (or ``python -m scripts.bench`` after ``make build``).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, sync_playwright

from scripts import chromium, serve_site

ROOT = Path(__file__).resolve().parent.parent
PAGE = "asesmen/berakhlak/"
BASELINE = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>baseline</title></head>
<body><p>loadPyodide baseline</p><script type="module">
import { loadPyodide } from "../assets/runtime/pyodide.mjs";
await loadPyodide({ indexURL: new URL("../assets/runtime/", location.href).href });
performance.mark("baseline:python-ready");
</script></body></html>
"""


def mark_time(page: Page, name: str, timeout_s: float = 120) -> float:
    """Milliseconds from navigation start to the performance mark ``name``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = page.evaluate(f"performance.getEntriesByName({name!r}).map(e => e.startTime)")
        if found:
            return float(found[0])
        time.sleep(0.02)
    raise SystemExit(f"{name} not reached within {timeout_s} s")


def cold_start(context: BrowserContext, url: str, mark: str) -> float:
    """Open ``url`` in a fresh page and return the time to ``mark``."""
    page = context.new_page()
    page.goto(url)
    elapsed = mark_time(page, mark)
    page.close()
    return elapsed


def submit_latencies(page: Page, count: int) -> list[float]:
    """Fill the form, submit ``count`` times, and return each submit → result duration (ms)."""
    page.evaluate(
        """() => { for (const group of new Set([...document.querySelectorAll('.asesmen-form input')].map(i => i.name)))
             document.querySelector(`.asesmen-form input[name="${group}"][value="4"]`).checked = true; }"""
    )
    for done in range(1, count + 1):
        page.click(".asesmen-kirim__tombol")
        while page.evaluate("performance.getEntriesByName('asesmen:submit-to-result').length") < done:
            time.sleep(0.005)
    return [
        float(d) for d in page.evaluate("performance.getEntriesByName('asesmen:submit-to-result').map(e => e.duration)")
    ]


def visit_bytes(context: BrowserContext, server: serve_site.CountingServer, url: str) -> tuple[int, list[str]]:
    """Bytes the server sent for one visit of ``url``, and the paths requested."""
    paths: list[str] = []
    context.on("request", lambda request: paths.append(urlsplit(request.url).path))
    return _visit(context, server, url), paths


def _visit(context: BrowserContext, server: serve_site.CountingServer, url: str) -> int:
    server.bytes_sent = 0
    page = context.new_page()
    page.goto(url)
    mark_time(page, "asesmen:python-ready")
    page.wait_for_load_state("networkidle")
    page.close()
    return server.bytes_sent


def raw_size(site: Path, paths: list[str]) -> int:
    """Total uncompressed size of the site files behind ``paths``."""
    total = 0
    for path in set(paths):
        file = site / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if file.is_file():
            total += file.stat().st_size
    return total


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=5, help="cold starts per page (median)")
    parser.add_argument("--submits", type=int, default=25)
    args = parser.parse_args()
    site: Path = args.site
    if not (site / PAGE / "index.html.gz").is_file():
        raise SystemExit(f"{site} has no built, precompressed site: run 'make build' first")
    (site / "_bench").mkdir(exist_ok=True)
    (site / "_bench" / "index.html").write_text(BASELINE, encoding="utf-8")
    server = serve_site.start(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    ours: list[float] = []
    baseline: list[float] = []
    with sync_playwright() as driver:
        executable = chromium.EXECUTABLE
        browser = driver.chromium.launch(executable_path=executable, args=chromium.ARGS)
        for _ in range(args.runs):  # alternate, so that machine load hits both alike
            for url, mark, sink in (
                (base + PAGE, "asesmen:python-ready", ours),
                (base + "_bench/", "baseline:python-ready", baseline),
            ):
                context = browser.new_context()
                sink.append(cold_start(context, url, mark))
                context.close()
        # A profile on disk, as a phone has: an in-memory (incognito) cache would not keep the wasm.
        with tempfile.TemporaryDirectory() as profile:
            context = driver.chromium.launch_persistent_context(
                profile, executable_path=executable, args=chromium.ARGS, headless=True
            )
            first, first_paths = visit_bytes(context, server, base + PAGE)
            repeat = _visit(context, server, base + PAGE)
            context.close()
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + PAGE)
        mark_time(page, "asesmen:python-ready")
        latencies = submit_latencies(page, args.submits)
        context.close()
        browser.close()
    server.shutdown()
    ours_ms, base_ms = statistics.median(ours), statistics.median(baseline)
    rows = [
        ("navigation → Python ready, assessment page (median)", f"{ours_ms:,.0f} ms"),
        ("navigation → Python ready, bare loadPyodide page (baseline)", f"{base_ms:,.0f} ms"),
        ("ratio assessment / baseline", f"{ours_ms / base_ms:.2f}"),
        (f"submit → result, Python warm (median of {len(latencies)})", f"{statistics.median(latencies):.1f} ms"),
        ("bytes sent, first visit (precompressed .gz where present)", f"{first / 1e6:.2f} MB"),
        ("same files uncompressed", f"{raw_size(site, first_paths) / 1e6:.2f} MB"),
        ("bytes sent, repeat visit (revalidated, 304s)", f"{repeat / 1e3:.1f} kB"),
    ]
    width = max(len(label) for label, _ in rows)
    print(f"{'measure':<{width}}  value")
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    print(f"cold starts: ours {[round(x) for x in ours]} ms, baseline {[round(x) for x in baseline]} ms")


if __name__ == "__main__":
    main()
