"""Decks from the handout pages: slides, notes, timing, reused instrument text, the zip (no browser)."""

from __future__ import annotations

import html as html_module
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from assessment import load_instrument
from scripts.decks import build, qr
from scripts.decks.source import Deck, DeckError, deck_sources, load_deck

SITE_URL = "https://intranet.example/sistem-kerja/"
DECKS = ("berakhlak-sehari-hari", "dialog-kinerja-pimpinan", "sosialisasi-perbup")
TAG = re.compile(r"<[^>]+>")


def text(html: str) -> str:
    return re.sub(r"\s+", " ", TAG.sub(" ", html)).strip()


@pytest.fixture(scope="module")
def decks() -> dict[str, Deck]:
    return {path.stem: load_deck(path, SITE_URL) for path in deck_sources()}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("presentasi")
    build.write_decks(target, SITE_URL, "Situs uji")
    return target


def test_the_three_decks_are_found_by_their_front_matter(decks):
    assert sorted(decks) == list(DECKS)
    assert decks["sosialisasi-perbup"].title == "Sosialisasi Perbup 59/2023 — Sistem Kerja Birokrasi"
    assert decks["berakhlak-sehari-hari"].title == "BerAKHLAK dalam kerja sehari-hari"
    assert decks["dialog-kinerja-pimpinan"].title == "Dialog kinerja untuk pimpinan"


@pytest.mark.parametrize("slug", DECKS)
def test_every_slide_has_speaker_notes_and_content(decks, slug):
    for number, slide in enumerate(decks[slug].slides, 1):
        assert len(text(slide.notes)) > 80, f"{slug} slide {number}: notes too short"
        assert text(slide.html), f"{slug} slide {number} empty"
        assert "Catatan pembicara" not in slide.html


