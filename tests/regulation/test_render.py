"""Tests of scripts/regulation/render.py: the page converted with Python-Markdown, and the data file."""

from __future__ import annotations

import dataclasses
import re
from html import unescape

import pytest

from scripts.regulation.model import (
    Ayat,
    ClosingBlock,
    Division,
    Heading,
    Pasal,
    Point,
    Regulation,
    TextLine,
)
from scripts.regulation.render import block_start, escape, render
from tests.regulation.support import SAMPLES, anchors, parse_sample, to_html

SOURCE = "JDIH Kabupaten Contoh, https://jdih.contoh.example/perbup-2099"


def page_of(name: str, **options: str) -> str:
    return render(parse_sample(name), source=options.get("source", SOURCE))[0]


def bab_numbers(reg: Regulation) -> list[str]:
    return [n.number for n in reg.body if isinstance(n, Division) and n.kind == "bab"]


@pytest.mark.parametrize("name", SAMPLES)
def test_every_pasal_has_its_anchor_and_every_internal_link_resolves(name):
    reg = parse_sample(name)
    found = anchors(to_html(render(reg, source=SOURCE)[0]))
    for number in {p.number for p in reg.pasal_list()}:
        assert f"pasal-{number.lower()}" in found.ids
    assert len(found.ids) == len(set(found.ids)), "duplicate ids"
    assert set(found.hrefs) <= set(found.ids)
    assert found.hrefs, "no internal link at all"


@pytest.mark.parametrize("name", SAMPLES)
def test_table_of_contents_links_every_bab_and_pasal(name):
    reg = parse_sample(name)
    found = anchors(to_html(render(reg, source=SOURCE)[0]))
    toc = found.toc_hrefs
    assert [h for h in toc if h.startswith("bab-")] == [f"bab-{n.lower()}" for n in bab_numbers(reg)]
    assert {h for h in toc if h.startswith("pasal-")} == {f"pasal-{p.number.lower()}" for p in reg.pasal_list()}
    assert set(toc) <= set(found.ids)


def test_table_of_contents_of_the_complete_sample():
    page = page_of("contoh-lengkap.txt")
    assert (
        "- [BAB II — PELAKSANAAN](#bab-ii): [Pasal 3](#pasal-3), [Pasal 4](#pasal-4), [Pasal 5](#pasal-5), "
        "[Pasal 6](#pasal-6), [Pasal 7](#pasal-7)"
    ) in page
    ids = anchors(to_html(page)).ids
    assert ids.index("daftar-isi") < ids.index("bab-i") < ids.index("pasal-1") < ids.index("bab-ii")
    assert {"bab-ii-bagian-kesatu", "bab-ii-bagian-kedua", "bab-ii-bagian-kedua-paragraf-1"} <= set(ids)
    assert {"menimbang", "mengingat", "penutup"} <= set(ids)


def test_pasal_outside_bab_is_listed_in_the_table_of_contents():
    assert "- Di luar BAB: [Pasal 1](#pasal-1)" in page_of("contoh-cacat.txt")


def test_repeated_pasal_gets_a_second_anchor_and_the_first_keeps_the_plain_one():
    ids = anchors(to_html(page_of("contoh-cacat.txt"))).ids
    assert ids.count("pasal-4") == 1
    assert "pasal-4-2" in ids
    assert ids.index("pasal-4") < ids.index("pasal-4-2")


def test_header_notice_says_automatic_conversion_and_official_text_prevails():
    html = to_html(page_of("contoh-lengkap.txt"))
    notice = re.search(r'<div class="admonition warning">(.*?)</div>', html, re.DOTALL)
    assert notice is not None
    text = " ".join(notice[1].split())
    assert "Teks hasil konversi otomatis" in text
    assert "dikonversi secara otomatis" in text
    assert "Bila ada perbedaan, yang berlaku adalah teks resmi" in text
    assert 'JDIH Kabupaten Contoh, <a href="https://jdih.contoh.example/perbup-2099">' in text


