"""Markdown page of a regulation, for MkDocs with Material (attr_list, admonition, tables, toc).

Anchors are stable: ``#pasal-5`` for Pasal 5, ``#bab-ii`` for BAB II, ``#bab-ii-bagian-kedua`` and
``#bab-ii-bagian-kedua-paragraf-1`` below it, ``#menimbang``, ``#mengingat``, ``#daftar-isi``,
``#penutup``, ``#penjelasan``, ``#penjelasan-pasal-5``, ``#lampiran`` and ``#lampiran-i``.
References such as ``Pasal 5 ayat (2)`` in the body, penjelasan and lampiran become links to
``#pasal-5`` when Pasal 5 exists; a reference to a missing pasal stays plain text and is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scripts.regulation.model import Ayat, ClosingBlock, Division, Issue, Pasal, Point, Regulation, TextLine
from scripts.regulation.refs import find_references

GENERATOR = "python -m scripts.regulation render"
URL = re.compile(r"https?://[^\s<>()\"']+[^\s<>()\"'.,;:]")
INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}|#])")
DEFAULT_STATUS = "Hasil konversi otomatis; periksa terhadap teks resmi"


def escape(text: str) -> str:
    """Escape ``text`` so that Markdown and its extensions show it literally (inside a line)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return INLINE_SPECIAL.sub(r"\\\1", text)


def block_start(text: str) -> str:
    """Escape what would make an (already escaped) line start a list, a definition or an admonition."""
    if match := re.match(r"^(\d+)\.", text):
        return f"{match[1]}\\.{text[match.end() :]}"
    if re.match(r"^[-+*](\s|$)", text) or text.startswith("!") or re.match(r"^-{2,}\s*$", text):
        return "\\" + text
    if re.match(r"^={2,}\s*$", text):
        return "&#61;" + text[1:]
    if text.startswith(":"):
        return "&#58;" + text[1:]
    return text


