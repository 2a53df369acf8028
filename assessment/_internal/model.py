"""Instrument model: typed, immutable definitions and their validation.

An instrument definition is a TOML document (see README, "Format instrumen"). Parsing turns it into
the frozen dataclasses below and refuses any broken definition with an :class:`InstrumentError`
naming the file, the item (or other element) and the reason, in Indonesian.
"""

from __future__ import annotations

import math
import re
import reprlib
import tomllib
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

INDEX_MIN = 0
INDEX_MAX = 100
SITE_PATH = re.compile(r"^[a-z0-9-]+(/[a-z0-9-]+)*/(#[a-z0-9-]+)?$")
"""A link target inside the site: lower-case path segments ending in ``/``, optional ``#anchor``."""
IDENT = re.compile(r"^[a-z0-9][a-z0-9-]*$")
"""An id: lower-case letters, digits and hyphens, not starting with a hyphen."""
QUOTE_LIMIT = 60
_LINK_SYNTAX = re.compile(
    r"\]\s*[(\[:]"  # Markdown links and references: [text](url), [text][ref], [ref]: url
    r"|<\s*[A-Za-z/!?]"  # raw HTML or an autolink: <a href=…>, <https://…>
    r"|\b[A-Za-z][A-Za-z0-9+.-]*:\s*//"  # an address with a scheme: https://…
    r"|\b(?:javascript|vbscript)\s*:"
    r"|\bwww\.",
    re.IGNORECASE,
)
"""Text that Markdown or HTML would turn into a link (or raw markup); instrument text may not hold it."""

KEYS = {
    "instrumen": (
        "id",
        "version",
        "title",
        "description",
        "scale",
        "bands",
        "dimensions",
        "indicators",
        "items",
        "reference",
        "expectations",
        "recommendations",
        "assessable",
    ),
    "skala": ("min", "max", "labels"),
    "pita": ("id", "label", "min", "max", "official", "meaning"),
    "ekspektasi": ("id", "label", "min", "max", "official", "meaning"),
    "dimensi": ("id", "title", "meaning", "weight", "national"),
    "indikator": ("id", "dimension", "text", "weight"),
    "butir": ("id", "indicator", "text", "reverse", "required", "levels", "not_applicable", "evidence_hint"),
    "acuan": ("label", "overall", "source", "note"),
    "rekomendasi": ("id", "dimension", "text", "link", "link_text"),
    "dapat-dinilai": ("min_share",),
}
"""The keys each kind of table may hold; any other key (a typo such as ``revers``) is refused."""


_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = QUOTE_LIMIT


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """``repr(value)`` for a message, cut to ``limit`` characters with ``…`` (never a 50 MB line)."""
    if isinstance(value, int) and value.bit_length() > 4 * limit:
        text = f"bilangan bulat {math.floor(math.log10(abs(value))) + 1} digit"
    else:
        try:
            text = _REPR.repr(value)
        except ValueError:  # an integer too long to write out, deep inside a container
            text = "nilai yang terlalu panjang"
    return text if len(text) <= limit else text[: limit - 1] + "…"


class InstrumentError(ValueError):
    """A definition that cannot be used, with where and why."""

    def __init__(self, source: str, element: str, reason: str) -> None:
        self.source = source
        self.element = element
        self.reason = reason
        super().__init__(f"{source}: {element}: {reason}")


@dataclass(frozen=True)
class Choice:
    """One point of the answer scale."""

    value: int
    label: str


@dataclass(frozen=True)
class Scale:
    """The answer scale shared by all items of an instrument."""

    min: int
    max: int
    choices: tuple[Choice, ...]


@dataclass(frozen=True)
class Band:
    """A named range of the 0–100 index: ``lower <= index < upper`` (the top band includes 100)."""

    id: str
    label: str
    lower: Fraction
    upper: Fraction
    meaning: str
    official: bool


@dataclass(frozen=True)
class Reference:
    """An outside figure to compare with, e.g. the national Indeks BerAKHLAK 2022.

    ``note`` must say how the outside method differs from this instrument's.
    """

    label: str
    source: str
    note: str
    overall: Fraction


