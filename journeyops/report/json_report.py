"""`--format json`: a stable document for machines. Paths are relative to the workspace root.

Strings are the exact text (JSON escapes control characters itself), written as standard
UTF-8 JSON by `dumps_json`; an undecodable byte of a file name is shown as `\\xff`."""

from __future__ import annotations

from typing import Any

from journeyops.core.diagnostics import Diagnostic
from journeyops.report.base import Reporter
from journeyops.report.formatting import FORMAT_VERSION
from journeyops.report.safe_text import dumps_json
from journeyops.rules.validation import ValidationResult


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
            # Under --changed-since: the changed files, whose every finding is reported.
            "files_checked": result.files_checked,
            "files_with_findings": len({d.file for d in result.diagnostics}),
        }
        changes = result.changes
        if changes is not None:
            # Findings in unchanged files are reported when the change caused them, so the
            # files with findings are not a part of the files checked: count those apart.
            summary["unchanged_files_with_findings"] = changes.files_affected
            summary["changed_since"] = {
                "revision": changes.revision,
                "changed_files": changes.changed_files,
                "in_unchanged_files": changes.in_unchanged_files,
                "left_out": changes.left_out,
            }
        document = {
            "version": FORMAT_VERSION,
            "diagnostics": [as_dict(d) for d in result.diagnostics],
            "summary": summary,
        }
        return dumps_json(document) + "\n"
