"""Output formats for `validate`, chosen by name; the other commands' registries are beside
their results: score_formats, diff_formats, metrics_formats, render_summary, rule_listing."""

from __future__ import annotations

from enum import StrEnum

from journeyops.report.base import ReportContext, Reporter, Reporters
from journeyops.report.github import GithubReporter
from journeyops.report.gitlab import GitlabReporter
from journeyops.report.json_report import JsonReporter
from journeyops.report.junit import JunitReporter
from journeyops.report.sarif import SarifReporter
from journeyops.report.text import TextReporter
from journeyops.rules.validation import ValidationResult


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"
    GITLAB = "gitlab"


REPORTERS: Reporters[OutputFormat, ValidationResult] = {
    OutputFormat.TEXT: TextReporter.report,
    OutputFormat.JSON: JsonReporter.report,
    OutputFormat.SARIF: SarifReporter.report,
    OutputFormat.GITHUB: GithubReporter.report,
    OutputFormat.JUNIT: JunitReporter.report,
    OutputFormat.GITLAB: GitlabReporter.report,
}

__all__ = ["REPORTERS", "OutputFormat", "ReportContext", "Reporter", "Reporters"]
