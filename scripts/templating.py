"""The one Jinja2 set-up of the build steps: HTML escaped, undefined names an error, tidy blocks."""

from __future__ import annotations

from pathlib import Path

import jinja2


def environment(folder: Path) -> jinja2.Environment:
    """Templates from ``folder``, autoescaped, failing on any undefined name."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
