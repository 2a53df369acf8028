"""A JSON-in, JSON-out entry point, so that callers in other languages (the page's Web Worker) stay tiny."""

from __future__ import annotations

import json
from typing import Any

from assessment._internal.catalog import UnknownInstrumentError, load_instrument
from assessment._internal.evaluation import score_evaluation
from assessment._internal.evaluation_view import render_evaluation_html
from assessment._internal.json_input import JsonInputError, parse_json
from assessment._internal.model import Instrument, InstrumentError
from assessment._internal.recap import read_files, read_lines, summarise
from assessment._internal.recap_render import render_recap_csv, render_recap_html
from assessment._internal.recap_units import render_units_csv, render_units_html
from assessment._internal.report import build_report, check_base_url
from assessment._internal.report_html import render_html
from assessment._internal.result_code import encode
from assessment._internal.scoring import AnswerError, score
from assessment._internal.serialize import to_json


def _base_url(value: object) -> str:
    """The request's ``base_url`` if usable, else ``""`` (links relative to the site root)."""
    try:
        return check_base_url(value)
    except ValueError:
        return ""


def _recap(instrument: Instrument, data: dict[str, Any]) -> str:
    """A group recap of pasted lines or of result files (the page's recap tools)."""
    files = data.get("files")
    if isinstance(files, list):
        pairs = [
            (str(f.get("name", "?")), str(f.get("text", "")).encode("utf-8")) for f in files if isinstance(f, dict)
        ]
        sources, problems = read_files(instrument, pairs)
    elif instrument.evidence_based:
        raise AnswerError(message="rekap perangkat daerah membaca berkas hasil (JSON), bukan kode hasil")
    else:
        sources, problems = read_lines(instrument, str(data.get("lines") or ""))
    recap = summarise(instrument, sources, problems)
    if instrument.evidence_based:
        response = {"ok": True, "recap": recap, "json": to_json(recap), "csv": render_units_csv(recap)}
        return json.dumps({**response, "html": render_units_html(recap)}, ensure_ascii=False)
    response = {
        "ok": True,
        "recap": recap,
        "json": to_json(recap),
        "csv": render_recap_csv(recap),
        "html": render_recap_html(recap, show_rows=isinstance(files, list)),
    }
    return json.dumps(response, ensure_ascii=False)


def _evaluation(instrument: Instrument, data: dict[str, Any]) -> str:
    """A unit's evidence-based evaluation: its result, the CLI's JSON and the result view.

    The request holds ``unit``, ``period``, ``answers`` (levels, or ``"na"``), ``not_applicable``
    (reasons) and ``evidence`` (notes), each ``{item id: text}``.
    """
    result = score_evaluation(instrument, data)
    html = render_evaluation_html(instrument, result, _base_url(data.get("base_url", "")))
    return json.dumps({"ok": True, "result": result, "json": to_json(result), "html": html}, ensure_ascii=False)


def handle(request: str) -> str:
    """Score one request and answer in JSON.

    Args:
        request: ``{"instrument": id, "answers": {item id: value}}`` as JSON text, optionally with
            ``"history"`` (earlier results with ``saved_at``, oldest first; unusable entries are skipped)
            and ``"base_url"`` (path from the page to the site root, e.g. ``"../../"``; ignored if unusable).
            With ``"action": "recap"``, a group recap instead: ``"lines"`` (codes or digit rows, one
            per line) or ``"files"`` (``[{"name", "text"}]``, result files).

    Returns:
        ``{"ok": true, "result": …, "json": CLI text, "html": result view}``, or for a recap
        ``{"ok": true, "recap": …, "json": CLI text, "csv": …, "html": recap view}``, or
        ``{"ok": false, "error": {"message", "missing", "invalid", "unknown"}}``.

    """
    try:
        data = parse_json(request)
        if not isinstance(data, dict):
            raise AnswerError(message="permintaan harus berupa objek JSON")
        ident = data.get("instrument")
        if not isinstance(ident, str):
            raise AnswerError(message="permintaan harus menyebut id instrumen (kolom 'instrument', berupa teks)")
        instrument = load_instrument(ident)
        if data.get("action") == "recap":
            return _recap(instrument, data)
        if instrument.evidence_based:
            return _evaluation(instrument, data)
        result = score(instrument, data.get("answers"))
    except (AnswerError, InstrumentError, UnknownInstrumentError, JsonInputError) as error:
        details: dict[str, Any] = (
            error.to_dict()
            if isinstance(error, AnswerError)
            else {"message": str(error.args[0] if isinstance(error, UnknownInstrumentError) else error), "missing": []}
        )
        return json.dumps({"ok": False, "error": details}, ensure_ascii=False)
    code = encode(instrument, data.get("answers"))
    report = build_report(instrument, result, data.get("history"), _base_url(data.get("base_url", "")), code)
    response = {"ok": True, "result": result, "json": to_json(result), "html": render_html(report)}
    return json.dumps(response, ensure_ascii=False)
