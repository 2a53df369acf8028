"""Shared helpers for the regulation tool tests (no tests here)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data" / "regulation"


def sample_path(name: str) -> Path:
    return DATA / name


def sample(name: str) -> str:
    return sample_path(name).read_text(encoding="utf-8")


def line_of(name: str, text: str, occurrence: int = 1) -> int:
    """The 1-based line number of the ``occurrence``-th line of a sample that equals ``text`` (stripped)."""
    found = 0
    for number, line in enumerate(sample(name).splitlines(), start=1):
        if line.strip() == text:
            found += 1
            if found == occurrence:
                return number
    raise AssertionError(f"{text!r} (#{occurrence}) not in {name}")
