"""The one error type of the regulation tool."""

from __future__ import annotations


class RegulationError(ValueError):
    """Input that cannot be used (a text file, a data file), with where and why, in Indonesian.

    ``source`` names the file, ``element`` the part of it (e.g. ``data.body[0].number``; may be
    empty), ``reason`` what is wrong. ``str()`` joins the non-empty ones with ``": "``.
    """

    def __init__(self, source: str, element: str, reason: str) -> None:
        self.source = source
        self.element = element
        self.reason = reason
        super().__init__(": ".join(part for part in (source, element, reason) if part))
