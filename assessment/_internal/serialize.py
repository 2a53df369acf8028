"""The one JSON form of a result, shared by the CLI and the browser download."""

from __future__ import annotations

import json
from collections.abc import Mapping


def to_json(data: Mapping[str, object]) -> str:
    """Serialise a result or report exactly as the CLI prints it (UTF-8 text, 2-space indent, final newline)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
