"""Output formats for `validate`, chosen by name."""

from __future__ import annotations

from enum import StrEnum

from journeyops.report.base import Reporter
from journeyops.report.json_report import JsonReporter
from journeyops.report.text import TextReporter


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


REPORTERS: dict[OutputFormat, type[Reporter]] = {
    OutputFormat.TEXT: TextReporter,
    OutputFormat.JSON: JsonReporter,
}

__all__ = ["REPORTERS", "OutputFormat", "Reporter"]
