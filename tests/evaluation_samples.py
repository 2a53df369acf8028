"""Result files of the evaluation of perangkat daerah, as units would send them (for recap tests)."""

from __future__ import annotations

import random

from assessment import load_instrument
from assessment._internal.evaluation import score_evaluation
from assessment._internal.serialize import to_json

INSTRUMENT = load_instrument("sistem-kerja-perangkat-daerah")
UNITS = (
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "Bappelitbangda",
    "BKPSDM",
    "Inspektorat",
    "Kecamatan Masamba",
    "Dinas PUPR",
    "Dinas Sosial",
    "Satuan Polisi Pamong Praja",
    "Dinas Komunikasi dan Informatika",
)


def unit_document(unit: str, rng: random.Random, period: str = "Tahun 2026") -> dict[str, object]:
    """What a unit fills in: a level per item, sometimes "tidak berlaku" with a reason, some evidence."""
    answers: dict[str, object] = {}
    for item in INSTRUMENT.items:
        answers[item.id] = "na" if item.not_applicable and rng.random() < 0.4 else rng.randint(0, 4)
    reasons = {k: "Tidak ada pekerjaan seperti ini pada periode ini" for k, v in answers.items() if v == "na"}
    evidence = {"pk-kepala": f"PK {unit} 2026, arsip Sekretariat"}
    return {"unit": unit, "period": period, "answers": answers, "not_applicable": reasons, "evidence": evidence}


def unit_files(seed: int = 7, units: tuple[str, ...] = UNITS) -> list[tuple[str, str]]:
    """``(file name, JSON text)`` of each unit's downloaded result."""
    rng = random.Random(seed)
    files = []
    for position, unit in enumerate(units, start=1):
        result = score_evaluation(INSTRUMENT, unit_document(unit, rng))
        files.append((f"hasil-{position:02d}.json", to_json(result)))
    return files