@dataclass(frozen=True)
class Recommendation:
    """One concrete action for a dimension (the site's own advice), linking to a page of the site."""

    id: str
    dimension: str
    text: str
    link: str
    link_text: str


@dataclass(frozen=True)
class Item:
    """One statement the respondent answers on the scale."""

    id: str
    indicator: str
    text: str
    reverse: bool
    required: bool
    levels: tuple[str, ...] = ()
    """Evidence-based instruments: what each scale value means for this item (one per value)."""
    not_applicable: bool = False
    """Evidence-based instruments: the item may be answered "tidak berlaku" (with a reason)."""
    evidence_hint: str = ""
    """Evidence-based instruments: which documents show the level (a hint for the evidence field)."""


@dataclass(frozen=True)
class Indicator:
    """A group of items; in BerAKHLAK, one panduan perilaku."""

    id: str
    dimension: str
    text: str
    weight: Fraction
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Dimension:
    """A group of indicators; in BerAKHLAK, one core value."""

    id: str
    title: str
    meaning: str
    weight: Fraction
    indicators: tuple[Indicator, ...]
    national: Fraction | None = None
    recommendations: tuple[Recommendation, ...] = ()


@dataclass(frozen=True)
class Instrument:
    """A complete, validated instrument."""

    id: str
    version: str
    title: str
    description: str
    scale: Scale
    bands: tuple[Band, ...]
    dimensions: tuple[Dimension, ...]
    reference: Reference | None = None
    expectations: tuple[Band, ...] = ()
    """Self-view thresholds in the PermenPANRB 6/2022 vocabulary (the project's own; never official)."""
    min_share: Fraction | None = None
    """Evidence-based instruments (``[assessable]``): the share of a dimension's items that must be
    answered (not "tidak berlaku") for it to get an index; ``None`` for a self-rating instrument."""

    @property
    def evidence_based(self) -> bool:
        """Whether this is an evidence-based evaluation (levels per item, "tidak berlaku", evidence)."""
        return self.min_share is not None

    @property
    def items(self) -> tuple[Item, ...]:
        """All items in presentation order."""
        return tuple(i for d in self.dimensions for ind in d.indicators for i in ind.items)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """All indicators in presentation order."""
        return tuple(ind for d in self.dimensions for ind in d.indicators)

    def band_for(self, index: Fraction) -> Band:
        """The band whose range holds ``index`` (0–100)."""
        return _range_for(self.bands, index)

    def expectation_for(self, index: Fraction) -> Band | None:
        """The expectation self-view whose range holds ``index``, or ``None`` without expectations."""
        return _range_for(self.expectations, index) if self.expectations else None


def _range_for(ranges: tuple[Band, ...], index: Fraction) -> Band:
    for band in ranges:
        if band.lower <= index < band.upper or (index == band.upper == INDEX_MAX):
            return band
    raise ValueError(f"indeks di luar 0–100: {index}")


