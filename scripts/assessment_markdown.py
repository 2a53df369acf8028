"""Python-Markdown extension: instrument-driven blocks in the site's pages.

A line holding only one of these markers is replaced by HTML rendered from the instrument data, so
every text lives in one place (``assessment/instruments/*.toml``):

* ``[[asesmen ID]]``: the whole self-assessment form of instrument ``ID``;
* ``[[evaluasi ID]]``: the whole evidence-based evaluation form of instrument ``ID`` (one with
  ``[assessable]``): level descriptors per item, "tidak berlaku" with a reason, an evidence field;
* ``[[perilaku DIMENSION]]`` or ``[[perilaku ID DIMENSION]]``: the numbered list of a dimension's
  indicators (the panduan perilaku), by default from ``berakhlak-individu``;
* ``[[pita ID]]``: the table of the instrument's bands;
* ``[[ekspektasi ID]]``: the table of the instrument's expectation self-view thresholds;
* ``[[makna ID]]``: the table of the instrument's dimensions (the values) with their meanings;
* ``[[kuesioner ID]]``: the printable paper questionnaire (every statement, boxes for the scale);
* ``[[lembar-skor ID]]``: the hand-scoring sheet of the paper questionnaire (see
  :mod:`scripts.hand_scoring`), which gives exactly the indexes the site gives.

A broken instrument or an unknown id stops the build with file, element and reason. Being a Markdown
extension rather than an MkDocs plugin, it works under any tool that runs Python-Markdown.
"""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from assessment import Dimension, Instrument, Item, load_instrument
from assessment._internal.formatting import exact_comma
from scripts.hand_scoring import HandScoringError, hand_sheet
from scripts.templating import environment

DEFAULT_INSTRUMENT = "berakhlak-individu"
DEFAULT_VALUE_LINK = "../nilai/{id}.md"
_MARKDOWN_LINE = re.compile(r"^@@(heading (\d) (\S+) (.*)|markdown (.*))$")
MARKER = re.compile(
    r"^\[\[(asesmen|evaluasi|perilaku|pita|ekspektasi|makna|kuesioner|lembar-skor)((?:\s+[a-z0-9-]+){1,2})\]\]\s*$"
)

_templates = environment(Path(__file__).parent / "templates")


_templates.filters["angka"] = exact_comma


class MarkerError(ValueError):
    """A marker that names something that does not exist."""


def render_form(instrument: Instrument, value_link: str = DEFAULT_VALUE_LINK) -> str:
    """The self-assessment form of ``instrument``: plain HTML that works before any script runs.

    Lines starting with ``@@heading LEVEL ID TEXT`` or ``@@markdown TEXT`` are left for Markdown, so
    that section headings join the page's table of contents and their anchors and links are checked.
    """
    template = _templates.get_template("assessment_form.html.j2")
    return template.render(instrument=instrument, value_link=value_link)


def render_evaluation_form(instrument: Instrument) -> str:
    """The evidence-based evaluation form of ``instrument`` (``@@`` lines as in :func:`render_form`)."""
    if not instrument.evidence_based:
        raise MarkerError(f"[[evaluasi]]: instrumen {instrument.id} bukan evaluasi berbasis bukti ([assessable])")
    return _templates.get_template("evaluation_form.html.j2").render(instrument=instrument)


def render_behaviours(instrument: Instrument, dimension_id: str) -> str:
    """The indicators of one dimension as an ordered list."""
    for dimension in instrument.dimensions:
        if dimension.id == dimension_id:
            return _templates.get_template("behaviours.html.j2").render(dimension=dimension)
    known = ", ".join(d.id for d in instrument.dimensions)
    raise MarkerError(f"[[perilaku]]: dimensi '{dimension_id}' tidak ada di {instrument.id} (tersedia: {known})")


def render_expectations(instrument: Instrument) -> str:
    """The table of the expectation self-view thresholds of ``instrument``."""
    if not instrument.expectations:
        raise MarkerError(f"[[ekspektasi]]: instrumen {instrument.id} tidak punya [[expectations]]")
    scale = instrument.scale

    def mean(index: Fraction) -> str:
        """The mean answer on the scale that gives ``index``."""
        return exact_comma(scale.min + index * (scale.max - scale.min) / 100)

    template = _templates.get_template("expectations.html.j2")
    return template.render(instrument=instrument, number=exact_comma, mean=mean)


