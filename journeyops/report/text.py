"""`--format text`: one line per finding, `path:line:col: severity RULE message`, grouped by
file, with a hint line where a likely fix is known, and a summary.

Messages quote user text (ids, values, file names), so every part that did not come from
journeyops itself goes through `printable`: one finding is one line, and nothing in it is an
escape sequence, a line break or a workflow command."""

from __future__ import annotations

from journeyops.core.diagnostics import Diagnostic, Severity
from journeyops.report.base import Reporter
from journeyops.report.formatting import string_console
from journeyops.report.github import without_legacy_commands
from journeyops.report.safe_text import printable
from journeyops.rules.validation import ValidationResult

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}

Part = str | tuple[str, str]  # text, or (text, rich style)
Line = tuple[Part, ...]


class TextReporter(Reporter):
    def render(self, result: ValidationResult) -> str:
        lines: list[Line] = []
        previous: str | None = None
        for diagnostic in result.diagnostics:
            if previous is not None and diagnostic.file != previous:
                lines.append(())
            previous = diagnostic.file
            lines += self._lines(diagnostic)
        if result.diagnostics:
            lines.append(())
        lines.append(_summary(result))
        if result.changes is not None:
            lines.append(_scope(result))
        return without_legacy_commands(styled(lines, self.context.color_system))

    def _lines(self, d: Diagnostic) -> list[Line]:
        path = line_start(printable(self.context.display(d.file)))
        where = f"{path}:{d.span.line}:{d.span.column}:"
        severity = (d.severity.value, _STYLE[d.severity])
        message = printable(d.message)
        lines: list[Line] = [((where, "bold"), " ", severity, " ", (d.rule, "cyan"), " ", message)]
        if d.hint:
            lines.append(("  hint: ", (printable(d.hint), "green")))
        return lines


def styled(lines: list[Line], color_system: str | None) -> str:
    """The lines as text: plain unless `color_system` is given (a terminal). Plain text
    needs no rich, so a clean run in CI does not import it; with colour, the parts become
    rich `Text` (never markup: messages quote user text such as "[draft]")."""
    if color_system is None:
        return "".join(
            "".join(p if isinstance(p, str) else p[0] for p in line) + "\n" for line in lines
        )
    from rich.text import Text  # noqa: PLC0415 - only for a terminal

    console, buffer = string_console(color_system)
    for line in lines:
        console.print(Text.assemble(*line))
    return buffer.getvalue()


def line_start(path: str) -> str:
    """A path that begins a line, made unable to start a workflow command: the runner reads
    a line that starts with `::` after blanks as one, so a path that begins with anything but
    a letter, a digit or `._-/~` is shown as `./path` (the same file)."""
    first = path[:1]
    return path if first.isalnum() or (first and first in "._-/~") else "./" + path


def _summary(result: ValidationResult) -> Line:
    if result.config_error:
        return (("✗ ", "bold red"), "fix journeyops.yaml; nothing else was checked")
    changes = result.changes
    checked = _count(result.files_checked, "file" if changes is None else "changed file")
    if not result.diagnostics:
        return (("✓ ", "bold green"), f"{checked} checked, no problems found")
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
    return (("✗ ", "bold red" if result.errors else "yellow"), f"{found} {where}")


def _scope(result: ValidationResult) -> Line:
    changes = result.changes
    assert changes is not None
    line = f"  only what changed since {printable(changes.revision)} is reported"
    if changes.left_out:
        line += f"; {_count(changes.left_out, 'older finding')} in unchanged files not shown"
    return ((line, "dim"),)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
