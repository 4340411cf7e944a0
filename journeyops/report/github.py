"""`--format github`: GitHub Actions workflow commands, so findings show up as annotations
on the pull request's diff. Paths are relative to the repository root."""

from __future__ import annotations

from journeyops.diagnostics import Diagnostic
from journeyops.report.base import Reporter
from journeyops.validation import ValidationResult


class GithubReporter(Reporter):
    def render(self, result: ValidationResult) -> str:
        return "".join(self.command(d) + "\n" for d in result.diagnostics)

    def command(self, d: Diagnostic) -> str:
        properties = {
            "file": self.context.in_repository(d.file),
            "line": d.span.line,
            "col": d.span.column,
            "endLine": d.span.end_line,
            "endColumn": d.span.end_column,
            "title": f"{d.rule} {d.name}",
        }
        listed = ",".join(f"{key}={_property(str(value))}" for key, value in properties.items())
        message = d.message if not d.hint else f"{d.message}\nhint: {d.hint}"
        return f"::{d.severity.value} {listed}::{_data(message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
