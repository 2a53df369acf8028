"""A small valid instrument definition to mutate in tests."""

from __future__ import annotations

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
