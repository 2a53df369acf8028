"""The Content-Security-Policy step: hashes of inline scripts, the policy, where its <meta> goes."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from scripts.csp import MARKER, CspError, apply_csp, main, policy, scan, script_hash, site_policy, with_policy

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
{marker}
<script>{first}</script>
<script id="__config" type="application/json">{{"base": "."}}</script>
<script src="bundle.js"></script>
<script type="module">import "./x.js";</script>
</head><body><p>teks</p><script>var t = "<b>&amp;</b>";</script></body></html>
"""


def page(first: str = "var a = 1;", marker: str = MARKER) -> str:
    return PAGE.format(first=first, marker=marker)


def expected_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_inline_scripts_that_run_are_collected_as_written() -> None:
    assert scan(page()).scripts == ["var a = 1;", 'import "./x.js";', 'var t = "<b>&amp;</b>";']


def test_the_hash_is_the_sha256_of_the_utf8_text_in_base64() -> None:
    assert script_hash("var a = 1;") == expected_hash("var a = 1;")
    assert script_hash("var s = 'é';") == expected_hash("var s = 'é';")


def test_the_policy_has_every_directive_and_no_unsafe_inline() -> None:
    value = policy(["'sha256-b'", "'sha256-a'", "'sha256-a'"])
    directives = dict(part.split(" ", 1) for part in value.split("; "))
    assert directives == {
        "default-src": "'self'",
        "script-src": "'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'",
        "img-src": "'self' data:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "worker-src": "'self'",
        "connect-src": "'self'",
    }
    assert "unsafe-inline" not in value


def test_the_meta_replaces_the_marker_after_the_charset() -> None:
    html = with_policy(page(), "default-src 'self'")
    head = html.split("<script", 1)[0]
    assert head.endswith(
        '<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">\n'
    )
    assert MARKER not in html


def test_without_a_marker_the_meta_goes_right_after_the_charset() -> None:
    html = with_policy(page(marker=""), "default-src 'self'")
    assert '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"' in html


def test_applying_twice_replaces_the_policy_instead_of_adding_another() -> None:
    html = with_policy(with_policy(page(), "default-src 'self'"), "default-src 'none'")
    assert html.count("Content-Security-Policy") == 1
    assert "default-src 'none'" in html


def test_a_script_before_the_place_of_the_policy_is_refused() -> None:
    html = "<html><head><script>x()</script><meta charset=utf-8></head></html>"
    with pytest.raises(CspError, match="sebelum"):
        with_policy(html, "default-src 'self'")


def test_every_page_gets_one_site_wide_policy_with_every_pages_inline_scripts(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(page("var depth = '.';"))
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "index.html").write_text(page("var depth = '../..';"))
    value = apply_csp(tmp_path)
    for script in ["var depth = '.';", "var depth = '../..';", 'import "./x.js";', 'var t = "<b>&amp;</b>";']:
        assert expected_hash(script) in value
    for path in [tmp_path / "index.html", tmp_path / "a" / "b" / "index.html"]:
        assert f'<meta http-equiv="Content-Security-Policy" content="{value}">' in path.read_text()
    assert site_policy(tmp_path) == value


@pytest.mark.parametrize(
    "markup",
    [
        '<button onclick="go()">Go</button>',
        '<a href="javascript:void(0)">x</a>',
        '<img src="x.png" onerror="alert(1)">',
        '<p style="color: red">merah</p>',
        "<style>p { color: red; }</style>",
    ],
)
def test_inline_handlers_javascript_urls_and_inline_styles_stop_the_build(tmp_path: Path, markup: str) -> None:
    (tmp_path / "index.html").write_text(page().replace("<p>teks</p>", markup))
    with pytest.raises(CspError, match=r"index\.html"):
        apply_csp(tmp_path)


def test_the_command_prints_the_policy_of_a_built_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "index.html").write_text(page())
    value = apply_csp(tmp_path)
    assert main([str(tmp_path)]) == 0
    assert capsys.readouterr().out == value + "\n"


def test_the_command_says_so_when_the_site_has_no_policy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "index.html").write_text(page())
    assert main([str(tmp_path)]) == 2
    assert "belum ada kebijakan" in capsys.readouterr().err
