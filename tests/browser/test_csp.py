"""Content-Security-Policy in Chromium: the site works under its own policy; injected script does not run."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, Route

from assessment import load_instrument, score
from scripts.csp import scan, script_hash
from tests.browser.conftest import search_site, wait_for_python
from tests.browser.test_assessment_page import ITEMS, PAGE, fill, shown

INSTRUMENT = load_instrument("berakhlak-individu")
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
# Recorded from the first document on; with instant navigation the page never reloads, so it keeps counting.
WATCH = """window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
    {directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, sample: e.sample}));"""


def violations(page: Page) -> Any:
    return page.evaluate("window.__violations")


def directives(policy: str) -> dict[str, str]:
    return dict(part.split(" ", 1) for part in policy.split("; "))


def test_every_page_carries_the_policy_before_any_script(site_dir: Path, base_url: str) -> None:
    home = META.search((site_dir / "index.html").read_text(encoding="utf-8"))
    assert home
    policy = directives(home.group(1))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"].startswith("'self' 'wasm-unsafe-eval' 'sha256-")
    assert "'unsafe-inline'" not in home.group(1)
    assert "'unsafe-eval'" not in home.group(1)
    for name, value in [("object-src", "'none'"), ("base-uri", "'self'"), ("form-action", "'self'")]:
        assert policy[name] == value
    for name in ("worker-src", "connect-src"):
        assert policy[name] == "'self'"
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        metas = META.findall(html)
        assert len(metas) == 1, path
        assert html.index("Content-Security-Policy") < html.find("<script") or "<script" not in html, path
        if "data-md-component" in html:  # a page of the theme: the one site-wide policy, and its scripts in it
            assert metas[0] == home.group(1), path
            assert all(script_hash(script) in metas[0] for script in scan(html).scripts), path


def test_pages_search_navigation_and_the_assessment_work_under_the_policy(page: Page, base_url: str) -> None:
    page.add_init_script(WATCH)
    page.goto(base_url)
    page.evaluate("window.__sameDocument = true")
    assert any("nilai/akuntabel/" in link for link in search_site(page, "akuntabel"))
    page.keyboard.press("Escape")
    page.locator(f".md-content a[href$='{PAGE}']").first.click()  # instant navigation
    page.wait_for_selector(".asesmen-status")
    assert wait_for_python(page) == "ready"
    answers = {item: (i % 5) + 1 for i, item in enumerate(ITEMS)}
    fill(page, answers)
    page.click(".asesmen-kirim__tombol")
    page.wait_for_selector("[data-overall-score]")
    expected = score(INSTRUMENT, answers)
    assert shown(page)["overall"] == f"{expected['overall']['index']:.1f}"
    page.locator(".md-content a[href$='metodologi/']").first.click()
    page.wait_for_selector("h1:has-text('Metodologi')")
    page.go_back()
    page.wait_for_selector(".asesmen-status")
    assert page.evaluate("window.__sameDocument") is True, "instant navigation fell back to a page load"
    assert violations(page) == []


def test_an_injected_inline_script_and_handler_are_blocked(page: Page, base_url: str) -> None:
    page.add_init_script(WATCH)
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    assert violations(page) == []
    page.evaluate(
        """() => {
            const script = document.createElement('script');
            script.textContent = 'window.__injected = "script"';
            document.body.append(script);
            document.querySelector('.md-content').insertAdjacentHTML(
                'beforeend', '<img src="tidak-ada.png" onerror="window.__injected = \\'handler\\'">');
        }"""
    )
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and len(violations(page)) < 2:
        time.sleep(0.05)
    assert page.evaluate("window.__injected") is None
    assert sorted(v["directive"] for v in violations(page)) == ["script-src-attr", "script-src-elem"]


def test_the_policy_as_a_response_header_also_reaches_the_worker_and_the_assessment_works(
    page: Page, site_dir: Path, base_url: str
) -> None:
    home = META.search((site_dir / "index.html").read_text(encoding="utf-8"))
    assert home
    worker_urls: list[str] = []

    def with_header(route: Route) -> None:
        response = route.fetch()
        if "worker" in route.request.url:
            worker_urls.append(route.request.url)
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": home.group(1)})

    page.context.route("**/*", with_header)
    page.add_init_script(WATCH)
    page.goto(base_url + PAGE)
    assert wait_for_python(page) == "ready"
    assert any(url.endswith("assessment-worker.js") for url in worker_urls)  # the worker got the header too
    answers = dict.fromkeys(ITEMS, 4)
    fill(page, answers)
    page.click(".asesmen-kirim__tombol")
    page.wait_for_selector("[data-overall-score]")
    assert shown(page)["overall"] == f"{score(INSTRUMENT, answers)['overall']['index']:.1f}"
    assert violations(page) == []