def test_source_appears_in_notice_and_metadata_and_is_escaped():
    page = page_of("contoh-lengkap.txt", source="JDIH *Contoh* <Kab>")
    html = to_html(page)
    assert html.count("JDIH *Contoh* &lt;Kab&gt;") == 2
    assert "<em>" not in html


def test_missing_source_is_a_warning_and_said_on_the_page():
    page, issues = render(parse_sample("contoh-lengkap.txt"))
    assert "sumber tidak disebutkan" in page
    assert [(i.severity, i.code) for i in issues] == [("warning", "no-source")]


def test_metadata_table():
    html = to_html(page_of("contoh-lengkap.txt"))
    for cells in [
        ("Nomor", "1"),
        ("Tahun", "2099"),
        ("Tentang", "TATA KERJA CONTOH UNTUK PENGUJIAN PERANGKAT"),
        ("Ditetapkan", "Kota Contoh, 2 Januari 2099"),
        ("Diundangkan", "Kota Contoh, 3 Januari 2099"),
    ]:
        assert f"<td>{cells[0]}</td>\n<td>{cells[1]}</td>" in html


def test_text_is_shown_literally():
    reg = parse_sample("contoh-lengkap.txt")
    pasal2 = reg.pasal_list()[1]
    tricky = "Teks *bukan miring* dan _bukan_ [tautan](x) <b>tebal</b> & {#id} | pipa."
    pasal2.ayat[0] = dataclasses.replace(pasal2.ayat[0], text=tricky)
    html = to_html(render(reg, source=SOURCE)[0])
    assert "Teks *bukan miring* dan _bukan_ [tautan](x) &lt;b&gt;tebal&lt;/b&gt; &amp; {#id} | pipa." in html


def test_text_that_would_start_a_list_or_definition_stays_text():
    reg = Regulation(
        heading=Heading(line=1, jenis="PERATURAN BUPATI CONTOH", nomor="5", tahun="2099", tentang="UJI"),
        body=[Pasal("1", 2, [Ayat(None, 3, "1. teks #tagar", [Point(4, "a.", ": awal")])])],
    )
    html = to_html(render(reg, source="x")[0])
    assert "<p>1. teks #tagar</p>" in html
    assert "<li>a. : awal</li>" in html
    assert "<ol>" not in html


@pytest.mark.parametrize(
    ("function", "text", "expected"),
    [
        (escape, "a*b_c", "a\\*b\\_c"),
        (block_start, "12. teks", "12\\. teks"),
        (block_start, "- teks", "\\- teks"),
        (block_start, "teks biasa", "teks biasa"),
    ],
)
def test_escape_helpers(function, text, expected):
    assert function(text) == expected


def test_closing_lines_of_dashes_stay_text():
    # regression: a line of "-" inside a block of lines became a horizontal rule (and "=" a heading)
    reg = parse_sample("contoh-lengkap.txt")
    reg.closing[0].lines.insert(4, TextLine(87, "-----------"))
    reg.closing[1].lines.insert(4, TextLine(96, "==========="))
    page = to_html(render(reg, source=SOURCE)[0])
    penutup = page[page.index('id="penutup"') :]
    assert "<hr" not in penutup
    assert "<h1" not in penutup
    assert "\n-----------<br>" in unescape(penutup)
    assert "\n===========<br>" in unescape(penutup)


def test_closing_block_without_lines_does_not_break_rendering():
    # regression: a hand-edited data file with an empty "lines" list raised IndexError
    reg = parse_sample("contoh-lengkap.txt")
    reg.closing[0] = ClosingBlock(kind="ditetapkan", lines=[])
    page, _ = render(reg, source=SOURCE)
    assert "| Ditetapkan |" not in page


