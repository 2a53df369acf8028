"""Wording rules of the style guide (PANDUAN-GAYA.md) that a machine can check.

They run on the Markdown sources in ``docs/`` and on the reader-facing texts of the shipped
instrument: one name for the self-assessment, "kategori" rather than "pita", "pejabat pimpinan
tinggi" never shortened to JPT, IKK only ever expanded as "Indikator Kinerja Kunci" (bar the one
sentence per page that names the other reading), one spelling for the expansions of PK, IKU, IKK
and SKP, and ``## Sumber`` sections a reader can follow up.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
INSTRUMENT = ROOT / "assessment" / "instruments" / "berakhlak-individu.toml"
ABBREVIATIONS = ROOT / "includes" / "abbreviations.md"
MKDOCS = ROOT / "mkdocs.yml"

ASSESSMENT_NAME = "Refleksi Diri BerAKHLAK"
ASSESSMENT_PAGE = DOCS / "asesmen" / "berakhlak.md"

#: Other names the self-assessment has had; none may come back.
OLD_ASSESSMENT_NAMES = re.compile(
    r"asesmen\s+mandiri|asesmen\s+(?:nilai\s+dasar\s+(?:ASN\s+)?)?BerAKHLAK|self[- ]assessment"
    r"|refleksi\s+diri\s+nilai\s+dasar",
    re.IGNORECASE,
)

#: Abbreviations whose expansion must be written one way everywhere.
EXPANSIONS = {
    "PK": "Perjanjian Kinerja",
    "IKU": "Indikator Kinerja Utama",
    "IKK": "Indikator Kinerja Kunci",
    "SKP": "Sasaran Kinerja Pegawai",
}

#: The other reading of IKK may be named once, only on these pages (glossary and IKK guide).
IKK_OTHER_READING = "Indikator Kinerja Kegiatan"
IKK_OTHER_READING_PAGES = {"istilah.md", "panduan/ikk-perangkat-daerah.md"}

#: Public addresses confirmed for the sources (domain facts §9 and §10); a Sumber section links no other.
CONFIRMED_ADDRESSES = {
    "https://inputsulsel.com/2024/03/birokrasi-tak-boleh-stagnan-indah-harus-dinamis-dan-solutif/",
    "https://peraturan.bpk.go.id/Details/269470/uu-no-20-tahun-2023",
    "https://peraturan.bpk.go.id/Details/96913/perpres-no-95-tahun-2018",
    "https://www.peraturan.go.id/id/perpres-no-95-tahun-2018",
    "https://peraturan.bpk.go.id/Details/202232/permen-pan-rb-no-6-tahun-2022",
    "https://peraturan.bpk.go.id/Search?entitas=393",
    "https://jdih.luwuutarakab.go.id/",
    "https://peraturan.bpk.go.id/Home/Details/113783/perbup-kab-luwu-utara-no-13-tahun-2017",
}
CHECKED_ON = "diperiksa 29 November 2026"
NO_ADDRESS = re.compile(r"alamat publik belum dikonfirmasi", re.IGNORECASE)

MARKER_LINE = re.compile(r"^\[\[[^\]]+\]\]\s*$", re.MULTILINE)
LINK_TARGET = re.compile(r"\]\([^)]*\)")
HTML_TAG = re.compile(r"<[^>]+>")
EXTERNAL_LINK = re.compile(r"\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>")
SUMBER_SECTION = re.compile(r"^## Sumber\s*$(?P<body>.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)

#: Instrument keys that are identifiers or paths, not text a reader sees.
NON_TEXT_KEYS = {"id", "version", "dimension", "indicator", "link"}


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def name(page: Path) -> str:
    return page.relative_to(DOCS).as_posix()


def prose(text: str) -> str:
    """Reader-facing text: marker lines, link targets and HTML tags removed, whitespace joined."""
    text = MARKER_LINE.sub(" ", text)
    text = LINK_TARGET.sub("]", text)
    text = HTML_TAG.sub(" ", text)
    return " ".join(text.split())


def instrument_texts() -> Iterator[tuple[str, str]]:
    """Every reader-facing string of the instrument, with where it sits."""

    def walk(value: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in NON_TEXT_KEYS:
                    yield from walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                label = item.get("id", index) if isinstance(item, dict) else index
                yield from walk(item, f"{where}[{label}]")

    yield from walk(tomllib.loads(INSTRUMENT.read_text(encoding="utf-8")), INSTRUMENT.name)


def excerpt(text: str, match: re.Match[str]) -> str:
    return text[max(0, match.start() - 40) : match.end() + 40]


# ------------------------------------------------------------------------------- the rules as text


def old_assessment_names(text: str) -> list[str]:
    return [excerpt(text, m) for m in OLD_ASSESSMENT_NAMES.finditer(text)]


def pita_words(text: str) -> list[str]:
    return [excerpt(text, m) for m in re.finditer(r"\bpita\b", text, re.IGNORECASE)]


def jpt_uses(text: str) -> list[str]:
    return [excerpt(text, m) for m in re.finditer(r"\bJPT\b", text)]


def expansion_problems(text: str) -> list[str]:
    """Expansions of PK, IKU, IKK, SKP written next to the abbreviation in another spelling."""
    problems = []
    for abbr, expansion in EXPANSIONS.items():
        words = r"\s+".join(expansion.split())
        for m in re.finditer(rf"{words}\s*\({abbr}\)|\b{abbr}\s*\({words}\)", text, re.IGNORECASE):
            if expansion not in " ".join(m.group(0).split()):
                problems.append(m.group(0))
        for m in re.finditer(rf"\b{abbr}\s*\((Indikator|Perjanjian|Sasaran)\b[^)]*\)", text, re.IGNORECASE):
            if " ".join(m.group(0).split()) != f"{abbr} ({expansion})":
                problems.append(m.group(0))
    return list(dict.fromkeys(problems))


def test_rules_catch_what_they_should() -> None:
    assert old_assessment_names("isi asesmen mandiri BerAKHLAK")
    assert old_assessment_names("Asesmen BerAKHLAK")
    assert not old_assessment_names("Refleksi Diri BerAKHLAK; evaluasi mandiri KemenPANRB")
    assert pita_words("Pita hasil")
    assert not pita_words("pitanya")
    assert prose("[[pita berakhlak-individu]]\nteks") == "teks"
    assert jpt_uses("PK JPT")
    assert not jpt_uses("PK pejabat pimpinan tinggi")
    assert expansion_problems("IKK (indikator kinerja kunci)") == ["IKK (indikator kinerja kunci)"]
    assert expansion_problems("IKK (Indikator Kinerja Kegiatan)")
    assert expansion_problems("perjanjian kinerja (PK)")
    assert not expansion_problems("Perjanjian Kinerja (PK)")
    assert not expansion_problems("Indikator\nKinerja Kunci (IKK)")


# ----------------------------------------------------------------------------------------- pages


@pytest.mark.parametrize("page", pages(), ids=name)
def test_the_self_assessment_has_one_name(page: Path) -> None:
    found = old_assessment_names(prose(page.read_text(encoding="utf-8")))
    assert not found, f"{name(page)}: call it {ASSESSMENT_NAME!r}, not: {found}"


@pytest.mark.parametrize("page", pages(), ids=name)
def test_kategori_not_pita(page: Path) -> None:
    found = pita_words(prose(page.read_text(encoding="utf-8")))
    assert not found, f"{name(page)}: write 'kategori' rather than 'pita': {found}"


@pytest.mark.parametrize("page", pages(), ids=name)
def test_pejabat_pimpinan_tinggi_is_not_shortened_to_jpt(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    if name(page) == "istilah.md":  # the glossary entry that explains the abbreviation
        entry = re.search(r"^JPT \{ #jpt \}\n:   Jabatan Pimpinan Tinggi\b", text, re.MULTILINE)
        assert entry, "istilah.md: the JPT entry must expand it as Jabatan Pimpinan Tinggi"
        text = text.replace(entry.group(0), "")
    found = jpt_uses(prose(text))
    assert not found, f"{name(page)}: write 'pejabat pimpinan tinggi' (JPT = Jabatan Pimpinan Tinggi): {found}"


@pytest.mark.parametrize("page", pages(), ids=name)
def test_pk_iku_ikk_skp_are_expanded_one_way(page: Path) -> None:
    found = expansion_problems(prose(page.read_text(encoding="utf-8")))
    assert not found, f"{name(page)}: write the expansions as in includes/abbreviations.md: {found}"


def test_ikk_other_reading_is_named_once_on_the_glossary_and_the_ikk_guide() -> None:
    counts = {
        name(page): prose(page.read_text(encoding="utf-8")).lower().count(IKK_OTHER_READING.lower()) for page in pages()
    }
    assert {page: n for page, n in counts.items() if n} == dict.fromkeys(IKK_OTHER_READING_PAGES, 1)


@pytest.mark.parametrize("page", pages(), ids=name)
def test_no_anonymous_secondary_source(page: Path) -> None:
    assert "satu sumber sekunder" not in prose(page.read_text(encoding="utf-8")).lower(), (
        f"{name(page)}: name the source, or say it is not yet matched with the official text"
    )


@pytest.mark.parametrize("page", pages(), ids=name)
def test_sumber_section_can_be_followed_up(page: Path) -> None:
    sections = list(SUMBER_SECTION.finditer(page.read_text(encoding="utf-8")))
    assert sections, f"{name(page)}: no '## Sumber' section"
    body = sections[-1]["body"]
    links = [a or b for a, b in EXTERNAL_LINK.findall(body)]
    assert links or NO_ADDRESS.search(body), (
        f"{name(page)}: the Sumber section links no public address and does not say 'alamat publik belum dikonfirmasi'"
    )
    unconfirmed = [link for link in links if link not in CONFIRMED_ADDRESSES]
    assert not unconfirmed, f"{name(page)}: addresses not in the confirmed list: {unconfirmed}"
    if links:
        assert CHECKED_ON in " ".join(body.split()), f"{name(page)}: say when the addresses were checked"


# ----------------------------------------------------------------------- instrument and site-wide


def test_instrument_title_is_the_one_name() -> None:
    assert tomllib.loads(INSTRUMENT.read_text(encoding="utf-8"))["title"] == ASSESSMENT_NAME


def test_instrument_texts_follow_the_wording_rules() -> None:
    problems = []
    for where, text in instrument_texts():
        found = old_assessment_names(text) + pita_words(text) + jpt_uses(text) + expansion_problems(text)
        if "satu sumber sekunder" in text.lower():
            found.append("satu sumber sekunder")
        problems += [f"{where}: {item}" for item in found]
    assert not problems, "\n".join(problems)


def test_nav_and_assessment_page_use_the_one_name() -> None:
    assert re.search(
        rf"^\s*- {ASSESSMENT_NAME}: asesmen/berakhlak\.md$", MKDOCS.read_text(encoding="utf-8"), re.MULTILINE
    )
    text = ASSESSMENT_PAGE.read_text(encoding="utf-8")
    titles = re.findall(r"^title:\s*(.+)$|^# (.+)$", text, re.MULTILINE)
    assert titles, f"{ASSESSMENT_PAGE.name} has no title"
    assert all(ASSESSMENT_NAME in (a or b) for a, b in titles), titles


def test_abbreviations_spell_the_expansions_the_same_way() -> None:
    text = ABBREVIATIONS.read_text(encoding="utf-8")
    for abbr, expansion in EXPANSIONS.items():
        assert f"*[{abbr}]: {expansion}\n" in text
    assert "*[JPT]: Jabatan Pimpinan Tinggi\n" in text
