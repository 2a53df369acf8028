"""Content checks over the Markdown sources and the site built from them.

The site is built once per session (fixture ``built_site`` in ``tests/conftest.py``, shared with the
browser suite: MkDocs strict, then the post-build steps); the other checks read that output (links
and anchors, the panduan perilaku on the value pages) or the sources in ``docs/`` and ``includes/``.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from assessment import Dimension, load_instrument
from tests.conftest import BuiltSite

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
ABBREVIATIONS = ROOT / "includes" / "abbreviations.md"
INSTRUMENT_ID = "berakhlak-individu"

# Files vendored for the browser only (Pyodide and the wheel); they need not exist for the build.
IGNORED_PATH_PREFIXES = ("assets/runtime/",)
LINK_ATTRIBUTES = {"a": "href", "link": "href", "area": "href", "img": "src", "script": "src", "source": "src"}

ABBREVIATION_LINE = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<expansion>\S.*)$")
SUMBER_HEADING = re.compile(r"^## Sumber\s*$", re.MULTILINE)


# ---------------------------------------------------------------------------------------- build


@pytest.fixture(scope="session")
def site(built_site: BuiltSite) -> Path:
    """The built site; the checks on it run even when strict mode rejected the build for warnings."""
    if not (built_site.directory / "index.html").is_file():
        pytest.fail(f"mkdocs wrote no site:\n{built_site.output}")
    return built_site.directory


def test_strict_build_succeeds(built_site: BuiltSite) -> None:
    assert built_site.ok, built_site.output
    warnings = [line for line in built_site.output.splitlines() if line.startswith("WARNING")]
    assert warnings == [], "\n".join(warnings)


# ------------------------------------------------------------------------------ links and anchors


class PageParser(HTMLParser):
    """Collects the ids a page offers and the URLs it points to."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if element_id := attributes.get("id"):
            self.ids.add(element_id)
        if tag == "a" and (name := attributes.get("name")):
            self.ids.add(name)
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute and (url := attributes.get(attribute)) is not None:
            self.urls.append(url)


def parse_pages(site: Path) -> dict[str, PageParser]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        parser = PageParser()
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        pages[path.relative_to(site).as_posix()] = parser
    return pages


def resolve(page: str, url: str) -> tuple[str, str] | None:
    """The site-relative file and the fragment a URL on ``page`` points to; None if not internal."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # external, mailto:, data:, javascript:
    if not parts.path:
        return page, unquote(parts.fragment)
    path = unquote(parts.path)
    joined = path if path.startswith("/") else posixpath.join(posixpath.dirname(page), path)
    target = posixpath.normpath("/" + joined).lstrip("/")  # a leading "/" keeps ".." inside the site
    if not target or path.endswith("/"):
        target = posixpath.join(target, "index.html")
    return target, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    pages = parse_pages(site)
    problems = []
    for page, parser in pages.items():
        for url in parser.urls:
            resolved = resolve(page, url)
            if resolved is None:
                continue
            target, fragment = resolved
            if target.startswith(IGNORED_PATH_PREFIXES):
                continue
            if (site / target).is_dir():
                target = posixpath.join(target, "index.html")
            if not (site / target).is_file():
                problems.append(f"{page}: {url} -> {target} does not exist")
            elif fragment and target in pages and fragment not in pages[target].ids:
                problems.append(f"{page}: {url} -> no id '{fragment}' in {target}")
    return problems


def test_resolve_handles_relative_absolute_and_fragment_links() -> None:
    assert resolve("nilai/loyal/index.html", "../../asesmen/berakhlak/#bagian-loyal") == (
        "asesmen/berakhlak/index.html",
        "bagian-loyal",
    )
    assert resolve("nilai/loyal/index.html", "#makna") == ("nilai/loyal/index.html", "makna")
    assert resolve("404.html", "/.") == ("index.html", "")
    assert resolve("404.html", "/istilah/") == ("istilah/index.html", "")
    assert resolve("index.html", "https://example.org/") is None
    assert resolve("index.html", "mailto:someone@example.org") is None


def test_internal_links_and_anchors_resolve(site: Path) -> None:
    problems = broken_links(site)
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------------------- sources


def content_pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


@pytest.mark.parametrize("page", content_pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_page_has_a_sumber_section(page: Path) -> None:
    assert SUMBER_HEADING.search(page.read_text(encoding="utf-8")), f"{page} has no '## Sumber' heading"


# ------------------------------------------------------------------------- panduan perilaku lists


class BehaviourListParser(HTMLParser):
    """The items of every ``<ol class="panduan-perilaku" data-dimension="...">`` on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.lists: dict[str, list[str]] = {}
        self._dimension: str | None = None
        self._depth = 0
        self._item: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self._dimension is None:
            classes = (attributes.get("class") or "").split()
            if tag == "ol" and "panduan-perilaku" in classes:
                self._dimension = attributes.get("data-dimension") or ""
                self.lists.setdefault(self._dimension, [])
                self._depth = 1
            return
        if tag == "ol":
            self._depth += 1
        elif tag == "li" and self._depth == 1:
            self._item = []

    def handle_endtag(self, tag: str) -> None:
        if self._dimension is None:
            return
        if tag == "li" and self._item is not None and self._depth == 1:
            self.lists[self._dimension].append(" ".join("".join(self._item).split()))
            self._item = None
        elif tag == "ol":
            self._depth -= 1
            if self._depth == 0:
                self._dimension = None

    def handle_data(self, data: str) -> None:
        if self._item is not None:
            self._item.append(data)


INSTRUMENT = load_instrument(INSTRUMENT_ID)


@pytest.mark.parametrize("dimension", INSTRUMENT.dimensions, ids=lambda d: d.id)
def test_value_page_shows_the_instrument_behaviours_word_for_word(site: Path, dimension: Dimension) -> None:
    page = site / "nilai" / dimension.id / "index.html"
    assert page.is_file(), f"no value page for {dimension.id}"
    parser = BehaviourListParser()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    assert list(parser.lists) == [dimension.id], f"{page}: lists found for {list(parser.lists)}"
    assert parser.lists[dimension.id] == [indicator.text for indicator in dimension.indicators]


# ---------------------------------------------------------------------------------- abbreviations


def abbreviations() -> dict[str, str]:
    entries = {}
    for number, line in enumerate(ABBREVIATIONS.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        match = ABBREVIATION_LINE.match(line)
        assert match, f"{ABBREVIATIONS.name}:{number}: not an abbreviation: {line!r}"
        entries[match["abbr"]] = match["expansion"]
    return entries


def test_abbreviations_file_is_well_formed() -> None:
    entries = abbreviations()
    assert entries, "includes/abbreviations.md defines no abbreviation"


@pytest.mark.parametrize("abbr", sorted(abbreviations()))
def test_every_abbreviation_is_used_in_docs(abbr: str) -> None:
    pattern = re.compile(rf"\b{re.escape(abbr)}\b")
    assert any(pattern.search(page.read_text(encoding="utf-8")) for page in content_pages()), (
        f"abbreviation {abbr} is not used anywhere in docs/"
    )
