"""Instrument definitions for tests: a small valid one to mutate, and random ones for hypothesis."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from hypothesis import strategies as st

MINIMAL = """
id = "uji"
version = "0.1"
title = "Instrumen uji"

[scale]
min = 1
max = 5
labels = ["Tidak pernah", "Jarang", "Kadang-kadang", "Sering", "Selalu"]

[[bands]]
id = "tinggi"
label = "Tinggi"
min = 75
max = 100
meaning = "tinggi"

[[bands]]
id = "sedang"
label = "Sedang"
min = 50
max = 75
meaning = "sedang"

[[bands]]
id = "rendah"
label = "Rendah"
min = 0
max = 50
meaning = "rendah"

[[dimensions]]
id = "d1"
title = "Dimensi satu"

[[dimensions]]
id = "d2"
title = "Dimensi dua"
weight = 3

[[indicators]]
id = "i1"
dimension = "d1"
text = "Indikator satu"

[[indicators]]
id = "i2"
dimension = "d1"
text = "Indikator dua"

[[indicators]]
id = "i3"
dimension = "d2"
text = "Indikator tiga"

[[items]]
id = "a"
indicator = "i1"
text = "Butir a"

[[items]]
id = "b"
indicator = "i1"
text = "Butir b (negatif)"
reverse = true

[[items]]
id = "c"
indicator = "i2"
text = "Butir c"

[[items]]
id = "d"
indicator = "i3"
text = "Butir d"
"""


# ---------------------------------------------------------------- random instruments (hypothesis)

WEIGHTS = ("1", "2", "3", "0.5", "1.25", "0.1", "2.7", "7", "0.333")


@dataclass(frozen=True)
class Spec:
    """A random instrument as TOML text, with what tests need to draw answers for it."""

    toml: str
    low: int
    high: int
    items: tuple[tuple[str, bool], ...]  # (id, required)


def _ranges(table: str, kind: str, cuts: list[int]) -> list[str]:
    bounds = [0, *cuts, 10_000]
    lines = []
    for number, (lower, upper) in enumerate(itertools.pairwise(bounds)):
        lines += [
            f"[[{table}]]",
            f'id = "{kind}-{number}"',
            f'label = "{kind.title()} {number}"',
            f"min = {lower / 100}",
            f"max = {upper / 100}",
            f'meaning = "Arti {number}"',
            "",
        ]
    return lines


@st.composite
def instrument_specs(draw: st.DrawFn) -> Spec:
    """Instruments with any scale, weights, reverse and optional items, and bands cut at hundredths."""
    low = draw(st.integers(-3, 3))
    high = low + draw(st.integers(1, 9))
    labels = ", ".join(f'"Nilai {v}"' for v in range(low, high + 1))
    lines = ['id = "acak"', 'version = "1"', 'title = "Instrumen acak"', "", "[scale]"]
    lines += [f"min = {low}", f"max = {high}", f"labels = [{labels}]", ""]
    cuts = st.lists(st.integers(1, 9_999), max_size=4, unique=True).map(sorted)
    lines += _ranges("bands", "pita", draw(cuts))
    if draw(st.booleans()):
        lines += _ranges("expectations", "harapan", draw(cuts))
    items: list[tuple[str, bool]] = []
    indicators: list[str] = []
    for d in range(draw(st.integers(1, 4))):
        lines += [
            "[[dimensions]]",
            f'id = "d{d}"',
            f'title = "Dimensi {d}"',
            f"weight = {draw(st.sampled_from(WEIGHTS))}",
        ]
        lines.append("")
        for i in range(draw(st.integers(1, 3))):
            indicators += ["[[indicators]]", f'id = "d{d}-i{i}"', f'dimension = "d{d}"', f'text = "Indikator {i}"']
            indicators += [f"weight = {draw(st.sampled_from(WEIGHTS))}", ""]
            count = draw(st.integers(1, 5))
            required = draw(st.lists(st.booleans(), min_size=count, max_size=count))
            required[draw(st.integers(0, count - 1))] = True
            for n, needed in enumerate(required):
                ident = f"d{d}-i{i}-{n}"
                items.append((ident, needed))
                indicators += ["[[items]]", f'id = "{ident}"', f'indicator = "d{d}-i{i}"', f'text = "Butir {n}"']
                indicators += [f"reverse = {str(draw(st.booleans())).lower()}", f"required = {str(needed).lower()}", ""]
    return Spec("\n".join(lines + indicators), low, high, tuple(items))


def answers_for(spec: Spec) -> st.SearchStrategy[dict[str, int]]:
    """Complete answers for ``spec``: every required item answered, optional items sometimes."""
    value = st.integers(spec.low, spec.high)
    required = {ident: value for ident, needed in spec.items if needed}
    optional = {ident: value for ident, needed in spec.items if not needed}
    return st.fixed_dictionaries(required, optional=optional)
