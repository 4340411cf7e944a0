"""`journeyops diff` output: text (people, `diff_text.py`), markdown (pull-request comments,
`diff_markdown.py`), json (tools, here).

JSON is the exact data, written by `dumps_json`: every change with its path and ids as well
as its words, the findings introduced and fixed, and the rank moves (all of them but those
`--top` leaves out).
"""

from __future__ import annotations

from dataclasses import asdict
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from journeyops.report.base import ReportContext, Reporters
from journeyops.report.diff_markdown import markdown
from journeyops.report.diff_text import text
from journeyops.report.diff_view import DiffReport
from journeyops.report.diff_words import describe, headline
from journeyops.report.formatting import FORMAT_VERSION
from journeyops.report.safe_text import dumps_json

if TYPE_CHECKING:
    from journeyops.core.diagnostics import Diagnostic
    from journeyops.diff import DocumentChange


class DiffFormat(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"


def as_json(report: DiffReport, context: ReportContext) -> str:
    result = report.diff
    delta = result.validation
    document = {
        "version": FORMAT_VERSION,
        "base": result.base,
        "head": result.head,
        "model": result.model,
        "base_has_model": result.base_has_model,
        "files_changed": result.files_changed,
        "summary": headline(result),
        "findings": {
            "introduced": [_finding(d) for d in delta.introduced],
            "fixed": [_finding(d) for d in delta.fixed],
            "new_errors": delta.new_errors,
            "new_warnings": delta.new_warnings,
            "errors": delta.errors,
            "warnings": delta.warnings,
        },
        "documents": [_document(c) for c in result.documents],
        "ranking": [asdict(c) | {"shift": c.shift} for c in report.ranking],
        "ranking_left_out": report.ranking_left_out,
    }
    return dumps_json(document) + "\n"


def _document(change: DocumentChange) -> dict[str, Any]:
    data = asdict(change)
    data["details"] = dict(change.details)
    for shown, fields in zip(data["fields"], change.fields, strict=True):
        shown["details"] = dict(fields.details)
        shown["words"] = describe(fields, change.name)
    return data


def _finding(diagnostic: Diagnostic) -> dict[str, Any]:
    span = diagnostic.span
    return {
        "file": diagnostic.file,
        "line": span.line,
        "column": span.column,
        "rule": diagnostic.rule,
        "name": diagnostic.name,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
    }


REPORTERS: Reporters[DiffFormat, DiffReport] = {
    DiffFormat.TEXT: text,
    DiffFormat.MARKDOWN: markdown,
    DiffFormat.JSON: as_json,
}