def _title_case(text: str) -> str:
    return " ".join(word.capitalize() for word in text.split())


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class _Renderer:
    reg: Regulation
    source: str | None
    title: str | None
    status: str
    out: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    pasal_ids: dict[str, str] = field(default_factory=dict)
    linking: bool = True  # False inside the quoted pasal of an amending regulation
    bab_ids: dict[int, str] = field(default_factory=dict)

    # --- helpers ---------------------------------------------------------------------------------

    def unique(self, anchor: str) -> str:
        candidate, count = anchor, 1
        while candidate in self.ids:
            count += 1
            candidate = f"{anchor}-{count}"
        self.ids.add(candidate)
        return candidate

    def block(self, text: str) -> None:
        """Add a block (paragraph, heading, list) followed by a blank line."""
        self.out.append(text)
        self.out.append("")

    def heading(self, level: int, text: str, anchor: str) -> None:
        self.block(f"{'#' * min(level, 6)} {text} {{#{anchor}}}")

    def inline(self, text: str, line: int) -> str:
        """Escape ``text`` and link its references to existing pasal."""
        result: list[str] = []
        position = 0
        for ref in find_references(text):
            result.append(escape(text[position : ref.start]))
            phrase = text[ref.start : ref.end]
            target = self.pasal_ids.get(ref.number) if self.linking else None
            if target is None:
                result.append(escape(phrase))
            if target is None and self.linking and not self.amends(ref.number):
                self.issues.append(
                    Issue(
                        line, "warning", "ref-missing", f"rujukan ke pasal yang tidak ada: '{phrase}' (tidak ditautkan)"
                    )
                )
            if target is not None:
                result.append(f"[{escape(phrase)}](#{target})")
            position = ref.end
        result.append(escape(text[position:]))
        return "".join(result)

    def amends(self, number: str) -> bool:
        """Whether Pasal ``number`` belongs to the regulation this one amends (its own are I, II, …)."""
        own = [p.number for p in self.reg.pasal_list()]
        return bool(own) and all(n.isalpha() for n in own) and not number.isalpha()

    def quoted(self, pasal: list[Pasal], indent: str) -> None:
        """The pasal as amended, as a block quote (references in it are not links: they are the other's)."""
        if not pasal:
            return
        out, self.out, self.linking = self.out, [], False
        for item in pasal:
            self.block(f"**Pasal {escape(item.number)}**")
            for ayat in item.ayat:
                self.ayat(ayat)
        quote, self.out, self.linking = self.out, out, True
        while quote and not quote[-1]:
            quote.pop()
        if self.out and self.out[-1]:
            self.out.append("")
        self.out.extend(f"{indent}> {line}".rstrip() for line in quote)
        self.out.append("")

    def lines_block(self, lines: list[TextLine], bold: bool = False) -> None:
        """Lines kept as they are (signatures, title lines), one per line."""
        if lines:
            # Every line is the start of a line of Markdown: a line of "-" or "=" after another
            # would make a heading or a rule of the block (block_start escapes that too).
            parts = [f"**{escape(t.text)}**" if bold else block_start(escape(t.text)) for t in lines]
            self.block("<br>\n".join(parts))

    def point_list(self, points: list[Point], depth: int = 0, link: bool = True) -> None:
        for point in points:
            text = self.inline(point.text, point.line) if link else escape(point.text)
            label = escape(point.label) if point.label else ""
            item = block_start(f"{label} {text}".strip())
            self.out.append(f"{'    ' * depth}- {item}")
            self.quoted(point.quoted, "    " * (depth + 1))
            self.point_list(point.points, depth + 1, link)
        if depth == 0 and points:
            self.out.append("")

    # --- page ------------------------------------------------------------------------------------

    def run(self) -> str:
        reg = self.reg
        for pasal in reg.pasal_list():
            if pasal.number not in self.pasal_ids:
                self.pasal_ids[pasal.number] = self.unique(f"pasal-{pasal.number.lower()}")
        # Only fixed text goes into the comment: a file name could hold "-->" and end it early.
        self.block(f"<!-- Dibuat otomatis oleh `{GENERATOR}` dari berkas data; jangan disunting langsung. -->")
        heading = reg.heading
        default_title = f"{_title_case(heading.jenis)} Nomor {heading.nomor} Tahun {heading.tahun}"
        self.block(f"# {escape(self.title or default_title)}")
        self.notice()
        self.metadata()
        self.opening()
        self.contents()
        for node in reg.body:
            self.node(node, 2)
        self.closing()
        self.explanation()
        self.attachments()
        self.unplaced()
        while self.out and not self.out[-1]:
            self.out.pop()
        return "\n".join(self.out) + "\n"

    def source_text(self) -> str:
        if not self.source:
            return "sumber tidak disebutkan"
        parts: list[str] = []
        position = 0
        for match in URL.finditer(self.source):
            parts.append(escape(self.source[position : match.start()]))
            parts.append(f"<{match[0]}>")
            position = match.end()
        parts.append(escape(self.source[position:]))
        return "".join(parts)

    def notice(self) -> None:
        if not self.source:
            self.issues.append(
                Issue(1, "warning", "no-source", 'sumber teks tidak disebutkan (gunakan --source "JDIH …, URL")')
            )
        self.block(
            '!!! warning "Teks hasil konversi otomatis"\n'
            "    Teks di halaman ini dikonversi secara otomatis dari salinan teks resmi\n"
            f"    (sumber: {self.source_text()}).\n"
            "    Konversi dapat memuat kesalahan. Bila ada perbedaan, yang berlaku adalah teks resmi\n"
            "    sebagaimana diundangkan."
        )

    def closing_summary(self, block: ClosingBlock) -> str:
        texts = [t.text for t in block.lines[:2]]
        if not texts:  # a hand-edited data file may hold a block without lines
            return ""
        place = re.sub(r"^(?:Ditetapkan|Diundangkan)\s+di\s+", "", texts[0])
        if len(texts) > 1 and (date := re.match(r"^pada\s+tanggal\s+(.+)$", texts[1], re.IGNORECASE)):
            return f"{place}, {date[1]}"
        return place

    def metadata(self) -> None:
        heading = self.reg.heading
        rows = [("Jenis", heading.jenis), ("Nomor", heading.nomor), ("Tahun", heading.tahun)]
        rows.append(("Tentang", heading.tentang))
        for block in self.reg.closing:
            if block.kind == "ditetapkan":
                rows.append(("Ditetapkan", self.closing_summary(block)))
            elif block.kind == "diundangkan":
                rows.append(("Diundangkan", self.closing_summary(block)))
            elif block.kind == "berita_daerah":
                rows.append(("Diundangkan dalam", " ".join(t.text for t in block.lines)))
        cells = [f"| {name} | {escape(value)} |" for name, value in rows if value]
        cells.append(f"| Sumber | {self.source_text()} |")
        cells.append(f"| Status teks | {escape(self.status)} |")
        self.block("\n".join(["| Keterangan | Isi |", "| --- | --- |", *cells]))

    def opening(self) -> None:
        reg, heading = self.reg, self.reg.heading
        self.heading(2, "Pembukaan", self.unique("pembukaan"))
        title = [TextLine(heading.line, t) for t in heading.kop]
        if heading.nomor:
            title += [
                TextLine(heading.line, heading.jenis),
                TextLine(heading.line, f"NOMOR {heading.nomor} TAHUN {heading.tahun}"),
            ]
            title += [TextLine(heading.line, "TENTANG"), TextLine(heading.line, heading.tentang)]
        elif heading.jenis:
            title.append(TextLine(heading.line, heading.jenis))
        self.lines_block(title, bold=True)
        self.lines_block(reg.opening)
        for name, points in (("Menimbang", reg.menimbang), ("Mengingat", reg.mengingat)):
            if points:
                self.heading(3, name, self.unique(name.lower()))
                self.point_list(points, link=False)
        if reg.memperhatikan:
            self.heading(3, "Memperhatikan", self.unique("memperhatikan"))
            self.point_list(reg.memperhatikan, link=False)
        self.lines_block(reg.persetujuan)
        if reg.memutuskan:
            self.block(f"**{escape(reg.memutuskan.text)}**")
        if reg.menetapkan:
            self.block(f"Menetapkan: {self.inline(reg.menetapkan.text, reg.menetapkan.line)}")

    def contents(self) -> None:
        if not self.reg.body:
            return
        self.heading(2, "Daftar isi", self.unique("daftar-isi"))
        loose: list[Pasal] = []
        for node in self.reg.body:
            if isinstance(node, Pasal):
                loose.append(node)
                continue
            self.loose_entry(loose)
            loose = []
            anchor = self.division_anchor(node, "")
            links = ", ".join(self.pasal_link(p) for p in self.pasal_in(node))
            label = escape(f"{self.division_label(node)}")
            self.out.append(f"- [{label}](#{anchor})" + (f": {links}" if links else ""))
        self.loose_entry(loose)
        self.out.append("")

    def loose_entry(self, loose: list[Pasal]) -> None:
        if loose:
            self.out.append("- Di luar BAB: " + ", ".join(self.pasal_link(p) for p in loose))

    def pasal_link(self, pasal: Pasal) -> str:
        return f"[Pasal {pasal.number}](#{self.pasal_ids[pasal.number]})"

    def pasal_in(self, division: Division) -> list[Pasal]:
        found: list[Pasal] = []
        for child in division.children:
            found.extend([child] if isinstance(child, Pasal) else self.pasal_in(child))
        return found

    @staticmethod
    def division_label(division: Division) -> str:
        name = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf"}[division.kind]
        return f"{name} {division.number}" + (f" — {division.title}" if division.title else "")

    def division_anchor(self, division: Division, parent: str) -> str:
        """The anchor of a division (computed once, then remembered by line)."""
        key = division.line
        if key in self.bab_ids:
            return self.bab_ids[key]
        own = f"{division.kind}-{_slug(division.number)}"
        anchor = self.unique(f"{parent}-{own}" if parent else own)
        self.bab_ids[key] = anchor
        return anchor

    def node(self, node: Division | Pasal, level: int, parent: str = "") -> None:
        if isinstance(node, Pasal):
            self.pasal(node, level)
            return
        anchor = self.division_anchor(node, parent)
        self.heading(level, escape(self.division_label(node)), anchor)
        for child in node.children:
            self.node(child, level + 1, anchor)

    def pasal(self, pasal: Pasal, level: int) -> None:
        anchor = self.pasal_ids[pasal.number]
        if self.is_repeat(pasal):
            anchor = self.unique(f"pasal-{pasal.number.lower()}")
        self.heading(level, f"Pasal {pasal.number}", anchor)
        for ayat in pasal.ayat:
            self.ayat(ayat)

    def is_repeat(self, pasal: Pasal) -> bool:
        """Whether an earlier pasal has the same number (the anchor goes to the first one)."""
        first = next(p for p in self.reg.pasal_list() if p.number == pasal.number)
        return first is not pasal

    def ayat(self, ayat: Ayat) -> None:
        text = self.inline(ayat.text, ayat.line)
        if ayat.number is not None:
            self.block(f"({ayat.number}) {text}".rstrip())
        elif text:
            self.block(block_start(text))
        self.quoted(ayat.quoted, "")
        self.point_list(ayat.points)

    def closing(self) -> None:
        if not self.reg.closing:
            return
        self.heading(2, "Penutup", self.unique("penutup"))
        for block in self.reg.closing:
            self.lines_block(block.lines)

    def explanation(self) -> None:
        pen = self.reg.penjelasan
        if pen is None:
            return
        self.block("---")
        self.heading(2, "Penjelasan", self.unique("penjelasan"))
        self.lines_block(pen.heading, bold=True)
        if pen.umum:
            self.heading(3, "I. Umum", self.unique("penjelasan-umum"))
            for paragraph in pen.umum:
                self.block(block_start(self.inline(paragraph.text, paragraph.line)))
        if pen.pasal:
            self.heading(3, "II. Pasal demi Pasal", self.unique("penjelasan-pasal-demi-pasal"))
        for item in pen.pasal:
            self.heading(4, f"Pasal {item.number}", self.unique(f"penjelasan-pasal-{item.number}"))
            for part in item.parts:
                if part.label:
                    self.block(f"**{escape(part.label)}**")
                for paragraph in part.paragraphs:
                    self.block(block_start(self.inline(paragraph.text, paragraph.line)))
        self.lines_block(pen.closing)

    def attachments(self) -> None:
        if not self.reg.lampiran:
            return
        self.block("---")
        self.heading(2, "Lampiran", self.unique("lampiran"))
        self.block(
            '!!! note "Lampiran sebagai teks"\n'
            "    Lampiran ditampilkan sebagai teks biasa; tabel ditampilkan apa adanya sebagai teks praformat.\n"
            "    Bagan dan tata letaknya tidak dipertahankan; lihat teks resmi untuk bentuk aslinya."
        )
        for index, attachment in enumerate(self.reg.lampiran, start=1):
            numeral = re.match(r"^LAMPIRAN\s+([IVXLC]+)\b", attachment.label)
            anchor = f"lampiran-{numeral[1].lower()}" if numeral else f"lampiran-{index}"
            self.heading(3, escape(attachment.label), self.unique(anchor))
            tables = {id(table) for table in attachment.tables}
            for block in sorted([*attachment.paragraphs, *attachment.tables], key=lambda b: b.line):
                if id(block) in tables:  # an indented code block: shown as it is, nothing to escape
                    self.block("\n".join(f"    {row}".rstrip() for row in block.text.split("\n")))
                else:
                    self.block(block_start(self.inline(block.text, block.line)))

    def unplaced(self) -> None:
        if not self.reg.unplaced:
            return
        self.issues.append(
            Issue(
                self.reg.unplaced[0].line,
                "warning",
                "unplaced-rendered",
                f"{len(self.reg.unplaced)} potong teks belum ditempatkan; ditampilkan di akhir halaman",
            )
        )
        body = "\n".join(f"    - baris {t.line}: {block_start(escape(t.text))}" for t in self.reg.unplaced)
        self.block(f'!!! failure "Teks yang belum ditempatkan"\n{body}')


def render(
    regulation: Regulation,
    source: str | None = None,
    title: str | None = None,
    status: str = DEFAULT_STATUS,
) -> tuple[str, list[Issue]]:
    """The Markdown page of ``regulation`` and the issues found while rendering (warnings).

    Args:
        regulation: the parsed regulation.
        source: where the text comes from, e.g. ``"JDIH Luwu Utara, https://…"``.
        title: the page title; by default ``Peraturan Bupati … Nomor … Tahun …``.
        status: the "Status teks" row of the metadata table.

    """
    renderer = _Renderer(reg=regulation, source=source, title=title, status=status)
    page = renderer.run()
    unique: dict[tuple[int, str, str], Issue] = {}
    for issue in renderer.issues:
        unique.setdefault((issue.line, issue.code, issue.message), issue)
    return page, sorted(unique.values(), key=lambda i: i.line)
