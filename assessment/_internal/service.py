"""A JSON-in, JSON-out entry point, so that callers in other languages (the page's Web Worker) stay tiny."""

from __future__ import annotations

import json
from typing import Any

from assessment._internal.catalog import UnknownInstrumentError, load_instrument
from assessment._internal.model import InstrumentError
from assessment._internal.report import render_html
from assessment._internal.scoring import AnswerError, score
from assessment._internal.serialize import to_json


def handle(request: str) -> str:
    """Score one request and answer in JSON.

    Args:
        request: ``{"instrument": id, "answers": {item id: value}}`` as JSON text.

    Returns:
        ``{"ok": true, "result": …, "json": CLI text, "html": result view}``, or
        ``{"ok": false, "error": {"message", "missing", "invalid", "unknown"}}``.
    """
    try:
        data = json.loads(request)
        if not isinstance(data, dict):
            raise AnswerError(message="permintaan harus berupa objek JSON")
        instrument = load_instrument(str(data.get("instrument")))
        result = score(instrument, data.get("answers"))
    except (AnswerError, InstrumentError, UnknownInstrumentError, json.JSONDecodeError) as error:
        details: dict[str, Any] = (
            error.to_dict() if isinstance(error, AnswerError) else {"message": str(error), "missing": []}
        )
        return json.dumps({"ok": False, "error": details}, ensure_ascii=False)
    response = {"ok": True, "result": result, "json": to_json(result), "html": render_html(instrument, result)}
    return json.dumps(response, ensure_ascii=False)
