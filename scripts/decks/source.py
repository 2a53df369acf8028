"""A deck's Markdown page → slides, rendered with the site's own Markdown extensions.

A deck is a page in ``docs/presentasi/`` whose front matter has ``slides: true``. The same file is
the readable handout on the site, so its conventions read sensibly as a page:

* a horizontal rule (``---`` between blank lines) separates slides; the part before the first rule
  is the title slide;
* ``!!! note "Catatan pembicara"``, exactly one per slide, holds the speaker notes (a visible note
  on the page, ``<aside class="notes">`` on the slide);
* a paragraph with the class ``lewati-60`` (``{: .lewati-60 }``) marks a slide to skip in a
  60-minute session;
* ``<div class="hanya-halaman" markdown>`` holds what only the page shows (links to the slides);
* links to other pages (``../asesmen/berakhlak.md``) become absolute addresses on the site.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from scripts.decks.timing import TimingError, with_timing

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
NOTES_TITLE = "Catatan pembicara"

_SEPARATOR = re.compile(r"^<hr\s*/?>$", re.MULTILINE)
_NOTES = re.compile(
    r'<div class="admonition note">\s*<p class="admonition-title">' + NOTES_TITLE + r"</p>(?P<body>.*?)</div>",
    re.DOTALL,
)
_PAGE_ONLY = re.compile(r'<div class="hanya-halaman">.*?</div>', re.DOTALL)
_SKIP_60 = re.compile(r'<p class="lewati-60">')
_HREF = re.compile(r'href="(?P<url>[^"#:][^":]*?)"')
_H1 = re.compile(r"<h1[^>]*>(?P<text>.*?)</h1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


class DeckError(ValueError):
    """A deck source that breaks the conventions; the message names the file and the slide."""


@dataclass(frozen=True)
class Slide:
    """One slide: its HTML, speaker notes (HTML), whether a 60-minute session skips it, and its pacing.

    ``timing`` and ``timing_60`` are the seconds the agenda gives the slide in the full and the
    60-minute session (see :mod:`scripts.decks.timing`), ``None`` without an agenda.
    """

    html: str
    notes: str
    skip_60: bool
    timing: int | None = None
    timing_60: int | None = None


@dataclass(frozen=True)
class Deck:
    """A deck: its slug (the page's file name), title, folder inside ``docs/`` and slides."""

    slug: str
    title: str
    folder: str
    slides: tuple[Slide, ...]

    @property
    def page_path(self) -> str:
        """The handout page's path on the site, e.g. ``presentasi/sosialisasi-perbup/``."""
        return f"{self.folder}/{self.slug}/"


def deck_sources(docs: Path = DOCS) -> list[Path]:
    """The deck pages: Markdown files under ``docs/presentasi/`` with ``slides: true`` in their front matter."""
    found = []
    for path in sorted((docs / "presentasi").glob("*.md")):
        _, meta = get_data(path.read_text(encoding="utf-8"))
        if meta.get("slides") is True:
            found.append(path)
    return found


def site_markdown(site_url: str) -> markdown.Markdown:
    """A Markdown converter with the extensions (and settings) of ``mkdocs.yml``, adjusted for slides."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        config = yaml_load(file)
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions", []):
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        names.append(name)
        configs[name] = dict(options or {})
    configs.setdefault("toc", {})["permalink"] = False
    if "pymdownx.snippets" in configs:
        configs["pymdownx.snippets"]["base_path"] = [str(ROOT)]
    if "scripts.decks.qr" not in names:
        names.append("scripts.decks.qr")
    configs["scripts.decks.qr"] = {"site_url": site_url}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def _link_rewriter(source_dir: str, source: Path, site_url: str) -> Any:
    """Turn a relative link of the page into an absolute address on the site."""
    page_url = f"{source_dir}/{source.stem}/"

    def rewrite(match: re.Match[str]) -> str:
        url = html.unescape(match["url"])
        path, _, fragment = url.partition("#")
        if path.endswith(".md"):
            target = posixpath.normpath(posixpath.join(source_dir, path))
            target = target[: -len("index.md")] if target.endswith("index.md") else target[: -len(".md")] + "/"
        else:
            target = posixpath.normpath(posixpath.join(page_url, path)) + ("/" if path.endswith("/") else "")
        if target.startswith(".."):
            raise DeckError(f"{source}: tautan ke luar situs: {url}")
        absolute = site_url.rstrip("/") + "/" + target.lstrip("/") + (f"#{fragment}" if fragment else "")
        return f'href="{html.escape(absolute)}"'

    return rewrite


def load_deck(source: Path, site_url: str, docs: Path = DOCS) -> Deck:
    """Render ``source`` (a page under ``docs``) with the site's extensions and cut it into slides."""
    text, _ = get_data(source.read_text(encoding="utf-8"))
    body = site_markdown(site_url).convert(text)
    folder = source.parent.relative_to(docs).as_posix()
    rewrite = _link_rewriter(folder, source, site_url)
    title_match = _H1.search(body)
    if not title_match:
        raise DeckError(f"{source}: tidak ada judul (# ...) pada slide pertama")
    title = html.unescape(_TAG.sub("", title_match["text"])).strip()
    slides = []
    for number, chunk in enumerate(_SEPARATOR.split(body), start=1):
        notes = list(_NOTES.finditer(chunk))
        if len(notes) != 1:
            raise DeckError(
                f"{source}: slide {number}: perlu tepat satu catatan '!!! note \"{NOTES_TITLE}\"', ada {len(notes)}"
            )
        content = _PAGE_ONLY.sub("", chunk[: notes[0].start()] + chunk[notes[0].end() :]).strip()
        if not content:
            raise DeckError(f"{source}: slide {number} kosong")
        slides.append(
            Slide(
                html=_HREF.sub(rewrite, content),
                notes=_HREF.sub(rewrite, notes[0]["body"].strip()),
                skip_60=bool(_SKIP_60.search(content)),
            )
        )
    try:
        timed = with_timing(slides, source)
    except TimingError as error:
        raise DeckError(str(error)) from None
    return Deck(source.stem, title, folder, tuple(timed))
