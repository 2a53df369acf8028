"""Scoring of self-assessment instruments for the Sistem Kerja Birokrasi Luwu Utara site.

Pure, standard-library Python: the same code scores on the command line and in the browser
(Pyodide). The public API is re-exported here; the modules live in ``assessment._internal``.
"""

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
    Scale,
    parse_instrument,
)
from assessment._internal.scoring import SCHEMA_VERSION, AnswerError, check_answers, score
from assessment._internal.serialize import to_json

__all__ = [
    "SCHEMA_VERSION",
    "AnswerError",
    "Band",
    "Choice",
    "Dimension",
    "Indicator",
    "Instrument",
    "InstrumentError",
    "Item",
    "Scale",
    "UnknownInstrumentError",
    "check_answers",
    "instrument_ids",
    "load_instrument",
    "load_instrument_file",
    "parse_instrument",
    "score",
    "to_json",
]

__version__ = "0.1.0"
