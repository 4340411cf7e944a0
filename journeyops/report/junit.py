"""`--format junit`: JUnit XML for CI dashboards: one test case per checked file, one
failure per finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from journeyops.diagnostics import Diagnostic
from journeyops.report.base import Reporter
from journeyops.validation import ValidationResult


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
            path = self.context.in_repository(file)
            case = ET.SubElement(suite, "testcase", classname="journeyops", name=path, file=path)
            for diagnostic in by_file.get(file, []):
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=f"{diagnostic.rule} {diagnostic.message}",
                    type=f"{diagnostic.severity.value} {diagnostic.rule} {diagnostic.name}",
                )
                failure.text = _details(path, diagnostic)
        ET.indent(suites)
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            + ET.tostring(suites, encoding="unicode")
            + "\n"
        )


def _details(path: str, d: Diagnostic) -> str:
    text = f"{path}:{d.span.line}:{d.span.column}: {d.severity.value} {d.rule} {d.message}"
    return text + (f"\nhint: {d.hint}" if d.hint else "")