def agenda_minutes(deck: Deck) -> dict[str, int]:
    """The agenda table's minute columns, summed (— = skipped)."""
    agenda = next(s.html for s in deck.slides if ">Agenda<" in s.html)
    header = re.findall(r"<th>(.*?)</th>", agenda)
    rows = [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>\s*(<td>.*?)</tr>", agenda, re.DOTALL)]
    sums = {}
    for column, name in enumerate(header):
        if "menit" in name.lower():
            sums[name] = sum(int(row[column]) if row[column].isdigit() else 0 for row in rows)
    return sums


def test_agendas_give_the_timing_of_each_part(decks):
    assert agenda_minutes(decks["sosialisasi-perbup"]) == {"90 menit": 90, "60 menit": 60}
    assert agenda_minutes(decks["berakhlak-sehari-hari"]) == {"Menit": 90}
    assert agenda_minutes(decks["dialog-kinerja-pimpinan"]) == {"Menit": 90}


def test_the_sosialisasi_marks_slides_to_skip_in_60_minutes(decks):
    skipped = [s for s in decks["sosialisasi-perbup"].slides if s.skip_60]
    assert 3 <= len(skipped) < len(decks["sosialisasi-perbup"].slides) // 2
    assert all("Lewati pada sesi 60 menit" in s.html for s in skipped)


def test_the_workshop_shows_the_21_behaviours_from_the_instrument(decks):
    shown = "".join(s.html for s in decks["berakhlak-sehari-hari"].slides)
    instrument = load_instrument("berakhlak-individu")
    for dimension in instrument.dimensions:
        assert f'<ol class="panduan-perilaku" data-dimension="{dimension.id}">' in shown
        assert (
            f'<tr data-dimension="{dimension.id}"><th scope="row">{dimension.title}</th>'
            f"<td>{dimension.meaning}</td></tr>" in shown
        )
        for indicator in dimension.indicators:
            assert f"<li>{indicator.text}</li>" in shown


def test_dialog_deck_has_a_script_with_both_sides_and_an_observer_checklist(decks):
    slides = decks["dialog-kinerja-pimpinan"].slides
    script = [s.html for s in slides if "Naskah" in s.html]
    assert len(script) >= 3
    assert all("Pimpinan:" in html and "Pegawai:" in html for html in script)
    checklist = next(s.html for s in slides if "Lembar pengamat" in s.html)
    assert checklist.count("☐") >= 12


def test_the_perbup_caveat_is_on_the_slides(decks):
    deck = decks["sosialisasi-perbup"]
    caveat = next(s for s in deck.slides if "belum dimuat" in s.html)
    assert "tidak ada kalimat di slide ini yang merupakan bunyi" in text(caveat.html)
    summaries = [s for s in deck.slides if "Pesan Bupati" in s.html or "Pesan narasumber" in s.html]
    assert summaries
    assert all("bukan teks Perbup" in text(s.html) or "menurut berita" in text(s.html) for s in summaries)
    assert not re.search(r"Pasal \d+ Perbup", "".join(text(s.html) for s in deck.slides))


def test_links_become_addresses_on_the_site_and_page_only_parts_stay_on_the_page(decks):
    html = "".join(s.html + s.notes for d in decks.values() for s in d.slides)
    assert f'href="{SITE_URL}regulasi/perbup-luwu-utara-59-2023/"' in html
    assert f'href="{SITE_URL}panduan/evaluasi/#matriks-predikat-kinerja-pegawai"' in html
    assert ".md" not in "".join(re.findall(r'href="([^"]*)"', html))
    assert "hanya-halaman" not in html
    assert "Buka slide" not in html


def test_the_qr_slide_points_to_the_assessment_of_the_address_built_for(decks):
    qr_slide = next(s.html for s in decks["sosialisasi-perbup"].slides if "qr-alamat" in s.html)
    assert f'data-qr-url="{SITE_URL}asesmen/berakhlak/"' in qr_slide
    assert f"<figcaption>{SITE_URL}asesmen/berakhlak/</figcaption>" in qr_slide
    assert "<svg" in qr_slide


def test_qr_address_joins_site_url_and_path():
    assert qr.address("http://h/x/", "asesmen/berakhlak/") == "http://h/x/asesmen/berakhlak/"
    assert qr.address("http://h", "/a/") == "http://h/a/"


def test_a_slide_without_notes_stops_the_build(tmp_path):
    (tmp_path / "presentasi").mkdir()
    source = tmp_path / "presentasi" / "uji.md"
    source.write_text(
        '---\nslides: true\n---\n\n# Uji\n\n!!! note "Catatan pembicara"\n    Halo.\n\n'
        "---\n\n## Dua\n\nTanpa catatan.\n",
        encoding="utf-8",
    )
    assert deck_sources(tmp_path) == [source]
    with pytest.raises(DeckError, match=r"slide 2: perlu tepat satu catatan"):
        load_deck(source, SITE_URL, docs=tmp_path)


def test_pages_without_the_front_matter_are_not_decks(tmp_path):
    (tmp_path / "presentasi").mkdir()
    (tmp_path / "presentasi" / "biasa.md").write_text("# Biasa\n", encoding="utf-8")
    assert deck_sources(tmp_path) == []


class Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.urls: list[str] = []
        self.sections = 0
        self.notes = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            self.scripts.append(attributes)
        if tag in ("script", "link") and (url := attributes.get("src") or attributes.get("href")):
            self.urls.append(url)
        if tag == "section":
            self.sections += 1
        if tag == "aside" and attributes.get("class") == "notes":
            self.notes += 1


@pytest.mark.parametrize("slug", DECKS)
def test_deck_pages_have_no_inline_script_and_load_only_relative_files(written, decks, slug):
    page = Scripts()
    page.feed((written / slug / "slides" / "index.html").read_text(encoding="utf-8"))
    assert page.scripts
    assert all(script.get("src") for script in page.scripts)
    assert all(not re.match(r"[a-z]+:|/", url) for url in page.urls), page.urls
    assert [url.rsplit("/", 1)[-1] for url in page.urls] == [
        "reset.css",
        "reveal.css",
        "deck.css",
        "reveal.js",
        "notes.js",
        "deck.js",
    ]
    assert page.sections == page.notes == len(decks[slug].slides)
    for url in page.urls:
        assert (written / slug / "slides" / url).resolve().is_file()


@pytest.mark.parametrize("slug", DECKS)
def test_each_deck_zip_runs_on_its_own(written, slug):
    with zipfile.ZipFile(written / "unduh" / f"{slug}.zip") as archive:
        names = set(archive.namelist())
        page = Scripts()
        page.feed(archive.read(f"{slug}/index.html").decode())
        readme = archive.read(f"{slug}/BACA-SAYA.txt").decode()
    for url in page.urls:
        assert f"{slug}/{url}" in names
    assert f"{slug}/aset-slide/LICENSE-reveal.js.txt" in names
    assert "?print-pdf&showNotes=separate-page" in readme
    assert "index.html" in readme


def test_the_zip_is_the_same_for_the_same_sources(tmp_path):
    build.write_decks(tmp_path / "a", SITE_URL, "Situs uji")
    build.write_decks(tmp_path / "b", SITE_URL, "Situs uji")
    for slug in DECKS:
        assert (tmp_path / "a" / "unduh" / f"{slug}.zip").read_bytes() == (
            tmp_path / "b" / "unduh" / f"{slug}.zip"
        ).read_bytes()


def test_reveal_is_the_pinned_version():
    assert build.reveal_version() == "6.0.2"


def test_the_built_site_url_is_read_from_the_home_page(tmp_path):
    (tmp_path / "index.html").write_text('<link rel="canonical" href="https://x.example/a/">', encoding="utf-8")
    assert build.built_site_url(tmp_path) == "https://x.example/a/"


def test_speaker_view_pacing_spreads_each_parts_minutes_over_its_slides(decks):
    for deck in decks.values():
        assert sum(s.timing or 0 for s in deck.slides) == 90 * 60
        assert all(s.timing for s in deck.slides)
    short = decks["sosialisasi-perbup"].slides
    assert sum(s.timing_60 or 0 for s in short if not s.skip_60) == 60 * 60
    assert all(s.timing_60 is None for s in short if s.skip_60)


def test_an_agenda_part_without_slides_or_an_unmarked_skipped_part_stops_the_build(tmp_path):
    (tmp_path / "presentasi").mkdir()
    source = tmp_path / "presentasi" / "uji.md"
    notes = '\n\n!!! note "Catatan pembicara"\n    Catatan.\n\n'
    agenda = (
        "## Agenda\n\n| Bagian | Isi | 90 menit | 60 menit |\n|---|---|---|---|\n"
        "| 1 | A | 50 | 40 |\n| 2 | B | 40 | — |\n"
    )
    source.write_text(f"---\nslides: true\n---\n\n# Uji{notes}---\n\n{agenda}{notes}", encoding="utf-8")
    with pytest.raises(DeckError, match="bagian 2 tidak punya slide"):
        load_deck(source, SITE_URL, docs=tmp_path)
    source.write_text(
        f"---\nslides: true\n---\n\n# Uji{notes}---\n\n{agenda}{notes}---\n\n## 2 · B\n\nIsi.{notes}",
        encoding="utf-8",
    )
    with pytest.raises(DeckError, match="bagian 2 dilewati, tetapi slide 3 tidak bertanda lewati-60"):
        load_deck(source, SITE_URL, docs=tmp_path)


def test_make_serve_gets_the_decks_written_into_a_docs_folder(tmp_path):
    decks = build.build_decks_for_serve(tmp_path)
    assert sorted(deck.slug for deck in decks) == list(DECKS)
    for slug in DECKS:
        assert (tmp_path / "presentasi" / slug / "slides" / "index.html").is_file()
        assert (tmp_path / "presentasi" / "unduh" / f"{slug}.zip").is_file()
    assert (tmp_path / "presentasi" / "aset-slide" / "reveal.js").is_file()


def test_deck_pages_carry_a_policy_that_allows_no_inline_script_but_the_speaker_views(written):
    html = (written / "sosialisasi-perbup" / "slides" / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert policy
    scripts = next(d for d in html_module.unescape(policy[1]).split("; ") if d.startswith("script-src"))
    assert scripts.split()[1:] == ["'self'", *build.speaker_view_hashes()]
    assert len(build.speaker_view_hashes()) == 1
    assert html.index("Content-Security-Policy") < html.index("<script")


def test_a_broken_deck_stops_the_site_build_with_one_line(tmp_path):
    from scripts.build_site import BuildError

    (tmp_path / "docs" / "presentasi").mkdir(parents=True)
    (tmp_path / "docs" / "presentasi" / "rusak.md").write_text("---\nslides: true\n---\n\n# Rusak\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text('<link rel="canonical" href="http://h/">', encoding="utf-8")
    with pytest.raises(BuildError, match=r"^presentasi: .*rusak.md: slide 1: perlu tepat satu catatan"):
        build.build_decks(tmp_path / "site", docs=tmp_path / "docs")