class _Reader:
    """Reads typed fields from a TOML table, failing with file, element and reason."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, element: str, reason: str) -> InstrumentError:
        return InstrumentError(self.source, element, reason)

    def keys(self, table: dict[str, Any], kind: str, element: str) -> None:
        """Refuse keys that ``kind`` does not know (a typo would otherwise change scores silently)."""
        allowed = KEYS[kind]
        for key in table:
            if key not in allowed:
                raise self.fail(element, f"kolom {quote(key)} tidak dikenal (yang dikenal: {', '.join(allowed)})")

    def safe_text(self, value: str, key: str, element: str) -> str:
        """``value`` unless Markdown or HTML would make a link or markup of it."""
        found = _LINK_SYNTAX.search(value)
        if found:
            raise self.fail(
                element,
                f"kolom '{key}' memuat tautan atau HTML ({quote(value[found.start() : found.start() + 30])}); "
                "teks instrumen tidak boleh membuat tautan (tautan ke halaman situs lewat kolom 'link' rekomendasi)",
            )
        return value

    def text(self, table: dict[str, Any], key: str, element: str, *, optional: bool = False, prose: bool = True) -> str:
        """A text field, stripped; ``prose`` (shown to readers) may not hold link or HTML syntax."""
        value = table.get(key, "" if optional else None)
        if value is None:
            raise self.fail(element, f"kolom '{key}' tidak ada")
        if not isinstance(value, str):
            raise self.fail(element, f"kolom '{key}' harus berupa teks")
        if not optional and not value.strip():
            raise self.fail(element, f"kolom '{key}' kosong")
        return self.safe_text(value.strip(), key, element) if prose else value.strip()

    def integer(self, table: dict[str, Any], key: str, element: str) -> int:
        value = table.get(key)
        if type(value) is not int:
            raise self.fail(element, f"kolom '{key}' harus bilangan bulat")
        return value

    def number(self, table: dict[str, Any], key: str, element: str, default: int | None = None) -> Fraction:
        value = table.get(key, default)
        if type(value) not in (int, float):
            raise self.fail(element, f"kolom '{key}' harus berupa angka")
        if isinstance(value, float) and not math.isfinite(value):
            raise self.fail(element, f"kolom '{key}' harus angka terhingga, bukan {value}")
        return Fraction(str(value))

    def flag(self, table: dict[str, Any], key: str, element: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(element, f"kolom '{key}' harus true atau false")
        return value

    def index(self, table: dict[str, Any], key: str, element: str) -> Fraction:
        value = self.number(table, key, element)
        if not INDEX_MIN <= value <= INDEX_MAX:
            raise self.fail(element, f"kolom '{key}' harus berada di 0–100, bukan {value}")
        return value

    def tables(self, table: dict[str, Any], key: str, element: str, *, optional: bool = False) -> list[dict[str, Any]]:
        value = table.get(key, [] if optional else None)
        if optional and value == []:
            return []
        if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
            raise self.fail(element, f"daftar '[[{key}]]' tidak ada atau kosong")
        return value

    def ident(self, value: object, element: str) -> str:
        """``value`` if it is a well-formed id."""
        if value is None or value == "":
            raise self.fail(element, "kolom 'id' tidak ada atau kosong")
        if not isinstance(value, str):
            raise self.fail(element, "kolom 'id' harus berupa teks")
        if not IDENT.match(value):
            raise self.fail(
                element, f"id {quote(value)} hanya boleh huruf kecil a–z, angka, dan '-', tidak diawali '-'"
            )
        return value

    def unique_id(self, table: dict[str, Any], seen: set[str], kind: str, position: int) -> str:
        """The table's id (well-formed, not used before), after checking the table's keys."""
        ident = self.ident(table.get("id"), f"{kind} ke-{position}")
        element = f"{kind} '{ident}'"
        if ident in seen:
            raise self.fail(element, "id ganda: sudah dipakai elemen lain")
        self.keys(table, kind, element)
        seen.add(ident)
        return ident


def parse_instrument(text: str, source: str = "<instrumen>") -> Instrument:
    """Parse and validate a TOML instrument definition.

    Args:
        text: The TOML document.
        source: The file name used in error messages.

    Raises:
        InstrumentError: The definition is malformed; the error names file, element and reason.

    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InstrumentError(source, "berkas", f"bukan TOML yang sah ({error})") from None
    except RecursionError:
        raise InstrumentError(source, "berkas", "TOML bersarang terlalu dalam") from None
    except ValueError:  # an integer beyond sys.get_int_max_str_digits()
        raise InstrumentError(source, "berkas", "memuat bilangan yang terlalu panjang (ribuan digit)") from None
    read = _Reader(source)
    read.keys(data, "instrumen", "instrumen")
    ident = read.ident(data.get("id"), "instrumen")
    scale = _parse_scale(read, data)
    min_share = _parse_assessable(read, data)
    seen: set[str] = set()
    dimensions = _parse_dimensions(read, data, seen)
    indicators = _parse_indicators(read, data, seen, dimensions)
    items = _parse_items(read, data, seen, scale, indicators)
    if min_share is not None:
        items = [_evidence_item(read, table, item, scale) for table, item in zip(data["items"], items, strict=True)]
    else:
        _refuse_evidence_keys(read, data)
    reference = _parse_reference(read, data)
    _check_national(read, dimensions, reference)
    built = _assemble(read, dimensions, indicators, items)
    return Instrument(
        id=ident,
        version=read.text(data, "version", "instrumen"),
        title=read.text(data, "title", "instrumen"),
        description=read.text(data, "description", "instrumen", optional=True),
        scale=scale,
        bands=_parse_ranges(read, read.tables(data, "bands", "instrumen"), "pita"),
        dimensions=_attach_recommendations(read, data, built),
        reference=reference,
        expectations=_parse_expectations(read, data),
        min_share=min_share,
    )


