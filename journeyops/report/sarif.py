"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Paths are relative to the repository root (what code scanning resolves them against);
fingerprints leave out line numbers so that an alert survives edits above it. A file name
is a URI of its own bytes (`uri_path`: percent-encoded, exact even when it is not UTF-8), and
messages, which people read in code scanning, are shown through `printable`.
"""

from __future__ import annotations

from typing import Any

from journeyops.core.diagnostics import Diagnostic
from journeyops.report.base import INFORMATION_URI, Reporter
from journeyops.report.fingerprints import fingerprints
from journeyops.report.rule_docs import rule_markdown
from journeyops.report.safe_text import dumps_json, printable, uri_path
from journeyops.rules import Rule
from journeyops.rules.validation import ValidationResult

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "journeyops/v1"


class SarifReporter(Reporter):
    def render(self, result: ValidationResult) -> str:
        rules = list(self.context.rules.values())
        index = {rule.id: i for i, rule in enumerate(rules)}
        located = self.context.in_repository
        results = [
            self._result(d, uri_path(located(d.file)), index[d.rule], fingerprint)
            for d, fingerprint in zip(
                result.diagnostics, fingerprints(result.diagnostics, located), strict=True
            )
        ]
        document = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "journeyops",
                            "version": self.context.tool_version,
                            "informationUri": INFORMATION_URI,
                            "rules": [_descriptor(rule) for rule in rules],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }
        return dumps_json(document) + "\n"

    def _result(self, d: Diagnostic, uri: str, rule_index: int, fingerprint: str) -> dict[str, Any]:
        text = printable(d.message) + (f". Hint: {printable(d.hint)}" if d.hint else "")
        return {
            "ruleId": d.rule,
            "ruleIndex": rule_index,
            "level": d.severity.value,
            "message": {"text": text},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {
                            "startLine": d.span.line,
                            "startColumn": d.span.column,
                            "endLine": d.span.end_line,
                            "endColumn": max(d.span.end_column, d.span.column),
                        },
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT: fingerprint},
        }


def _descriptor(rule: Rule) -> dict[str, Any]:
    docs = rule.docs or rule.summary
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": docs.split("\n\n")[0].replace("\n", " ")},
        "help": {"text": docs, "markdown": rule_markdown(rule)},
        "defaultConfiguration": {"level": rule.severity.value},
    }
