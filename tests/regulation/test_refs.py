"""Tests of scripts/regulation/refs.py, and of how the page links the references it finds."""

from __future__ import annotations

import re

import pytest

from scripts.regulation.refs import find_references
from scripts.regulation.render import render
from tests.regulation.support import parse_sample, sample_line


def found(text: str) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], r.number) for r in find_references(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pasal 5", [("Pasal 5", "5")]),
        ("sesuai Pasal 5 ayat (2).", [("Pasal 5 ayat (2)", "5")]),
        ("sebagaimana dimaksud dalam Pasal 3 berlaku", [("Pasal 3", "3")]),
        ("Pasal 5 ayat (2) huruf a angka 1 dan", [("Pasal 5 ayat (2) huruf a angka 1", "5")]),
        ("dalam Pasal 12.", [("Pasal 12", "12")]),
        ("ayat (1) saja", []),
        ("pasal 5 dengan huruf kecil", []),
        ("Pasal5 tanpa spasi", []),
        ("Pasal 12345", [("Pasal 12345", "12345")]),
    ],
)
def test_internal_references(text, expected):
    assert found(text) == expected


def test_range_sampai_dengan_gives_both_ends_not_the_pasal_between():
    assert found("Pasal 3 sampai dengan Pasal 7") == [("Pasal 3", "3"), ("Pasal 7", "7")]


def test_chain_of_internal_references():
    assert found("Pasal 5, Pasal 6, dan Pasal 7.") == [("Pasal 5", "5"), ("Pasal 6", "6"), ("Pasal 7", "7")]


@pytest.mark.parametrize(
    "text",
    [
        "Pasal 25 Peraturan Menteri Dalam Negeri Nomor 1 Tahun 2098",
        "Pasal 18 ayat (6) Undang-Undang Nomor 99 Tahun 2098",
        "Pasal 5 UU Nomor 1 Tahun 2098",
        "Pasal 7 Peraturan Bupati Contoh Nomor 2 Tahun 2098",
        "Pasal 9 Kitab Undang-Undang Hukum Contoh",
    ],
)
def test_reference_followed_by_another_regulation_is_external_and_not_returned(text):
    assert found(text) == []


def test_chain_followed_by_another_regulation_is_external_as_a_whole():
    assert found("Pasal 3 dan Pasal 4 Undang-Undang Nomor 1 Tahun 2098") == []
    assert found("Pasal 5, Pasal 6, dan Pasal 7 Peraturan Pemerintah Nomor 2") == []
    assert found("Pasal 5 s.d. Pasal 7 Peraturan Daerah Nomor 2") == []


@pytest.mark.parametrize("suffix", ["Peraturan Bupati ini", "Peraturan Daerah ini", "peraturan bupati ini"])
def test_reference_followed_by_this_regulation_is_internal(suffix):
    assert found(f"Pasal 5 dan Pasal 6 {suffix}") == [("Pasal 5", "5"), ("Pasal 6", "6")]


def test_chain_is_decided_per_chain():
    text = "Pasal 2 Peraturan Bupati ini dan Pasal 18 Undang-Undang Nomor 1"
    assert found(text) == [("Pasal 2", "2")]


def test_pasal_inserted_by_an_amendment_is_found_with_its_letter():
    assert found("Pasal 5A berlaku, Pasal 5 ayat (1), dan Pasal 5B.") == [
        ("Pasal 5A", "5A"),
        ("Pasal 5 ayat (1)", "5"),
        ("Pasal 5B", "5B"),
    ]


# --- in the rendered page -------------------------------------------------------------------------


def links(page: str) -> list[tuple[str, str]]:
    return re.findall(r"\[([^\]]+)\]\(#(pasal-\d+)\)", page)


def test_page_links_internal_references_and_leaves_external_ones():
    page, issues = render(parse_sample("contoh-lengkap.txt"), source="JDIH Kabupaten Contoh")
    assert "dalam [Pasal 3 ayat (2)](#pasal-3) ditetapkan" in page
    assert "dalam [Pasal 3](#pasal-3) sampai dengan [Pasal 6](#pasal-6) berlaku" in page
    assert "dalam [Pasal 5 ayat (2)](#pasal-5) dilakukan" in page
    # Pasal 18 of an Undang-Undang: plain text, not reported although there is no Pasal 18 here
    assert "diatur dalam Pasal 18 Undang-Undang Nomor 99 Tahun 2098." in page
    # the Mengingat cites other regulations: never linked
    assert "2\\. Pasal 5 Undang-Undang Nomor 98 Tahun 2097" in page
    assert issues == []


def test_reference_to_a_missing_pasal_is_not_linked_and_reported_at_its_line():
    page, issues = render(parse_sample("contoh-cacat.txt"), source="JDIH Kabupaten Contoh")
    assert "sebagaimana dimaksud dalam Pasal 9." in page
    assert "(#pasal-9)" not in page
    missing = [(i.line, i.severity, i.message) for i in issues if i.code == "ref-missing"]
    assert missing == [(22, "warning", "rujukan ke pasal yang tidak ada: 'Pasal 9' (tidak ditautkan)")]
    assert "Pasal 9" in sample_line("contoh-cacat.txt", 22)


def test_references_in_penjelasan_and_lampiran_are_linked():
    page, _ = render(parse_sample("contoh-penjelasan-lampiran.txt"), source="JDIH Kabupaten Contoh")
    assert ("Pasal 2 ayat (1)", "pasal-2") in links(page)
    assert "sesuai [Pasal 2](#pasal-2)." in page
