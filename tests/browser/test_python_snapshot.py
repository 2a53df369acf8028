"""The memory snapshot of the started Python (python-snapshot.js): kept after a first visit, restored on
the next one with the same results, and a broken one replaced by a normal start."""

from __future__ import annotations

import random
import time

from playwright.sync_api import BrowserContext, Page

from assessment import load_instrument, score
from scripts.runtime_key import runtime_key
from tests.browser.conftest import wait_for_python
from tests.browser.test_assessment_page import PAGE, fill, shown
from tests.conftest import BuiltSite

INSTRUMENT = load_instrument("berakhlak-individu")
CACHE = "sistem-kerja-python:/"
ENTRIES = f"""async () => {{
  if (!(await caches.has("{CACHE}"))) return [];
  const cache = await caches.open("{CACHE}");
  return Promise.all((await cache.keys()).map(async (request) =>
    [new URL(request.url).pathname, (await (await cache.match(request)).arrayBuffer()).byteLength]));
}}"""


def kept(page: Page, timeout_s: float = 60) -> list[list[object]]:
    """The snapshot entries once one is kept (the worker waits a few seconds after its start)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        entries: list[list[object]] = page.evaluate(ENTRIES)
        if entries and int(str(entries[0][1])) > 1_000_000:
            return entries
        time.sleep(0.25)
    raise AssertionError("no snapshot kept")


def started(context: BrowserContext, base_url: str) -> tuple[Page, str]:
    page = context.new_page()
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    return page, str(page.evaluate("document.documentElement.dataset.pythonStart"))


def assert_scores_as_cpython(page: Page) -> None:
    rng = random.Random(59)
    answers = {item.id: rng.randint(1, 5) for item in INSTRUMENT.items}
    expected = score(INSTRUMENT, answers)
    fill(page, answers)
    page.click(".asesmen-kirim__tombol")
    page.wait_for_selector("[data-overall-score]")
    assert shown(page)["overall"] == f"{expected['overall']['index']:.1f}"
    assert shown(page)["dimensions"] == {d["id"]: f"{d['index']:.1f}" for d in expected["dimensions"]}


def test_a_first_visit_keeps_a_snapshot_and_the_next_restores_it(
    page: Page, base_url: str, built_site: BuiltSite
) -> None:
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    assert page.evaluate("document.documentElement.dataset.pythonStart") == "fresh"
    ((path, size),) = kept(page)
    assert path == f"/assets/runtime/python-{runtime_key(built_site.directory)}.snapshot"
    assert 10_000_000 < int(str(size)) < 200_000_000
    again, how = started(page.context, base_url)
    assert how == "snapshot"
    assert_scores_as_cpython(again)


def test_a_snapshot_that_does_not_restore_is_replaced_by_a_normal_start(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    ((path, _),) = kept(page)
    page.evaluate(
        "async ([name, path]) => (await caches.open(name)).put(path, new Response(new Uint8Array(4096).fill(7)))",
        [CACHE, path],
    )
    again, how = started(page.context, base_url)
    assert how == "fresh"
    assert_scores_as_cpython(again)
    assert kept(again) != [[path, 4096]]  # a good one was kept in its place
