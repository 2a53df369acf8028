from __future__ import annotations

import re

import markdown
import pytest

from scripts.regulation.model import Ayat, Heading, Pasal, Point, Regulation
from scripts.regulation.parse import parse_text
from scripts.regulation.refs import find_references
from scripts.regulation.render import block_start, escape, render
from tests.test_regulation_support import line_of, sample

FULL = "contoh-lengkap.txt"
FLAWED = "contoh-cacat.txt"
EXTRAS = "contoh-penjelasan-lampiran.txt"
SOURCE = "JDIH Contoh, https://contoh.invalid/perbup-1-2099.pdf"
EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
]


def to_html(page: str) -> str:
    return str(markdown.markdown(page, extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True}}))


def page_of(name: str, source: str | None = SOURCE) -> tuple[str, str, Regulation]:
    reg = parse_text(sample(name), source=name)
    page, _ = render(reg, source=source)
    return page, to_html(page), reg


def ids(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', html)


def test_pasal_anchors_and_reference_links() -> None:
    _page, html, reg = page_of(FULL)
    found = ids(html)
    assert len(found) == len(set(found))
    for pasal in reg.pasal_list():
        assert f'id="pasal-{pasal.number}"' in html
    assert '<a href="#pasal-3">Pasal 3 ayat (2)</a>' in html
    assert '<a href="#pasal-5">Pasal 5 ayat (2)</a>' in html
    assert '<a href="#pasal-3">Pasal 3</a> sampai dengan <a href="#pasal-6">Pasal 6</a>' in html
    # references to other regulations are not links
    assert "kecuali yang diatur dalam Pasal 18 Undang-Undang Nomor 99 Tahun 2098." in html
    assert "2. Pasal 5 Undang-Undang Nomor 98" in html
    for target in re.findall(r'href="#([^"]+)"', html):
        assert target in found, target
    assert '<a href="#bab-ii">BAB II — PELAKSANAAN</a>' in html
    assert 'id="bab-ii-bagian-kedua-paragraf-1"' in html
    assert "{#" not in html


def test_header_notice_and_metadata() -> None:
    page, html, _ = page_of(FULL)
    assert page.index('!!! warning "Teks hasil konversi otomatis"') < page.index("## Pembukaan")
    notice = html[html.index('class="admonition warning"') :]
    notice = notice[: notice.index("</div>")]
    assert "dikonversi secara otomatis" in notice
    assert '<a href="https://contoh.invalid/perbup-1-2099.pdf">' in notice
    assert "yang berlaku adalah teks resmi" in notice
    assert "<td>Ditetapkan</td>\n<td>Kota Contoh, 2 Januari 2099</td>" in html
    assert "<h1" in html
    assert "Peraturan Bupati Contoh Nomor 1 Tahun 2099" in html


def test_lists_keep_their_labels_and_nesting() -> None:
    _, html, _ = page_of(FULL)
    assert "<li>a. bahwa teks ini adalah contoh rekaan" in html
    assert "<li>1. Undang-Undang Nomor 99 Tahun 2098" in html
    nested = re.search(r"<li>b\. kegiatan contoh, yang terdiri atas:\s*<ul>\s*<li>1\. kegiatan pertama; dan</li>", html)
    assert nested is not None
    assert "<ol>" not in html


def test_missing_references_are_reported_and_not_linked() -> None:
    reg = parse_text(sample(FLAWED), source=FLAWED)
    page, issues = render(reg, source=SOURCE)
    html = to_html(page)
    line = line_of(FLAWED, "(3) Ayat ketiga tanpa ayat kedua, sebagaimana dimaksud dalam Pasal 9.")
    assert [(i.line, i.code) for i in issues if i.code == "ref-missing"] == [(line, "ref-missing")]
    assert 'href="#pasal-9"' not in html
    found = ids(html)
    assert len(found) == len(set(found))
    assert found.count("pasal-4") == 1
    assert "pasal-4-2" in found
    assert "Teks yang belum ditempatkan" in html
    assert "catatan tercecer di akhir berkas" in html


def test_missing_source_is_a_warning() -> None:
    reg = parse_text(sample(FULL))
    page, issues = render(reg)
    assert [i.code for i in issues] == ["no-source"]
    assert "sumber tidak disebutkan" in page


def test_penjelasan_and_lampiran_are_separate_sections() -> None:
    _, html, _ = page_of(EXTRAS)
    found = ids(html)
    for anchor in ("penjelasan", "penjelasan-umum", "penjelasan-pasal-2", "lampiran", "lampiran-i", "lampiran-ii"):
        assert anchor in found
    assert html.count("<hr />") == 2
    assert html.index('id="penutup"') < html.index('id="penjelasan"') < html.index('id="lampiran"')
    assert 'menyebut <a href="#pasal-2">Pasal 2 ayat (1)</a>' in html
    assert "<p>1. Unit rekaan mengisi format laporan contoh.</p>" in html
    assert "<strong>Ayat (1)</strong>" in html


def test_text_is_escaped() -> None:
    tricky = "1. teks *bintang* _garis_ <b>tebal</b> [tautan](x) {#id} | pipa #tagar & lain"
    reg = Regulation(
        heading=Heading(line=1, jenis="PERATURAN BUPATI CONTOH", nomor="5", tahun="2099", tentang="UJI"),
        body=[
            Pasal(number=1, line=2, ayat=[Ayat(number=None, line=3, text=tricky, points=[Point(4, "a.", ": awal")])])
        ],
    )
    page, _ = render(reg, source="x")
    html = to_html(page)
    assert (
        "<p>1. teks *bintang* _garis_ &lt;b&gt;tebal&lt;/b&gt; [tautan](x) {#id} | pipa #tagar &amp; lain</p>" in html
    )
    assert "<li>a. : awal</li>" in html


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("sebagaimana dimaksud dalam Pasal 5", [5]),
        ("Pasal 5 ayat (2) huruf a", [5]),
        ("Pasal 3 sampai dengan Pasal 7", [3, 7]),
        ("Pasal 3, Pasal 4, dan Pasal 5 Peraturan Bupati ini", [3, 4, 5]),
        ("Pasal 18 ayat (6) Undang-Undang Dasar", []),
        ("Pasal 3 dan Pasal 4 Peraturan Pemerintah Nomor 1", []),
        ("Pasal 12345", [12345]),
        ("pasal 5 tanpa huruf besar, Pasal5", []),
    ],
)
def test_find_references(text: str, numbers: list[int]) -> None:
    assert [r.number for r in find_references(text)] == numbers


def test_escape_helpers() -> None:
    assert escape("a*b_c") == "a\\*b\\_c"
    assert block_start("12. teks") == "12\\. teks"
    assert block_start("- teks") == "\\- teks"
    assert block_start("teks biasa") == "teks biasa"
