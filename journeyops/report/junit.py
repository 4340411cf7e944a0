"""`--format junit`: JUnit XML for CI dashboards: one test case per checked file, one
failure per finding.

XML 1.0 cannot carry most control characters at all, nor a lone surrogate (an undecodable
byte of a file name): every user string is shown through `printable`, so the document is
well-formed whatever a file holds or is called."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from journeyops.core.diagnostics import Diagnostic
from journeyops.report.base import Reporter
from journeyops.report.github import XML_BRACKET, without_legacy_commands
from journeyops.report.safe_text import printable
from journeyops.rules.validation import ValidationResult


class JunitReporter(Reporter):
    def render(self, result: ValidationResult) -> str:
        by_file = {
            file: list(found) for file, found in groupby(result.diagnostics, key=lambda d: d.file)
        }
        files = sorted(set(result.files) | set(by_file))
        failures = len(result.diagnostics)
        suites = ET.Element(
            "testsuites", name="journeyops", tests=str(len(files)), failures=str(failures)
        )
        suite = ET.SubElement(
            suites,
            "testsuite",
            name="journeyops validate",
            tests=str(len(files)),
            failures=str(failures),
            errors="0",
            skipped="0",
        )
        for file in files:
            path = printable(self.context.in_repository(file))
            case = ET.SubElement(suite, "testcase", classname="journeyops", name=path, file=path)
            for diagnostic in by_file.get(file, []):
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=f"{diagnostic.rule} {printable(diagnostic.message)}",
                    type=f"{diagnostic.severity.value} {diagnostic.rule} {diagnostic.name}",
                )
                failure.text = _details(path, diagnostic)
        ET.indent(suites)
        document = ET.tostring(suites, encoding="unicode")
        return '<?xml version="1.0" encoding="utf-8"?>\n' + without_legacy_commands(
            document + "\n", XML_BRACKET
        )


def _details(path: str, d: Diagnostic) -> str:
    where = f"{path}:{d.span.line}:{d.span.column}"
    text = f"{where}: {d.severity.value} {d.rule} {printable(d.message)}"
    return text + (f"\nhint: {printable(d.hint)}" if d.hint else "")
