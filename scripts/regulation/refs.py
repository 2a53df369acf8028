"""References to pasal inside the text.

Forms: ``Pasal 5``, ``Pasal 5A``, ``Pasal 5 ayat (2) huruf a``, ``Pasal 3 sampai dengan Pasal 7``.

A reference followed by the name of another regulation (``Pasal 5 Undang-Undang Nomor …``,
``Pasal 18 ayat (6) Peraturan Pemerintah …``) points outside the text and is left alone; one followed
by ``Peraturan Bupati ini`` (or ``Peraturan Daerah ini``) is internal. In a chain such as ``Pasal 3 dan
Pasal 4 Undang-Undang …`` the words after the last reference decide for the whole chain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REFERENCE = re.compile(
    r"\bPasal\s+(\d+[A-Z]?)(?![\dA-Za-z])(?:\s+ayat\s+\(\d+\))?(?:\s+huruf\s+[a-z]\b)?(?:\s+angka\s+\d+\b)?"
)
CHAIN_GAP = re.compile(r"^\s*(?:,|,?\s*dan|,?\s*atau|,?\s*dan/atau|sampai\s+dengan|s\.d\.|hingga|-|–)?\s*$")
EXTERNAL = re.compile(
    r"^\s*,?\s*(?:Undang-Undang|UU\b|Peraturan|Keputusan|Instruksi|Surat\s+Edaran|Perpres\b|PP\b|Permen|Perda\b"
    r"|Perbup\b|Perkada\b|Kitab\b|KUH)"
)
INTERNAL = re.compile(
    r"^\s*,?\s*(?:Peraturan\s+(?:Bupati|Daerah|Wali\s*kota|Gubernur)|Perbup|Perda|Perkada)\s+ini\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Reference:
    """A reference to a pasal of the same regulation: ``text[start:end]`` names Pasal ``number``."""

    start: int
    end: int
    number: str


def find_references(text: str) -> list[Reference]:
    """The internal pasal references in ``text``, in order."""
    matches = list(REFERENCE.finditer(text))
    result: list[Reference] = []
    chain: list[re.Match[str]] = []
    for index, match in enumerate(matches):
        chain.append(match)
        following = matches[index + 1] if index + 1 < len(matches) else None
        if following is not None and CHAIN_GAP.match(text[match.end() : following.start()]):
            continue
        after = text[match.end() :]
        if INTERNAL.match(after) or not EXTERNAL.match(after):
            result.extend(Reference(start=m.start(), end=m.end(), number=m[1]) for m in chain)
        chain = []
    return result
