"""What every built page's ``<head>`` asks for early (``overrides/main.html``)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from tests.conftest import BuiltSite

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
STATIC_IMPORT = re.compile(r'^import\s[^;]*?from\s+"\./([^"]+)";', re.MULTILINE)


class Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.preloaded: list[str] = []
        self.scripts: list[str] = []  # in document order: the file, or the text of an inline script
        self.inline = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "modulepreload":
            self.preloaded.append(str(found["href"]))
        if tag == "script":
            self.scripts.append(str(found.get("src") or ""))
            self.inline = not found.get("src")

    def handle_data(self, data: str) -> None:
        if self.inline:
            self.scripts[-1] += data

    def handle_endtag(self, tag: str) -> None:
        self.inline = False


def page_entries() -> list[str]:
    """The page scripts ``mkdocs.yml`` lists (file names under assets/javascripts/)."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        config = yaml_load(file)
    return [Path(entry["path"] if isinstance(entry, dict) else entry).name for entry in config["extra_javascript"]]


def imported_by(names: list[str]) -> set[str]:
    """Every module the given modules import statically, transitively (the runtime folder left out)."""
    found: set[str] = set()
    todo = list(names)
    while todo:
        for name in STATIC_IMPORT.findall((SCRIPTS / todo.pop()).read_text(encoding="utf-8")):
            if name not in found:
                found.add(name)
                todo.append(name)
    return found


def test_every_page_module_and_what_it_imports_is_preloaded_on_every_page(built_site: BuiltSite) -> None:
    wanted = set(page_entries()) | imported_by(page_entries())
    assert {"python-client.js", "assessment-store.js"} <= wanted
    for page in ("index.html", "asesmen/berakhlak/index.html", "presentasi/rekap/index.html"):
        head = Head()
        head.feed((built_site.directory / page).read_text(encoding="utf-8"))
        assert {Path(href).name for href in head.preloaded} == wanted, page
        for href in head.preloaded:
            assert (built_site.directory / Path(page).parent / href).resolve().is_file(), href


def test_the_search_index_is_held_by_an_inline_script_before_materials_bundle(built_site: BuiltSite) -> None:
    source = (SCRIPTS / "search-on-demand.js").read_text(encoding="utf-8")
    for page in ("index.html", "asesmen/berakhlak/index.html"):
        head = Head()
        head.feed((built_site.directory / page).read_text(encoding="utf-8"))
        bundle = next(index for index, script in enumerate(head.scripts) if Path(script).name.startswith("bundle."))
        assert source.strip() in [script.strip() for script in head.scripts[:bundle]], page
