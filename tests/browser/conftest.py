"""Browser suite: the built site, served over HTTP on loopback, driven in real headless Chromium.

The site (fixtures ``site_dir``, ``base_url``) is built once per session in ``tests/conftest.py``,
shared with the content checks.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Playwright, Request, sync_playwright

from scripts import chromium

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM, CHROMIUM_ARGS = chromium.EXECUTABLE, chromium.ARGS
READY_TIMEOUT_S = 60


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run 'make chromium' or set CHROMIUM (browser tests never skip)")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class RequestLog(list[str]):
    """Every URL the page (and its workers) requested; the site's service worker's own are kept apart."""

    def __init__(self) -> None:
        super().__init__()
        self.service_worker: list[str] = []  # filling its cache (sw.js), after the page's own requests

    def add(self, request: Request) -> None:
        (self.service_worker if request.service_worker else self).append(request.url)

    def foreign(self, base_url: str) -> list[str]:
        own = urlsplit(base_url).netloc
        return [
            url
            for url in [*self, *self.service_worker]
            if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != own
        ]


@pytest.fixture
def requests_seen() -> RequestLog:
    return RequestLog()


@pytest.fixture
def page(browser: Browser, base_url: str, requests_seen: RequestLog) -> Iterator[Page]:
    """A fresh browser context per test; no request may leave the local server."""
    context = browser.new_context(viewport={"width": 1000, "height": 900}, locale="id-ID")
    context.on("request", requests_seen.add)
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    # The service worker may still be filling its cache: a test's route handlers must not outlive it.
    context.unroute_all(behavior="ignoreErrors")
    context.close()
    assert requests_seen.foreign(base_url) == []


def wait_for_python(page: Page, timeout_s: float = READY_TIMEOUT_S) -> str:
    """Poll the status line until Python is ready or failed; returns the final state."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        state = page.evaluate("document.querySelector('.asesmen-status')?.dataset.state")
        if state in ("ready", "failed"):
            return str(state)
        time.sleep(0.05)
    raise AssertionError(f"Python not ready after {timeout_s} s")


def search_site(page: Page, query: str) -> list[str]:
    """Type into Material's search until results come (its index loads in a worker on first use)."""
    deadline = time.monotonic() + 60
    links: list[str] = []
    while time.monotonic() < deadline and not links:
        page.locator(".md-search__input").fill("")
        page.locator(".md-search__input").type(query)
        for _ in range(25):
            time.sleep(0.2)
            links = page.evaluate("[...document.querySelectorAll('.md-search-result__link')].map(a => a.href)")
            if links:
                break
    return links
