"""`--format text`: one line per finding, `path:line:col: severity RULE message`, grouped by
file, with a hint line where a likely fix is known, and a summary."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from journeyops.diagnostics import Diagnostic, Severity
from journeyops.report.base import Reporter, string_console
from journeyops.validation import ValidationResult

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


class TextReporter(Reporter):
    def render(self, result: ValidationResult) -> str:
        console, buffer = string_console(self.context.color_system)
        previous: str | None = None
        for diagnostic in result.diagnostics:
            if previous is not None and diagnostic.file != previous:
                console.print()
            previous = diagnostic.file
            self._line(console, diagnostic)
        if result.diagnostics:
            console.print()
        console.print(self._summary(result))
        if result.changes is not None:
            console.print(_scope(result))
        return buffer.getvalue()

    def _line(self, console: Console, d: Diagnostic) -> None:
        # Text objects, not markup strings: messages quote user text such as "[draft]".
        where = f"{self.context.display(d.file)}:{d.span.line}:{d.span.column}:"
        line = Text.assemble(
            (where, "bold"),
            " ",
            (d.severity.value, _STYLE[d.severity]),
            " ",
            (d.rule, "cyan"),
            " ",
            d.message,
        )
        console.print(line)
        if d.hint:
            console.print(Text.assemble("  hint: ", (d.hint, "green")))

    def _summary(self, result: ValidationResult) -> Text:
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


def _scope(result: ValidationResult) -> Text:
    changes = result.changes
    assert changes is not None
    line = f"  changes since {changes.revision}: {changes.changed_files} changed files checked"
    if changes.in_unchanged_files:
        line += f"; {_count(changes.in_unchanged_files, 'new finding')} in unchanged files"
    if changes.left_out:
        line += f"; {_count(changes.left_out, 'older finding')} in unchanged files not shown"
    return Text(line, style="dim")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