EVIDENCE_ONLY = ("levels", "not_applicable", "evidence_hint")
"""Item keys that only an evidence-based instrument (one with ``[assessable]``) may use."""


def _parse_assessable(read: _Reader, data: dict[str, Any]) -> Fraction | None:
    """``[assessable] min_share``: 0 < share <= 1, or ``None`` when the table is absent."""
    table = data.get("assessable")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise read.fail("dapat-dinilai", "'assessable' harus berupa tabel [assessable]")
    read.keys(table, "dapat-dinilai", "dapat-dinilai")
    share = read.number(table, "min_share", "dapat-dinilai")
    if not 0 < share <= 1:
        raise read.fail("dapat-dinilai", f"'min_share' harus lebih dari 0 dan paling besar 1, bukan {share}")
    for key in ("reference", "expectations"):
        if key in data:
            raise read.fail("instrumen", f"'{key}' tidak dipakai instrumen evaluasi berbasis bukti ([assessable])")
    return share


def _refuse_evidence_keys(read: _Reader, data: dict[str, Any]) -> None:
    for table in data["items"]:
        for key in EVIDENCE_ONLY:
            if key in table:
                raise read.fail(
                    f"butir '{table['id']}'",
                    f"kolom '{key}' hanya untuk instrumen evaluasi berbasis bukti (perlu tabel [assessable])",
                )


def _evidence_item(read: _Reader, table: dict[str, Any], item: Item, scale: Scale) -> Item:
    """``item`` with its level descriptors, "tidak berlaku" flag and evidence hint, all checked."""
    element = f"butir '{item.id}'"
    if item.reverse:
        raise read.fail(element, "butir evaluasi berbasis bukti tidak boleh reverse: tingkatnya sudah berurutan")
    if not item.required:
        raise read.fail(
            element, "butir evaluasi berbasis bukti selalu wajib (dijawab, atau 'tidak berlaku' bila diizinkan)"
        )
    count = scale.max - scale.min + 1
    levels = table.get("levels")
    if not isinstance(levels, list) or len(levels) != count:
        raise read.fail(element, f"'levels' harus berisi {count} uraian, satu per tingkat {scale.min}–{scale.max}")
    described: list[str] = []
    for value, level in zip(range(scale.min, scale.max + 1), levels, strict=True):
        if not isinstance(level, str) or not level.strip():
            raise read.fail(element, f"uraian tingkat {value} kosong")
        text = read.safe_text(level.strip(), "levels", element)
        if text in described:
            raise read.fail(element, f"uraian tingkat {value} sama dengan tingkat {scale.min + described.index(text)}")
        described.append(text)
    return replace(
        item,
        levels=tuple(described),
        not_applicable=read.flag(table, "not_applicable", element, default=False),
        evidence_hint=read.text(table, "evidence_hint", element),
    )


def _parse_scale(read: _Reader, data: dict[str, Any]) -> Scale:
    table = data.get("scale")
    if not isinstance(table, dict):
        raise read.fail("skala", "tabel '[scale]' tidak ada")
    read.keys(table, "skala", "skala")
    low, high = read.integer(table, "min", "skala"), read.integer(table, "max", "skala")
    if low >= high:
        raise read.fail("skala", f"min ({low}) harus lebih kecil dari max ({high})")
    labels = table.get("labels")
    if not isinstance(labels, list) or len(labels) != high - low + 1:
        raise read.fail("skala", f"'labels' harus berisi {high - low + 1} label, satu per nilai {low}–{high}")
    choices = []
    for value, label in zip(range(low, high + 1), labels, strict=True):
        if not isinstance(label, str) or not label.strip():
            raise read.fail("skala", f"label untuk nilai {value} kosong")
        choices.append(Choice(value, read.safe_text(label.strip(), "labels", "skala")))
    return Scale(low, high, tuple(choices))


