"""Benchmark the assessment page against a bare Pyodide page in headless Chromium and print one table.

Everything is measured in one run on the built site served over loopback by ``scripts.serve_site``
(``.br``/``.gz`` copies by Accept-Encoding, as a production server), against a *bare* page written beside
the site's own Pyodide files that only awaits ``loadPyodide`` with the stock standard library:

1. first result (every answer set as soon as the form is bound, submitted at once; navigation →
   ``[data-overall-score]`` shown) vs bare Python ready: wall time (median of cold runs, each in a fresh
   browser context, empty HTTP cache) and CPU seconds of Chromium's whole process tree (``/proc``;
   CDP CPU throttling does not reach workers, so CPU seconds stand in for a cheap phone);
2. the same on a weak link (CDP network emulation, 1.6 Mbit/s down, 750 kbit/s up, 150 ms; it also
   throttles the dedicated worker's fetches, which the output shows by the worker's own throughput);
3. bytes of a first visit over the network (CDP ``encodedDataLength``) by file kind, brotli and gzip;
4. navigation → ``DOMContentLoaded`` on the assessment page vs a plain page of similar size;
5. a repeat visit (profile on disk, service worker if the build has one): bytes and Python ready time,
   over loopback and on the weak link.

Run: ``make bench`` (or ``python -m scripts.bench --site DIR`` on a built site). Not a test: it always
exits 0 and says plainly which target is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Request, sync_playwright

from scripts import chromium, serve_site
from scripts.bench_support import (
    KINDS,
    Row,
    bytes_by_kind,
    bytes_row,
    cpu_seconds_used,
    format_bytes,
    format_ms,
    kind_of,
    median,
    plain_page,
    ratio_row,
    read_proc,
    render_table,
    subtree_ticks,
)

ROOT = Path(__file__).resolve().parent.parent
PAGE = "asesmen/berakhlak/"
BARE_DIR = "_bench"
BARE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare loadPyodide</title></head>
<body><p>bare loadPyodide page (benchmark baseline)</p><script type="module">
import { loadPyodide } from "../assets/runtime/pyodide.mjs";
await loadPyodide({ indexURL: new URL("../assets/runtime/", location.href).href });
performance.mark("bench:ready");
document.documentElement.dataset.ready = "1";
</script></body></html>
"""
#: Answers every statement (4 = "sering") as soon as the page's script has bound the form, submits at
#: once (the button waits for Python), and marks when the result view appears.
SUBMIT_AT_LOAD = """(() => {
  const submit = () => {
    const form = document.querySelector(".asesmen[data-bound] .asesmen-form");
    if (!form || window.__benchSubmitted) return;
    window.__benchSubmitted = true;
    for (const name of new Set([...form.querySelectorAll("input[type=radio]")].map((input) => input.name)))
      form.querySelector(`input[name="${CSS.escape(name)}"][value="4"]`).checked = true;
    performance.mark("bench:submit");
    form.requestSubmit();
  };
  const watch = () => {
    submit();
    new MutationObserver(() => {
      submit();
      if (!performance.getEntriesByName("bench:result").length && document.querySelector("[data-overall-score]"))
        performance.mark("bench:result");
    }).observe(document.documentElement, { subtree: true, childList: true, attributes: true,
      attributeFilter: ["data-bound"] });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();"""
#: CDP ``Network.emulateNetworkConditions``: 1.6 Mbit/s down, 750 kbit/s up, 150 ms (bytes per second).
WEAK_LINK = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
T = TypeVar("T")
TIMEOUT_MS = 180_000
GZIP_ONLY = {"Accept-Encoding": "gzip, deflate"}
#: A runtime file whose ``.br`` copy says the build ships brotli (the server then prefers it).
BROTLI_PROBE = "assets/runtime/pyodide.asm.wasm.br"
TARGETS = {"result": 0.5, "weak": 0.7, "brotli": 4.2e6, "gzip": 4.8e6, "usable": 1.05, "repeat": 50e3, "ready": 0.5}


@dataclass
class Transfer:
    """One finished request: URL path, bytes over the network, content coding, timing, who fetched it."""

    path: str
    size: int
    coding: str
    start_ms: float
    end_ms: float
    service_worker: bool


