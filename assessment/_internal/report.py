"""The result view: what a result means, rendered from the result dict and its instrument.

The browser shows exactly this HTML (rendered by Python in the page's worker), so the page and the
command line say the same.
"""

from __future__ import annotations

from html import escape
from typing import Any

from assessment._internal.model import Instrument


def _score(value: float) -> str:
    """One decimal, dot as separator: the machine-readable form."""
    return f"{value:.1f}"


def _display(value: float) -> str:
    """One decimal, comma as separator: the Indonesian reading form."""
    return _score(value).replace(".", ",")


def render_html(instrument: Instrument, result: dict[str, Any]) -> str:
    """The result as an HTML fragment with machine-readable ``data-`` attributes."""
    bands = {band.id: band for band in instrument.bands}
    dimensions = {d.id: d for d in instrument.dimensions}
    overall = result["overall"]
    band = bands[overall["band"]["id"]]
    note = "" if band.official else " (nama pita buatan situs ini, bukan nama resmi)"
    rows = []
    for entry in result["dimensions"]:
        dimension = dimensions[entry["id"]]
        rows.append(
            f'<tr data-dimension="{escape(entry["id"])}" data-score="{_score(entry["index"])}">'
            f"<th scope=\"row\">{escape(dimension.title)}</th>"
            f"<td>{_display(entry['index'])}</td>"
            f"<td>{escape(entry['band']['label'])}</td></tr>"
        )
    return (
        f'<section class="asesmen-hasil" data-overall-score="{_score(overall["index"])}"'
        f' data-band="{escape(band.id)}" aria-labelledby="hasil-judul">'
        f'<h2 id="hasil-judul">Hasil refleksi diri</h2>'
        f'<p class="asesmen-hasil__indeks">Indeks keseluruhan: <strong>{_display(overall["index"])}</strong>'
        f' dari 100, pita <strong>{escape(band.label)}</strong>{escape(note)}.</p>'
        f"<p>{escape(band.meaning)}</p>"
        '<table class="asesmen-hasil__nilai"><caption>Indeks per nilai dasar (0–100)</caption>'
        '<thead><tr><th scope="col">Nilai</th><th scope="col">Indeks</th><th scope="col">Pita</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<p class="asesmen-hasil__catatan">{result["answered"]} dari {result["total_items"]} pernyataan dijawab. '
        "Ini hasil refleksi diri, bukan hasil survei resmi Indeks BerAKHLAK KemenPANRB.</p>"
        "</section>"
    )
