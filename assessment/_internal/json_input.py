"""JSON that a person supplies (an answer file, a request from the page): every failure is one short line.

A UTF-8 byte order mark is accepted (Windows editors write one). Broken syntax, nesting deeper than
:data:`MAX_DEPTH` (checked before parsing, so no stack is at risk, in CPython or in Pyodide) and
integers too long to convert become a :class:`JsonInputError` in Indonesian, never a traceback.
"""

from __future__ import annotations

import json
import re

MAX_DEPTH = 100
"""Nesting deeper than this is refused before parsing (answers and requests need a handful of levels)."""
TOO_DEEP = f"bukan JSON yang dapat dibaca: susunan bersarangnya lebih dari {MAX_DEPTH} tingkat"
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def _too_deep(text: str) -> bool:
    """Whether arrays and objects nest deeper than :data:`MAX_DEPTH` (no recursion, any stack size)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return False
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            return True
    return False


class JsonInputError(ValueError):
    """Text that is not usable JSON; the message says why in one short line."""


def parse_json(data: str | bytes) -> object:
    """The JSON value in ``data`` (text, or UTF-8 bytes with or without BOM).

    Raises:
        JsonInputError: Not UTF-8, not JSON, nested too deeply, or an integer too long.

    """
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise JsonInputError(f"bukan teks UTF-8 (byte ke-{error.start + 1} tidak sah)") from None
    text = data.removeprefix("\ufeff")
    if _too_deep(text):
        raise JsonInputError(TOO_DEEP)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise JsonInputError(f"bukan JSON yang sah (baris {error.lineno}, kolom {error.colno})") from None
    except RecursionError:  # a parser with a smaller limit than ours
        raise JsonInputError(
            f"bukan JSON yang dapat dibaca: susunan bersarangnya lebih dari {MAX_DEPTH} tingkat"
        ) from None
    except ValueError:  # an integer beyond sys.get_int_max_str_digits()
        raise JsonInputError("memuat bilangan yang terlalu panjang (ribuan digit)") from None