@dataclass
class Traffic:
    """The requests of one browser context, finished and pending."""

    requests: list[Request] = field(default_factory=list)
    pending: set[Request] = field(default_factory=set)

    def watch(self, context: BrowserContext) -> Traffic:
        context.on("request", self._started)
        context.on("requestfinished", self._finished)
        context.on("requestfailed", self._failed)
        return self

    def _started(self, request: Request) -> None:
        self.pending.add(request)

    def _failed(self, request: Request) -> None:
        self.pending.discard(request)

    def _finished(self, request: Request) -> None:
        self.pending.discard(request)
        self.requests.append(request)

    def settle(self, timeout_s: float = 15) -> None:
        """Wait until no request of the page or its workers is in flight (the service worker's may be)."""
        deadline = time.monotonic() + timeout_s
        while any(not request.service_worker for request in self.pending) and time.monotonic() < deadline:
            time.sleep(0.05)

    def transfers(self) -> list[Transfer]:
        found = []
        for request in self.requests:
            response = request.response()
            if response is None:
                continue
            sizes = request.sizes()
            timing = request.timing
            found.append(
                Transfer(
                    path=urlsplit(request.url).path,
                    size=sizes["responseBodySize"] + sizes["responseHeadersSize"],
                    coding=response.headers.get("content-encoding", "identity"),
                    start_ms=timing["startTime"],
                    end_ms=timing["startTime"] + max(timing["responseEnd"], 0),
                    service_worker=request.service_worker is not None,
                )
            )
        return found


def browser_ticks() -> dict[int, int]:
    """CPU ticks of every Chromium process this benchmark started (Playwright's Node driver left out)."""
    return subtree_ticks(read_proc(), os.getpid())


@dataclass
class Run:
    """One cold load: wall time to the mark, CPU seconds, and for our page its Python-ready time."""

    wall_ms: float
    cpu_s: float
    ready_ms: float = float("nan")
    transfers: list[Transfer] = field(default_factory=list)
    #: Milestones in ms from navigation (our page): the worker started, its runtime files all in.
    milestones: dict[str, float] = field(default_factory=dict)


WORKER_TIMELINE = """() => [performance.timeOrigin,
  Math.max(0, ...performance.getEntriesByType("resource")
    .filter((e) => e.name.includes("/runtime/") && !e.name.endsWith("/assessment.zip")).map((e) => e.responseEnd))]"""


def milestones(page: Page) -> dict[str, float]:
    """When the page's Python worker started and its last runtime file (the package left out) arrived, in ms."""
    page_origin = float(page.evaluate("performance.timeOrigin"))
    for worker in page.workers:
        if "assessment-worker" in worker.url:
            origin, last_file = (float(value) for value in worker.evaluate(WORKER_TIMELINE))
            return {"worker started": origin - page_origin, "runtime in": origin - page_origin + last_file}
    return {}


def marks(page: Page, *names: str) -> list[float]:
    """Start times of the first entry of each performance mark (NaN where absent)."""
    script = "(names) => names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN)"
    return [float(value) for value in page.evaluate(script, list(names))]


def cold_load(
    browser: Browser,
    url: str,
    *,
    ours: bool,
    weak: bool = False,
    record: bool = False,
    headers: dict[str, str] | None = None,
) -> Run:
    """Open ``url`` in a fresh context (empty HTTP cache) and measure navigation → result (ours) or ready (bare)."""
    context = browser.new_context(extra_http_headers=headers)
    traffic = Traffic().watch(context)
    if ours:
        context.add_init_script(SUBMIT_AT_LOAD)
    page = context.new_page()
    if weak:
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", WEAK_LINK)
    before = browser_ticks()
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    page.wait_for_selector("[data-overall-score]" if ours else "html[data-ready]", state="attached", timeout=TIMEOUT_MS)
    cpu = cpu_seconds_used(before, browser_ticks())
    wall, ready = (
        marks(page, "bench:result", "asesmen:python-ready") if ours else (*marks(page, "bench:ready"), float("nan"))
    )
    run = Run(wall, cpu, ready, milestones=milestones(page) if ours else {})
    if record or weak:
        traffic.settle()
        run.transfers = [transfer for transfer in traffic.transfers() if not transfer.service_worker]
    context.close()
    return run


