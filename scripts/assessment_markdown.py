"""Python-Markdown extension: instrument-driven blocks in the site's pages.

A line holding only one of these markers is replaced by HTML rendered from the instrument data, so
every text lives in one place (``assessment/instruments/*.toml``):

* ``[[asesmen ID]]``: the whole self-assessment form of instrument ``ID``;
* ``[[perilaku DIMENSION]]`` or ``[[perilaku ID DIMENSION]]``: the numbered list of a dimension's
  indicators (the panduan perilaku), by default from ``berakhlak-individu``;
* ``[[pita ID]]``: the table of the instrument's bands.

A broken instrument or an unknown id stops the build with file, element and reason. Being a Markdown
extension rather than an MkDocs plugin, it works under any tool that runs Python-Markdown.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from assessment import Instrument, load_instrument

DEFAULT_INSTRUMENT = "berakhlak-individu"
MARKER = re.compile(r"^\[\[(asesmen|perilaku|pita)((?:\s+[a-z0-9-]+){1,2})\]\]\s*$")

_templates = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


class MarkerError(ValueError):
    """A marker that names something that does not exist."""


def render_form(instrument: Instrument) -> str:
    """The self-assessment form of ``instrument`` as plain HTML that works before any script runs."""
    return _templates.get_template("assessment_form.html.j2").render(instrument=instrument)


def render_behaviours(instrument: Instrument, dimension_id: str) -> str:
    """The indicators of one dimension as an ordered list."""
    for dimension in instrument.dimensions:
        if dimension.id == dimension_id:
            return _templates.get_template("behaviours.html.j2").render(dimension=dimension)
    known = ", ".join(d.id for d in instrument.dimensions)
    raise MarkerError(f"[[perilaku]]: dimensi '{dimension_id}' tidak ada di {instrument.id} (tersedia: {known})")


def render_marker(kind: str, args: list[str]) -> str:
    """Render one marker's HTML."""
    if kind == "asesmen":
        if len(args) != 1:
            raise MarkerError("[[asesmen ID]] menerima tepat satu id instrumen")
        return render_form(load_instrument(args[0]))
    if kind == "pita":
        return _templates.get_template("bands.html.j2").render(instrument=load_instrument(args[0]))
    instrument_id, dimension_id = args if len(args) == 2 else (DEFAULT_INSTRUMENT, args[0])
    return render_behaviours(load_instrument(instrument_id), dimension_id)


class _MarkerPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        load_instrument.cache_clear()  # a long-running `mkdocs serve` must see edited instruments
        output = []
        for line in lines:
            match = MARKER.match(line)
            if match:
                html = render_marker(match[1], match[2].split())
                output.extend(["", self.md.htmlStash.store(html), ""])
            else:
                output.append(line)
        return output


class AssessmentExtension(Extension):
    """Registers the marker preprocessor."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        md.preprocessors.register(_MarkerPreprocessor(md), "assessment_markers", 25)


def makeExtension(**kwargs: Any) -> AssessmentExtension:  # noqa: N802 (Python-Markdown's API name)
    """Entry point used by ``markdown_extensions: [scripts.assessment_markdown]``."""
    return AssessmentExtension(**kwargs)
