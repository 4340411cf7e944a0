"""Output formats for `validate`, chosen by name."""

from __future__ import annotations

from enum import StrEnum

from journeyops.report.base import ReportContext, Reporter
from journeyops.report.github import GithubReporter
from journeyops.report.json_report import JsonReporter
from journeyops.report.junit import JunitReporter
from journeyops.report.sarif import SarifReporter
from journeyops.report.text import TextReporter


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"


REPORTERS: dict[OutputFormat, type[Reporter]] = {
    OutputFormat.TEXT: TextReporter,
    OutputFormat.JSON: JsonReporter,
    OutputFormat.SARIF: SarifReporter,
    OutputFormat.GITHUB: GithubReporter,
    OutputFormat.JUNIT: JunitReporter,
}

__all__ = ["REPORTERS", "OutputFormat", "ReportContext", "Reporter"]