def usable_ms(browser: Browser, url: str) -> float:
    """Navigation → end of ``DOMContentLoaded`` (every deferred and module script has run), fresh context."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded", timeout=TIMEOUT_MS)
    value = float(page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"))
    while value <= 0:
        time.sleep(0.02)
        value = float(page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"))
    context.close()
    return value


def wait_for(check: Callable[[], bool], timeout_s: float) -> bool:
    """Poll ``check`` (a ``page.evaluate``: ``wait_for_function`` fails under the site's CSP) until true."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


@dataclass
class Repeat:
    """A first visit and repeat visits in one profile on disk (with the service worker, if the site has one)."""

    first_ready_ms: float
    offline_state: str
    precache_bytes: int
    ready_ms: list[float]
    server_bytes: list[int]
    cdp_bytes: list[int]
    weak_ready_ms: float = float("nan")
    #: How Python started on each repeat visit: restored from the device's snapshot, or afresh.
    starts: list[str] = field(default_factory=list)


#: Whether the worker has kept its memory snapshot on the device (python-snapshot.js; none if the build makes none).
SNAPSHOT_KEPT = """(async () => { for (const name of await caches.keys())
  if (name.startsWith("sistem-kerja-python:") && (await (await caches.open(name)).keys()).length) return true;
  return false; })()"""


def wait_idle(timeout_s: float = 30, window_s: float = 0.5, busy_share: float = 0.1) -> None:
    """Wait until the browser's processes use less than ``busy_share`` of a core over ``window_s``.

    A reader stays on the page for minutes: by then V8 has finished optimising the wasm in the
    background and written its code cache, which a repeat visit may use. Closing the page as soon as
    Python is ready would measure a visit nobody makes.
    """
    deadline = time.monotonic() + timeout_s
    before = browser_ticks()
    while time.monotonic() < deadline:
        time.sleep(window_s)
        after = browser_ticks()
        if cpu_seconds_used(before, after) < busy_share * window_s:
            return
        before = after


def repeat_visits(driver: Playwright, server: serve_site.CountingServer, url: str, count: int, has_sw: bool) -> Repeat:
    """Visit once, let the service worker fill its cache, then visit ``count`` more times, each in a new tab."""
    ready = "performance.getEntriesByName('asesmen:python-ready').length > 0"
    with tempfile.TemporaryDirectory() as profile:
        context = driver.chromium.launch_persistent_context(
            profile, executable_path=chromium.EXECUTABLE, args=chromium.ARGS, headless=True
        )
        page = context.new_page()
        page.goto(url, timeout=TIMEOUT_MS)
        wait_for(lambda: bool(page.evaluate(ready)), TIMEOUT_MS / 1000)
        first_ready = marks(page, "asesmen:python-ready")[0]
        server.bytes_sent = 0
        state = "no service worker"
        if has_sw:
            wait_for(lambda: page.evaluate("document.documentElement.dataset.offline") in ("siap", "gagal"), 120)
            state = str(page.evaluate("document.documentElement.dataset.offline"))
        wait_for(lambda: bool(page.evaluate(SNAPSHOT_KEPT)), 60)  # a reader stays longer than its few seconds
        wait_idle()
        precache = server.bytes_sent
        page.close()
        result = Repeat(first_ready, state, precache, [], [], [])
        traffic = Traffic().watch(context)
        for _ in range(count):
            traffic.requests.clear()
            server.bytes_sent = 0
            page = context.new_page()
            page.goto(url, timeout=TIMEOUT_MS)
            wait_for(lambda page=page: bool(page.evaluate(ready)), TIMEOUT_MS / 1000)  # type: ignore[misc]
            result.ready_ms.append(marks(page, "asesmen:python-ready")[0])
            result.starts.append(str(page.evaluate("document.documentElement.dataset.pythonStart")))
            traffic.settle()
            wait_idle()  # late requests (the worker's no-cache package, the service worker's update check) count
            result.server_bytes.append(server.bytes_sent)
            result.cdp_bytes.append(sum(transfer.size for transfer in traffic.transfers()))
            page.close()
        page = context.new_page()  # and once on the weak link, where a repeat visit saves the downloads
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", WEAK_LINK)
        page.goto(url, timeout=TIMEOUT_MS)
        wait_for(lambda: bool(page.evaluate(ready)), TIMEOUT_MS / 1000)
        result.weak_ready_ms = marks(page, "asesmen:python-ready")[0]
        page.close()
        context.close()
    return result


def raw_sizes(site: Path, transfers: list[Transfer]) -> dict[str, int]:
    """Uncompressed size per kind of the site files behind the transfers."""
    found: dict[str, int] = {}
    for path in {transfer.path for transfer in transfers}:
        file = site / path.lstrip("/")
        if path.endswith("/"):
            file = file / "index.html"
        if file.is_file():
            found[path] = file.stat().st_size
    return bytes_by_kind(found.items())


def codings(transfers: list[Transfer], kind: str) -> str:
    """The content codings the files of one kind came with (``br``, ``gzip``, ``identity``)."""
    return "/".join(sorted({transfer.coding for transfer in transfers if kind_of(transfer.path) == kind})) or "–"


def worker_throughput(transfers: list[Transfer]) -> tuple[int, float, float]:
    """Bytes of the runtime files (the worker fetches them), seconds to arrive, seconds before the first.

    The last is counted from the visit's first request (the page's own).
    """
    runtime = [transfer for transfer in transfers if "/assets/runtime/" in transfer.path and transfer.size]
    if not runtime:
        return 0, float("nan"), float("nan")
    begin = min(transfer.start_ms for transfer in runtime)
    span = max(transfer.end_ms for transfer in runtime) - begin
    first = min(transfer.start_ms for transfer in transfers)
    return sum(transfer.size for transfer in runtime), span / 1000, (begin - first) / 1000


def chromium_version() -> str:
    """What ``chromium --version`` says (its last line: Debian's wrapper may print a warning first)."""
    try:
        output = subprocess.run([chromium.EXECUTABLE, "--version"], capture_output=True, text=True, check=False)
    except OSError:
        return "unknown Chromium"
    lines = output.stdout.strip().splitlines()
    return lines[-1] if lines else "unknown Chromium"


def load_text() -> str:
    """The machine's load averages, for the reader to weigh the timings by."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f} (1/5/15 min) on {os.cpu_count()} cores"


@contextmanager
def bare_page(site: Path) -> Iterator[str]:
    """Write the bare page beside the site's runtime for the run, and remove it afterwards."""
    folder = site / BARE_DIR
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(BARE, encoding="utf-8")
    try:
        yield f"{BARE_DIR}/"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def quiet_disconnects(report: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
    """The server's error report, silent when the browser hung up (a context closed mid-download)."""

    def handle_error(request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            report(request, client_address)

    return handle_error


def alternating(items: list[T], index: int) -> list[T]:
    """``items`` in order on even rounds, reversed on odd ones, so that machine load hits every side alike."""
    return items if index % 2 == 0 else items[::-1]


@dataclass
class Measured:
    """Everything one run measured."""

    site: Path
    base: str
    plain_path: str
    brotli_shipped: bool
    ours: list[Run] = field(default_factory=list)
    bare: list[Run] = field(default_factory=list)
    gzip: Run | None = None
    weak_ours: list[Run] = field(default_factory=list)
    weak_bare: list[Run] = field(default_factory=list)
    usable: dict[str, list[float]] = field(default_factory=lambda: {"ours": [], "plain": []})
    repeat: Repeat | None = None


def measure(site: Path, args: argparse.Namespace) -> Measured:
    """Serve ``site``, run every measurement in one browser session, and return the figures."""
    plain = plain_page(site, (site / PAGE / "index.html").stat().st_size)
    if plain is None:
        raise SystemExit(f"{site} has no plain page to compare the form page with")
    server = serve_site.start(site)
    server.handle_error = quiet_disconnects(server.handle_error)  # type: ignore[method-assign,assignment]
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    found = Measured(site, base, plain.parent.relative_to(site).as_posix() + "/", (site / BROTLI_PROBE).is_file())
    with bare_page(site) as bare_path, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium.EXECUTABLE, args=chromium.ARGS)
        sides = [(found.ours, PAGE, True), (found.bare, bare_path, False)]
        for index in range(args.runs):
            for sink, path, ours in alternating(sides, index):
                sink.append(cold_load(browser, base + path, ours=ours, record=index == 0))
        found.gzip = cold_load(browser, base + PAGE, ours=True, record=True, headers=GZIP_ONLY)
        sides = [(found.weak_ours, PAGE, True), (found.weak_bare, bare_path, False)]
        for index in range(args.weak_runs):
            for sink, path, ours in alternating(sides, index):
                sink.append(cold_load(browser, base + path, ours=ours, weak=True))
        for index in range(args.usable_runs):
            for name, path in alternating([("ours", PAGE), ("plain", found.plain_path)], index):
                found.usable[name].append(usable_ms(browser, base + path))
        browser.close()
        found.repeat = repeat_visits(driver, server, base + PAGE, args.repeat_runs, (site / "sw.js").is_file())
    server.shutdown()
    return found


def table(found: Measured) -> list[Row]:
    """The table's rows: each measure against its baseline and its target."""
    ours, bare, repeat = found.ours, found.bare, found.repeat
    assert found.gzip is not None
    assert repeat is not None
    wall, wall_bare = median(r.wall_ms for r in ours), median(r.wall_ms for r in bare)
    cpu, cpu_bare = median(r.cpu_s for r in ours), median(r.cpu_s for r in bare)
    weak, weak_bare = median(r.wall_ms for r in found.weak_ours), median(r.wall_ms for r in found.weak_bare)
    dcl, dcl_plain = median(found.usable["ours"]), median(found.usable["plain"])
    first_ready, repeat_ready = median(r.ready_ms for r in ours), median(repeat.ready_ms)
    weak_first_ready = median(r.ready_ms for r in found.weak_ours)
    coding = "brotli" if found.brotli_shipped else "gzip, no .br shipped"
    runs = "1 run" if len(found.weak_ours) == 1 else f"median of {len(found.weak_ours)}"
    return [
        ratio_row(f"first result, wall time (median of {len(ours)} cold)", (wall, wall_bare),
                  (format_ms(wall), format_ms(wall_bare)), TARGETS["result"]),
        ratio_row("first result, CPU seconds of the browser", (cpu, cpu_bare), (f"{cpu:.2f} s", f"{cpu_bare:.2f} s"),
                  TARGETS["result"]),
        ratio_row(f"first result, 1.6 Mbit/s 150 ms, {coding} ({runs})", (weak, weak_bare),
                  (format_ms(weak), format_ms(weak_bare)), TARGETS["weak"]),
        bytes_row("first visit over the network, brotli", total(ours[0].transfers), TARGETS["brotli"],
                  total(bare[0].transfers)),
        bytes_row("first visit over the network, gzip", total(found.gzip.transfers), TARGETS["gzip"]),
        ratio_row(f"usable: navigation → DOMContentLoaded (median of {len(found.usable['ours'])})", (dcl, dcl_plain),
                  (format_ms(dcl), format_ms(dcl_plain)), TARGETS["usable"]),
        bytes_row(f"repeat visit over the network (median of {len(repeat.server_bytes)})",
                  median(repeat.server_bytes), TARGETS["repeat"]),
        ratio_row("repeat visit: Python ready vs first visit", (repeat_ready, first_ready),
                  (format_ms(repeat_ready), format_ms(first_ready)), TARGETS["ready"]),
        ratio_row("the same on 1.6 Mbit/s 150 ms (1 run)", (repeat.weak_ready_ms, weak_first_ready),
                  (format_ms(repeat.weak_ready_ms), format_ms(weak_first_ready)), TARGETS["ready"]),
    ]  # fmt: skip


def total(transfers: list[Transfer]) -> int:
    """Bytes over the network of the transfers."""
    return sum(transfer.size for transfer in transfers)


def report(found: Measured, rows: list[Row]) -> None:
    """Print the table, what is missed, the bytes by kind and the raw lists."""
    assert found.gzip is not None
    assert found.repeat is not None
    print(render_table(rows))
    missed = [row.measure for row in rows if row.met == "no"]
    print("\ntargets missed: " + ("; ".join(missed) if missed else "none"))
    first, gzip = found.ours[0].transfers, found.gzip.transfers
    brotli_kinds, gzip_kinds = (
        bytes_by_kind((t.path, t.size) for t in first),
        bytes_by_kind((t.path, t.size) for t in gzip),
    )
    raw_kinds = raw_sizes(found.site, first)
    print("\nbytes of the first visit by kind (CDP encodedDataLength, headers included; raw = the files on disk):")
    print(f"  {'kind':<11}{'brotli':>10}{'gzip':>10}{'raw':>10}  content codings (brotli run / gzip run)")
    for kind in KINDS:
        sizes = "".join(f"{format_bytes(kinds[kind]):>10}" for kinds in (brotli_kinds, gzip_kinds, raw_kinds))
        print(f"  {kind:<11}{sizes}  {codings(first, kind)} / {codings(gzip, kind)}")
    sizes = "".join(f"{format_bytes(sum(kinds.values())):>10}" for kinds in (brotli_kinds, gzip_kinds, raw_kinds))
    print(f"  {'total':<11}{sizes}")
    print("\ncold runs, navigation → our first result / bare Python ready:")
    print(f"  wall ms: ours {[round(r.wall_ms) for r in found.ours]}, bare {[round(r.wall_ms) for r in found.bare]}")
    print(f"  CPU s: ours {[round(r.cpu_s, 2) for r in found.ours]}, bare {[round(r.cpu_s, 2) for r in found.bare]}")
    print(f"  ours, navigation → Python ready ms {[round(r.ready_ms) for r in found.ours]}")
    for label, runs in (("loopback", found.ours), ("weak link", found.weak_ours)):
        steps = [{**run.milestones, "Python ready": run.ready_ms, "result shown": run.wall_ms} for run in runs]
        names = list(steps[0]) if steps else []
        if names:
            print(f"  ours, {label}, ms from navigation: " + ", ".join(
                f"{name} {[round(step.get(name, float('nan'))) for step in steps]}" for name in names))  # fmt: skip
    weak_ours, weak_bare = [round(r.wall_ms) for r in found.weak_ours], [round(r.wall_ms) for r in found.weak_bare]
    weak_ready = [round(r.ready_ms) for r in found.weak_ours]
    print(f"  weak link ms: ours {weak_ours} (Python ready {weak_ready}), bare {weak_bare}")
    for label, runs, fetcher in (("ours", found.weak_ours, "dedicated worker"), ("bare", found.weak_bare, "page")):
        checks: list[str] = []  # one line per run, each printed once (the emulation makes runs alike)
        for run in runs:
            size, seconds, after = worker_throughput(run.transfers)
            rate = size * 8 / seconds / 1e6 if seconds else float("nan")
            checks.append(
                f"the runtime files the {fetcher} fetched, {format_bytes(size)} in {seconds:.1f} s = "
                f"{rate:.2f} Mbit/s (emulated: 1.6), the first {after:.1f} s after the page's request"
            )
        for check in dict.fromkeys(checks):
            print(f"  weak link check, {label} ({checks.count(check)} of {len(checks)} runs): {check}")
    usable_ours, usable_plain = [round(x) for x in found.usable["ours"]], [round(x) for x in found.usable["plain"]]
    sizes_text = f"{(found.site / found.plain_path / 'index.html').stat().st_size:,} B vs {PAGE} "
    sizes_text += f"{(found.site / PAGE / 'index.html').stat().st_size:,} B"
    print(f"  usable ms: {PAGE} {usable_ours}, {found.plain_path} {usable_plain} ({sizes_text})")
    repeat = found.repeat
    print(f"  repeat visits: Python ready ms {[round(x) for x in repeat.ready_ms]} "
          f"(started: {', '.join(repeat.starts)}; weak link {format_ms(repeat.weak_ready_ms)}), bytes the server sent "
          f"{repeat.server_bytes}, CDP {repeat.cdp_bytes}; "
          f"that profile's first visit {format_ms(repeat.first_ready_ms)}")  # fmt: skip
    print(f"  service worker: {repeat.offline_state}; filling its cache after the first visit took "
          f"{format_bytes(repeat.precache_bytes)} more from the server (not in the first-visit bytes)")  # fmt: skip


def main() -> None:
    """Run the benchmark and print the table; always exit 0 (it is not a test)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=5, help="cold runs per page, unthrottled (median)")
    parser.add_argument("--weak-runs", type=int, default=3, help="cold runs per page on the weak link")
    parser.add_argument("--usable-runs", type=int, default=9, help="loads per page for DOMContentLoaded (median)")
    parser.add_argument("--repeat-runs", type=int, default=5, help="repeat visits (median)")
    args = parser.parse_args()
    site: Path = args.site
    if not (site / PAGE / "index.html").is_file():
        raise SystemExit(f"{site} has no built site: run 'make build' first")
    began, load_before = time.monotonic(), load_text()
    found = measure(site, args)
    print(f"make bench: {PAGE} vs a bare loadPyodide page, {time.strftime('%Y-%m-%d %H:%M')}, {chromium_version()}")
    print(f"machine load at start {load_before}; at end {load_text()}\n")
    report(found, table(found))
    print(f"\ntotal run time {time.monotonic() - began:.0f} s")


if __name__ == "__main__":
    main()
