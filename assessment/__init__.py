"""Scoring of self-assessment instruments for the Sistem Kerja Birokrasi Luwu Utara site.

Pure, standard-library Python: the same code scores on the command line and in the browser
(Pyodide). The public API is re-exported here; the modules live in ``assessment._internal``.
"""

from assessment._internal.batch import BATCH_SCHEMA_VERSION, Batch, CsvFileError
from assessment._internal.catalog import (
    UnknownInstrumentError,
    instrument_ids,
    load_instrument,
    load_instrument_file,
)
from assessment._internal.model import (
    Band,
    Choice,
    Dimension,
    Indicator,
    Instrument,
    InstrumentError,
    Item,
    Recommendation,
    Reference,
    Scale,
    parse_instrument,
)
from assessment._internal.report import REPORT_SCHEMA_VERSION, build_report, check_base_url, parse_history
from assessment._internal.report_html import render_document, render_html
from assessment._internal.report_markdown import render_markdown
from assessment._internal.scoring import SCHEMA_VERSION, AnswerError, check_answers, score
from assessment._internal.serialize import to_json

__all__ = [
    "BATCH_SCHEMA_VERSION",
    "REPORT_SCHEMA_VERSION",
    "SCHEMA_VERSION",
    "AnswerError",
    "Band",
    "Batch",
    "Choice",
    "CsvFileError",
    "Dimension",
    "Indicator",
    "Instrument",
    "InstrumentError",
    "Item",
    "Recommendation",
    "Reference",
    "Scale",
    "UnknownInstrumentError",
    "build_report",
    "check_answers",
    "check_base_url",
    "instrument_ids",
    "load_instrument",
    "load_instrument_file",
    "parse_history",
    "parse_instrument",
    "render_document",
    "render_html",
    "render_markdown",
    "score",
    "to_json",
]

__version__ = "0.1.0"
