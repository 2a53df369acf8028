"""Shared helpers of the regulation tool tests (no tests here)."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown

from scripts.regulation.clean import clean
from scripts.regulation.model import Regulation
from scripts.regulation.parse import parse_text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "regulation"
SAMPLES = sorted(path.name for path in DATA.glob("*.txt"))
CLEAN_SAMPLES = [
    "contoh-berantakan.txt",
    "contoh-lengkap.txt",
    "contoh-nomor-halaman.txt",
    "contoh-penjelasan-lampiran.txt",
]
EXTENSIONS = ["attr_list", "toc", "tables", "admonition"]


def sample_path(name: str) -> Path:
    return DATA / name


def sample(name: str) -> str:
    return sample_path(name).read_text(encoding="utf-8")


def sample_line(name: str, number: int) -> str:
    """The text of line ``number`` (1-based) of a sample, stripped: to check hard-coded line numbers."""
    return sample(name).split("\n")[number - 1].strip()


def parse_sample(name: str) -> Regulation:
    return parse_text(sample(name), source=name)


def to_html(page: str) -> str:
    return markdown.markdown(page, extensions=EXTENSIONS)


class Anchors(HTMLParser):
    """Collects the ids, the internal links and the links of the table of contents of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.toc_hrefs: list[str] = []
        self._in_toc = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
            # the list after the "Daftar isi" heading is the table of contents
            self._in_toc = found["id"] == "daftar-isi"
        elif re.fullmatch(r"h[1-6]", tag):
            self._in_toc = False
        href = found.get("href")
        if tag == "a" and href and href.startswith("#"):
            self.hrefs.append(href[1:])
            if self._in_toc:
                self.toc_hrefs.append(href[1:])


def anchors(html: str) -> Anchors:
    parser = Anchors()
    parser.feed(html)
    parser.close()
    return parser


def words(text: str) -> Counter[str]:
    """The words of ``text``, case-folded, with hyphens dropped (``bersama-sama`` → ``bersamasama``)."""
    return Counter(re.findall(r"\w+", text.replace("-", "").casefold()))


def input_words(text: str) -> Counter[str]:
    """The words of the cleaned input: what remains after page numbers and running headers are removed.

    A hyphen at a line end is dropped with the line break, so ``pe-`` / ``laksanaan`` gives one word.
    """
    kept = "\n".join(line.text for line in clean(text).lines if line.text)
    return words(re.sub(r"-\n", "", kept))


def _points(points: list[dict[str, Any]]) -> list[str]:
    found: list[str] = []
    for point in points:
        found += [point["label"] or "", point["text"], *_nodes(point["quoted"]), *_points(point["points"])]
    return found


def _nodes(nodes: list[dict[str, Any]]) -> list[str]:
    found: list[str] = []
    for node in nodes:
        if node.get("type", "pasal") == "pasal":
            found.append(f"Pasal {node['number']}")
            for ayat in node["ayat"]:
                number = "" if ayat["number"] is None else f"({ayat['number']})"
                found += [number, ayat["text"], *_nodes(ayat["quoted"]), *_points(ayat["points"])]
        else:
            name = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf"}[node["kind"]]
            found += [name, node["number"], node["title"], *_nodes(node["children"])]
    return found


def data_text(data: dict[str, Any]) -> str:
    """All the text of a data file (JSON object), with the markers the parser turned into fields.

    Markers such as ``Menimbang``, ``Pasal 5``, ``(2)``, ``NOMOR … TAHUN … TENTANG`` are put back from the
    fields that hold them, so that the words can be compared with the words of the input.
    """
    heading = data["heading"]
    found: list[str] = [*heading["kop"], heading["jenis"]]
    if heading["nomor"]:
        found += ["NOMOR", heading["nomor"], "TAHUN", heading["tahun"], "TENTANG", heading["tentang"]]
    found += [t["text"] for t in data["opening"]]
    for key in ("menimbang", "mengingat", "memperhatikan"):
        if data[key]:
            found += [key, *_points(data[key])]
    found += [t["text"] for t in data["persetujuan"]]
    if data["memutuskan"]:
        found.append(data["memutuskan"]["text"])
    if data["menetapkan"]:
        found += ["Menetapkan", data["menetapkan"]["text"]]
    found += _nodes(data["body"])
    for block in data["closing"]:
        found += [t["text"] for t in block["lines"]]
    pen = data["penjelasan"]
    if pen is not None:
        found += ["PENJELASAN", *(t["text"] for t in pen["heading"])]
        if pen["umum"]:
            found += ["I. UMUM", *(t["text"] for t in pen["umum"])]
        if pen["pasal"]:
            found.append("II. PASAL DEMI PASAL")
        for item in pen["pasal"]:
            found.append(f"Pasal {item['number']}")
            for part in item["parts"]:
                found += [part["label"] or "", *(t["text"] for t in part["paragraphs"])]
        found += [t["text"] for t in pen["closing"]]
    for attachment in data["lampiran"]:
        found += [attachment["label"], *(t["text"] for t in attachment["paragraphs"] + attachment["tables"])]
    found += [t["text"] for t in data["unplaced"]]
    return "\n".join(found)
