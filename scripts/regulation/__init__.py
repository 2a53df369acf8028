"""Regulation text tool: text copied from a PDF → JSON data file → Markdown page.

Modules: :mod:`~scripts.regulation.clean` (PDF noise), :mod:`~scripts.regulation.parse` (structure),
:mod:`~scripts.regulation.checks` (what looks wrong), :mod:`~scripts.regulation.model` (frozen
dataclasses and the JSON schema), :mod:`~scripts.regulation.convert` (dataclasses ↔ JSON),
:mod:`~scripts.regulation.errors`, :mod:`~scripts.regulation.refs` (pasal references),
:mod:`~scripts.regulation.render` (Markdown) and :mod:`~scripts.regulation.cli`.
"""

from scripts.regulation.errors import RegulationError
from scripts.regulation.model import Issue, Regulation, from_dict, to_dict
from scripts.regulation.parse import parse_text
from scripts.regulation.render import render

__all__ = ["Issue", "Regulation", "RegulationError", "from_dict", "parse_text", "render", "to_dict"]