def _comma(value: float) -> str:
    """An index as the site prints it: one decimal, decimal comma."""
    return f"{value:.1f}".replace(".", ",")


def _dimension_items(dimension: Dimension) -> list[Item]:
    return [item for indicator in dimension.indicators for item in indicator.items]


def render_questionnaire(instrument: Instrument) -> str:
    """The paper questionnaire: every statement numbered as on the online form, a box per scale value."""
    template = _templates.get_template("questionnaire.html.j2")
    return template.render(instrument=instrument, dimension_items=_dimension_items)


def render_hand_sheet(instrument: Instrument) -> str:
    """The hand-scoring sheet: boxes per value, sums and lookup tables from :func:`hand_sheet`."""
    try:
        sheet = hand_sheet(instrument)
    except HandScoringError as error:
        raise MarkerError(f"[[lembar-skor]]: {instrument.id}: {error}") from error
    return _templates.get_template("hand_sheet.html.j2").render(sheet=sheet, comma=_comma)


_INSTRUMENT_RENDERERS = {
    "ekspektasi": render_expectations,
    "kuesioner": render_questionnaire,
    "lembar-skor": render_hand_sheet,
}


def render_marker(kind: str, args: list[str], value_link: str = DEFAULT_VALUE_LINK) -> str:
    """Render one marker's HTML (with ``@@`` lines left for Markdown, see :func:`render_form`)."""
    if kind == "asesmen":
        if len(args) != 1:
            raise MarkerError("[[asesmen ID]] menerima tepat satu id instrumen")
        return render_form(load_instrument(args[0]), value_link)
    if kind == "evaluasi":
        if len(args) != 1:
            raise MarkerError("[[evaluasi ID]] menerima tepat satu id instrumen")
        return render_evaluation_form(load_instrument(args[0]))
    if kind in _INSTRUMENT_RENDERERS:
        return _INSTRUMENT_RENDERERS[kind](load_instrument(args[0]))
    if kind == "pita":
        return _templates.get_template("bands.html.j2").render(instrument=load_instrument(args[0]))
    if kind == "makna":
        return _templates.get_template("values.html.j2").render(instrument=load_instrument(args[0]))
    instrument_id, dimension_id = args if len(args) == 2 else (DEFAULT_INSTRUMENT, args[0])
    return render_behaviours(load_instrument(instrument_id), dimension_id)


class _MarkerPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, value_link: str) -> None:
        super().__init__(md)
        self.value_link = value_link

    def run(self, lines: list[str]) -> list[str]:
        load_instrument.cache_clear()  # a long-running `mkdocs serve` must see edited instruments
        output = []
        for line in lines:
            match = MARKER.match(line)
            if match:
                output.extend(self._expand(render_marker(match[1], match[2].split(), self.value_link)))
            else:
                output.append(line)
        return output

    def _expand(self, html: str) -> list[str]:
        """Stash HTML chunks; turn ``@@`` lines into Markdown headings and paragraphs."""
        output: list[str] = []
        chunk: list[str] = []

        def flush() -> None:
            if "".join(chunk).strip():
                output.extend(["", self.md.htmlStash.store("\n".join(chunk)), ""])
            chunk.clear()

        for line in html.splitlines():
            match = _MARKDOWN_LINE.match(line.strip())
            if not match:
                chunk.append(line)
                continue
            flush()
            if match[2]:
                output.extend(["", f"{'#' * int(match[2])} {match[4]} {{#{match[3]}}}", ""])
            else:
                output.extend(["", match[5], ""])
        flush()
        return output


class AssessmentExtension(Extension):
    """Registers the marker preprocessor (and ``attr_list``, which its headings need)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"value_link": [DEFAULT_VALUE_LINK, "link to a value's page; {id} is the dimension id"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        md.registerExtensions(["attr_list"], {})
        processor = _MarkerPreprocessor(md, self.getConfig("value_link"))
        md.preprocessors.register(processor, "assessment_markers", 25)


def makeExtension(**kwargs: Any) -> AssessmentExtension:  # noqa: N802 (Python-Markdown's API name)
    """Entry point used by ``markdown_extensions: [scripts.assessment_markdown]``."""
    return AssessmentExtension(**kwargs)
