"""`--format text`: one line per finding, `path:line:col: severity RULE message`, grouped by
file, with a hint line where a likely fix is known, and a summary."""

from __future__ import annotations

from rich.text import Text

from journeyops.diagnostics import Diagnostic, Severity
from journeyops.report.base import Reporter
from journeyops.validation import ValidationResult

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


class TextReporter(Reporter):
    def report(self, result: ValidationResult) -> None:
        previous: str | None = None
        for diagnostic in result.diagnostics:
            if previous is not None and diagnostic.file != previous:
                self.console.print()
            previous = diagnostic.file
            self.line(diagnostic)
        if result.diagnostics:
            self.console.print()
        self.console.print(self.summary(result), soft_wrap=True)

    def line(self, d: Diagnostic) -> None:
        # Text objects, not markup strings: messages quote user text such as "[draft]".
        where = f"{self.display(d.file)}:{d.span.line}:{d.span.column}:"
        line = Text.assemble(
            (where, "bold"),
            " ",
            (d.severity.value, _STYLE[d.severity]),
            " ",
            (d.rule, "cyan"),
            " ",
            d.message,
        )
        self.console.print(line, soft_wrap=True, highlight=False)
        if d.hint:
            self.console.print(Text.assemble("  hint: ", (d.hint, "green")), soft_wrap=True)

    def summary(self, result: ValidationResult) -> Text:
        files = f"{result.files_checked} file{'s' if result.files_checked != 1 else ''}"
        if not result.diagnostics:
            return Text.assemble(("✓ ", "bold green"), f"{files} checked, no problems found")
        if result.config_error:
            return Text.assemble(
                ("✗ ", "bold red"), "fix journeyops.yaml; nothing else was checked"
            )
        counts = ((result.errors, "error"), (result.warnings, "warning"))
        parts = [_count(n, noun) for n, noun in counts if n]
        with_findings = len({d.file for d in result.diagnostics})
        return Text.assemble(
            ("✗ ", "bold red" if result.errors else "yellow"),
            f"{', '.join(parts)} in {with_findings} of {files}",
        )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
