"""`--format gitlab`: a GitLab code-quality report, the JSON array of issues that a job's
`artifacts: reports: codequality:` file holds, shown in the merge request's widget.

Each issue has what GitLab reads: `description`, `check_name`, a `fingerprint` that
survives edits above the finding (the same as SARIF's), a `severity` on GitLab's scale
(errors `major`, warnings `minor`) and `location` with the path relative to the repository
root and the line. Text is shown through `printable`: people read it in the widget."""

from __future__ import annotations

from typing import Any

from journeyops.core.diagnostics import Diagnostic, Severity
from journeyops.report.base import Reporter
from journeyops.report.fingerprints import fingerprints
from journeyops.report.safe_text import dumps_json, printable
from journeyops.rules.validation import ValidationResult

# GitLab's scale is info, minor, major, critical, blocker: an error fails the pipeline's
# check but is not a security blocker; a warning is worth a look.
SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}


class GitlabReporter(Reporter):
    def render(self, result: ValidationResult) -> str:
        located = self.context.in_repository
        prints = fingerprints(result.diagnostics, located)
        issues = [
            _issue(d, located(d.file), fingerprint)
            for d, fingerprint in zip(result.diagnostics, prints, strict=True)
        ]
        return dumps_json(issues) + "\n"


def _issue(d: Diagnostic, path: str, fingerprint: str) -> dict[str, Any]:
    hint = f" (hint: {printable(d.hint)})" if d.hint else ""
    return {
        "description": f"{d.rule} {printable(d.message)}{hint}",
        "check_name": f"journeyops/{d.rule}-{d.name}",
        "fingerprint": fingerprint,
        "severity": SEVERITY[d.severity],
        "location": {"path": path, "lines": {"begin": d.span.line}},
    }
