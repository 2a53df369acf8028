"""The one JSON form of a result, shared by the CLI and the browser download."""

from __future__ import annotations

import json
from typing import Any


def to_json(result: dict[str, Any]) -> str:
    """Serialise a result exactly as the CLI prints it (UTF-8 text, 2-space indent, final newline)."""
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
