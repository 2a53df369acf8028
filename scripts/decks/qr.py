"""Python-Markdown extension: ``[[qr PATH]]`` becomes a QR code to a page of the site, address printed under it.

``PATH`` is a site path such as ``asesmen/berakhlak/``; the address is ``site_url`` + ``PATH``, where
``site_url`` is the address the site is built for (``mkdocs.yml`` passes its own ``site_url``; the
deck builder passes the one the built site was made for). The code is an inline SVG made at build
time by segno, so nothing is loaded from elsewhere.
"""

from __future__ import annotations

import html
import re
from typing import Any

import segno
from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

MARKER = re.compile(r"^\[\[qr\s+([a-z0-9/#._-]*)\]\]\s*$")
DARK = "#003d33"


def address(site_url: str, path: str) -> str:
    """The absolute address of ``path`` on the site built for ``site_url``."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def qr_figure(url: str) -> str:
    """A figure with the QR code of ``url`` (SVG, scalable) and the address as its caption."""
    svg = segno.make(url, error="m").svg_inline(scale=1, border=4, omitsize=True, dark=DARK, light="#ffffff")
    svg = svg.replace("<svg ", '<svg role="img" aria-label="Kode QR alamat di bawah ini" ', 1)
    quoted = html.escape(url)
    return f'<figure class="qr-alamat" data-qr-url="{quoted}">{svg}<figcaption>{quoted}</figcaption></figure>'


class _QrPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, site_url: str) -> None:
        super().__init__(md)
        self.site_url = site_url

    def run(self, lines: list[str]) -> list[str]:
        output = []
        for line in lines:
            match = MARKER.match(line)
            if match:
                output.extend(["", self.md.htmlStash.store(qr_figure(address(self.site_url, match[1]))), ""])
            else:
                output.append(line)
        return output


class QrExtension(Extension):
    """Registers the ``[[qr PATH]]`` preprocessor."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"site_url": ["http://127.0.0.1:8000/", "the address the site is built for"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        md.preprocessors.register(_QrPreprocessor(md, self.getConfig("site_url")), "qr_markers", 24)


def makeExtension(**kwargs: Any) -> QrExtension:  # noqa: N802 (Python-Markdown's API name)
    """Entry point used by ``markdown_extensions: [scripts.decks.qr]``."""
    return QrExtension(**kwargs)