def test_unplaced_text_is_shown_with_its_line_and_reported():
    page, issues = render(parse_sample("contoh-cacat.txt"), source=SOURCE)
    html = to_html(page)
    assert '<div class="admonition failure">' in html
    assert "baris 34: teks tercecer yang tidak berada dalam pasal mana pun." in html
    assert "baris 48: catatan tercecer di akhir berkas" in html
    assert ("warning", "unplaced-rendered", 34) in [(i.severity, i.code, i.line) for i in issues]


def test_penjelasan_and_lampiran_sections():
    ids = anchors(to_html(page_of("contoh-penjelasan-lampiran.txt"))).ids
    assert {"penjelasan", "penjelasan-umum", "penjelasan-pasal-1", "penjelasan-pasal-3"} <= set(ids)
    assert {"lampiran", "lampiran-i", "lampiran-ii"} <= set(ids)
    html = to_html(page_of("contoh-penjelasan-lampiran.txt"))
    assert html.count("<hr />") == 2
    assert html.index('id="penutup"') < html.index('id="penjelasan"') < html.index('id="lampiran"')
    assert "<strong>Ayat (1)</strong>" in html


def test_ayat_and_points_as_markdown():
    html = to_html(page_of("contoh-lengkap.txt"))
    assert "<p>(1) Unit Contoh menyusun rencana kerja contoh setiap tahun.</p>" in html
    assert re.search(r"<li>b\. kegiatan contoh, yang terdiri atas:\s*<ul>\s*<li>1\. kegiatan pertama; dan</li>", html)


def test_comment_at_the_top_holds_no_file_name():
    # regression: the data file's name was written raw into the HTML comment ("-->" ended it early)
    reg = dataclasses.replace(parse_sample("contoh-lengkap.txt"), source_file="x--><script>.json")
    page = render(reg, source=SOURCE)[0]
    assert page.splitlines()[0] == (
        "<!-- Dibuat otomatis oleh `python -m scripts.regulation render` dari berkas data; "
        "jangan disunting langsung. -->"
    )
    assert "<script>" not in page


def test_amended_pasal_are_quoted_under_their_amendment_and_never_linked():
    page, issues = render(parse_sample("contoh-perubahan.txt"), source=SOURCE)
    html = to_html(page)
    assert issues == []  # "Pasal 5" is the amended regulation's: neither linked nor reported missing
    assert {"pasal-i", "pasal-ii"} <= set(anchors(html).ids)
    assert "pasal-5" not in anchors(html).ids
    item = re.search(r"<li>\s*<p>1\. Ketentuan Pasal 5 diubah.*?<li>\s*<p>2\. Di antara", html, re.DOTALL)
    assert item is not None
    assert re.search(r"<blockquote>\s*<p><strong>Pasal 5</strong></p>\s*<p>\(1\) Unit Contoh", item[0])
    assert "<li>c. pelaporan contoh sesuai Pasal 6.</li>" in item[0]
    assert 'href="#pasal-' not in html.split('id="pasal-i"')[1].split('id="penutup"')[0]
    assert "<strong>Pasal 5A</strong>" in html


def test_table_in_a_lampiran_is_preformatted_with_its_spacing():
    html = to_html(page_of("contoh-perubahan.txt"))
    table = re.search(r"<pre><code>(.*?)</code></pre>", html, re.DOTALL)
    assert table is not None
    assert table[1].splitlines()[0] == "NO.   URAIAN KEGIATAN        WAKTU          PENANGGUNG JAWAB"
    assert "    dan pelaporannya" in table[1]


def test_catchwords_of_a_scanned_copy_are_not_on_the_page():
    page, issues = render(parse_sample("contoh-pindaian.txt"), source=SOURCE)
    assert "Pasal 3 ..." not in page
    assert "MEMUTUSKAN…" not in page
    assert "b. bahwa . . ." not in page
    assert "fl" not in page.split()
    assert page.count("(#pasal-3)") == 1  # the table of contents only
    assert issues == []