def _parse_ranges(read: _Reader, tables: list[dict[str, Any]], kind: str) -> tuple[Band, ...]:
    """Named ranges covering 0–100 without gaps or overlaps (bands, expectations), highest first."""
    seen: set[str] = set()
    bands = []
    for position, table in enumerate(tables, start=1):
        ident = read.unique_id(table, seen, kind, position)
        element = f"{kind} '{ident}'"
        lower, upper = read.number(table, "min", element), read.number(table, "max", element)
        if not INDEX_MIN <= lower < upper <= INDEX_MAX:
            raise read.fail(element, f"rentang {lower}–{upper} harus berada di 0–100 dengan min < max")
        bands.append(
            Band(
                id=ident,
                label=read.text(table, "label", element),
                lower=lower,
                upper=upper,
                meaning=read.text(table, "meaning", element),
                official=read.flag(table, "official", element, default=False),
            )
        )
    bands.sort(key=lambda b: b.lower)
    expected = Fraction(INDEX_MIN)
    for band in bands:
        element = f"{kind} '{band.id}'"
        if band.lower > expected:
            raise read.fail(element, f"ada celah: indeks {expected}–{band.lower} tidak masuk {kind} mana pun")
        if band.lower < expected:
            raise read.fail(element, f"tumpang tindih dengan {kind} lain di bawah {expected}")
        expected = band.upper
    if expected != INDEX_MAX:
        raise read.fail(f"{kind} '{bands[-1].id}'", f"ada celah: indeks {expected}–100 tidak masuk {kind} mana pun")
    return tuple(reversed(bands))


def _parse_expectations(read: _Reader, data: dict[str, Any]) -> tuple[Band, ...]:
    tables = read.tables(data, "expectations", "instrumen", optional=True)
    if not tables:
        return ()
    expectations = _parse_ranges(read, tables, "ekspektasi")
    for expectation in expectations:
        if expectation.official:
            raise read.fail(
                f"ekspektasi '{expectation.id}'",
                "ambang ekspektasi tidak boleh official = true: PermenPANRB 6/2022 tidak memuat rumus, "
                "ambang ini selalu buatan situs",
            )
    return expectations


def _parse_dimensions(read: _Reader, data: dict[str, Any], seen: set[str]) -> dict[str, dict[str, Any]]:
    result = {}
    for position, table in enumerate(read.tables(data, "dimensions", "instrumen"), start=1):
        ident = read.unique_id(table, seen, "dimensi", position)
        element = f"dimensi '{ident}'"
        result[ident] = {
            "title": read.text(table, "title", element),
            "meaning": read.text(table, "meaning", element, optional=True),
            "weight": _weight(read, table, element),
            "national": read.index(table, "national", element) if "national" in table else None,
        }
    return result


