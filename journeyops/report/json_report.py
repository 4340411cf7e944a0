"""`--format json`: a stable document for machines. Paths are relative to the workspace root."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from journeyops.diagnostics import Diagnostic
from journeyops.report.base import Reporter
from journeyops.validation import ValidationResult

FORMAT_VERSION = 1


def as_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    span = diagnostic.span
    return {
        "rule": diagnostic.rule,
        "name": diagnostic.name,
        "severity": diagnostic.severity.value,
        "file": diagnostic.file,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "message": diagnostic.message,
        "hint": diagnostic.hint,
    }


class JsonReporter(Reporter):
    def render(self, result: ValidationResult) -> str:
        summary: dict[str, Any] = {
            "errors": result.errors,
            "warnings": result.warnings,
            "files_checked": result.files_checked,
            "files_with_findings": len({d.file for d in result.diagnostics}),
        }
        if result.changes is not None:
            summary["changed_since"] = asdict(result.changes)
        document = {
            "version": FORMAT_VERSION,
            "diagnostics": [as_dict(d) for d in result.diagnostics],
            "summary": summary,
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
