"""How numbers, dates and text are written for readers: the one definition of each.

Reading forms use the Indonesian decimal comma; the machine-readable form (``data-`` attributes,
JSON) keeps the dot.
"""

from __future__ import annotations

import re
from datetime import datetime
from fractions import Fraction

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|#])")
_DATE_ONLY = len("2024-03-12")


def decimal_dot(value: float) -> str:
    """One decimal, dot as separator: the machine-readable form (``74.9``)."""
    return f"{value:.1f}"


def decimal_comma(value: float) -> str:
    """One decimal, comma as separator: the Indonesian reading form (``74,9``)."""
    return decimal_dot(value).replace(".", ",")


def decimal_comma_or_dash(value: float | None) -> str:
    """:func:`decimal_comma`, or an en dash for a missing value."""
    return "–" if value is None else decimal_comma(value)


def signed_comma(value: float) -> str:
    """A difference with its sign (``+1,2``, ``−0,5`` with a real minus sign, ``0,0``)."""
    if value > 0:
        return "+" + decimal_comma(value)
    if value < 0:
        return "−" + decimal_comma(-value)
    return decimal_comma(0.0)


def exact_comma(value: Fraction) -> str:
    """An exact threshold for reading, without needless decimals: ``100``, ``87,5``."""
    return (str(value.numerator) if value.denominator == 1 else f"{float(value):g}").replace(".", ",")


def direction_word(value: float, up: str = "naik", down: str = "turun", same: str = "tetap") -> str:
    """The word for the sign of ``value``."""
    return up if value > 0 else down if value < 0 else same


def parse_date(text: str) -> datetime | None:
    """An ISO 8601 date or date-time, or ``None`` if ``text`` is not one."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def format_date(text: str) -> str:
    """``2024-03-12T14:05:00+08:00`` as ``12 Maret 2024 pukul 14.05`` (time as written, no conversion).

    A date alone gives the day only; text that is not an ISO date is returned unchanged.
    """
    moment = parse_date(text)
    if moment is None:
        return text
    day = f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"
    return day if len(text) <= _DATE_ONLY else f"{day} pukul {moment.hour:02d}.{moment.minute:02d}"


def markdown_text(text: object) -> str:
    """``text`` shown literally inside a Markdown line or table cell.

    ``&``, ``<`` and ``>`` become entities (no raw HTML, no entity surprises); the characters that
    start emphasis, code, links, table cells or headings get a backslash.
    """
    plain = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain).replace("\r", " ").replace("\n", " ")


#: Bytes a link target keeps as they are; every other byte of its UTF-8 is percent-encoded (what
#: ``urllib.parse.quote(href, safe="/:#?=&%~.-_")`` does: that module, with the ``ipaddress`` it
#: imports, would be 25 kB more for the browser to fetch).
_URL_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/:#?=&%~.-_")


def markdown_link(text: str, href: str) -> str:
    """A Markdown link whose text is shown literally and whose target cannot end early or inject."""
    target = "".join(chr(byte) if byte in _URL_SAFE else f"%{byte:02X}" for byte in href.encode("utf-8"))
    return f"[{markdown_text(text)}]({target})"