def _parse_indicators(
    read: _Reader, data: dict[str, Any], seen: set[str], dimensions: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    result = {}
    for position, table in enumerate(read.tables(data, "indicators", "instrumen"), start=1):
        ident = read.unique_id(table, seen, "indikator", position)
        element = f"indikator '{ident}'"
        dimension = read.text(table, "dimension", element)
        if dimension not in dimensions:
            raise read.fail(element, f"dimensi '{dimension}' tidak dikenal")
        result[ident] = {
            "dimension": dimension,
            "text": read.text(table, "text", element),
            "weight": _weight(read, table, element),
        }
    return result


def _parse_items(
    read: _Reader, data: dict[str, Any], seen: set[str], scale: Scale, indicators: dict[str, Any]
) -> list[Item]:
    items = []
    for position, table in enumerate(read.tables(data, "items", "instrumen"), start=1):
        ident = read.unique_id(table, seen, "butir", position)
        element = f"butir '{ident}'"
        indicator = read.text(table, "indicator", element)
        if indicator not in indicators:
            raise read.fail(element, f"indikator '{indicator}' tidak dikenal")
        items.append(
            Item(
                id=ident,
                indicator=indicator,
                text=read.text(table, "text", element),
                reverse=read.flag(table, "reverse", element, default=False),
                required=read.flag(table, "required", element, default=True),
            )
        )
    return items


def _parse_reference(read: _Reader, data: dict[str, Any]) -> Reference | None:
    table = data.get("reference")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise read.fail("acuan", "'reference' harus berupa tabel [reference]")
    read.keys(table, "acuan", "acuan")
    return Reference(
        label=read.text(table, "label", "acuan"),
        source=read.text(table, "source", "acuan"),
        note=read.text(table, "note", "acuan"),
        overall=read.index(table, "overall", "acuan"),
    )


def _check_national(read: _Reader, dimensions: dict[str, dict[str, Any]], reference: Reference | None) -> None:
    for ident, spec in dimensions.items():
        if reference is not None and spec["national"] is None:
            raise read.fail(f"dimensi '{ident}'", "kolom 'national' tidak ada, padahal tabel [reference] ada")
        if reference is None and spec["national"] is not None:
            raise read.fail(
                f"dimensi '{ident}'", "kolom 'national' memerlukan tabel [reference] (sumber dan catatan metode)"
            )


def _parse_recommendations(
    read: _Reader, data: dict[str, Any], dimensions: tuple[Dimension, ...]
) -> dict[str, list[Recommendation]]:
    known = {d.id for d in dimensions}
    seen: set[str] = set()
    result: dict[str, list[Recommendation]] = {d.id: [] for d in dimensions}
    for position, table in enumerate(read.tables(data, "recommendations", "instrumen", optional=True), start=1):
        ident = read.unique_id(table, seen, "rekomendasi", position)
        element = f"rekomendasi '{ident}'"
        dimension = read.text(table, "dimension", element)
        if dimension not in known:
            raise read.fail(element, f"dimensi '{dimension}' tidak dikenal")
        link = read.text(table, "link", element, prose=False)
        if not SITE_PATH.match(link):
            raise read.fail(
                element, f"tautan '{link}' harus jalur situs relatif yang diakhiri '/', mis. 'panduan/evaluasi/'"
            )
        text, link_text = read.text(table, "text", element), read.text(table, "link_text", element)
        result[dimension].append(Recommendation(ident, dimension, text, link, link_text))
    return result


def _attach_recommendations(
    read: _Reader, data: dict[str, Any], dimensions: tuple[Dimension, ...]
) -> tuple[Dimension, ...]:
    recommendations = _parse_recommendations(read, data, dimensions)
    if any(recommendations.values()):
        for dimension in dimensions:
            if not recommendations[dimension.id]:
                raise read.fail(f"dimensi '{dimension.id}'", "tidak punya rekomendasi, padahal dimensi lain punya")
    return tuple(replace(d, recommendations=tuple(recommendations[d.id])) for d in dimensions)


def _weight(read: _Reader, table: dict[str, Any], element: str) -> Fraction:
    weight = read.number(table, "weight", element, default=1)
    if weight <= 0:
        raise read.fail(element, f"bobot harus lebih dari 0, bukan {weight}")
    return weight


def _assemble(
    read: _Reader, dimensions: dict[str, Any], indicators: dict[str, Any], items: list[Item]
) -> tuple[Dimension, ...]:
    built_indicators: dict[str, list[Indicator]] = {d: [] for d in dimensions}
    for ident, spec in indicators.items():
        own = tuple(i for i in items if i.indicator == ident)
        if not any(i.required for i in own):
            raise read.fail(f"indikator '{ident}'", "tidak punya butir wajib")
        built_indicators[spec["dimension"]].append(
            Indicator(ident, spec["dimension"], spec["text"], spec["weight"], own)
        )
    result = []
    for ident, spec in dimensions.items():
        if not built_indicators[ident]:
            raise read.fail(f"dimensi '{ident}'", "tidak punya indikator")
        grouped = tuple(built_indicators[ident])
        result.append(Dimension(ident, spec["title"], spec["meaning"], spec["weight"], grouped, spec["national"]))
    return tuple(result)
