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
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "modulepreload":
            self.preloaded.append(str(found["href"]))
        if tag == "script" and found.get("src"):
            self.scripts.append(str(found["src"]))


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


def test_every_module_a_page_script_imports_is_preloaded_on_every_page(built_site: BuiltSite) -> None:
    wanted = imported_by(page_entries())
    assert {"python-client.js", "assessment-store.js"} <= wanted
    for page in ("index.html", "asesmen/berakhlak/index.html", "presentasi/rekap/index.html"):
        head = Head()
        head.feed((built_site.directory / page).read_text(encoding="utf-8"))
        assert {Path(href).name for href in head.preloaded} == wanted, page
        for href in head.preloaded:
            assert (built_site.directory / Path(page).parent / href).resolve().is_file(), href


def test_the_search_index_script_runs_before_materials_bundle(built_site: BuiltSite) -> None:
    head = Head()
    head.feed((built_site.directory / "index.html").read_text(encoding="utf-8"))
    names = [Path(src).name for src in head.scripts]
    bundle = next(index for index, name in enumerate(names) if name.startswith("bundle."))
    assert names.index("search-on-demand.js") < bundle
