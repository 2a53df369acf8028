"""JSON that a person supplies (an answer file, a request from the page): every failure is one short line.

A UTF-8 byte order mark is accepted (Windows editors write one). Broken syntax, nesting too deep for
the parser and integers too long to convert become a :class:`JsonInputError` in Indonesian, never a
traceback.
"""

from __future__ import annotations

import json


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
    try:
        return json.loads(data.removeprefix("\ufeff"))
    except json.JSONDecodeError as error:
        raise JsonInputError(f"bukan JSON yang sah (baris {error.lineno}, kolom {error.colno})") from None
    except RecursionError:
        raise JsonInputError("bukan JSON yang dapat dibaca: susunan bersarangnya terlalu dalam") from None
    except ValueError:  # an integer beyond sys.get_int_max_str_digits()
        raise JsonInputError("memuat bilangan yang terlalu panjang (ribuan digit)") from None
