"""Content-Security-Policy for every page of the built site, as a ``<meta>`` before anything that runs.

The theme writes inline scripts (one of them embeds the page's path to the root, so its text differs
with page depth). With instant navigation the policy of the first page loaded stays in force for the
whole visit, so every page gets one site-wide policy listing the sha256 of every inline script any
page has: a new inline script, anywhere, is hashed by the next build with nothing to maintain.
Inline event handlers (``onclick=…``) and ``javascript:`` links cannot be allowed by a hash, and the
policy has no ``style-src`` exception for inline styles: the build refuses all of these, so nothing is
silently blocked in the browser.

Post-build step (``scripts.build_site.POST_BUILD``); ``python -m scripts.csp SITE_DIR`` prints the
policy of a built site, to send as a ``Content-Security-Policy`` response header as well.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

#: Where ``overrides/main.html`` asks for the policy: right after ``<meta charset>``.
MARKER = "<!-- content-security-policy -->"

#: The fixed part of the policy; ``script-src`` gets the hashes of the site's inline scripts.
#: ``'wasm-unsafe-eval'``: Pyodide compiles WebAssembly (without it, it hangs). ``img-src data:``:
#: the theme's stylesheet draws its icons as ``data:`` SVG images.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("worker-src", "'self'"),
    ("connect-src", "'self'"),
)

#: ``type`` values of a ``<script>`` that runs (anything else, e.g. ``application/json``, is data).
SCRIPT_TYPES = frozenset(
    {"", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript"}
)

_EXISTING = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)


class CspError(RuntimeError):
    """The site has something a hash-based policy cannot allow, or a page where it cannot go."""


class _Scan(HTMLParser):
    """Inline script texts, and what the policy would block: handlers, ``javascript:`` URLs, inline styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.forbidden: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "style":
            self.forbidden.append("<style>")
        for name, value in attrs:
            if name == "style":
                self.forbidden.append(f"<{tag} style=…>")
            elif name.startswith("on"):
                self.forbidden.append(f"<{tag} {name}=…>")
            elif name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.forbidden.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            values = dict(attrs)
            runs = (values.get("type") or "").strip().lower() in SCRIPT_TYPES
            self._script = [] if runs and "src" not in values else None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def scan(html: str) -> _Scan:
    """Parse one page."""
    parser = _Scan()
    parser.feed(html)
    parser.close()
    return parser


def script_hash(text: str) -> str:
    """The CSP source expression allowing an inline script with exactly this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(hashes: Iterable[str]) -> str:
    """The whole policy, with the given script hashes (sorted, so a build is reproducible)."""
    extra = {"script-src": sorted(set(hashes))}
    return "; ".join(" ".join([name, value, *extra.get(name, [])]) for name, value in DIRECTIVES)


def with_policy(html: str, value: str) -> str:
    """The page with the policy's ``<meta>`` in place (replaced if present), before every script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{value}">'
    if _EXISTING.search(html):
        return _EXISTING.sub(lambda _: meta, html, count=1)
    if MARKER in html:
        at = html.index(MARKER)
        html = html.replace(MARKER, meta, 1)
    elif charset := _CHARSET.search(html):
        at = charset.end()
        html = html[:at] + meta + html[at:]
    elif head := _HEAD.search(html):
        at = head.end()
        html = html[:at] + meta + html[at:]
    else:
        raise CspError("tidak ada <head> untuk kebijakan keamanan konten")
    if "<script" in html[:at].lower():
        raise CspError("ada <script> sebelum kebijakan keamanan konten")
    return html


def pages(site: Path) -> list[Path]:
    """Every HTML file of the built site."""
    return sorted(site.rglob("*.html"))


def apply_csp(site: Path) -> str:
    """Write the site-wide policy into every page of ``site``; returns the policy."""
    texts = {path: path.read_text(encoding="utf-8") for path in pages(site)}
    hashes: set[str] = set()
    problems: list[str] = []
    for path, html in texts.items():
        found = scan(html)
        hashes.update(script_hash(script) for script in found.scripts)
        problems += [f"{path.relative_to(site)}: {what}" for what in found.forbidden]
    if problems:
        raise CspError("skrip atau gaya sebaris yang akan diblokir kebijakan keamanan konten:\n" + "\n".join(problems))
    value = policy(hashes)
    for path, html in texts.items():
        try:
            path.write_text(with_policy(html, value), encoding="utf-8")
        except CspError as error:
            raise CspError(f"{path.relative_to(site)}: {error}") from None
    return value


def site_policy(site: Path) -> str:
    """The policy a built site carries (read from its home page)."""
    found = _EXISTING.search((site / "index.html").read_text(encoding="utf-8"))
    if not found:
        raise CspError(f"{site / 'index.html'}: belum ada kebijakan keamanan konten")
    return found.group(0).split('content="', 1)[1][:-2]


def main(argv: list[str] | None = None) -> int:
    """Print the policy of a built site (for a ``Content-Security-Policy`` header)."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    args = parser.parse_args(argv)
    try:
        print(site_policy(args.site))
    except (OSError, CspError) as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
