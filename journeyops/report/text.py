"""`--format text`: one line per finding, `path:line:col: severity RULE message`, grouped by
file, with a hint line where a likely fix is known, and a summary.

Messages quote user text (ids, values, file names), so every part that did not come from
journeyops itself goes through `printable`: one finding is one line, and nothing in it is an
escape sequence, a line break or a workflow command."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from journeyops.core.diagnostics import Diagnostic, Severity
from journeyops.report.base import Reporter
from journeyops.report.formatting import string_console
from journeyops.report.github import without_legacy_commands
from journeyops.report.safe_text import printable
from journeyops.rules.validation import ValidationResult

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
        console.print(_summary(result))
        if result.changes is not None:
            console.print(_scope(result))
        return without_legacy_commands(buffer.getvalue())

    def _line(self, console: Console, d: Diagnostic) -> None:
        # Text objects, not markup strings: messages quote user text such as "[draft]".
        path = line_start(printable(self.context.display(d.file)))
        where = f"{path}:{d.span.line}:{d.span.column}:"
        line = Text.assemble(
            (where, "bold"),
            " ",
            (d.severity.value, _STYLE[d.severity]),
            " ",
            (d.rule, "cyan"),
            " ",
            printable(d.message),
        )
        console.print(line)
        if d.hint:
            console.print(Text.assemble("  hint: ", (printable(d.hint), "green")))


def line_start(path: str) -> str:
    """A path that begins a line, made unable to start a workflow command: the runner reads
    a line that starts with `::` after blanks as one, so a path that begins with anything but
    a letter, a digit or `._-/~` is shown as `./path` (the same file)."""
    first = path[:1]
    return path if first.isalnum() or (first and first in "._-/~") else "./" + path


def _summary(result: ValidationResult) -> Text:
    if result.config_error:
        return Text.assemble(("✗ ", "bold red"), "fix journeyops.yaml; nothing else was checked")
    changes = result.changes
    checked = _count(result.files_checked, "file" if changes is None else "changed file")
    if not result.diagnostics:
        return Text.assemble(("✓ ", "bold green"), f"{checked} checked, no problems found")
    counts = ((result.errors, "error"), (result.warnings, "warning"))
    found = ", ".join(_count(n, noun) for n, noun in counts if n)
    with_findings = len({d.file for d in result.diagnostics})
    if changes is None:
        where = f"in {with_findings} of {checked}"
    else:
        # Findings in unchanged files are shown too (the change broke them), so the files
        # with findings are not a part of the files checked: say what each number counts.
        where = f"in {_count(with_findings, 'file')} ({checked} checked"
        if changes.in_unchanged_files:
            affected = _count(changes.files_affected, "unchanged file")
            where += f"; {_count(changes.in_unchanged_files, 'finding')} in {affected} it affects"
        where += ")"
    return Text.assemble(("✗ ", "bold red" if result.errors else "yellow"), f"{found} {where}")


def _scope(result: ValidationResult) -> Text:
    changes = result.changes
    assert changes is not None
    line = f"  only what changed since {printable(changes.revision)} is reported"
    if changes.left_out:
        line += f"; {_count(changes.left_out, 'older finding')} in unchanged files not shown"
    return Text(line, style="dim")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
